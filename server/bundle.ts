// `npm run build:server`: bundles the server into plain JavaScript (dist-server/main.mjs), which `npm run serve` runs
// with plain node. Loading TypeScript through tsx at run time costs the relay ~20 MB of resident memory (its loader
// thread and esbuild service), for nothing a server needs.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles each entry (output name → source file) into `outdir/<name>.mjs`.
 * Packages stay imports from node_modules, so `outdir` must lie inside the repository.
 */
export async function bundleServer(entries: Readonly<Record<string, string>>, outdir: string): Promise<void> {
  const inside = path.relative(REPO_ROOT, path.resolve(outdir));
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new Error(
      `bundleServer: ${outdir} is outside the repository, where node_modules would not be found`,
    );
  }
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = path.join(REPO_ROOT, 'dist-server');
  await bundleServer({ main: path.join(REPO_ROOT, 'server/main.ts') }, outdir);
  console.log(`Server bundled into ${path.relative(process.cwd(), outdir) || '.'}/main.mjs`);
}
