// Builds the browser app with its service worker and web app manifest; in dev, proxies the API and the relay.
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';

const relay = process.env.SAMPLAN_DEV_RELAY ?? 'http://127.0.0.1:8080';

// The app's own colours (src/styles/app.css): --accent for the title bar, --canvas behind the splash screen.
const ACCENT = '#1f5f8b';
const CANVAS = '#f4f6f8';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the person presses "Uppdatera nu" (src/app/appUpdate.ts), so no reload ever
      // interrupts typing; src/app/appUpdate.ts registers the worker itself.
      registerType: 'prompt',
      injectRegister: false,
      // No worker in dev: hot reload and a cache-first worker fight each other.
      devOptions: { enabled: false },
      manifest: {
        name: 'Samplan – gemensam aktivitetsplan',
        short_name: 'Samplan',
        description: 'Gemensam aktivitetsplan för samsjuklighetsreformen',
        lang: 'sv',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: ACCENT,
        background_color: CANVAS,
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The png glob below already takes the icons; listing them twice would precache them twice.
      includeManifestIcons: false,
      workbox: {
        // Every built file, so a plan opened once opens again with the server unreachable. (The plugin adds
        // manifest.webmanifest itself, so it is not globbed.)
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // The grid chunk (AG Grid) is about 1 MB; the default 2 MiB limit leaves too little room to grow.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Plan links (/p/<id>) are client-side routes: offline they get the cached app shell.
        navigateFallback: '/index.html',
        // The API, the relay, the health check and the metrics are the server's; and a path with a file extension
        // is a file (an export, a source map), never a page of the app.
        navigateFallbackDenylist: [
          /^\/api(\/|$)/,
          /^\/sync(\/|$)/,
          /^\/healthz$/,
          /^\/metrics$/,
          /\/[^/?]+\.[^/]+$/,
        ],
        cleanupOutdatedCaches: true,
        // The first worker takes over the open page at once, so the very first visit is already offline-capable.
        // (An update still waits for the person: skipWaiting stays off in prompt mode.)
        clientsClaim: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: {
    proxy: {
      '/api': relay,
      '/healthz': relay,
      '/metrics': relay,
      '/sync': { target: relay, ws: true },
    },
  },
});
