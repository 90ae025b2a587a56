// The app's pages by address: the start page, a plan (and which of its views), or not found.
import type { PlanId } from '../model/schema.ts';
import { viewOfSlug } from './planViews.ts';
import type { PlanViewName } from './planViews.ts';

/** The pages there are; anything else is not found. */
export type Route =
  { page: 'start' } | { page: 'plan'; planId: PlanId; view: PlanViewName } | { page: 'notFound' };

/** Reads the route from a pathname. Plan ids are URL-safe (nanoid alphabet); a view may follow (/p/<id>/oversikt). */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'start' };
  const match = /^\/p\/([A-Za-z0-9_-]{1,64})(?:\/([a-z]{1,32}))?\/?$/.exec(pathname);
  const view = viewOfSlug(match?.[2]);
  return match?.[1] !== undefined && view !== null
    ? { page: 'plan', planId: match[1] as PlanId, view }
    : { page: 'notFound' };
}
