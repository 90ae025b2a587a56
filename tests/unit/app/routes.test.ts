// [routes] Addresses to pages and back: the plan's views live under /p/<id>/<Swedish slug>.
import { describe, expect, it } from 'vitest';
import { PLAN_VIEWS, planViewPath, viewOfSlug } from '../../../src/app/planViews.ts';
import { parseRoute } from '../../../src/app/routes.ts';
import type { PlanId } from '../../../src/model/schema.ts';

const id = 'AbC-123_x' as PlanId;

describe('[routes] pages by address', () => {
  it('[routes-plan] reads the start page, a plan and each of its views; anything else is not found', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' });
    expect(parseRoute('/index.html')).toEqual({ page: 'start' });
    expect(parseRoute(`/p/${id}`)).toEqual({ page: 'plan', planId: id, view: 'table' });
    expect(parseRoute(`/p/${id}/`)).toEqual({ page: 'plan', planId: id, view: 'table' });
    expect(parseRoute(`/p/${id}/oversikt`)).toEqual({ page: 'plan', planId: id, view: 'overview' });
    expect(parseRoute(`/p/${id}/uppfoljning/`)).toEqual({ page: 'plan', planId: id, view: 'followUp' });
    expect(parseRoute(`/p/${id}/installningar`)).toEqual({ page: 'plan', planId: id, view: 'settings' });
    for (const path of [
      `/p/${id}/nowhere`,
      `/p/${id}/oversikt/x`,
      '/p/bad!id',
      '/p/',
      '/elsewhere',
      `/p/${id}/Oversikt`,
    ])
      expect(parseRoute(path), path).toEqual({ page: 'notFound' });
  });

  it('[routes-paths] every view’s path reads back as that view', () => {
    expect(planViewPath(id, 'table')).toBe(`/p/${id}`);
    for (const view of PLAN_VIEWS)
      expect(parseRoute(planViewPath(id, view))).toEqual({ page: 'plan', planId: id, view });
    expect(viewOfSlug(undefined)).toBe('table');
    expect(viewOfSlug('tabell')).toBeNull();
  });
});
