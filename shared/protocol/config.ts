/**
 * The floor's configuration (extension), set by supervisors while the floor runs and pushed to
 * every client at once as `config`: categories with their Hindi/English labels and the
 * guidance operators read from, departments, and service-level targets. Categories and
 * departments are never deleted (old tickets name them); they are retired with `active: false`.
 */
import { z } from 'zod';
import { CategoryId, DepartmentId, OpId, Text } from './common';
import { TEXT_LIMITS } from './limits';

export const Bilingual = z.strictObject({ en: Text(TEXT_LIMITS.label), hi: Text(TEXT_LIMITS.label) });
export const Guidance = z.strictObject({ en: z.string().trim().max(TEXT_LIMITS.guidance), hi: z.string().trim().max(TEXT_LIMITS.guidance) });

export const CategoryConfig = z.strictObject({
  id: CategoryId,
  label: Bilingual,
  guidance: Guidance,
  active: z.boolean(),
  /**
   * Extension: the language whose guidance is out of date because the other language's was
   * edited since; absent when both are current. The hub sets it on `config:update` (a value a
   * client sends is ignored), so it survives reloads and shows on every console.
   */
  staleGuidance: z.enum(['en', 'hi']).nullable().optional(),
});
export type CategoryConfig = z.infer<typeof CategoryConfig>;

export const DepartmentConfig = z.strictObject({
  id: DepartmentId,
  label: Bilingual,
  active: z.boolean(),
});
export type DepartmentConfig = z.infer<typeof DepartmentConfig>;

const Hours = z.number().positive().max(24 * 90);
/** Hours from a ticket being raised to it being resolved. */
export const SlaConfig = z.strictObject({
  normalHours: Hours,
  urgentHours: Hours,
  perCategory: z.record(CategoryId, z.strictObject({ normalHours: Hours.optional(), urgentHours: Hours.optional() })),
});
export type SlaConfig = z.infer<typeof SlaConfig>;

export const Broadcast = z.object({ id: z.string(), text: z.string(), at: z.string(), by: z.string() });
export type Broadcast = z.infer<typeof Broadcast>;

/** After how many days the phone numbers and names of closed tickets (and old calls) are masked. */
export const PrivacyConfig = z.strictObject({ maskClosedAfterDays: z.number().int().min(1).max(3650).nullable() });
export type PrivacyConfig = z.infer<typeof PrivacyConfig>;

export type FloorConfig = {
  /** Grows by one per change: `config:update` carries the version it edits. */
  version: number;
  categories: CategoryConfig[];
  departments: DepartmentConfig[];
  sla: SlaConfig;
  privacy: PrivacyConfig;
  /** The latest message to all seats, if any. */
  broadcast?: Broadcast;
};

/** `config:update` (supervisors): replace any of the lists; stale `version` gets `conflict`. */
export const ConfigUpdateRequest = z.strictObject({
  opId: OpId,
  version: z.number().int().positive(),
  categories: z.array(CategoryConfig).min(1).max(100).optional(),
  departments: z.array(DepartmentConfig).max(100).optional(),
  sla: SlaConfig.optional(),
  privacy: PrivacyConfig.optional(),
});
export type ConfigUpdateRequest = z.infer<typeof ConfigUpdateRequest>;
export type ConfigUpdateResult = { config: FloorConfig };

/** `broadcast:send` (supervisors): a message shown on every seat at once. */
export const BroadcastSendRequest = z.strictObject({ opId: OpId, text: Text(TEXT_LIMITS.broadcast) });
export type BroadcastSendRequest = z.infer<typeof BroadcastSendRequest>;
export type BroadcastSendResult = { broadcast: Broadcast };
