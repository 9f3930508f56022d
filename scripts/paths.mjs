// The project's folder as a file-system path, for every script here. A file URL's `.pathname`
// is not one: it reads `/C:/…` on Windows and keeps a space as `%20`; fileURLToPath decodes both.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
