// The CSV's Beslut column holds a decision and its date in one field: "2026-11-23: Styrgruppen beslutade …".
import type { Activity } from '../model/schema.ts';

type Decision = Pick<Activity, 'decision' | 'decisionDate'>;

const DATED = /^(\d{4}-\d{2}-\d{2}):(?: (.*))?$/s;

/** `date: text`, `date:` when only a date is set, or the text alone; empty when there is no decision. */
export function decisionCellText({ decision, decisionDate }: Decision): string {
  if (decisionDate === '') return decision;
  return decision === '' ? `${decisionDate}:` : `${decisionDate}: ${decision}`;
}

/** Splits a Beslut field back into text and date (the date is checked later, like every imported date). */
export function parseDecisionCell(text: string): Decision {
  const trimmed = text.trim();
  const dated = DATED.exec(trimmed);
  return dated === null
    ? { decision: trimmed, decisionDate: '' }
    : { decision: (dated[2] ?? '').trim(), decisionDate: dated[1] ?? '' };
}
