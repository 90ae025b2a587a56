// The plan page's views: their names in the nav, "Min organisation", remembered layout and opening an activity.

export const viewsSv = {
  'views.nav': 'Planens vyer',
  'views.table': 'Tabell',
  'views.overview': 'Översikt',
  'views.followUp': 'Uppföljning',
  'views.settings': 'Inställningar',
  'views.mine': 'Min organisation',
  'views.mineOn': 'Visar bara det som {name} ansvarar för.',
  'views.mineUnknown': 'Välj din organisation under ”Ange vem du är” för att kunna filtrera på den.',
  'views.mineOwner': 'Filtret ”Min organisation” är på.',
  'views.filtersCleared': 'Filtren i tabellen togs bort så att aktiviteten syns.',
  'views.opened': 'Aktiviteten visas i tabellen.',
  'views.openedMissing': 'Aktiviteten finns inte längre i planen.',
  'toolbar.import': 'Importera CSV',
  'toolbar.columns': 'Kolumner',
  'columns.title': 'Kolumner i tabellen',
  'columns.intro':
    'Välj vilka kolumner som visas och i vilken ordning. Valet gäller alla planer på den här enheten och påverkar inte vad andra ser.',
  'columns.fixed': '(visas alltid)',
  'columns.up': 'Flytta {name} åt vänster',
  'columns.down': 'Flytta {name} åt höger',
  'columns.reset': 'Återställ',
  'columns.close': 'Klar',
  'onDemand.loading': 'Laddar…',
  'onDemand.failed':
    'Den här delen kunde inte laddas. Den hämtas från servern första gången, och då behöver du vara ansluten. Ladda om sidan när du är ansluten igen.',
} as const;

export const viewsEn: Record<keyof typeof viewsSv, string> = {
  'views.nav': "The plan's views",
  'views.table': 'Table',
  'views.overview': 'Overview',
  'views.followUp': 'Follow-up',
  'views.settings': 'Settings',
  'views.mine': 'My organisation',
  'views.mineOn': 'Showing only what {name} is responsible for.',
  'views.mineUnknown': 'Choose your organisation under “Say who you are” to filter on it.',
  'views.mineOwner': 'The “My organisation” filter is on.',
  'views.filtersCleared': 'The table’s filters were removed so that the activity shows.',
  'views.opened': 'The activity is shown in the table.',
  'views.openedMissing': 'The activity is no longer in the plan.',
  'toolbar.import': 'Import CSV',
  'toolbar.columns': 'Columns',
  'columns.title': 'Columns in the table',
  'columns.intro':
    'Choose which columns show and in what order. The choice applies to every plan on this device and does not change what others see.',
  'columns.fixed': '(always shown)',
  'columns.up': 'Move {name} left',
  'columns.down': 'Move {name} right',
  'columns.reset': 'Reset',
  'columns.close': 'Done',
  'onDemand.loading': 'Loading…',
  'onDemand.failed':
    'This part could not be loaded. It is fetched from the server the first time, which needs a connection. Reload the page once you are connected again.',
} satisfies Record<keyof typeof viewsSv, string>;
