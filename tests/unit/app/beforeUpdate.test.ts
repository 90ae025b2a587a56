// [app-update] The work registered to run before a reload into a new version is awaited, and a failure stops it.
import { afterEach, describe, expect, it } from 'vitest';
import { registerBeforeUpdate, runBeforeUpdate } from '../../../src/app/beforeUpdate.ts';

const withdrawals: (() => void)[] = [];
const register = (fn: () => Promise<void>): (() => void) => {
  const withdraw = registerBeforeUpdate(fn);
  withdrawals.push(withdraw);
  return withdraw;
};
afterEach(() => {
  for (const withdraw of withdrawals.splice(0)) withdraw();
});

/** A promise with its resolver, to finish registered work when the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('before an update', () => {
  it('[app-update] resolves only when every registered piece of work has finished', async () => {
    const first = deferred();
    const second = deferred();
    register(() => first.promise);
    register(() => second.promise);
    let finished = false;
    const running = runBeforeUpdate().then(() => (finished = true));
    first.resolve();
    await Promise.resolve();
    expect(finished).toBe(false);
    second.resolve();
    await running;
    expect(finished).toBe(true);
  });

  it('[app-update] rejects when one piece of work fails, after the others have finished', async () => {
    let otherDone = false;
    register(() => Promise.reject(new Error('IndexedDB is full')));
    register(async () => {
      await Promise.resolve();
      otherDone = true;
    });
    await expect(runBeforeUpdate()).rejects.toThrow('IndexedDB is full');
    expect(otherDone).toBe(true);
  });

  it('[app-update] withdrawn work is not run', async () => {
    let runs = 0;
    const withdraw = register(async () => {
      runs++;
    });
    withdraw();
    await runBeforeUpdate();
    expect(runs).toBe(0);
  });
});
