// Point 5: the gzip size of the JavaScript the first screen loads (entry + static imports), and the plan page's.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { figureOf } from './lib/figure.ts';
import type { Benchmark } from './lib/figure.ts';
import { formatNumber } from './lib/report.ts';

const BENCH = 'footprint';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');

/** Newest modification time of the files under `dir` (ms since the epoch). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Builds dist/ when it is missing or older than the sources it is built from. */
function ensureBuild(): string {
  const html = path.join(dist, 'index.html');
  const sources = Math.max(
    newest(path.join(root, 'src')),
    ...['index.html', 'vite.config.ts', 'package.json'].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  if (existsSync(html) && statSync(html).mtimeMs >= sources) return 'dist/ up to date, not rebuilt';
  console.log('  dist/ is missing or stale: npx vite build');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite build failed (${String(result.status)})`);
  return 'built with vite build for this run';
}

/** `/assets/x.js` or `./x.js` as a path inside dist/. */
const inDist = (url: string, from: string): string =>
  url.startsWith('/') ? path.join(dist, url) : path.resolve(path.dirname(from), url);

/** Chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) =>
    inDist(m[1] ?? '', file),
  );
}

/** Chunks a chunk imports on demand (`import("./x.js")`). */
function dynamicImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) =>
    inDist(m[1] ?? '', file),
  );
}

/** `start` and every chunk reachable from it through static imports. */
function closure(start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const gzipSize = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const sum = (files: Iterable<string>): number =>
  [...files].reduce((total, file) => total + gzipSize(file), 0);

export const footprint: Benchmark = {
  name: BENCH,
  description: 'Initial JavaScript (gzip) of the built app: first screen and plan page',
  async run() {
    const built = ensureBuild();
    const htmlFile = path.join(dist, 'index.html');
    const html = readFileSync(htmlFile, 'utf8');
    const entries = [
      ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => inDist(m[1] ?? '', htmlFile));
    const initial = closure(entries);
    // The plan page: the initial chunks plus the PlanView chunk the router loads on demand, with its static imports.
    const planViews = [...initial]
      .flatMap(dynamicImports)
      .filter((f) => path.basename(f).startsWith('PlanView'));
    const planPage = closure([...initial, ...planViews]);

    const assets = path.join(dist, 'assets');
    const chunks = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => path.join(assets, name));
    const rows = chunks
      .map((file) => {
        const loaded = initial.has(file) ? 'first screen' : planPage.has(file) ? 'plan page' : 'on demand';
        return { name: path.basename(file), raw: statSync(file).size, gzip: gzipSize(file), loaded };
      })
      .sort((a, b) => b.gzip - a.gzip);
    const table = [
      '| chunk | raw KB | gzip KB | loaded |',
      '| --- | --- | --- | --- |',
      ...rows.map(
        (r) => `| ${r.name} | ${formatNumber(r.raw / 1024)} | ${formatNumber(r.gzip / 1024)} | ${r.loaded} |`,
      ),
    ].join('\n');
    const kb = 1024;
    return {
      figures: [
        figureOf(BENCH, 'first screen JS (entry + static imports), gzip', 'KB', [sum(initial) / kb], {
          goal: { below: 300, text: '< 300 KB' },
          note: `${initial.size} chunk(s); ${built}`,
        }),
        figureOf(BENCH, 'plan page JS (first screen + PlanView), gzip', 'KB', [sum(planPage) / kb], {
          note: `${planPage.size} chunk(s); what opening a plan link loads`,
        }),
        figureOf(BENCH, 'all JS chunks, gzip', 'KB', [sum(chunks) / kb], { note: `${chunks.length} chunks` }),
      ],
      sections: { 'Footprint: JavaScript chunks': table },
    };
  },
};
