// Plan-level settings: title and county.
import type * as Y from 'yjs';
import { commit } from './commit.ts';
import type { LocalOrigin } from './origins.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import { LIMITS } from './schema.ts';
import { metaOf, str } from './shared.ts';
import { parseName, parseText } from './validate.ts';

export function setPlanTitle(doc: Y.Doc, origin: LocalOrigin, title: string): Result<void> {
  const parsed = parseName(title, LIMITS.title, 'title');
  return parsed.ok ? setMeta(doc, origin, 'title', parsed.value) : parsed;
}

export function setPlanCounty(doc: Y.Doc, origin: LocalOrigin, county: string): Result<void> {
  const parsed = parseText(county, LIMITS.name, false, 'county');
  return parsed.ok ? setMeta(doc, origin, 'county', parsed.value) : parsed;
}

function setMeta(doc: Y.Doc, origin: LocalOrigin, field: 'title' | 'county', value: string): Result<void> {
  const from = str(metaOf(doc), field);
  if (from === value) return ok(undefined);
  commit(doc, origin, () => {
    metaOf(doc).set(field, value);
    return [{ target: 'meta', action: 'set', id: field, field, from, to: value }];
  });
  return ok(undefined);
}
