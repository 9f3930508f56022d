import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, DesktopInfo, DesktopResult } from '../../../../shared/desktop/api';
import { fillBlank, heldKey, requestSignInDefaults, signInDefaults } from './desktopSignIn';

const seatPc: DesktopInfo = { appVersion: '0.1.0', role: 'seat', window: 'operator', seat: 12, signInKey: 'op-key', hubUrl: 'http://10.0.0.5:4950', platform: 'windows' };
const hubPc: DesktopInfo = { ...seatPc, role: 'hub', window: 'supervisor', seat: null, signInKey: 'sup-key' };
const ok = (value: DesktopInfo): DesktopResult<DesktopInfo> => ({ ok: true, value });

function fakeDesktop(getInfo: DesktopApi['getInfo']): DesktopApi {
  const unused = () => Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'not in this test' } });
  return { getInfo, saveExport: unused, printToPdf: unused, notifyUrgent: unused };
}

describe('signInDefaults', () => {
  it("a seat PC: its seat number and the operator key on the operator's form", () => {
    expect(signInDefaults(ok(seatPc), 'operator')).toEqual({ seat: '12', key: 'op-key' });
  });
  it("the hub PC: the supervisor key on the supervisor's form, no seat", () => {
    expect(signInDefaults(ok(hubPc), 'supervisor')).toEqual({ key: 'sup-key' });
  });
  it("a key goes only to the form of the console the PC's window shows", () => {
    // The operator console opened on the hub PC gets no supervisor key, and the other way round.
    expect(signInDefaults(ok(hubPc), 'operator')).toEqual({});
    expect(signInDefaults(ok(seatPc), 'supervisor')).toEqual({});
  });
  it('nothing set for the PC, or the desktop app refused: nothing to fill in', () => {
    expect(signInDefaults(ok({ ...seatPc, seat: null, signInKey: null }), 'operator')).toEqual({});
    expect(signInDefaults({ ok: false, error: { code: 'forbidden', message: 'no' } }, 'operator')).toEqual({});
  });
});

describe('requestSignInDefaults', () => {
  it('a plain browser (no desktop API): nothing asked, nothing filled in', async () => {
    expect(await requestSignInDefaults(undefined, 'operator')).toEqual({});
  });
  it("asks the desktop app's getInfo", async () => {
    const getInfo = vi.fn(() => Promise.resolve(ok(seatPc)));
    expect(await requestSignInDefaults(fakeDesktop(getInfo), 'operator')).toEqual({ seat: '12', key: 'op-key' });
    expect(getInfo).toHaveBeenCalledTimes(1);
  });
  it('a call that fails outright still leaves the form usable', async () => {
    expect(await requestSignInDefaults(fakeDesktop(() => Promise.reject(new Error('gone'))), 'supervisor')).toEqual({});
  });
});

describe('heldKey', () => {
  it('the desktop app holds the key: the form does not ask for it', () => {
    expect(heldKey('op-key', '', false)).toEqual({ ask: false, held: 'op-key' });
    // IT's configuration wins over a key typed in this window before.
    expect(heldKey('op-key', 'typed-once', false)).toEqual({ ask: false, held: 'op-key' });
  });
  it('a browser asks once, then holds the key that worked', () => {
    expect(heldKey(null, '', false)).toEqual({ ask: true, held: '' });
    expect(heldKey(null, 'typed-once', false)).toEqual({ ask: false, held: 'typed-once' });
  });
  it('asks again when the person wants to change it, and not while the desktop app is still answering', () => {
    expect(heldKey('op-key', '', true).ask).toBe(true);
    expect(heldKey(undefined, '', false).ask).toBe(false);
  });
});

describe('fillBlank', () => {
  it('fills only a blank field: typed or remembered values win', () => {
    expect(fillBlank('', '12')).toBe('12');
    expect(fillBlank('  ', '12')).toBe('12');
    expect(fillBlank('14', '12')).toBe('14');
    expect(fillBlank('', undefined)).toBe('');
  });
});

describe('the hub PC’s first start', () => {
  const first = { username: 'supervisor', pin: '73920461' };
  const hubPc: DesktopInfo = { appVersion: '0.1.0', role: 'hub', window: 'supervisor', seat: null, signInKey: 'sup-key', hubUrl: 'http://127.0.0.1:4950', platform: 'linux', firstSignIn: first };
  it('shows the one-time PIN on the supervisor’s form only', () => {
    expect(signInDefaults({ ok: true, value: hubPc }, 'supervisor')).toEqual({ key: 'sup-key', firstSignIn: first });
    expect(signInDefaults({ ok: true, value: hubPc }, 'operator').firstSignIn).toBeUndefined();
  });
});
