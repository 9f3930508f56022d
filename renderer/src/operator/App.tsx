import { SessionGate } from '../common/session/SessionGate';
import { Console } from './Console';

/** The seat console: signed in as an operator at a seat. */
export function App() {
  return <SessionGate role="operator">{(signedIn) => <Console {...signedIn} />}</SessionGate>;
}
