import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security';

/** The page carries the same CSP as the HTTP header (the Electron window and saved pages see it too). */
const cspMeta = (): Plugin => ({
  name: 'firebreak-csp',
  transformIndexHtml: (html) =>
    html.replace('%FIREBREAK_CSP%', CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, '')),
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [cspMeta()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: true,
    rollupOptions: {
      // MUI marks modules 'use client' for React Server Components; meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
