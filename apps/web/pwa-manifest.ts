import type { ManifestOptions } from 'vite-plugin-pwa';

/** What a phone shows when the app is installed: Japanese, the city's own language, first. */
export const pwaManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'くまもとアプリ',
  short_name: 'くまもと',
  description: '熊本市の住民向けアプリ：ボランティア・くまもとポイント・防災',
  lang: 'ja',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#0017c1',
  background_color: '#ffffff',
  categories: ['government', 'lifestyle'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
