import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The app shell (HTML, JS, CSS, manifests) is precached so the player loads with no network after
// the first visit. Lesson media are not precached: they are large and participants pay per MB.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
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
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,vtt}'],
        globIgnores: ['**/media/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('course.json'),
            handler: 'NetworkFirst',
            options: { cacheName: 'runtut-manifests', networkTimeoutSeconds: 4 },
          },
        ],
      },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { target: 'es2022', sourcemap: true },
});
