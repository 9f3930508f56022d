// Layering is enforced here: shared/ is pure TypeScript, the hub never imports electron,
// the renderer never imports node or the hub.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'url', 'util', 'events', 'stream', 'worker_threads'];
const noNode = [{ group: ['node:*'], message: 'This layer runs without Node.' }];
// Bare builtin names are listed as exact paths: as patterns they would also match './events'.
const noNodePaths = nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node.' }));
const noElectron = [{ group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' }];

const secureContextMessage = 'Needs a secure context, which a console opened at the hub\'s LAN address over http is not (use newId() from sync/storage for ids).';
const secureContextOnly = [
  ['crypto', 'randomUUID'],
  ['crypto', 'subtle'],
  ['navigator', 'clipboard'],
  ['navigator', 'serviceWorker'],
  ['navigator', 'credentials'],
].map(([object, property]) => ({ object, property, message: secureContextMessage }));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noNodePaths, patterns: [...noNode, ...noElectron, { group: ['react', 'react-dom', '**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing above it.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/hub/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noElectron, { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The hub stands alone.' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: noNodePaths, patterns: [...noNode, ...noElectron, { group: ['**/electron/**'], message: 'The renderer talks to the hub over Socket.IO only.' }] }],
      // A seat opens the hub at its LAN address over http, which is not a secure context: these
      // APIs are missing there, so the consoles may not depend on them.
      'no-restricted-properties': ['error', ...secureContextOnly],
      'no-restricted-globals': ['error', { name: 'Notification', message: secureContextMessage }],
    },
  },
);
