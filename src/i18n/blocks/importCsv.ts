// The importCsv texts: Swedish first, English with the same keys (the type enforces it).

export const importCsvSv = {
  'importCsv.title': 'Importera CSV',
  'importCsv.intro':
    'Välj en CSV-fil med samma rubriker som Samplans export. Fokusområde och Aktivitet måste finnas, de andra kolumnerna är frivilliga. Semikolon eller komma, UTF-8 eller Windows-1252 går bra.',
  'importCsv.nothingYet': 'Ingenting ändras i planen förrän du trycker på Importera.',
  'importCsv.file': 'CSV-fil',
  'importCsv.reading': 'Läser filen…',
  'importCsv.read': '{file} är läst som {encoding} med {separator} mellan fälten.',
  'importCsv.encoding.utf-8': 'UTF-8',
  'importCsv.encoding.windows-1252': 'Windows-1252',
  'importCsv.encoding.utf-16le': 'UTF-16',
  'importCsv.encoding.utf-16be': 'UTF-16',
  'importCsv.separator.semicolon': 'semikolon',
  'importCsv.separator.comma': 'komma',
  'importCsv.separator.tab': 'tabb',
  'importCsv.summary.ready': '{count} aktiviteter kan importeras.',
  'importCsv.summary.readyOne': '1 aktivitet kan importeras.',
  'importCsv.summary.readyNone': 'Inga aktiviteter kan importeras.',
  'importCsv.summary.refused': '{count} rader kan inte användas.',
  'importCsv.summary.refusedOne': '1 rad kan inte användas.',
  'importCsv.summary.skipped':
    '{count} rader hoppas över eftersom fokusområdet eller organisationen inte skapas.',
  'importCsv.summary.skippedOne': '1 rad hoppas över eftersom fokusområdet eller organisationen inte skapas.',
  'importCsv.summary.already':
    '{count} av raderna finns redan i planen med samma fokusområde, steg och aktivitet (rad {lines}). De läggs till en gång till om du importerar.',
  'importCsv.summary.alreadyOne':
    'En av raderna finns redan i planen med samma fokusområde, steg och aktivitet (rad {lines}). Den läggs till en gång till om du importerar.',
  'importCsv.newAreas.heading': 'Fokusområden som inte finns i planen',
  'importCsv.newAreas.hint':
    'De markerade skapas när du importerar. Rader med ett fokusområde som inte skapas hoppas över.',
  'importCsv.newArea': 'Skapa ”{name}” (prioritet {priority})',
  'importCsv.newOwners.heading': 'Organisationer som inte finns i planen',
  'importCsv.newOwners.hint':
    'De markerade läggs till som deltagare i planen. Rader med en organisation som inte skapas hoppas över. Kontrollera stavningen: ett namn som liknar en befintlig deltagare är troligen ett skrivfel.',
  'importCsv.newOwner': 'Skapa ”{name}”',
  'importCsv.usedOn': 'Används på rad {lines}.',
  'importCsv.refused.heading': 'Rader som inte kan användas',
  'importCsv.refused.line': 'Rad',
  'importCsv.refused.reason': 'Orsak',
  'importCsv.refused.more':
    'Ytterligare {count} rader kan inte användas. Rätta de första och läs in filen igen.',
  'importCsv.reason.required': '{column} saknas.',
  'importCsv.reason.too_long': '{column} är för lång: {length} tecken, högst {max} går.',
  'importCsv.reason.bad_step': 'Okänt steg ”{value}”. Steg är 1, 2 eller 3.',
  'importCsv.reason.bad_status': 'Okänd status ”{value}”.',
  'importCsv.reason.bad_date':
    '{column}: ”{value}” är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2027-03-31.',
  'importCsv.reason.bad_priority': 'Prioritet ”{value}” går inte. Prioritet är ett heltal från 1 till 99.',
  'importCsv.reason.bad_reform_part': 'Reformdelar ”{value}” går inte. Reformdelarna är numrerade 1–10.',
  'importCsv.reason.unknown_focus_area': 'Okänt fokusområde ”{value}”.',
  'importCsv.reason.unknown_participant': 'Okänd ansvarig ”{value}”.',
  'importCsv.ignored': 'Kolumner som inte läses: {columns}.',
  'importCsv.problem.empty': 'Filen är tom.',
  'importCsv.problem.workbook':
    'Filen är en Excel-arbetsbok, inte en CSV-fil. Spara den i Excel som ”CSV (semikolonavgränsad)” och välj den nya filen.',
  'importCsv.problem.binary': 'Filen är ingen textfil och kan inte läsas som CSV.',
  'importCsv.problem.too_big': 'Filen är för stor. Den får vara högst {max} MB.',
  'importCsv.problem.no_rows': 'Filen har rubriker men inga rader med aktiviteter.',
  'importCsv.problem.unterminated_quote':
    'Ett citattecken på rad {line} avslutas aldrig, så resten av filen går inte att läsa. Rätta raden och välj filen igen.',
  'importCsv.problem.missing_columns':
    'Filen saknar {columns}. Första raden ska innehålla rubrikerna, som i Samplans export.',
  'importCsv.problem.unreadable': 'Filen gick inte att läsa. Välj den igen.',
  'importCsv.submit': 'Importera {count} aktiviteter',
  'importCsv.submitOne': 'Importera 1 aktivitet',
  'importCsv.submitNone': 'Importera',
  'importCsv.undoHint': 'Hela importen blir en enda ändring: Ctrl+Z ångrar den.',
  'importCsv.done': '{count} aktiviteter importerades.',
  'importCsv.doneOne': '1 aktivitet importerades.',
  'importCsv.failed':
    'Ingenting importerades. Rad {line}: {reason} Välj filen igen för att se hur den passar planen nu.',
} as const;

export const importCsvEn: Record<keyof typeof importCsvSv, string> = {
  'importCsv.title': 'Import CSV',
  'importCsv.intro':
    "Choose a CSV file with the same headers as Samplan's export. Focus area and Activity are required; the other columns are optional. Semicolons or commas, UTF-8 or Windows-1252 are fine.",
  'importCsv.nothingYet': 'Nothing in the plan changes until you press Import.',
  'importCsv.file': 'CSV file',
  'importCsv.reading': 'Reading the file…',
  'importCsv.read': '{file} was read as {encoding} with {separator} between fields.',
  'importCsv.encoding.utf-8': 'UTF-8',
  'importCsv.encoding.windows-1252': 'Windows-1252',
  'importCsv.encoding.utf-16le': 'UTF-16',
  'importCsv.encoding.utf-16be': 'UTF-16',
  'importCsv.separator.semicolon': 'semicolons',
  'importCsv.separator.comma': 'commas',
  'importCsv.separator.tab': 'tabs',
  'importCsv.summary.ready': '{count} activities can be imported.',
  'importCsv.summary.readyOne': '1 activity can be imported.',
  'importCsv.summary.readyNone': 'No activities can be imported.',
  'importCsv.summary.refused': '{count} rows cannot be used.',
  'importCsv.summary.refusedOne': '1 row cannot be used.',
  'importCsv.summary.skipped':
    '{count} rows are skipped because their focus area or organisation is not created.',
  'importCsv.summary.skippedOne': '1 row is skipped because its focus area or organisation is not created.',
  'importCsv.summary.already':
    '{count} of the rows are already in the plan with the same focus area, step and activity (line {lines}). They are added once more if you import.',
  'importCsv.summary.alreadyOne':
    'One of the rows is already in the plan with the same focus area, step and activity (line {lines}). It is added once more if you import.',
  'importCsv.newAreas.heading': 'Focus areas the plan does not have',
  'importCsv.newAreas.hint':
    'The checked ones are created when you import. Rows with a focus area that is not created are skipped.',
  'importCsv.newArea': 'Create “{name}” (priority {priority})',
  'importCsv.newOwners.heading': 'Organisations the plan does not have',
  'importCsv.newOwners.hint':
    'The checked ones are added to the plan as participants. Rows with an organisation that is not created are skipped. Check the spelling: a name close to an existing participant is probably a typo.',
  'importCsv.newOwner': 'Create “{name}”',
  'importCsv.usedOn': 'Used on line {lines}.',
  'importCsv.refused.heading': 'Rows that cannot be used',
  'importCsv.refused.line': 'Line',
  'importCsv.refused.reason': 'Reason',
  'importCsv.refused.more': '{count} more rows cannot be used. Fix the first ones and read the file again.',
  'importCsv.reason.required': '{column} is missing.',
  'importCsv.reason.too_long': '{column} is too long: {length} characters, at most {max}.',
  'importCsv.reason.bad_step': 'Unknown step “{value}”. Steps are 1, 2 or 3.',
  'importCsv.reason.bad_status': 'Unknown status “{value}”.',
  'importCsv.reason.bad_date': '{column}: “{value}” is not a date. Write YYYY-MM-DD, for example 2027-03-31.',
  'importCsv.reason.bad_priority':
    'Priority “{value}” is not allowed. Priority is a whole number from 1 to 99.',
  'importCsv.reason.bad_reform_part':
    'Reform parts “{value}” are not allowed. The reform parts are numbered 1–10.',
  'importCsv.reason.unknown_focus_area': 'Unknown focus area “{value}”.',
  'importCsv.reason.unknown_participant': 'Unknown owner “{value}”.',
  'importCsv.ignored': 'Columns that are not read: {columns}.',
  'importCsv.problem.empty': 'The file is empty.',
  'importCsv.problem.workbook':
    'The file is an Excel workbook, not a CSV file. Save it in Excel as “CSV (semicolon delimited)” and choose the new file.',
  'importCsv.problem.binary': 'The file is not a text file and cannot be read as CSV.',
  'importCsv.problem.too_big': 'The file is too large. It may be at most {max} MB.',
  'importCsv.problem.no_rows': 'The file has headers but no rows with activities.',
  'importCsv.problem.unterminated_quote':
    'A quote on line {line} is never closed, so the rest of the file cannot be read. Fix the line and choose the file again.',
  'importCsv.problem.missing_columns':
    "The file lacks {columns}. The first line must hold the headers, as in Samplan's export.",
  'importCsv.problem.unreadable': 'The file could not be read. Choose it again.',
  'importCsv.submit': 'Import {count} activities',
  'importCsv.submitOne': 'Import 1 activity',
  'importCsv.submitNone': 'Import',
  'importCsv.undoHint': 'The whole import is one change: Ctrl+Z undoes it.',
  'importCsv.done': '{count} activities were imported.',
  'importCsv.doneOne': '1 activity was imported.',
  'importCsv.failed':
    'Nothing was imported. Line {line}: {reason} Choose the file again to see how it fits the plan now.',
};
