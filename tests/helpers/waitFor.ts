// Polls an assertion until it passes or time runs out (hocuspocus' retryableAssertion): no bare sleeps in tests.

/**
 * Calls `check` every `interval` ms until it neither throws nor returns false, and returns its value.
 * After `timeout` ms the last error (or a timeout error) is thrown.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5000, interval = 20 }: { timeout?: number; interval?: number } = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let lastError: unknown;
    try {
      const value = await check();
      if (value !== false) return value as Exclude<T, false>;
      lastError = new Error(`condition still false after ${timeout} ms`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
