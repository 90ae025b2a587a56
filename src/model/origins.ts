// Typed transaction origins: every change says who made it, so the log, undo and the UI can tell local from remote.
import type { Actor } from './schema.ts';

/** The origin of every transaction the local user makes; one object per open plan, so undo can track it. */
export interface LocalOrigin {
  readonly kind: 'local';
  readonly actor: Actor;
}

/** The origin of a plan seeded from a template (on the server, before anyone has joined). */
export interface TemplateOrigin {
  readonly kind: 'template';
}

export type Origin = LocalOrigin | TemplateOrigin;

/**
 * The local origin of one open plan. Given a function, `actor` reads it at each use, so a renamed user is
 * named in every change from then on while the origin stays the same object (undo tracks it by identity).
 */
export const createLocalOrigin = (actor: Actor | (() => Actor)): LocalOrigin =>
  typeof actor === 'function'
    ? {
        kind: 'local',
        get actor() {
          return actor();
        },
      }
    : { kind: 'local', actor };

export const TEMPLATE_ORIGIN: TemplateOrigin = { kind: 'template' };

/** Where a change the app sees came from: this tab, or anyone else (relay, IndexedDB, another tab). */
export type ChangeSource = 'local' | 'remote';

export const isOrigin = (value: unknown): value is Origin =>
  typeof value === 'object' &&
  value !== null &&
  ((value as { kind?: unknown }).kind === 'local' || (value as { kind?: unknown }).kind === 'template');
