// Who has the plan open now: a colour dot with initials, the name and the organisation of each, "(du)" for oneself.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { GridPresence } from '../../grid/presenceCells.ts';
import { t } from '../../i18n/index.ts';
import type { ActivityId } from '../../model/schema.ts';
import type { Peer } from '../../sync/presence.ts';
import './presence.css';

/** The list in the plan header; updates as people come and go. */
export function PresenceBar(props: { peers: readonly Peer[] }): JSX.Element {
  return (
    <ul class="presence-bar" role="list" aria-label={t('presence.label')} data-testid="presence-bar">
      <For each={props.peers}>
        {(peer) => (
          <li class="presence-bar__person" data-client-id={peer.clientId}>
            <span class="presence-bar__dot" style={{ 'background-color': peer.color }} aria-hidden="true">
              {peer.initials}
            </span>
            <span class="presence-bar__who">
              <span class="presence-bar__name">
                {peer.name}
                <Show when={peer.self}> {t('presence.you')}</Show>
              </span>
              <Show when={peer.organisation !== ''}>
                <span class="visually-hidden">, </span>
                <span class="presence-bar__organisation">{peer.organisation}</span>
              </Show>
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

/** The other people's cells for the grid: row id → who is on which cell, in their colour. */
export function gridPresence(peers: readonly Peer[]): GridPresence {
  const marks = new Map<ActivityId, { field: string; color: string; name: string; editing: boolean }[]>();
  for (const peer of peers) {
    if (peer.self || peer.cell === null) continue;
    const { activityId, field } = peer.cell;
    const row = marks.get(activityId) ?? [];
    row.push({ field, color: peer.color, name: peer.name, editing: peer.editing });
    marks.set(activityId, row);
  }
  return marks;
}
