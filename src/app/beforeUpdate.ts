// The work to finish before the page reloads into a new version; free of the service worker so anything may import it.

/** Work that must be done before the page reloads, e.g. writing the plan's last edits to IndexedDB. */
export type BeforeUpdate = () => Promise<void>;

const registered = new Set<BeforeUpdate>();

/**
 * Registers `fn` to run, and be awaited, before the page reloads into a new version. Returns the function that
 * withdraws it. A rejecting `fn` stops the reload, so nothing unsaved is thrown away.
 */
export function registerBeforeUpdate(fn: BeforeUpdate): () => void {
  registered.add(fn);
  return () => {
    registered.delete(fn);
  };
}

/** Runs every registered BeforeUpdate together and waits for all; rejects with the first failure, if any. */
export async function runBeforeUpdate(): Promise<void> {
  const results = await Promise.allSettled([...registered].map((fn) => fn()));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
