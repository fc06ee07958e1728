import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaManifest } from './pwa-manifest.ts';

/**
 * Where the API server runs in development (override with KMA_API_PROXY). The Host header is
 * kept (changeOrigin: false) because the server refuses writes whose Origin is not its host.
 */
const apiTarget = { target: process.env.KMA_API_PROXY ?? 'http://localhost:3000', changeOrigin: false };
const apiProxy = {
  '/api': apiTarget,
  '/healthz': apiTarget,
  '/readyz': apiTarget,
  '/dev-card-service': apiTarget,
};

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // An external registerSW.js: the server's CSP forbids inline scripts.
      injectRegister: 'script-defer',
      manifest: pwaManifest,
      includeAssets: ['favicon.svg', 'offline.html', 'offline.css', 'icons/apple-touch-icon.png'],
      workbox: {
        // The QR reader's wasm (~1 MB) is fetched only when someone opens the camera.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['**/*.wasm'],
        // No app-shell fallback: online navigations go to the server (deep links, /scan/* code
        // URLs); offline ones get the static bilingual offline page below.
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // Page navigations go to the network, and get offline.html when there is none.
            // Nothing else is cached at runtime, so /api/* (personal, must be current) never is.
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' && !/^\/(api|healthz|readyz)(\/|$)/.test(url.pathname),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: '/offline.html' } },
          },
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/') && url.pathname.endsWith('.wasm'),
            handler: 'CacheFirst',
            options: { cacheName: 'qr-reader-wasm', expiration: { maxEntries: 2 } },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Keep the wasm a separate file served by us, never inlined as a data: URL.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
