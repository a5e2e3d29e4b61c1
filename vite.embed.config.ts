import { defineConfig } from 'vite';

// The host-page script providers load (`/embed.js`): one small IIFE defining `window.Runtut`
// and `<runtut-player>`, built after the app into the same dist/ (not precached by the worker).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: 'src/embed/host/runtut-embed.ts',
      name: 'Runtut',
      formats: ['iife'],
      fileName: () => 'embed.js',
    },
  },
});
