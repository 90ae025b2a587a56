// The results: a plain table for stdout and tests/bench/RESULTS.md with the machine, date and versions.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { goalMet } from './figure.ts';
import type { Figure } from './figure.ts';

const PACKAGES = [
  'yjs',
  'y-websocket',
  'y-protocols',
  'y-indexeddb',
  'better-sqlite3',
  'solid-js',
  'ag-grid-community',
  'vite',
  'playwright-core',
  '@y/websocket-server',
  '@hocuspocus/server',
  '@hocuspocus/provider',
];

/** Installed version of each package we measure through (node_modules), falling back to package.json's range. */
export function versions(root: string): Record<string, string> {
  const declared = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const result: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const installed = JSON.parse(
        readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string };
      result[name] = installed.version;
    } catch {
      result[name] = declared.dependencies?.[name] ?? declared.devDependencies?.[name] ?? 'not installed';
    }
  }
  return result;
}

export function machine(): Record<string, string> {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    chromium: chromiumVersion(),
  };
}

/** The headless browser the browser benchmarks drive (tests/helpers/browser.ts looks in the same places). */
function chromiumVersion(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate === undefined || !existsSync(candidate)) continue;
    const result = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (result.status === 0) return result.stdout.trim();
  }
  return 'not installed';
}

/** A number with a precision fit for its size. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const HEADER = ['bench', 'figure', 'median', 'p95', 'unit', 'runs', 'goal', 'met', 'note'];

function cells(figure: Figure): string[] {
  const met = goalMet(figure);
  return [
    figure.bench,
    figure.label,
    formatNumber(figure.median),
    formatNumber(figure.p95),
    figure.unit,
    String(figure.runs),
    figure.goal?.text ?? '—',
    met === undefined ? '—' : met ? 'yes' : 'NO',
    figure.note ?? '',
  ];
}

/** A table of plain text columns, padded to width, for stdout. */
export function plainTable(figures: readonly Figure[]): string {
  const rows = [HEADER, ...figures.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join(
    '\n',
  );
}

const escapeCell = (cell: string): string => cell.replaceAll('|', '\\|');

export function markdownTable(figures: readonly Figure[]): string {
  const row = (values: readonly string[]): string => `| ${values.map(escapeCell).join(' | ')} |`;
  return [row(HEADER), row(HEADER.map(() => '---')), ...figures.map((figure) => row(cells(figure)))].join(
    '\n',
  );
}

/** One benchmark's last run, kept in results.json so a run of some benchmarks keeps the others' results. */
export interface BenchRecord {
  readonly date: string;
  readonly figures: readonly Figure[];
  /** Extra sections the benchmark wants in the results (e.g. the chunk list), by title. */
  readonly sections: Readonly<Record<string, string>>;
}

export interface Report {
  readonly root: string;
  /** Every benchmark's last run, in the order they run. */
  readonly records: ReadonlyMap<string, BenchRecord>;
}

export function markdown(report: Report): string {
  const list = (record: Record<string, string>): string =>
    Object.entries(record)
      .map(([key, value]) => `- ${key}: ${value}`)
      .join('\n');
  const records = [...report.records.values()];
  const parts = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (tests/bench/run.ts) from results.json; do not edit by hand. Medians and p95 over',
    'repeated runs after warm-up; a goal is judged on the p95 where there is one, else on the single value. KB and',
    'MB are 1,024 and 1,048,576 bytes. `npm run bench -- <name>` reruns one benchmark and keeps the others.',
    '',
    '## Last run of each benchmark',
    '',
    list(Object.fromEntries([...report.records].map(([bench, record]) => [bench, record.date]))),
    '',
    '## Machine (of the latest run)',
    '',
    list(machine()),
    '',
    '## Versions (of the latest run)',
    '',
    list(versions(report.root)),
    '',
    '## Results',
    '',
    markdownTable(records.flatMap((record) => record.figures)),
    '',
    ...records.flatMap((record) =>
      Object.entries(record.sections).flatMap(([title, body]) => [`## ${title}`, '', body, '']),
    ),
  ];
  return parts.join('\n');
}

/**
 * Merges `fresh` into results.json (`jsonFile`) and writes `file` from all of it, formatted as
 * `prettier --check .` expects, so a fresh run keeps `npm run check` green. `order` lists every benchmark.
 */
export async function writeResults(
  file: string,
  jsonFile: string,
  { root, order, fresh }: { root: string; order: readonly string[]; fresh: ReadonlyMap<string, BenchRecord> },
): Promise<void> {
  const kept = existsSync(jsonFile)
    ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, BenchRecord>)
    : {};
  const records = new Map<string, BenchRecord>();
  for (const bench of order) {
    const record = fresh.get(bench) ?? kept[bench];
    if (record !== undefined) records.set(bench, record);
  }
  const prettier = async (text: string, filepath: string): Promise<string> =>
    format(text, { ...((await resolveConfig(filepath)) ?? {}), filepath });
  writeFileSync(jsonFile, await prettier(JSON.stringify(Object.fromEntries(records)), jsonFile));
  writeFileSync(file, await prettier(markdown({ root, records }), file));
}
