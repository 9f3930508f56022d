/**
 * The fixed words of the contract: ticket statuses, priorities, dispositions, seat states and
 * the default categories. Labels for people live in the renderer's i18n files; these are ids.
 */

export const TICKET_STATUSES = ['open', 'in_progress', 'forwarded', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What an operator chooses from when ending a call (`call:end`): the contract's six, keys 1–6. */
export const DISPOSITIONS = ['info_given', 'ticket_raised', 'forwarded', 'callback', 'dropped', 'prank'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * Extension: dispositions only the hub records, never an operator's choice. `disconnected`: the
 * seat went offline during the call and did not come back within the grace period, or a
 * supervisor closed the call as left open (`call:close`). Not a dropped call: the caller was not
 * lost by the helpline's choice, and nobody knows how the call went.
 */
export const HUB_DISPOSITIONS = ['disconnected'] as const;

/** Every disposition a recorded call may carry. */
export const CALL_DISPOSITIONS = [...DISPOSITIONS, ...HUB_DISPOSITIONS] as const;
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];

export const SEAT_STATES = ['offline', 'ready', 'on_call', 'wrap_up', 'break'] as const;
export type SeatState = (typeof SEAT_STATES)[number];

/** The states a seat may choose for itself; `on_call` and `offline` follow from calls and connections. */
export const SETTABLE_SEAT_STATES = ['ready', 'break', 'wrap_up'] as const;
export type SettableSeatState = (typeof SETTABLE_SEAT_STATES)[number];

/** Default categories; a supervisor may add more while the floor runs, so a category is any id. */
export const DEFAULT_CATEGORIES = [
  'food_ration',
  'migrant_worker',
  'movement_pass',
  'covid_info',
  'medical',
  'aarogya_setu',
  'grievance',
  'other',
] as const;

/** Departments complaints were forwarded to in 2020; editable by supervisors. */
export const DEFAULT_DEPARTMENTS = [
  'municipal_corporation',
  'food_supplies',
  'police',
  'health',
  'transport',
  'labour',
  'district_administration',
] as const;

/** Category ids and department ids: lower-case words joined by underscores. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
