import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The policy the hub and the desktop shell serve the pages under is also written into the
 * built HTML, so that a page opened in a plain browser is held to it even if a proxy drops the
 * header. Only for the build: Vite's dev server injects inline scripts.
 */

function cspMeta(): Plugin {
  return {
    name: 'helpline-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }];
    },
  };
}

export default defineConfig({
  root: resolve(here, 'renderer'),
  base: '/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    // Fonts must be files: `font-src 'self'` refuses data: URLs.
    assetsInlineLimit: 0,
    // One page for all four consoles (renderer/src/pages): each loads its own code on demand.
    rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } },
  },
  server: { port: 5173 },
});
