// The overview texts: Swedish first, English with the same keys (the type enforces it).

export const overviewSv = {
  'overview.heading': 'Översikt',
  'overview.summary': 'Fokusområden: {areas} · Aktiviteter: {activities} · Försenade: {overdue}',
  'overview.legend':
    'Planen per fokusområde och steg, i prioritetsordning. Välj en aktivitet för att öppna den i tabellen. ”Försenad” betyder att datumet för klart senast har passerat och att aktiviteten inte är klar.',
  'overview.caption': 'Aktivitetsplanen: fokusområden i prioritetsordning mot steg 1–3',
  'overview.region': 'Översiktstabellen (rulla i sidled)',
  'overview.focusArea': 'Fokusområde',
  'overview.priority': 'Prioritet {priority}',
  'overview.rowCounts': 'Aktiviteter: {total}, klara: {done}',
  'overview.rowOverdue': 'försenade: {overdue}',
  'overview.noActivities': 'Inga aktiviteter',
  'overview.noOwner': 'Ingen ansvarig',
  'overview.owners': 'Ansvarig:',
  'overview.due': 'Klart senast {date}',
  'overview.decision': 'Beslut: {text}',
  'overview.decisionDated': 'Beslut {date}: {text}',
  'overview.decisionDateOnly': 'Beslut {date}',
  'overview.openHint': 'Öppnar aktiviteten i tabellen.',
  'overview.print.county': 'Län: {county}',
  'overview.print.date': 'Utskriven {date}',
  'overview.print.page': 'Sida',
  'overview.print.of': 'av',
  'overview.emptyPlan':
    'Planen har inga fokusområden än. Lägg till dem i tabellen eller under Inställningar.',
} as const;

export const overviewEn: Record<keyof typeof overviewSv, string> = {
  'overview.heading': 'Overview',
  'overview.summary': 'Focus areas: {areas} · Activities: {activities} · Overdue: {overdue}',
  'overview.legend':
    'The plan by focus area and step, in priority order. Choose an activity to open it in the table. “Overdue” means the due date has passed and the activity is not done.',
  'overview.caption': 'The activity plan: focus areas in priority order against steps 1–3',
  'overview.region': 'The overview table (scrolls sideways)',
  'overview.focusArea': 'Focus area',
  'overview.priority': 'Priority {priority}',
  'overview.rowCounts': 'Activities: {total}, done: {done}',
  'overview.rowOverdue': 'overdue: {overdue}',
  'overview.noActivities': 'No activities',
  'overview.noOwner': 'No owner',
  'overview.owners': 'Owner:',
  'overview.due': 'Due {date}',
  'overview.decision': 'Decision: {text}',
  'overview.decisionDated': 'Decision {date}: {text}',
  'overview.decisionDateOnly': 'Decision {date}',
  'overview.openHint': 'Opens the activity in the table.',
  'overview.print.county': 'County: {county}',
  'overview.print.date': 'Printed {date}',
  'overview.print.page': 'Page',
  'overview.print.of': 'of',
  'overview.emptyPlan': 'The plan has no focus areas yet. Add them in the table or under Settings.',
} satisfies Record<keyof typeof overviewSv, string>;
