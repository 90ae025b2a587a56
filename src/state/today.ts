// Today's local date as a signal: what "overdue" is measured against, renewed when the date changes.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { isoDate } from '../views/isoDate.ts';

const [day, setDay] = createSignal(isoDate());

// A plan left open overnight marks yesterday's deadlines without a reload; a minute's lag is harmless.
if (typeof window !== 'undefined') setInterval(() => setDay(isoDate()), 60_000);

/** `YYYY-MM-DD` of today on this device; reactive. */
export const today: Accessor<string> = day;
