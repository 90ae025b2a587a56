// Builds the app once before the browser tests, so they run against the same bundle `npm start` serves.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.SAMPLAN_E2E_SKIP_BUILD === '1') return;
  // Vite takes import.meta.env.PROD from NODE_ENV, which vitest sets to "test": without this the bundle is a
  // development one (no service worker registration, Solid's dev build), not the one `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
