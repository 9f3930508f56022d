/**
 * An `invalid` ack names the field at fault (`error.field`, `error.issues`), so a console can
 * put its message under the field the person typed it in rather than under Description.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from '../../shared/protocol/errors';
import { TEXT_LIMITS } from '../../shared/protocol/limits';
import { operatorAuth, type TestClient } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { healthz, Resources } from '../helpers/resources';

const res = new Resources();
let hub: TestHub;
let op: TestClient;
let ticketId: string;

const ticket = { phone: '9876543210', category: 'food_ration', description: 'No ration for a week' };

beforeAll(async () => {
  hub = await startTestHub(res, { seats: 4 });
  op = await res.ready(hub.url, operatorAuth(1));
  ticketId = (await op.emit('ticket:create', { opId: randomUUID(), ticket })).ticket!.id;
});
afterAll(() => res.cleanup());

/** The ack's error, read with the contract's own schema. */
async function refusal(event: string, payload: unknown): Promise<ProtocolError> {
  const ack = await op.emit(event, payload);
  expect(ack.ok).toBe(false);
  // The field names travel inside `error`, not beside it.
  expect(ack).not.toHaveProperty('field');
  return ProtocolError.parse(ack.error);
}

describe('an invalid ack names the field', () => {
  it('a locality over its limit: ticket.locality, too_big, with the limit', async () => {
    const before = (await healthz(hub.url)).seq;
    const error = await refusal('ticket:create', { opId: randomUUID(), ticket: { ...ticket, locality: 'x'.repeat(TEXT_LIMITS.locality + 1) } });
    expect(error).toMatchObject({ code: 'invalid', field: 'ticket.locality', issues: [{ field: 'ticket.locality', code: 'too_big', max: TEXT_LIMITS.locality }] });
    expect((await healthz(hub.url)).seq).toBe(before);
  });

  it('a description over its limit, and an empty caller name, each by its own path', async () => {
    const error = await refusal('ticket:create', {
      opId: randomUUID(),
      ticket: { ...ticket, description: 'x'.repeat(TEXT_LIMITS.description + 1), callerName: '  ' },
    });
    expect(error.field).toBe('ticket.description');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'ticket.description', code: 'too_big', max: TEXT_LIMITS.description },
        { field: 'ticket.callerName', code: 'too_small' },
      ]),
    );
  });

  it('a note and a department reference: text, patch.departmentRef', async () => {
    expect(await refusal('ticket:note', { opId: randomUUID(), id: ticketId, text: 'n'.repeat(TEXT_LIMITS.note + 1) })).toMatchObject({ field: 'text', issues: [{ code: 'too_big', max: TEXT_LIMITS.note }] });
    expect(await refusal('ticket:update', { opId: randomUUID(), id: ticketId, version: 1, patch: { departmentRef: 'r'.repeat(TEXT_LIMITS.departmentRef + 1) } })).toMatchObject({
      field: 'patch.departmentRef',
    });
  });

  it('a fault of the message as a whole names no field', async () => {
    const error = await refusal('call:start', null);
    expect(error.code).toBe('invalid');
    expect(error.field).toBeUndefined();
  });

  it('other refusals keep the contract’s shape', async () => {
    const ack = await op.emit('ticket:update', { opId: randomUUID(), id: randomUUID(), version: 1, patch: { status: 'resolved' } });
    expect(ack.ok).toBe(false);
    expect(ack.error).toEqual({ code: 'not_found', message: expect.any(String) });
  });
});
