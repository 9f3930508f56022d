/**
 * The accounts a hub is started with (`--users FILE`, or the `users` option): checked before
 * anything is opened, so that a wrong file stops the start with a message that names the entry
 * and the field at fault, and never half-applies.
 */
import { readFileSync } from 'node:fs';
import { UsersFile, type UsersFileEntry } from '../../../shared/protocol/accounts';

export type SeedUser = UsersFileEntry;

/** `users` as checked and normalised (usernames trimmed and lower-cased); throws with what is wrong. */
export function checkUsers(users: unknown, source: string): SeedUser[] {
  const parsed = UsersFile.safeParse(users);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => {
    const [index, ...field] = i.path;
    const where = typeof index === 'number' ? `entry ${index + 1}${field.length ? ` (${field.join('.')})` : ''}` : 'the list';
    return `${where}: ${i.message}`;
  });
  throw new Error(`${source} is not a valid list of accounts: ${problems.join('; ')}`);
}

/** Reads and checks a `--users` file. */
export function readUsersFile(file: string): SeedUser[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the users file ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`the users file ${file} is not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return checkUsers(json, `the users file ${file}`);
}
