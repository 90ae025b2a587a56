// Builds the app once before the browser tests, so they run against the same bundle `npm start` serves.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.SAMPLAN_E2E_SKIP_BUILD === '1') return;
  await build({ logLevel: 'warn' });
}
