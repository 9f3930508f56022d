/**
 * The hub keeps its days ("calls today", reports, exports) in one time zone, its `--tz`, and
 * names it in `synced`. Until it has, the consoles use the zone it defaults to.
 */
import { assertTimeZone } from '../../../shared/domain/localDay';

export const DEFAULT_HUB_TIME_ZONE = 'Asia/Kolkata';

/** Whether this browser can show times in the zone (its Intl knows the name). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}
