// TEST-ONLY crash hook for the kill -9 tests: inert unless SAMPLAN_TEST_CRASH_POINT is set (never in production).

/** The places a crash test may kill the relay: after an update is stored but before it is relayed, or inside a compaction's transaction. */
export type CrashPoint = 'after-store' | 'during-compaction';

/** `SAMPLAN_TEST_CRASH_POINT=<point>:<n>` kills the process with SIGKILL the n-th time it reaches <point>. */
const spec = /^(after-store|during-compaction):([1-9]\d*)$/.exec(process.env.SAMPLAN_TEST_CRASH_POINT ?? '');
const armedPoint = spec?.[1];
let remaining = Number(spec?.[2] ?? 0);

/** Does nothing unless the test variable names `point`; then SIGKILLs this process on its n-th call. */
export function crashPoint(point: CrashPoint): void {
  if (armedPoint !== point) return;
  remaining -= 1;
  if (remaining === 0) process.kill(process.pid, 'SIGKILL');
}
