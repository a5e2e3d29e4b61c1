import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressPlugin } from './scripts/build/precompress.ts';

// The app shell (HTML, JS, CSS, manifests) is precached so the player loads with no network after
// the first visit. Lesson media are not precached: they are large and participants pay per MB;
// the worker keeps what was downloaded or watched in the media store instead.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      // Our own worker (src/offline/sw/sw.ts): Workbox precaching and routes for the app shell,
      // plus the media store that answers lesson media, ranges included (docs/offline.md).
      strategies: 'injectManifest',
      srcDir: 'src/offline/sw',
      filename: 'sw.ts',
      manifest: {
        name: 'Runtut',
        short_name: 'Runtut',
        description: 'Pemutar pelatihan mandiri, berurutan',
        lang: 'id',
        theme_color: '#0f5132',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // Courses change without a new app build, so they are cached at run time (by the
        // worker), not precached; the HLS engine is only fetched for an HLS lesson.
        globIgnores: ['courses/**', '**/videojs-http-streaming*', 'sw.js', 'console/**'],
      },
    }),
    // Last: br/gz siblings of every built text file, service worker included.
    precompressPlugin(),
  ],
  resolve: {
    // The player uses video.js's core build (no HLS engine inside). `@videojs/http-streaming`,
    // loaded lazily only where HLS is not native, imports 'video.js' too: the same alias points
    // it at the same core module, so it registers on our player instead of bundling the full
    // video.js (which already contains VHS) a second time.
    alias: [{ find: /^video\.js$/, replacement: 'video.js/dist/alt/video.core.js' }],
  },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': 'http://127.0.0.1:8080' } },
  // Maps are written for debugging but never referenced from the shipped files.
  build: { target: 'es2022', sourcemap: 'hidden' },
});
