// When an activity is late: a due date before today on an activity that is not done. Pure, so every view agrees.
import type { Activity } from './schema.ts';

/** True when `activity` had to be done before `today` (`YYYY-MM-DD`, the viewer's local date) and is not. */
export const isOverdue = (activity: Pick<Activity, 'due' | 'status'>, today: string): boolean =>
  activity.due !== '' && activity.due < today && activity.status !== 'done';
