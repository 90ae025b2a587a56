// Shows the plan's connection in words and colour: Synkad 14:32, Ansluter…, Offline – N ändringar ej synkade.
import { createEffect, createSignal, onCleanup } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { SENDING_VISIBLE_AFTER_MS, connectionText, lastSyncedText } from './connectionText.ts';
import type { BadgeInput } from './connectionText.ts';

/** A labelled status badge; screen readers hear changes politely. */
export function ConnectionBadge(props: Omit<BadgeInput, 'sendingNoticed'>): JSX.Element {
  const [sendingNoticed, setSendingNoticed] = createSignal(false);
  let wasSynced = false;
  createEffect(() => {
    const synced = props.state === 'synced';
    const justSynced = synced && !wasSynced;
    wasSynced = synced;
    if (!synced || props.unsynced === 0) return setSendingNoticed(false);
    // Changes carried over a reconnect are news at once: "Synkad" with the old time would be untrue.
    if (justSynced) return setSendingNoticed(true);
    const timer = setTimeout(() => setSendingNoticed(true), SENDING_VISIBLE_AFTER_MS);
    onCleanup(() => clearTimeout(timer));
  });
  return (
    <p
      class={`badge badge--${props.state}`}
      role="status"
      aria-live="polite"
      title={lastSyncedText(props.lastSyncedAt)}
      data-testid="connection-badge"
    >
      <span class="visually-hidden">{t('connection.label')}: </span>
      <span class="badge__dot" aria-hidden="true" />
      {connectionText({ ...props, sendingNoticed: sendingNoticed() })}
    </p>
  );
}
