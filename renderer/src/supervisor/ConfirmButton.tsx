/**
 * A button for something that cannot be taken back (closing a call, freeing a seat, disabling
 * an account, resetting a PIN): it asks once more, in a group named like the button, with
 * "no" focused so that a second Enter does nothing rash. `run` does it and resolves to null when
 * done, or to the words of why it was not.
 */
import { useState } from 'react';

export function ConfirmButton({
  label,
  name,
  question,
  yes,
  no,
  run,
  className = 'btn btn-danger',
}: {
  label: string;
  /** The accessible name of the button and of the question's group ("Free seat 12"). */
  name: string;
  question: string;
  yes: string;
  no: string;
  run: () => Promise<string | null>;
  className?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const go = async () => {
    setBusy(true);
    setFailure(null);
    const problem = await run();
    setBusy(false);
    if (problem === null) setConfirming(false);
    else setFailure(problem);
  };

  if (!confirming) {
    return (
      <button type="button" className={className} aria-label={name} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={name} className="confirm-group">
      <span>{question}</span>{' '}
      <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void go()}>
        {yes}
      </button>{' '}
      <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => setConfirming(false)} autoFocus>
        {no}
      </button>
      {failure && (
        <span role="alert" className="field-error">
          {' '}
          {failure}
        </span>
      )}
    </span>
  );
}
