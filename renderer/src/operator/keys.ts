/**
 * Every action of the console has a key, so a whole call can be handled without the mouse.
 * Function keys work anywhere (also while typing); single characters only when the focus is
 * not in a text field, so that typing a description never fires a command.
 */
export type Command =
  | 'startCall'
  | 'focusPhone'
  | 'createTicket'
  | 'addNote'
  | 'endCall'
  | 'ready'
  | 'break'
  | 'search'
  | 'help'
  | 'language'
  | `disposition${1 | 2 | 3 | 4 | 5 | 6}`;

export interface KeyInfo {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The focus is in a field where characters are typed. */
  typing: boolean;
  /** The focus is inside the call panel (digits choose a disposition there). */
  inCallArea: boolean;
}

/** What the help overlay lists, in order; `keys` as printed on the keyboard. */
export const SHORTCUTS: { command: string; keys: string }[] = [
  { command: 'startCall', keys: 'F2' },
  { command: 'focusPhone', keys: 'F3' },
  { command: 'createTicket', keys: 'Ctrl+Enter' },
  { command: 'addNote', keys: 'Alt+N' },
  { command: 'disposition', keys: '1 … 6 / Alt+1 … Alt+6' },
  { command: 'endCall', keys: 'F9' },
  { command: 'ready', keys: 'F6' },
  { command: 'break', keys: 'F7' },
  { command: 'search', keys: '/' },
  { command: 'list', keys: '↑ ↓ Enter' },
  { command: 'help', keys: '? / F1' },
  { command: 'close', keys: 'Esc' },
  { command: 'leaveField', keys: 'Esc' },
  { command: 'language', keys: 'Alt+L' },
];

export function commandFor(e: KeyInfo): Command | null {
  const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
  switch (e.key) {
    case 'F1':
      return 'help';
    case 'F2':
      return 'startCall';
    case 'F3':
      return 'focusPhone';
    case 'F6':
      return 'ready';
    case 'F7':
      return 'break';
    case 'F9':
      return 'endCall';
  }
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return 'createTicket';
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    const k = e.key.toLowerCase();
    if (k === 'n') return 'addNote';
    if (k === 'l') return 'language';
    const d = digitOf(e.key);
    if (d) return `disposition${d}`;
  }
  if (plain && !e.typing) {
    if (e.key === '?') return 'help';
    if (e.key === '/') return 'search';
    const d = digitOf(e.key);
    if (d && e.inCallArea) return `disposition${d}`;
  }
  return null;
}

function digitOf(key: string): 1 | 2 | 3 | 4 | 5 | 6 | null {
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? (n as 1 | 2 | 3 | 4 | 5 | 6) : null;
}

export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}
