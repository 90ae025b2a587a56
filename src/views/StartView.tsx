// The start page: create a plan (Jämtland Härjedalen one click away), get its links, and reopen plans used here.
import { Show, createEffect, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { planLink } from '../sync/plansApi.ts';
import type { CreatedPlan } from '../sync/plansApi.ts';
import { readRecentPlans, rememberPlan, storeAccess, storeViewToken } from '../sync/tokens.ts';
import { CopyField } from './parts/CopyField.tsx';
import { CreatePlanForm } from './parts/CreatePlanForm.tsx';
import { LanguageSwitch } from './parts/LanguageSwitch.tsx';
import { RecentPlans } from './parts/RecentPlans.tsx';

/** The page at `/`. */
export function StartView(): JSX.Element {
  const [created, setCreated] = createSignal<{ plan: CreatedPlan; title: string } | null>(null);
  const [recent, setRecent] = createSignal(readRecentPlans());
  let createdHeading: HTMLHeadingElement | undefined = undefined;

  createEffect(() => {
    document.title = t('app.name');
  });

  const onCreated = (plan: CreatedPlan, title: string): void => {
    // The creator edits: keep the edit token so the plan opens here without the link, offline too.
    storeAccess(plan.id, plan.editToken, 'edit');
    storeViewToken(plan.id, plan.viewToken);
    rememberPlan({ id: plan.id, title, role: 'edit' });
    setRecent(readRecentPlans());
    setCreated({ plan, title });
    createdHeading?.focus();
  };

  return (
    <main class="start-page">
      <header class="start-page__header">
        <div class="brand-row">
          <p class="brand">{t('app.name')}</p>
          <LanguageSwitch />
        </div>
        <h1>{t('start.heading')}</h1>
        <p class="lead">{t('start.intro')}</p>
      </header>
      <CreatePlanForm onCreated={onCreated} />
      <section class="card created" aria-labelledby="created-heading" hidden={created() === null}>
        <h2 id="created-heading" ref={(el) => (createdHeading = el)} tabIndex={-1}>
          {t('start.created.heading', { title: created()?.title ?? '' })}
        </h2>
        <Show when={created()}>
          {(done) => (
            <>
              <p>{t('start.created.body')}</p>
              <CopyField
                id="edit-link"
                label={t('start.created.editLink')}
                value={planLink(done().plan.id, done().plan.editToken)}
              />
              <CopyField
                id="view-link"
                label={t('start.created.viewLink')}
                value={planLink(done().plan.id, done().plan.viewToken)}
              />
              <div class="actions">
                <a class="button button--primary" href={`/p/${done().plan.id}`}>
                  {t('start.open')}
                </a>
              </div>
            </>
          )}
        </Show>
      </section>
      <RecentPlans plans={recent()} />
    </main>
  );
}
