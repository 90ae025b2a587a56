// The plan's settings (Inställningar): its name and county, participants, focus areas, and the links to hand out.
import { Show, createMemo, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { PlanSnapshot } from '../../model/schema.ts';
import { createSettingsActions } from '../../state/settingsActions.ts';
import type { PlanHandle } from '../../sync/openPlan.ts';
import { replaceLink } from '../../sync/replaceLink.ts';
import { readViewToken } from '../../sync/tokens.ts';
import { countActivities } from './counts.ts';
import { FocusAreasSection } from './FocusAreasSection.tsx';
import { LinksSection } from './LinksSection.tsx';
import { ParticipantsSection } from './ParticipantsSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import './settings.css';

export interface SettingsViewProps {
  /** The open plan: its doc and local origin (for the settings actions), plan id and token (for the links). */
  handle: PlanHandle;
  /** The whole plan (not narrowed by any filter); a reactive store. */
  plan: PlanSnapshot;
  /** True for a view link: everything is shown, nothing can be changed. */
  readOnly: boolean;
  /** A polite confirmation for screen readers ("Deltagaren har lagts till"). */
  announce: (text: string) => void;
  /** A refusal from the model, shown assertively by the page. */
  onError: (error: ModelError) => void;
}

/** The settings page: every change is one undoable, logged action; a view link sees it all without controls. */
export function SettingsView(props: SettingsViewProps): JSX.Element {
  // The handle is fixed for the page's life, and the read token only changes when a plan is created here.
  const handle = untrack(() => props.handle);
  const actions = createSettingsActions(handle);
  const storedViewToken = readViewToken(handle.planId);
  const counts = createMemo(() => countActivities(props.plan));

  return (
    <div class="settings">
      <h2>{t('settings.heading')}</h2>
      <Show when={props.readOnly}>
        <p class="notice">{t('settings.readOnly')}</p>
      </Show>
      <PlanSection
        meta={props.plan.meta}
        actions={actions}
        readOnly={props.readOnly}
        announce={props.announce}
      />
      <ParticipantsSection
        participants={props.plan.participants}
        owned={counts().byOwner}
        actions={actions}
        readOnly={props.readOnly}
        announce={props.announce}
        onError={props.onError}
      />
      <FocusAreasSection
        focusAreas={props.plan.focusAreas}
        activities={counts().byFocusArea}
        actions={actions}
        readOnly={props.readOnly}
        announce={props.announce}
        onError={props.onError}
      />
      <LinksSection
        planId={handle.planId}
        role={handle.connection.role()}
        token={handle.token}
        storedViewToken={storedViewToken}
        replaceLink={(link) => replaceLink(handle, link)}
      />
    </div>
  );
}
