/** Field schemas shared by several messages of the contract. */
import { z } from 'zod';
import { normalizePhone } from './phone';
import { ID_PATTERN } from '../protocol/vocabulary';
import { TEXT_LIMITS } from './limits';

/** Made by the client, unique per mutation; the hub applies an (clientId, opId) pair once. */
export const OpId = z.string().min(1).max(128);

/** Hub-made ids (UUIDs). */
export const EntityId = z.string().min(1).max(128);

/** Accepts any spelling of a phone number and yields the canonical form, or fails with why. */
export const PhoneInput = z
  .string()
  .max(TEXT_LIMITS.phone)
  .transform((value, ctx) => {
    const r = normalizePhone(value);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `phone: ${r.reason}` });
      return z.NEVER;
    }
    return r.phone;
  });

export const CategoryId = z.string().regex(ID_PATTERN, 'a category id is lower-case letters, digits and _');
export const DepartmentId = z.string().regex(ID_PATTERN, 'a department id is lower-case letters, digits and _');

/** Free text typed by a person: trimmed, never empty. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

export const IsoTime = z.string();
