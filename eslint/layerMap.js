/**
 * The project's layers and what each may import (see layers.js). Read it top to bottom as the
 * architecture: shared/ depends on nothing of ours but itself, the hub on shared/, the shell on
 * the hub and shared/, the renderer's features on the renderer's common parts and shared/,
 * never on each other. ARCHITECTURE.md explains why.
 */
const TEST_PACKAGES = ['vitest', 'fast-check'];

export const LAYERS = [
  // The contract: message schemas, their words, the phone rule. Depends on zod alone.
  { name: 'shared/protocol', paths: ['shared/protocol/'], allow: [], packages: ['zod'] },
  // Rules over the contract's shapes, shared by the hub and the consoles.
  { name: 'shared/domain', paths: ['shared/domain/'], allow: ['shared/protocol'], packages: [] },
  { name: 'shared/security', paths: ['shared/security/'], allow: [], packages: [] },
  // The desktop shell's API and machine configuration, typed for main, preload and renderer.
  { name: 'shared/desktop', paths: ['shared/desktop/'], allow: ['shared/protocol'], packages: ['zod'] },

  // The hub: Node only.
  { name: 'hub', paths: ['electron/hub/'], allow: ['shared/protocol', 'shared/domain', 'shared/security'], packages: ['node', 'socket.io', 'sqlite3', 'zod', '@peculiar/x509', 'reflect-metadata'], testPackages: ['socket.io-client'] },
  // The Electron shell; its hub-process entry starts the hub.
  { name: 'shell', paths: ['electron/main/'], allow: ['shared/protocol', 'shared/domain', 'shared/security', 'shared/desktop', 'hub'], packages: ['node', 'electron', 'zod', 'bonjour-service'], testPackages: ['esbuild', 'socket.io-client', 'sqlite3'] },
  { name: 'preload', paths: ['electron/preload/'], allow: ['shared/desktop'], packages: ['electron'] },

  // The renderer's common parts, used by every feature.
  { name: 'renderer/i18n', paths: ['renderer/src/i18n/'], allow: ['shared/protocol'], packages: ['i18next', 'react-i18next'] },
  { name: 'renderer/hubLink', paths: ['renderer/src/hubLink/'], allow: ['shared/protocol', 'shared/domain'], packages: ['socket.io-client', 'zod'] },
  { name: 'renderer/ui', paths: ['renderer/src/ui/'], allow: ['renderer/i18n', 'renderer/hubLink', 'shared/protocol', 'shared/domain', 'shared/security'], packages: ['react', 'react-dom', 'react-i18next', 'i18next', '@tanstack/react-virtual', 'zod'] },
  // What the consoles share: the ticket list and window, problems, sign-in and session, floor rows.
  { name: 'renderer/common', paths: ['renderer/src/common/'], allow: ['renderer/ui', 'renderer/i18n', 'renderer/hubLink', 'shared/protocol', 'shared/domain', 'shared/desktop'], packages: ['react', 'react-dom', 'react-i18next', 'i18next', '@tanstack/react-virtual', 'zod'] },
  // The renderer's features: each a page of its own; none imports another.
  ...['operator', 'supervisor', 'wall', 'report'].map((feature) => ({
    name: `renderer/${feature}`,
    paths: [`renderer/src/${feature}/`],
    allow: ['renderer/common', 'renderer/ui', 'renderer/i18n', 'renderer/hubLink', 'shared/protocol', 'shared/domain', 'shared/desktop'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', '@tanstack/react-virtual', 'zod'],
  })),
  // The entry and the table of pages: each path mounts one feature.
  { name: 'renderer/entry', paths: ['renderer/src/main.tsx', 'renderer/src/pages/'], allow: ['renderer/operator', 'renderer/supervisor', 'renderer/wall', 'renderer/report', 'renderer/common', 'renderer/ui', 'renderer/i18n', 'renderer/hubLink'], packages: ['react', 'react-dom', '@fontsource/noto-sans-devanagari'] },

  // Tests, benchmarks and build scripts may reach anything they exercise.
  { name: 'tests', paths: ['tests/'], allow: ['*'], packages: ['*'] },
  { name: 'bench', paths: ['bench/'], allow: ['shared/protocol', 'shared/domain', 'hub', 'scripts'], packages: ['*'] },
  { name: 'scripts', paths: ['scripts/'], allow: [], packages: ['*'] },
].map((layer) => ({ ...layer, testPackages: [...TEST_PACKAGES, ...(layer.testPackages ?? [])] }));
