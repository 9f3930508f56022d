/**
 * How long each piece of text a person types may be, in characters: the one place the hub's
 * schemas and the consoles' fields take the numbers from, so a field never lets through what
 * the hub would refuse, nor stops short of what it would take.
 */
export const TEXT_LIMITS = {
  /** Any spelling of a phone number, before it is made canonical. */
  phone: 40,
  callerName: 100,
  locality: 200,
  /** A call's language code or name. */
  language: 30,
  description: 4000,
  note: 4000,
  departmentRef: 100,
  /** A category's or department's label, in each language. */
  label: 80,
  /** A category's guidance for operators, in each language. */
  guidance: 2000,
  broadcast: 500,
  /** What a ticket search looks for. */
  searchText: 200,
} as const;

export type LimitedText = keyof typeof TEXT_LIMITS;
