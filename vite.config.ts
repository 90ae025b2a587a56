// Builds the browser app; in dev, proxies the API and the relay to the Node server.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const relay = process.env.SAMPLAN_DEV_RELAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [solid()],
  build: { target: 'es2022', sourcemap: true },
  server: {
    proxy: {
      '/api': relay,
      '/healthz': relay,
      '/sync': { target: relay, ws: true },
    },
  },
});
