// "Länkar att dela": the edit and read links this device knows, each copyable, with who should get it; an edit-link
// holder can replace either link (the old one stops working at once for everyone).
import { Show, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { PlanId } from '../../model/schema.ts';
import { planLink } from '../../sync/plansApi.ts';
import type { LinkKind, ReplaceLinkOutcome } from '../../sync/plansApi.ts';
import type { Role } from '../../sync/tokens.ts';
import { ConfirmDialog } from '../parts/ConfirmDialog.tsx';
import { CopyField } from '../parts/CopyField.tsx';
import { shareTokens } from './shareLinks.ts';

/** Where a replacement stands, for the status line under the links. */
type ReplaceStatus =
  | { readonly state: 'working' }
  | { readonly state: 'done'; readonly link: LinkKind }
  | { readonly state: 'refused' | 'failed' };

export function LinksSection(props: {
  planId: PlanId;
  /** This device's role for the plan (null until the server has said). */
  role: Role | null;
  /** The token this device has the plan open with (changes when the edit link is replaced here). */
  token: string;
  /** The read token stored on this device (the one that created the plan), or null. */
  storedViewToken: string | null;
  /** Replaces a link with a new token, stored on this device; see sync/replaceLink.ts. */
  replaceLink: (link: LinkKind) => Promise<ReplaceLinkOutcome>;
}): JSX.Element {
  // A read link replaced here is the one to show from then on.
  const [newViewToken, setNewViewToken] = createSignal<string | null>(null);
  const tokens = () => shareTokens(props.role, props.token, newViewToken() ?? props.storedViewToken);
  const [confirming, setConfirming] = createSignal<LinkKind | null>(null);
  const [status, setStatus] = createSignal<ReplaceStatus | null>(null);
  const canReplace = () => props.role === 'edit' && status()?.state !== 'working';

  const replace = async (link: LinkKind): Promise<void> => {
    setStatus({ state: 'working' });
    const outcome = await props.replaceLink(link);
    if (!outcome.ok) {
      setStatus({ state: outcome.reason === 'not_allowed' ? 'refused' : 'failed' });
      return;
    }
    if (link === 'view') setNewViewToken(outcome.token);
    setStatus({ state: 'done', link });
  };

  const statusText = (): string => {
    const current = status();
    if (current === null) return '';
    if (current.state === 'working') return t('settings.replace.working');
    if (current.state === 'done')
      return t(current.link === 'edit' ? 'settings.replace.doneEdit' : 'settings.replace.doneView');
    return t(current.state === 'refused' ? 'settings.replace.notAllowed' : 'settings.replace.failed');
  };

  const ReplaceButton = (buttonProps: { link: LinkKind }): JSX.Element => (
    <Show when={props.role === 'edit'}>
      <button
        type="button"
        class="button settings-link__replace"
        disabled={!canReplace()}
        aria-label={t('settings.links.replaceLabel', {
          link: t(buttonProps.link === 'edit' ? 'settings.links.edit' : 'settings.links.view'),
        })}
        onClick={() => setConfirming(buttonProps.link)}
      >
        {t('settings.links.replace')}
      </button>
    </Show>
  );

  return (
    <section class="settings-section" aria-labelledby="settings-links-heading">
      <h3 id="settings-links-heading">{t('settings.links.heading')}</h3>
      <p>{t('settings.links.intro')}</p>
      <div class="settings-link">
        <Show
          when={tokens().edit}
          fallback={
            <p>
              {props.role === 'view' ? t('settings.links.editNotYours') : t('settings.links.roleUnknown')}
            </p>
          }
        >
          {(token) => (
            <>
              <p class="field__hint settings-link__who">{t('settings.links.editWho')}</p>
              <CopyField
                id="settings-edit-link"
                label={t('settings.links.edit')}
                value={planLink(props.planId, token())}
              />
              <ReplaceButton link="edit" />
            </>
          )}
        </Show>
      </div>
      <div class="settings-link">
        <Show
          when={tokens().view}
          fallback={
            <>
              <p>{t('settings.links.viewUnknown')}</p>
              <Show when={props.role === 'edit'}>
                <p class="field__hint">{t('settings.links.viewNew')}</p>
              </Show>
              <ReplaceButton link="view" />
            </>
          }
        >
          {(token) => (
            <>
              <p class="field__hint settings-link__who">{t('settings.links.viewWho')}</p>
              <CopyField
                id="settings-view-link"
                label={t('settings.links.view')}
                value={planLink(props.planId, token())}
              />
              <ReplaceButton link="view" />
            </>
          )}
        </Show>
      </div>
      <Show when={props.role === 'edit'}>
        <p class="field__hint">{t('settings.links.replaceHint')}</p>
      </Show>
      <p class="settings-link__status" role="status">
        {statusText()}
      </p>
      <ConfirmDialog
        open={confirming() !== null}
        id="settings-replace-link"
        title={t(confirming() === 'view' ? 'settings.replaceView.title' : 'settings.replaceEdit.title')}
        message={t(confirming() === 'view' ? 'settings.replaceView.message' : 'settings.replaceEdit.message')}
        confirmLabel={t('settings.replace.confirm')}
        onConfirm={() => {
          const link = confirming();
          if (link !== null) void replace(link);
        }}
        onClose={() => setConfirming(null)}
      />
    </section>
  );
}
