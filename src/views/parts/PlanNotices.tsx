// The notices above the plan: read-only link, role not yet known, offline work off, and changes left from last time.
import { Match, Show, Switch, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { PlanHandle } from '../../sync/openPlan.ts';

export function PlanNotices(props: { handle: PlanHandle }): JSX.Element {
  const connection = (): PlanHandle['connection'] => props.handle.connection;
  const [carriedOverDismissed, setCarriedOverDismissed] = createSignal(false);
  const carriedOver = (): number => connection().carriedOver;

  return (
    <>
      <Show when={connection().role() === 'view'}>
        <p class="notice">{t('plan.readOnly')}</p>
      </Show>
      <Show when={connection().role() === null}>
        <p class="notice">{t('plan.roleUnknown')}</p>
      </Show>
      <Switch>
        <Match when={props.handle.localCopy() === 'unavailable'}>
          <p class="notice notice--warning" data-testid="local-copy-notice">
            {t('plan.noLocalCopy')}
          </p>
        </Match>
        <Match when={props.handle.localCopy() === 'full'}>
          <p class="notice notice--warning" data-testid="local-copy-notice">
            {t('plan.localCopyFull')}
          </p>
        </Match>
      </Switch>
      <Show when={carriedOver() > 0 && !carriedOverDismissed()}>
        <div class="notice notice--with-action" data-testid="carried-over-notice">
          <p>
            {connection().unsyncedChanges() === 0
              ? t('plan.carriedOverSent')
              : carriedOver() === 1
                ? t('plan.carriedOverOne')
                : t('plan.carriedOverMany', { count: carriedOver() })}
          </p>
          <button type="button" class="button" onClick={() => setCarriedOverDismissed(true)}>
            {t('plan.dismiss')}
          </button>
        </div>
      </Show>
    </>
  );
}
