// New versions of the app: registers the service worker, looks for updates, and reloads into one only when asked.
import { createSignal } from 'solid-js';
import { registerSW } from 'virtual:pwa-register';
import { runBeforeUpdate } from './beforeUpdate.ts';

/** How often an open tab asks the server for a new version (a steering meeting can keep a tab open all day). */
const CHECK_EVERY_MS = 30 * 60 * 1000;

const [updateAvailable, setUpdateAvailable] = createSignal(false);

/** True once a new version is installed and waits for the person to take it ("Uppdatera nu"). */
export { updateAvailable };
export { registerBeforeUpdate } from './beforeUpdate.ts';
export type { BeforeUpdate } from './beforeUpdate.ts';

let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | undefined;
let registration: ServiceWorkerRegistration | undefined;
/** Set when the new version already controls this page (another tab applied it): only a reload is left. */
let reloadPending = false;
let reloading: Promise<void> | undefined;
let started = false;

/** Asks the server whether sw.js has changed. Offline or with the server down this fails: the next check retries. */
export async function checkForUpdate(): Promise<void> {
  if (registration === undefined || registration.installing !== null || !navigator.onLine) return;
  await registration.update().catch(() => {});
}

/**
 * Takes the new version: awaits every BeforeUpdate, then lets the waiting service worker take over, which
 * reloads the page. Rejects (and does not reload) when a BeforeUpdate fails.
 */
export async function applyUpdate(): Promise<void> {
  await runBeforeUpdate();
  if (reloadPending || updateServiceWorker === undefined) location.reload();
  else await updateServiceWorker(true);
}

/**
 * The new worker controls this page now, whichever tab asked for it: reload into the new version, after the
 * BeforeUpdate work. If that work fails the page keeps running the old code and the banner stays.
 */
function reloadIntoNewVersion(): void {
  reloadPending = true;
  setUpdateAvailable(true);
  reloading ??= runBeforeUpdate().then(
    () => location.reload(),
    (error: unknown) => {
      reloading = undefined;
      console.error('Samplan: not reloading into the new version', error);
    },
  );
}

/**
 * Reloads when one worker replaces another as this page's controller. vite-plugin-pwa only does so when the
 * page had a controller at registration, which misses a page whose first visit the first worker claimed.
 */
function watchController(): void {
  // The first worker's claim (clientsClaim) is not a new version: the page already runs the current code.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) reloadIntoNewVersion();
    controlled = true;
  });
}

/**
 * Registers the service worker (production builds only: dev has none) and starts the update checks: every 30
 * minutes and whenever the browser comes back online. Safe to call more than once.
 */
export function startAppUpdates(): void {
  if (started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  started = true;
  watchController();
  // Registered after the page's load event (workbox-window's default), so precaching never slows the first paint.
  updateServiceWorker = registerSW({
    onNeedRefresh: () => setUpdateAvailable(true),
    onNeedReload: reloadIntoNewVersion,
    onRegisteredSW: (_url, found) => {
      registration = found;
      setInterval(() => void checkForUpdate(), CHECK_EVERY_MS);
      window.addEventListener('online', () => void checkForUpdate());
    },
    onRegisterError: (error: unknown) => console.error('Samplan: the service worker did not register', error),
  });
}
