// The plan page's views and their addresses: /p/<id> is the table, /p/<id>/<slug> the others (Swedish slugs).
import type { PlanId } from '../model/schema.ts';

export const PLAN_VIEWS = ['table', 'overview', 'followUp', 'settings'] as const;
export type PlanViewName = (typeof PLAN_VIEWS)[number];

const SLUGS: Readonly<Record<PlanViewName, string>> = {
  table: '',
  overview: 'oversikt',
  followUp: 'uppfoljning',
  settings: 'installningar',
};

/** The view a path segment names (undefined or '' is the table), or null when there is no such view. */
export function viewOfSlug(slug: string | undefined): PlanViewName | null {
  if (slug === undefined || slug === '') return 'table';
  return PLAN_VIEWS.find((view) => SLUGS[view] === slug) ?? null;
}

/** The address of a plan's view: `/p/<id>` or `/p/<id>/<slug>`. */
export const planViewPath = (planId: PlanId, view: PlanViewName): string =>
  view === 'table' ? `/p/${planId}` : `/p/${planId}/${SLUGS[view]}`;
