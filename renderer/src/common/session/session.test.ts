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
