/**
 * Who the end-to-end tests sign in as. Every hub of the run starts with these accounts (hubs.ts
 * seeds them with the hub's `users` option), all with E2E_PIN and none asked to change it: an
 * operator for each seat (`op1` … `op60`, "Operator N"), two supervisors (`sup1`, `sup2`), and
 * the people the tests name (Asha, Ravi, मीनाक्षी …), whose username comes from their name, so a
 * test signs in "Asha" and the screens show the account's name as before.
 */
import type { AccountRole, UsersFileEntry } from '../../shared/protocol/accounts';

/** The PIN of every account the run's hubs are started with. */
export const E2E_PIN = '246810';

/** Operators of a test floor, with the long Hindi names that used to be cut. */
export const FLOOR_NAMES = [
  'प्रिया वर्मा',
  'अनुराधा श्रीवास्तव',
  'Asha',
  'Ravi',
  'Kavita',
  'मोहम्मद इरफ़ान',
  'Priya Venkataraman',
  'Imran',
  'Neha',
  'Sanjay',
  'Farah',
  'पूजा',
  'Arjun',
  'Rekha',
  'चिकित्सा मित्र',
  'Vikas',
  'Deepak',
  'Sunil',
  'Anjali',
  'Rohit',
  'श्रुति',
  'Gaurav',
  'Nisha',
  'Amit',
  'Kiran',
  'Manoj',
  'Sapna',
  'Tarun',
  'Lata',
  'Harish',
  'दीप्ति',
  'Meena',
];

/** The other operators the tests sign in as, by name. */
const OTHER_OPERATORS = ['Seema', 'Lata', 'Wall Watcher', 'Priya', 'Meena', 'Pooja', 'Mohit', 'Nikhil', 'Rekha'];
/** The supervisors the tests sign in as, by name ("Checker" is the tests' own socket). */
const SUPERVISORS = ['Meenakshi', 'Sunita', 'Checker', 'मीनाक्षी'];

/** A short stable hash, for names without a letter a username can take (Hindi ones). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The username of a person the tests name: "Operator 7" is op7; "Priya Venkataraman" is
 * priya.venkataraman; a Hindi name is p and a hash of it. Supervisors' start with s. so that a
 * name may be both.
 */
export function usernameOf(name: string, role: AccountRole = 'operator'): string {
  const seat = /^Operator (\d+)$/.exec(name);
  if (seat && role === 'operator') return `op${seat[1]}`;
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  const base = /^[a-z][a-z0-9.]+$/.test(ascii) ? ascii : `p${hash(name)}`;
  return (role === 'supervisor' ? `s.${base}` : base).slice(0, 32);
}

function accountsOf(names: readonly string[], role: AccountRole): UsersFileEntry[] {
  return [...new Set(names)].map((name) => ({ username: usernameOf(name, role), name, role, pin: E2E_PIN }));
}

export const E2E_USERS: UsersFileEntry[] = [
  ...Array.from({ length: 60 }, (_, i) => ({ username: `op${i + 1}`, name: `Operator ${i + 1}`, role: 'operator' as const, pin: E2E_PIN })),
  // Not "Supervisor": a person's name, never one of the screens' own words (the Hindi screens would show it unmarked as English).
  { username: 'sup1', name: 'Shift supervisor', role: 'supervisor', pin: E2E_PIN },
  { username: 'sup2', name: 'Second supervisor', role: 'supervisor', pin: E2E_PIN },
  ...accountsOf([...FLOOR_NAMES, ...OTHER_OPERATORS], 'operator'),
  ...accountsOf(SUPERVISORS, 'supervisor'),
];
