/**
 * The proxy rule itself; shell.ts sets it on the session before the first load, which only
 * tests/electron exercise, where an Electron binary is available (there, with a system proxy
 * that goes nowhere, the session must still resolve the hub as DIRECT).
 */
import { describe, expect, it } from 'vitest';
import { consoleSessionProxy } from './proxy';

describe('consoleSessionProxy', () => {
  it('goes direct: no system proxy, no PAC script, no proxy servers between a seat and its hub', () => {
    const config = consoleSessionProxy();
    expect(config).toEqual({ mode: 'direct' });
    expect(config).not.toHaveProperty('proxyRules');
    expect(config).not.toHaveProperty('pacScript');
  });
});
