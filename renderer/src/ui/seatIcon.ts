import type { SeatState } from '../../../shared/protocol/vocabulary';

/** A shape per seat state as well as a colour and a word, so no one has to tell colours apart. */
export const SEAT_ICON: Record<SeatState, string> = { ready: '●', on_call: '◆', wrap_up: '▲', break: '■', offline: '○' };
