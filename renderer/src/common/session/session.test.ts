import { describe, expect, it } from 'vitest';
import { sessionFromForm } from './session';

describe('the sign-in form', () => {
  it('makes an operator session with a seat, trimmed', () => {
    expect(sessionFromForm('operator', { seat: ' 12 ', name: ' Asha ', key: ' k ' })).toEqual({ ok: true, session: { seat: 12, name: 'Asha', key: 'k' } });
  });

  it('asks an operator for the seat first, then the name, then the key', () => {
    expect(sessionFromForm('operator', { seat: '', name: '', key: '' })).toEqual({ ok: false, error: 'signIn.needSeat' });
    expect(sessionFromForm('operator', { seat: '2.5', name: 'Asha', key: 'k' })).toEqual({ ok: false, error: 'signIn.needSeat' });
    expect(sessionFromForm('operator', { seat: '3', name: ' ', key: 'k' })).toEqual({ ok: false, error: 'signIn.needName' });
    expect(sessionFromForm('operator', { seat: '3', name: 'Asha', key: '' })).toEqual({ ok: false, error: 'signIn.needKey' });
  });

  it('gives a supervisor no seat, whatever the seat field holds', () => {
    expect(sessionFromForm('supervisor', { seat: '', name: 'Meena', key: 'k' })).toEqual({ ok: true, session: { name: 'Meena', key: 'k' } });
    expect(sessionFromForm('supervisor', { seat: '4', name: '', key: 'k' })).toEqual({ ok: false, error: 'signIn.needName' });
  });
});

describe('a name the hub would refuse', () => {
  it('is caught on the form, for both consoles', () => {
    const long = 'A'.repeat(61);
    expect(sessionFromForm('supervisor', { seat: '', name: long, key: 'k' })).toEqual({ ok: false, error: 'signIn.nameTooLong' });
    expect(sessionFromForm('operator', { seat: '1', name: long, key: 'k' })).toEqual({ ok: false, error: 'signIn.nameTooLong' });
    expect(sessionFromForm('supervisor', { seat: '', name: 'A'.repeat(60), key: 'k' }).ok).toBe(true);
  });
});
