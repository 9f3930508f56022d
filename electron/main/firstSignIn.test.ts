import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFirstSupervisor, readFirstSignIn } from './firstSignIn';

describe('the first supervisor on the hub PC', () => {
  it('reads the username and one-time PIN from the file the hub wrote, and nothing when it is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-'));
    try {
      expect(readFirstSignIn(dir)).toBeNull();
      writeFileSync(join(dir, 'first-supervisor.txt'), 'Helpline hub: the first supervisor account\nUsername: supervisor\nOne-time PIN: 73920461\n\nSign in at /supervisor …\n');
      expect(readFirstSignIn(dir)).toEqual({ username: 'supervisor', pin: '73920461' });
      expect(parseFirstSupervisor('Username: supervisor\n')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
