/**
 * Guidance out of date: when a supervisor edits a category's guidance in one language, the
 * other language's is flagged in the floor configuration until it is edited too. The flag is
 * the hub's: it reaches every console, survives a restart, and a client cannot drop it by
 * sending the list back without it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { CategoryConfig, FloorConfig } from '../../shared/protocol/config';
import { type TestClient, operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

function latestConfig(c: TestClient): FloorConfig | undefined {
  return c.events.filter((e) => e.event === 'config').at(-1)?.args[0] as FloorConfig | undefined;
}

async function configOf(c: TestClient): Promise<FloorConfig> {
  await waitUntil(() => latestConfig(c) !== undefined, 'config on connect');
  return latestConfig(c)!;
}

const food = (config: FloorConfig) => config.categories.find((c) => c.id === 'food_ration')!;

/** Saves the categories with food_ration changed by `edit`; the hub's answer. */
async function editFood(sup: TestClient, config: FloorConfig, edit: (c: CategoryConfig) => CategoryConfig): Promise<FloorConfig> {
  const categories = config.categories.map((c) => (c.id === 'food_ration' ? edit(c) : c));
  const ack = await sup.emit('config:update', { opId: randomUUID(), version: config.version, categories });
  expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
  return (ack as unknown as { config: FloorConfig }).config;
}

it('flags the Hindi guidance when the English is edited, on every console and after a restart, until the Hindi is edited too', async () => {
  const dataDir = await res.dataDir();
  let hub = await startTestHub(res, { dataDir });
  const sup = await res.ready(hub.url, supervisorAuth());
  const otherSup = await res.ready(hub.url, supervisorAuth({ user: 'sup2' }));
  const op = await res.ready(hub.url, operatorAuth(4));
  let config = await configOf(sup);
  expect(food(config).staleGuidance).toBeUndefined();

  config = await editFood(sup, config, (c) => ({ ...c, guidance: { ...c.guidance, en: 'Tell: ration kits now at the ward office only.' } }));
  expect(food(config).staleGuidance).toBe('hi');
  await waitUntil(() => food(latestConfig(otherSup)!).staleGuidance === 'hi', 'the flag on the other supervisor’s console');
  await waitUntil(() => food(latestConfig(op)!).staleGuidance === 'hi', 'the flag on a seat');

  // A client that sends the list back without the flag, or with it cleared, changes nothing.
  config = await editFood(sup, config, (c) => {
    const { staleGuidance: _flag, ...rest } = c;
    return { ...rest, label: { ...c.label, en: 'Food and ration' } };
  });
  expect(food(config).staleGuidance).toBe('hi');
  config = await editFood(sup, config, (c) => ({ ...c, staleGuidance: null }));
  expect(food(config).staleGuidance).toBe('hi');

  await hub.close();
  hub = await startTestHub(res, { dataDir });
  const later = await res.ready(hub.url, supervisorAuth());
  config = await configOf(later);
  expect(food(config).staleGuidance).toBe('hi');

  // The Hindi brought up to date: both are current.
  config = await editFood(later, config, (c) => ({ ...c, guidance: { ...c.guidance, hi: 'बताएं: राशन किट अब केवल वार्ड कार्यालय पर।' } }));
  expect(food(config).staleGuidance).toBeUndefined();

  // And the other way round: Hindi edited alone flags the English.
  config = await editFood(later, config, (c) => ({ ...c, guidance: { ...c.guidance, hi: 'बताएं: राशन किट सुबह 9 बजे से।' } }));
  expect(food(config).staleGuidance).toBe('en');
});
