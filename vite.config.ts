/** Vite build of the web app: src/web → dist/web (served by src/app.ts with an SPA fallback). */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Everything (scripts, styles, fonts) is served from our own origin: the CSP is default-src 'self'.
    assetsInlineLimit: 0,
    // no inline module-preload polyfill script either (script-src 'self')
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
