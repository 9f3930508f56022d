/**
 * The seat number and access key IT set for this PC (`seat` and `key` in its configuration,
 * docs/install.md), for the sign-in forms when a console runs in the desktop app: the seat is
 * filled in where the field is blank (what the person typed, or what this screen remembers from
 * the last sign-in, wins), and a PC that holds the key does not ask for it. In a plain browser
 * there is no desktop API and the forms stay as they are.
 */
import { useEffect } from 'react';
import { type DesktopApi, type DesktopInfo, type DesktopResult, desktopApi } from '../../../../shared/desktop/api';

export type SignInForm = 'operator' | 'supervisor';

/** Text for the form's fields; a field left out has nothing to fill in. */
export type SignInDefaults = { seat?: string; key?: string; firstSignIn?: { username: string; pin: string } };

export function signInDefaults(result: DesktopResult<DesktopInfo>, form: SignInForm): SignInDefaults {
  if (!result.ok) return {};
  const info = result.value;
  const out: SignInDefaults = {};
  // A supervisor has no seat.
  if (form === 'operator' && info.seat !== null && Number.isInteger(info.seat) && info.seat > 0) out.seat = String(info.seat);
  // The PC's key is the one for the console its window shows (the hub PC's window: the supervisor
  // key). Anyone may open the other console on the same PC; that form must not get a key of the
  // wrong role, which the hub would only refuse.
  if (info.window === form && info.signInKey) out.key = info.signInKey;
  // The hub PC's first start: its own supervisor window is told the one-time PIN (never any other).
  if (form === 'supervisor' && info.firstSignIn) out.firstSignIn = info.firstSignIn;
  return out;
}

/** Asks the desktop app, if there is one; any failure means nothing to fill in, never an error. */
export async function requestSignInDefaults(desktop: DesktopApi | undefined, form: SignInForm): Promise<SignInDefaults> {
  if (!desktop) return {};
  try {
    return signInDefaults(await desktop.getInfo(), form);
  } catch {
    return {};
  }
}

/**
 * Whether the sign-in form asks for the access key, and the key it signs in with when it does
 * not. IT's configuration comes first (`desktopKey`: undefined while the desktop app is being
 * asked, null where it has none or there is no desktop app), then a key that worked in this
 * browser; `changing`: the person asked to type another one.
 */
export function heldKey(desktopKey: string | null | undefined, remembered: string, changing: boolean): { ask: boolean; held: string } {
  const held = desktopKey || remembered;
  // While the desktop app has not answered, nothing is asked: it answers at once, and a field
  // that appeared and went would only confuse.
  return { ask: changing || (desktopKey !== undefined && !held), held };
}

/** The field's value after filling in: a blank field takes the default, anything else is kept. */
export function fillBlank(current: string, fallback: string | undefined): string {
  return current.trim() === '' && fallback ? fallback : current;
}

/**
 * Calls `fill` once, when the desktop app has answered (at once with nothing, in a plain
 * browser), so the form knows whether this PC holds the key. `fill` should set the fields with
 * updater functions and `fillBlank`, so a value typed meanwhile is kept.
 */
export function useDesktopSignInDefaults(form: SignInForm, fill: (defaults: SignInDefaults) => void): void {
  useEffect(() => {
    let live = true;
    void requestSignInDefaults(desktopApi(), form).then((defaults) => {
      if (live) fill(defaults);
    });
    return () => {
      live = false;
    };
    // Once per form: `fill` works through updater functions, so the first one is as good as any.
  }, [form]);
}
