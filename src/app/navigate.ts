// Moves between the app's pages without a reload: the address changes, and App re-reads its route.

/** Goes to `path` (same origin), adding it to the browser history so Back returns; `replace` rewrites it instead. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (options.replace === true) history.replaceState(history.state, '', path);
  else history.pushState(null, '', path);
  // App listens to popstate for Back and Forward; a push is announced the same way.
  window.dispatchEvent(new PopStateEvent('popstate'));
}
