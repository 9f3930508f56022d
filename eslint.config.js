// Layering is enforced here, by allow-list: each folder may import only the layers and packages
// that eslint/layerMap.js names for it, and no modules may import each other in a cycle
// (ARCHITECTURE.md explains the layers).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { LAYERS } from './eslint/layerMap.js';
import { layersRule } from './eslint/layers.js';
import { noCycleRule } from './eslint/noCycle.js';

const secureContextMessage = "Needs a secure context, which a console opened at the hub's LAN address over http is not (use newId() from hubLink/storage for ids).";
const secureContextOnly = [
  ['crypto', 'randomUUID'],
  ['crypto', 'subtle'],
  ['navigator', 'clipboard'],
  ['navigator', 'serviceWorker'],
  ['navigator', 'credentials'],
].map(([object, property]) => ({ object, property, message: secureContextMessage }));

const project = { rules: { layers: layersRule, 'no-cycle': noCycleRule } };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { project },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'project/layers': ['error', { layers: LAYERS }],
      'project/no-cycle': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    // Pure TypeScript: runs in Node, in a browser and in Electron's renderer alike.
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // A seat opens the hub at its LAN address over http, which is not a secure context: these
      // APIs are missing there, so the consoles may not depend on them.
      'no-restricted-properties': ['error', ...secureContextOnly],
      'no-restricted-globals': ['error', { name: 'Notification', message: secureContextMessage }],
    },
  },
);
