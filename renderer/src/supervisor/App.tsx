import { SessionGate } from '../common/session/SessionGate';
import { SupervisorConsole } from './Console';

/** The supervisor's console: signed in with the supervisor key, no seat. */
export function SupervisorApp() {
  return <SessionGate role="supervisor">{(signedIn) => <SupervisorConsole {...signedIn} />}</SessionGate>;
}
