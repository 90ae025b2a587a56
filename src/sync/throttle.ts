// Limits how often a function runs: at once when it may, else once at the end of the wait with the latest call.

/** The timer functions a throttle uses; tests pass fake ones. */
export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** A throttled function: `flush()` runs a waiting call now, `cancel()` drops it. */
export interface Throttled {
  (): void;
  flush(): void;
  cancel(): void;
}

/**
 * Runs `run` at most once per `intervalMs`: the first call runs at once; calls within the interval are merged
 * into one run at its end (so the last state always goes out). `run` reads the state when it runs.
 */
export function throttle(run: () => void, intervalMs: number, clock: ThrottleClock = realClock): Throttled {
  let lastRun = -Infinity;
  let timer: unknown = null;

  const fire = (): void => {
    timer = null;
    lastRun = clock.now();
    run();
  };
  const throttled = (): void => {
    if (timer !== null) return;
    const wait = lastRun + intervalMs - clock.now();
    if (wait <= 0) fire();
    else timer = clock.setTimeout(fire, wait);
  };
  throttled.flush = (): void => {
    if (timer === null) return;
    clock.clearTimeout(timer);
    fire();
  };
  throttled.cancel = (): void => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
