// The node options `npm run serve` starts the bundled server with (package.json), for whatever runs the server
// as production does: the bundle test and the fan-out benchmark.
import { readFileSync } from 'node:fs';

/** The options between `node` and `dist-server/main.mjs` in the serve script; throws if it has another shape. */
export function servedNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const serve = pkg.scripts?.serve ?? '';
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) dist-server\/main\.mjs$/.exec(serve);
  if (match === null)
    throw new Error(`package.json: "serve" is not "node [options] dist-server/main.mjs": ${serve}`);
  return (match[1] ?? '').split(' ').filter(Boolean);
}
