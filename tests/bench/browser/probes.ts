// What the browser benchmarks install in their pages (an init script, before the app's own code): stopwatches that
// run inside the page, so a time is taken where the user sees it, not where Playwright's round trips would add to it.
// Plain JavaScript in a string: the page runs it as written, with nothing the Node-side compiler could add.
import type { Page } from 'playwright-core';

/** A websocket message the page sent or received: when (shared clock) and how big. */
export interface Wire {
  readonly at: number;
  readonly bytes: number;
}

/** Page load milestones, in ms since navigation start (`performance.now()`). */
export interface LoadTimes {
  readonly firstRowDom?: number;
  readonly firstRowFrame?: number;
  readonly firstRowPainted?: number;
  readonly allRowsDom?: number;
  /** The grid's rows are the loaded document's, editable (not the kept rows shown first, which are busy). */
  readonly editable?: number;
}

export interface CellSeen {
  /** Shared clock: the MutationObserver callback that first saw the value in the cell. */
  readonly dom: number;
  /** Shared clock: the next animation frame. */
  readonly frame: number;
  /** Sync updates this page received since `watchCell`. */
  readonly received: readonly Wire[];
}

export interface EnterSeen {
  /** Shared clock: the Enter keydown's event timeStamp (when the browser created the event). */
  readonly enterAt: number | null;
  /** Sync updates this page sent since `watchEnter`. */
  readonly sent: readonly Wire[];
}

export interface OrderLog {
  /** `performance.now()` of the click on a header, or of the input event that completed the filter text. */
  readonly trigger: number;
  /** The first rows' ids and the displayed row count, each time they changed (`ids,…|aria-rowcount`). */
  readonly log: readonly { at: number; shown: string }[];
}

/** The functions `PAGE_PROBE` puts on `window.__bench`. */
export interface BenchApi {
  load(): LoadTimes;
  /** Starts watching for `value` in a cell of this page's grid. */
  watchCell(arg: { rowId: string; colId: string; value: string; timeoutMs: number }): boolean;
  /** Resolves once the watched cell shows its value. */
  cellSeen(): Promise<CellSeen>;
  /** Starts watching for the next Enter keydown and the sync updates sent after it. */
  watchEnter(): boolean;
  enterSeen(): EnterSeen;
  /**
   * Starts logging the first `rows` displayed rows and the row count each time they change, and the trigger: the
   * next click on a grid header (filterValue null), or the input event that leaves a field holding `filterValue`.
   */
  watchOrder(arg: { rows: number; filterValue: string | null }): boolean;
  /** Resolves once the grid has had no DOM change for `quietMs` since the trigger and its last change. */
  orderSettled(arg: { quietMs: number; timeoutMs: number }): Promise<OrderLog>;
}

/** Calls `window.__bench[name](arg)` in `page`. */
export function probe<K extends keyof BenchApi>(
  page: Page,
  name: K,
  ...arg: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ([key, value]) => {
      const api = (window as unknown as { __bench?: Record<string, (arg?: unknown) => unknown> }).__bench;
      const fn = api?.[key];
      if (fn === undefined) throw new Error(`window.__bench.${key} is missing: was the probe installed?`);
      return fn(value);
    },
    [name, arg[0]] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

/**
 * `window.__bench` in every page of a bench context. With `expectRows` > 0 the load milestones include the moment
 * the grid's aria-rowcount first reaches that many rows (plus the header row).
 * - `now()`: `performance.timeOrigin + performance.now()`, one clock for all pages of the browser.
 * - websocket taps: while `watch` is on, each y-websocket sync update (message 0/2) the page sends or receives is
 *   logged with its time and size.
 * - marks (for a trace): bench:enter (the Enter's timeStamp), bench:keydown (its handler), bench:send,
 *   bench:received, bench:cell.
 * - load: navigation start → the first grid row in the DOM (`firstRowDom`), the start of the next animation frame
 *   (`firstRowFrame`), and the task after that frame, once it is painted (`firstRowPainted`).
 */
export const pageProbe = (expectRows: number): string => String.raw`(() => {
  if (window.__bench) return;
  const now = () => performance.timeOrigin + performance.now();
  const bench = { now, watch: false, sent: [], received: [] };
  window.__bench = bench;
  const head = (data) => {
    if (data instanceof ArrayBuffer) return new Uint8Array(data, 0, Math.min(2, data.byteLength));
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, Math.min(2, data.byteLength));
    return null;
  };
  const isUpdate = (data) => {
    const bytes = head(data);
    return bytes !== null && bytes.length === 2 && bytes[0] === 0 && bytes[1] === 2;
  };
  const Native = window.WebSocket;
  const nativeSend = Native.prototype.send;
  Native.prototype.send = function (data) {
    if (bench.watch && isUpdate(data)) {
      bench.sent.push({ at: now(), bytes: data.byteLength });
      performance.mark('bench:send');
    }
    return nativeSend.call(this, data);
  };
  class TappedWebSocket extends Native {
    constructor(...args) {
      super(...args);
      // Added before y-websocket sets onmessage, so this runs first for every message.
      this.addEventListener('message', (event) => {
        if (bench.watch && isUpdate(event.data)) {
          bench.received.push({ at: now(), bytes: event.data.byteLength });
          performance.mark('bench:received');
        }
      });
    }
  }
  window.WebSocket = TappedWebSocket;

  const gridHost = () => document.querySelector('[data-testid="plan-grid"]');
  const tableOf = (host) => host.querySelector('[role="treegrid"], [role="grid"]');

  // Load milestones.
  const load = {};
  bench.load = () => load;
  const loadObserver = new MutationObserver(() => {
    const host = gridHost();
    if (host === null) return;
    if (load.firstRowDom === undefined && host.querySelector('.ag-row[row-id]') !== null) {
      load.firstRowDom = performance.now();
      requestAnimationFrame(() => {
        load.firstRowFrame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (load.firstRowPainted = performance.now());
        channel.port2.postMessage(0);
      });
    }
    if (load.allRowsDom === undefined && ${expectRows} > 0) {
      const table = tableOf(host);
      if (table !== null && Number(table.getAttribute('aria-rowcount')) - 1 >= ${expectRows}) load.allRowsDom = performance.now();
    }
    if (load.editable === undefined && load.firstRowDom !== undefined) {
      const area = document.querySelector('.plan-grid-area');
      if (area !== null && !area.hasAttribute('aria-busy')) load.editable = performance.now();
    }
    if (load.editable !== undefined && (${expectRows} === 0 || load.allRowsDom !== undefined)) loadObserver.disconnect();
  });
  loadObserver.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount', 'row-id', 'aria-busy'] });

  // Live edit, receiving side.
  let cellSeen = null;
  bench.watchCell = ({ rowId, colId, value, timeoutMs }) => {
    bench.received = [];
    bench.watch = true;
    const selector = '[data-testid="plan-grid"] .ag-row[row-id="' + rowId + '"] [col-id="' + colId + '"]';
    const shows = () => [...document.querySelectorAll(selector)].some((cell) => (cell.textContent || '').includes(value));
    if (document.querySelector(selector) === null) throw new Error('row ' + rowId + ' is not rendered');
    if (shows()) throw new Error('the cell already shows ' + value);
    cellSeen = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('cell ' + rowId + '/' + colId + ' never showed ' + JSON.stringify(value)));
      }, timeoutMs);
      const observer = new MutationObserver(() => {
        if (!shows()) return;
        const dom = now();
        performance.mark('bench:cell');
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve({ dom, frame: now(), received: bench.received.slice() }));
      });
      observer.observe(gridHost(), { subtree: true, childList: true, characterData: true });
    });
    // Keep an unawaited rejection from being reported before cellSeen() is asked.
    cellSeen.catch(() => {});
    return true;
  };
  bench.cellSeen = () => cellSeen;

  // Live edit, editing side.
  let enterAt = null;
  bench.watchEnter = () => {
    bench.sent = [];
    enterAt = null;
    bench.watch = true;
    const onKey = (event) => {
      if (event.key !== 'Enter') return;
      enterAt = performance.timeOrigin + event.timeStamp;
      performance.mark('bench:enter', { startTime: event.timeStamp });
      performance.mark('bench:keydown');
      window.removeEventListener('keydown', onKey, true);
    };
    window.addEventListener('keydown', onKey, true);
    return true;
  };
  bench.enterSeen = () => ({ enterAt, sent: bench.sent.slice() });

  // Sorting and filtering.
  let order = null;
  bench.watchOrder = ({ rows, filterValue }) => {
    const host = gridHost();
    const table = tableOf(host);
    const snapshot = () => {
      const ids = [];
      for (let index = 0; index < rows; index++) {
        // Not a row fading out (AG Grid keeps a removed row 400 ms with ag-opacity-zero) or not yet shown.
        const row = host.querySelector('.ag-row[row-index="' + index + '"]:not(.ag-opacity-zero)');
        ids.push(row === null ? '' : row.getAttribute('row-id'));
      }
      return ids.join(',') + '|' + table.getAttribute('aria-rowcount');
    };
    const watch = { log: [{ at: performance.now(), shown: snapshot() }], trigger: undefined, lastMutation: performance.now() };
    order = watch;
    const onClick = (event) => {
      if (event.target instanceof Element && event.target.closest('.ag-header-cell') !== null) {
        watch.trigger = event.timeStamp;
        document.removeEventListener('click', onClick, true);
      }
    };
    const onInput = (event) => {
      if (event.target instanceof HTMLInputElement && event.target.value === filterValue) {
        watch.trigger = event.timeStamp;
        document.removeEventListener('input', onInput, true);
      }
    };
    if (filterValue === null) document.addEventListener('click', onClick, true);
    else document.addEventListener('input', onInput, true);
    const observer = new MutationObserver(() => {
      const at = performance.now();
      watch.lastMutation = at;
      const shown = snapshot();
      if (shown !== watch.log[watch.log.length - 1].shown) watch.log.push({ at, shown });
    });
    observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
    watch.stop = () => observer.disconnect();
    return true;
  };
  bench.orderSettled = ({ quietMs, timeoutMs }) => new Promise((resolve, reject) => {
    const watch = order;
    const started = performance.now();
    const check = () => {
      const at = performance.now();
      if (watch.trigger !== undefined && at - watch.lastMutation >= quietMs && at - watch.trigger >= quietMs) {
        watch.stop();
        resolve({ trigger: watch.trigger, log: watch.log });
      } else if (at - started > timeoutMs) {
        watch.stop();
        reject(new Error('the grid did not settle; trigger ' + watch.trigger));
      } else setTimeout(check, 25);
    };
    check();
  });
})();`;
