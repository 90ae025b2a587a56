// What a CSV reader should get back from an exported plan, written out independently of the exporter (DESIGN, "CSV format").
import { sv } from '../../src/i18n/sv.ts';
import type { PlanSnapshot } from '../../src/model/schema.ts';

/** The header row of the contract, in Swedish. */
export const CSV_HEADER = [
  'Prioritet',
  'Fokusområde',
  'Steg',
  'Aktivitet',
  'Ansvarig',
  'Kontaktperson',
  'Status',
  'Klart senast',
  'Reformdelar',
  'Anteckning',
  'Beslut',
];

/** One row per activity in plan order, before the formula-injection guard. */
export function expectedCsvRows(plan: PlanSnapshot): string[][] {
  const areas = new Map(plan.focusAreas.map((area) => [area.id as string, area]));
  const names = new Map(plan.participants.map((participant) => [participant.id as string, participant.name]));
  return plan.activities.map((activity) => {
    const area = areas.get(activity.focusAreaId);
    return [
      area === undefined ? '' : String(area.priority),
      area?.name ?? '',
      String(activity.step),
      activity.text,
      activity.owners.map((owner) => names.get(owner) ?? '').join(', '),
      activity.responsible,
      sv[`status.${activity.status}`],
      activity.due,
      activity.reformParts.join(', '),
      activity.note,
      // The decision's date first, then its text: "2026-11-23: Beslut …" ("date:" alone when it has no text).
      activity.decisionDate === ''
        ? activity.decision
        : `${activity.decisionDate}:${activity.decision === '' ? '' : ` ${activity.decision}`}`,
    ];
  });
}
