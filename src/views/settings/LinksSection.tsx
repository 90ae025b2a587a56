// "Länkar att dela": the edit and read links this device knows, each copyable, with who should get it.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { PlanId } from '../../model/schema.ts';
import { planLink } from '../../sync/plansApi.ts';
import type { Role } from '../../sync/tokens.ts';
import { CopyField } from '../parts/CopyField.tsx';
import { shareTokens } from './shareLinks.ts';

export function LinksSection(props: {
  planId: PlanId;
  /** This device's role for the plan (null until the server has said). */
  role: Role | null;
  /** The token this device opened the plan with. */
  token: string;
  /** The read token stored on this device (the one that created the plan), or null. */
  storedViewToken: string | null;
}): JSX.Element {
  const tokens = () => shareTokens(props.role, props.token, props.storedViewToken);

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
            </>
          )}
        </Show>
      </div>
      <div class="settings-link">
        <Show when={tokens().view} fallback={<p>{t('settings.links.viewUnknown')}</p>}>
          {(token) => (
            <>
              <p class="field__hint settings-link__who">{t('settings.links.viewWho')}</p>
              <CopyField
                id="settings-view-link"
                label={t('settings.links.view')}
                value={planLink(props.planId, token())}
              />
            </>
          )}
        </Show>
      </div>
    </section>
  );
}
