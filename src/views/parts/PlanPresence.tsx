// The plan header's people: who has the plan open, and the "Du: …" button that opens the "Vem är du?" dialog.
import { Show, createSignal, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Participant } from '../../model/schema.ts';
import { storeActor, storedIdentity } from '../../sync/actor.ts';
import type { Presence } from '../../sync/presence.ts';
import { IdentityDialog } from './IdentityDialog.tsx';
import { PresenceBar } from './PresenceBar.tsx';

/**
 * Mounted with the plan shown (never while it loads): asks who the user is when this device does not know yet,
 * viewers included, since they appear in presence too.
 */
export function PlanPresence(props: {
  presence: Presence;
  participants: readonly Participant[];
}): JSX.Element {
  const [asking, setAsking] = createSignal(untrack(storedIdentity) === null);
  const who = (): string => {
    const identity = storedIdentity();
    if (identity === null) return t('identity.buttonUnnamed');
    const named = identity.organisation === '' ? identity.name : `${identity.name}, ${identity.organisation}`;
    return t('identity.button', { who: named });
  };

  return (
    <div class="plan-presence">
      <PresenceBar peers={props.presence.peers()} />
      <button
        type="button"
        class="button identity-button"
        data-testid="identity-button"
        onClick={() => setAsking(true)}
      >
        {who()}
        <Show when={storedIdentity() !== null}>
          <span class="visually-hidden"> {t('identity.change')}</span>
        </Show>
      </button>
      <IdentityDialog
        open={asking()}
        current={storedIdentity()}
        participants={props.participants}
        onSave={storeActor}
        onClose={() => setAsking(false)}
      />
    </div>
  );
}
