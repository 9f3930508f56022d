import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/protocol';
import { Credentials } from './credentials';

const session: Session = { token: 'tok-0123456789abcdef', expiresAt: '2026-11-29T02:00:00.000Z', user: { username: 'asha', name: 'Asha', role: 'operator' } };

describe('what a console signs in with', () => {
  it('sends the PIN until the hub answers with a session, then only the token', () => {
    const c = new Credentials({ pin: '482913' });
    expect(c.handshake()).toEqual({ pin: '482913' });
    // A network that failed before the hub answered: the retry still has the PIN.
    expect(c.handshake()).toEqual({ pin: '482913' });
    c.heard(session);
    expect(c.handshake()).toEqual({ token: session.token });
    expect(JSON.stringify(c)).not.toContain('482913');
  });

  it('drops the PIN when the hub refuses it', () => {
    const c = new Credentials({ pin: '482913' });
    c.refused();
    expect(c.handshake()).toEqual({});
    expect(c.usable).toBe(false);
    expect(JSON.stringify(c)).not.toContain('482913');
  });

  it('resumes with a token and forgets it at sign-out', () => {
    const c = new Credentials({ token: session.token });
    expect(c.handshake()).toEqual({ token: session.token });
    c.forget();
    expect(c.handshake()).toEqual({});
    expect(c.usable).toBe(false);
  });
});
