// The page at /p/<planId>: finds the token, opens the plan, and shows it, a loading line, or a clear message.
import { Match, Show, Switch, onCleanup, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { registerBeforeUpdate } from '../app/beforeUpdate.ts';
import { t } from '../i18n/index.ts';
import type { PlanViewName } from '../app/planViews.ts';
import type { PlanId } from '../model/schema.ts';
import { createPlanStore } from '../state/planStore.ts';
import { openPlan } from '../sync/openPlan.ts';
import type { PlanHandle, SyncFatal } from '../sync/openPlan.ts';
import { takeTokenFromLocation } from '../sync/tokens.ts';
import { exposePlanForTests } from '../testApi.ts';
import { MessagePage } from './parts/MessagePage.tsx';
import { PlanWorkspace } from './parts/PlanWorkspace.tsx';

/** A whole-page line while the plan is on its way. */
function Waiting(props: { text: string }): JSX.Element {
  return (
    <main class="message-page" aria-busy="true">
      <p class="message-page__waiting" role="status">
        {props.text}
      </p>
    </main>
  );
}

/** Explains a fatal close from the relay, with its code for whoever supports the user. */
function FatalMessage(props: { fatal: SyncFatal }): JSX.Element {
  return (
    <MessagePage
      title={t(`plan.fatal.${props.fatal.kind}.title`)}
      body={t(`plan.fatal.${props.fatal.kind}.body`)}
      detail={t('plan.fatal.code', { code: props.fatal.code })}
    >
      <button type="button" class="button button--primary" onClick={() => location.reload()}>
        {t('view.reload')}
      </button>
    </MessagePage>
  );
}

/** Opens the plan for as long as this component lives. */
function OpenPlan(props: { planId: PlanId; token: string; view: PlanViewName }): JSX.Element {
  // The plan id and token do not change while mounted: App remounts this page for another plan.
  const handle = untrack(() => openPlan(props.planId, props.token));
  onCleanup(() => handle.dispose());
  onCleanup(exposePlanForTests(handle));
  // A new app version reloads the page: the plan's last edits must be on the device before that.
  onCleanup(registerBeforeUpdate(() => handle.flushLocalCopy()));

  // A moment, while the plan this device showed last is looked up: the store starts from it.
  return (
    <Show when={handle.shownPlan() !== undefined} fallback={<Waiting text={t('plan.opening')} />}>
      <PlanPages handle={handle} view={props.view} />
    </Show>
  );
}

/** The open plan's pages, or what stands in for them while it loads or when it cannot. */
function PlanPages(props: { handle: PlanHandle; view: PlanViewName }): JSX.Element {
  const handle = untrack(() => props.handle);
  const [state, actions] = createPlanStore(handle, untrack(handle.shownPlan) ?? null);

  return (
    <Switch fallback={<Waiting text={t('plan.fetching')} />}>
      <Match when={handle.fatal()}>{(fatal) => <FatalMessage fatal={fatal()} />}</Match>
      <Match when={state.seeded}>
        <PlanWorkspace handle={handle} state={state} actions={actions} view={props.view} />
      </Match>
      <Match when={handle.localCopy() === 'loading'}>
        <Waiting text={t('plan.opening')} />
      </Match>
      <Match when={handle.connection.state() === 'offline'}>
        <MessagePage title={t('connection.offline')} body={t('plan.notOnDevice')} />
      </Match>
    </Switch>
  );
}

/** The plan page: without a token (in the link or on this device) it explains how to get in. */
export function PlanView(props: { planId: PlanId; view: PlanViewName }): JSX.Element {
  // Read once: the route remounts this view for another plan.
  const token = untrack(() => takeTokenFromLocation(props.planId));
  return (
    <Show
      when={token}
      fallback={<MessagePage title={t('plan.noToken.title')} body={t('plan.noToken.body')} />}
    >
      {(found) => <OpenPlan planId={props.planId} token={found()} view={props.view} />}
    </Show>
  );
}
