// Work that must not hold up the page's next paint: run after the next frame, or soon anyway in a hidden tab.

// A hidden tab draws no frames; the timer is the fallback.
const HIDDEN_TAB_FALLBACK_MS = 1000;

/** Runs `run` once, after the next frame has been drawn; returns a function that cancels it if not yet run. */
export function afterPaint(run: () => void): () => void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    run();
  };
  // The frame callback runs before that frame is drawn; the timer it sets runs after.
  const frame = requestAnimationFrame(() => setTimeout(once, 0));
  const fallback = setTimeout(once, HIDDEN_TAB_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}
