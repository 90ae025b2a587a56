// The plan page's own shortcuts: undo, redo and the shortcuts help, wherever the focus is except in text fields.

/** What the page does on its shortcuts. */
export interface PlanKeyHandlers {
  undo(): void;
  redo(): void;
  help(): void;
}

/** True where the browser's own keys apply: text fields, lists and editors (native undo works there). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, .ag-popup-editor, .ag-cell-inline-editing') !== null
  );
}

/** Which of the page's shortcuts a key press is, if any. Ctrl on Windows and Linux, Cmd (⌘) on a Mac. */
export function planKeyOf(event: KeyboardEvent): keyof PlanKeyHandlers | null {
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (command && !event.altKey && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (command && !event.altKey && !event.shiftKey && key === 'y') return 'redo';
  if (!command && !event.altKey && event.key === '?') return 'help';
  return null;
}

/** Listens for the page's shortcuts (not in text fields, not under an open dialog); returns the function that stops it. */
export function onPlanKeys(handlers: PlanKeyHandlers): () => void {
  const listener = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const action = planKeyOf(event);
    if (action === null || isTextEntry(event.target)) return;
    if (document.querySelector('dialog[open]') !== null) return;
    event.preventDefault();
    // "?" on a grid cell would otherwise start editing it with a "?".
    if (action === 'help') event.stopPropagation();
    handlers[action]();
  };
  // In the capture phase, ahead of the grid's own key handling.
  document.addEventListener('keydown', listener, true);
  return () => document.removeEventListener('keydown', listener, true);
}
