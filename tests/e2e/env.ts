/** What the tests share with the global setup: the hub's keys and where its counter starts. */
export const E2E_KEYS = { operator: 'e2e-operator-key', supervisor: 'e2e-supervisor-key', wall: 'e2e-wall-key' };
export const INITIAL_TOTAL = 103515;

export function hubUrl(): string {
  const url = process.env.E2E_HUB_URL;
  if (!url) throw new Error('E2E_HUB_URL is not set: run the tests through `playwright test`, whose global setup starts the hub');
  return url;
}
