// Reads the relay's own timing from GET /metrics (open to loopback): the SQLite appends behind the edits timed.

/** Sum (seconds) and count of one method's successful storage calls, from `samplan_storage_seconds`. */
export interface StorageTiming {
  readonly seconds: number;
  readonly count: number;
}

/** The server's `samplan_storage_seconds` sum and count for `method` (outcome ok). */
export async function storageTiming(url: string, method: string): Promise<StorageTiming> {
  const response = await fetch(`${url}/metrics`);
  if (!response.ok) throw new Error(`/metrics: ${response.status}`);
  const text = await response.text();
  const read = (suffix: 'sum' | 'count'): number => {
    const line = text
      .split('\n')
      .find(
        (candidate) =>
          candidate.startsWith(`samplan_storage_seconds_${suffix}{`) &&
          candidate.includes(`method="${method}"`) &&
          candidate.includes('outcome="ok"'),
      );
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };
  return { seconds: read('sum'), count: read('count') };
}
