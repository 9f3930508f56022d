import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../../shared/protocol/limits';
import { fieldProblemOf, fieldProblemText, refusalText, refusedField } from './fieldProblem';

// The words as keys with their values, so a test reads which message was chosen.
const t = (key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key);

describe('a refused field', () => {
  it('maps the hub’s path to the form’s field, request by request', () => {
    const tooLong = { code: 'invalid' as const, message: 'ticket.locality: too long', field: 'ticket.locality', issues: [{ field: 'ticket.locality', code: 'too_big', max: 200 }] };
    expect(refusedField('ticket:create', tooLong)).toEqual({ field: 'locality', problem: 'tooLong', max: 200 });
    expect(refusedField('ticket:note', { code: 'invalid', message: '', field: 'text', issues: [{ field: 'text', code: 'too_big', max: 4000 }] })).toEqual({ field: 'note', problem: 'tooLong', max: 4000 });
    expect(refusedField('ticket:update', { code: 'invalid', message: '', field: 'patch.departmentRef', issues: [{ field: 'patch.departmentRef', code: 'too_big' }] })).toEqual({
      field: 'departmentRef',
      problem: 'tooLong',
      max: TEXT_LIMITS.departmentRef,
    });
  });

  it('names no field where the hub named none, or one nobody types', () => {
    expect(refusedField('ticket:create', { code: 'invalid', message: 'bad' })).toBeNull();
    expect(refusedField('ticket:create', { code: 'invalid', message: '', field: 'opId' })).toBeNull();
    expect(refusedField('ticket:create', { code: 'conflict', message: '', field: 'ticket.locality' })).toBeNull();
    expect(refusedField('call:start', { code: 'invalid', message: '', field: 'phone' })).toBeNull();
  });

  it('tells missing, too long and not accepted apart', () => {
    expect(fieldProblemOf({ field: 'description', code: 'too_small' })).toEqual({ field: 'description', problem: 'missing' });
    expect(fieldProblemOf({ field: 'phone', code: 'custom' })).toEqual({ field: 'phone', problem: 'invalid' });
    expect(fieldProblemText(t, { field: 'locality', problem: 'tooLong', max: 200 })).toBe('limits.tooLong {"max":"200"}');
    expect(fieldProblemText(t, { field: 'description', problem: 'tooLong', max: 4000 })).toBe('limits.tooLong {"max":"4,000"}');
    expect(fieldProblemText(t, { field: 'locality', problem: 'invalid' })).toBe('limits.refused');
  });

  it('names the field by its label in the list of refused actions', () => {
    const error = { code: 'invalid' as const, message: '', field: 'ticket.locality', issues: [{ field: 'ticket.locality', code: 'too_big', max: 200 }] };
    expect(refusalText(t, 'ticket:create', error)).toBe('form.locality — limits.tooLong {"max":"200"}');
    expect(refusalText(t, 'ticket:create', { code: 'invalid', message: '' })).toBeNull();
  });
});
