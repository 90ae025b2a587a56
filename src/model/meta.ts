// Plan-level settings: title and county.
import type * as Y from 'yjs';
import { commitCell, plainCellWrite } from './commit.ts';
import type { CellWrite } from './commit.ts';
import type { LocalOrigin } from './origins.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import { LIMITS } from './schema.ts';
import { metaOf } from './shared.ts';
import { parseName, parseText } from './validate.ts';

export function setPlanTitle(doc: Y.Doc, origin: LocalOrigin, title: string): Result<void> {
  return commitCell(doc, origin, prepareMetaCell(doc, 'title', title));
}

export function setPlanCounty(doc: Y.Doc, origin: LocalOrigin, county: string): Result<void> {
  return commitCell(doc, origin, prepareMetaCell(doc, 'county', county));
}

/** Validates a new title or county and returns the write, not yet run (a plan setting's cell id is its field). */
export function prepareMetaCell(doc: Y.Doc, field: string, value: unknown): Result<CellWrite> {
  const parsed =
    field === 'title'
      ? parseName(value, LIMITS.title, 'title')
      : field === 'county'
        ? parseText(value, LIMITS.name, false, 'county')
        : fail<string>('unknown_field', `no plan setting ${field}`, field);
  if (!parsed.ok) return parsed;
  return ok(plainCellWrite(metaOf(doc), { target: 'meta', id: field, field }, parsed.value));
}
