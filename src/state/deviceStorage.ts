// This device's preferences in local storage. Storage can be missing, full or blocked (private modes, policies):
// a read then gives null and a write is skipped, and the preference holds for this tab only.

/** The JSON stored under `key`, or null when there is none or it cannot be read. */
export function readDeviceJson(key: string): unknown {
  try {
    return typeof localStorage === 'undefined'
      ? null
      : (JSON.parse(localStorage.getItem(key) ?? 'null') as unknown);
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key`, when the device lets us. */
export function writeDeviceJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered; see above.
  }
}
