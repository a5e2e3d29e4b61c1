import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The provider console is its own build, served under /console (src/server/reports/console-page.ts):
// the participant's build (vite.config.ts) and the files its pages load are not touched by it,
// and its service worker never precaches it.
export default defineConfig({
  root: fileURLToPath(new URL('./src/console/', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  publicDir: false,
  server: { host: '127.0.0.1', port: 5174, proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/console/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
