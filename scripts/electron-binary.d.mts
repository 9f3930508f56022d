export function findElectron(env?: Record<string, string | undefined>, platform?: string): { path: string } | { missing: string };
