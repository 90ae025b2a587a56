// Shows the plan's connection in words and colour: Synkad, Ansluter…, Offline – N ändringar ej synkade.
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ConnectionState } from '../../sync/connection.ts';

/** The badge's sentence for a state and a count of unsynced local changes. */
export function connectionText(state: ConnectionState, unsynced: number): string {
  const base =
    state === 'synced'
      ? t('connection.synced')
      : state === 'connecting'
        ? t('connection.connecting')
        : t('connection.offline');
  if (state === 'synced' || unsynced === 0) return base;
  const count =
    unsynced === 1 ? t('connection.unsyncedOne') : t('connection.unsyncedMany', { count: unsynced });
  return `${base} – ${count}`;
}

/** A labelled status badge; screen readers hear changes politely. */
export function ConnectionBadge(props: { state: ConnectionState; unsynced: number }): JSX.Element {
  return (
    <p class={`badge badge--${props.state}`} role="status" aria-live="polite" data-testid="connection-badge">
      <span class="visually-hidden">{t('connection.label')}: </span>
      <span class="badge__dot" aria-hidden="true" />
      {connectionText(props.state, props.unsynced)}
    </p>
  );
}
