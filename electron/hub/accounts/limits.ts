/** How failed sign-ins are held back: by username (locked) and by the address they come from (slowed, then locked). */
export type SignInLimits = {
  /** Failures for one username within `windowMs` that lock it… */
  userFailures: number;
  /** …for this long after the last of them. */
  lockMs: number;
  /** Failures from one address within `windowMs` that lock the address (every username) for `lockMs`. */
  addressFailures: number;
  windowMs: number;
  /** Failures from one address within `windowMs` that cost nothing (a mistyped PIN or two)… */
  freeFailures: number;
  /** …past them, the address's next attempt waits this long after its last failure, doubling with each further one… */
  delayMs: number;
  /** …up to this. */
  maxDelayMs: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  userFailures: 5,
  lockMs: 15 * 60_000,
  addressFailures: 20,
  windowMs: 15 * 60_000,
  freeFailures: 5,
  delayMs: 250,
  maxDelayMs: 5_000,
};
