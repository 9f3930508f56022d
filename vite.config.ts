import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The policy the hub and the Electron shell serve the pages under. It is also written into the
 * built HTML so that a page opened in a plain browser is held to it even if a proxy drops the
 * header. Only for the build: Vite's dev server injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; font-src 'self'";

function cspMeta(): Plugin {
  return {
    name: 'helpline-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
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
    rollupOptions: {
      input: {
        index: resolve(here, 'renderer/index.html'),
        wall: resolve(here, 'renderer/wall.html'),
      },
    },
  },
  server: { port: 5173 },
});
