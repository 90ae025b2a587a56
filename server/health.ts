// Whether storage answers, for /healthz: a real query, bounded in time, and any failure counts as "no".

/** How long /healthz waits for storage before it calls it unreachable. */
export const HEALTH_TIMEOUT_MS = 2000;

/** True when `healthy()` resolves true within `timeoutMs`; false when it says no, throws, or hangs. */
export async function storageAnswers(
  storage: { healthy(): Promise<boolean> },
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([storage.healthy().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
