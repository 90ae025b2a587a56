// The settings texts: Swedish first, English with the same keys (the type enforces it).

export const settingsSv = {
  'settings.heading': 'Inställningar',
  'settings.readOnly': 'Du har en läslänk: du kan se planens inställningar men inte ändra dem.',
  'settings.col.name': 'Namn',
  'settings.col.kind': 'Typ',
  'settings.col.priority': 'Prioritet',
  'settings.col.activities': 'Aktiviteter',
  'settings.col.actions': 'Ändra',
  'settings.up': 'Flytta upp',
  'settings.down': 'Flytta ned',
  'settings.upNamed': 'Flytta upp {name}',
  'settings.downNamed': 'Flytta ned {name}',
  'settings.rename': 'Byt namn',
  'settings.renameNamed': 'Byt namn på {name}',
  'settings.newName': 'Nytt namn för {name}',
  'settings.remove': 'Ta bort',
  'settings.removeNamed': 'Ta bort {name}',
  'settings.save': 'Spara',
  'settings.saveHint': 'Sparas när du trycker Enter eller lämnar fältet. Esc tar tillbaka det du skrivit.',
  'settings.moved': '{name} står nu på plats {position} av {count}.',
  'settings.plan.heading': 'Planen',
  'settings.plan.title': 'Planens namn',
  'settings.plan.county': 'Län',
  'settings.plan.noCounty': 'Inget län angivet',
  'settings.plan.titleSaved': 'Planens namn är sparat.',
  'settings.plan.countySaved': 'Länet är sparat.',
  'settings.participants.heading': 'Deltagare',
  'settings.participants.intro':
    'Organisationerna som kan äga aktiviteter, i den ordning de visas i planen och i listor över ägare.',
  'settings.participants.none': 'Planen har inga deltagare ännu.',
  'settings.participants.add': 'Lägg till deltagare',
  'settings.participants.addName': 'Organisationens namn',
  'settings.participants.addKind': 'Typ av organisation',
  'settings.participants.added': '{name} har lagts till som deltagare.',
  'settings.participants.renamed': 'Deltagaren heter nu {name}.',
  'settings.participants.removed': '{name} är borttagen. Ångra med Ctrl+Z.',
  'settings.removeParticipant.title': 'Ta bort {name}?',
  'settings.removeParticipant.owns.one': '{name} äger 1 aktivitet. Vad ska hända med den?',
  'settings.removeParticipant.owns.other': '{name} äger {count} aktiviteter. Vad ska hända med dem?',
  'settings.removeParticipant.ownsNone': '{name} äger inga aktiviteter, så inga aktiviteter ändras.',
  'settings.removeParticipant.choice': 'Aktiviteter som {name} äger',
  'settings.removeParticipant.handOver': 'Lämna över dem till en annan deltagare',
  'settings.removeParticipant.heir': 'Ny ägare',
  'settings.removeParticipant.unassign':
    'Ta bara bort {name} som ägare: aktiviteterna finns kvar, med sina övriga ägare eller utan ägare',
  'settings.removeParticipant.noHeir': 'Det finns ingen annan deltagare att lämna över till.',
  'settings.removeParticipant.undo': 'Du kan ångra borttagningen med Ctrl+Z eller se den under Historik.',
  'settings.removeParticipant.submit': 'Ta bort deltagaren',
  'settings.focusAreas.heading': 'Fokusområden',
  'settings.focusAreas.intro':
    'Fokusområdena i planens ordning. Prioritet 1 startar först, och flera fokusområden kan ha samma prioritet. Flytta upp och ned ändrar ordningen bland fokusområden med samma prioritet; ändra prioriteten för att flytta förbi andra.',
  'settings.focusAreas.none': 'Planen har inga fokusområden ännu.',
  'settings.focusAreas.priorityOf': 'Prioritet för {name}',
  'settings.focusAreas.priorityHint': 'Ett heltal 1–99. Sparas när du trycker Enter eller lämnar fältet.',
  'settings.focusAreas.add': 'Lägg till fokusområde',
  'settings.focusAreas.addName': 'Fokusområdets namn',
  'settings.focusAreas.addPriority': 'Prioritet (1–99)',
  'settings.focusAreas.added': 'Fokusområdet {name} har lagts till.',
  'settings.focusAreas.renamed': 'Fokusområdet heter nu {name}.',
  'settings.focusAreas.prioritised': '{name} har nu prioritet {priority}.',
  'settings.focusAreas.removed': 'Fokusområdet {name} är borttaget. Ångra med Ctrl+Z.',
  'settings.focusAreas.removedWith':
    'Fokusområdet {name} och dess {count} aktiviteter är borttagna. Ångra med Ctrl+Z.',
  'settings.removeFocusArea.title': 'Ta bort fokusområdet {name}?',
  'settings.removeFocusArea.message.one':
    'Fokusområdet har 1 aktivitet. Den tas bort tillsammans med fokusområdet. Du får tillbaka båda med Ctrl+Z (ångra) eller under Historik.',
  'settings.removeFocusArea.message.other':
    'Fokusområdet har {count} aktiviteter. De tas bort tillsammans med fokusområdet. Du får tillbaka allt med Ctrl+Z (ångra) eller under Historik.',
  'settings.removeFocusArea.submit.one': 'Ta bort fokusområdet och dess aktivitet',
  'settings.removeFocusArea.submit.other': 'Ta bort fokusområdet och dess {count} aktiviteter',
  'settings.links.heading': 'Länkar att dela',
  'settings.links.intro':
    'Den som har en länk kommer in i planen utan konto. Dela länkarna bara med dem som ska ha dem.',
  'settings.links.edit': 'Redigeringslänk',
  'settings.links.editWho':
    'Redigeringslänken är för dem som ska kunna ändra i planen, till exempel styrgruppens ledamöter.',
  'settings.links.view': 'Läslänk',
  'settings.links.viewWho':
    'Läslänken är för dem som bara ska läsa planen, till exempel politiker eller ett brukarråd.',
  'settings.links.viewUnknown':
    'Läslänken finns hos den som skapade planen. Den här enheten känner inte till den.',
  'settings.links.editNotYours':
    'Du har en läslänk. Redigeringslänken finns hos den som skapade planen och hos dem som har fått den.',
  'settings.links.roleUnknown':
    'Redigeringslänken visas när servern har bekräftat att din länk får ändra i planen.',
  'settings.links.replace': 'Byt ut länk',
  'settings.links.replaceLabel': 'Byt ut länk ({link})',
  'settings.links.replaceHint':
    'Om en länk har hamnat hos fel person: byt ut den. Den gamla länken slutar då fungera för alla som har den.',
  'settings.links.viewNew': 'Du kan skapa en ny läslänk. Den gamla läslänken slutar då fungera.',
  'settings.replaceEdit.title': 'Byta ut redigeringslänken?',
  'settings.replaceEdit.message':
    'Den gamla redigeringslänken slutar fungera direkt, för alla som har den – även för dem som har planen öppen just nu. Ge sedan den nya länken till dem som ska kunna ändra i planen. Den här enheten byter själv till den nya länken.',
  'settings.replaceView.title': 'Byta ut läslänken?',
  'settings.replaceView.message':
    'Den gamla läslänken slutar fungera direkt, för alla som har den – även för dem som har planen öppen just nu. Ge sedan den nya läslänken till dem som ska kunna läsa planen.',
  'settings.replace.confirm': 'Byt ut länken',
  'settings.replace.working': 'Byter ut länken…',
  'settings.replace.doneEdit':
    'Redigeringslänken är utbytt. Den gamla fungerar inte längre. Kopiera den nya och dela den med dem som ska ha den.',
  'settings.replace.doneView':
    'Läslänken är utbytt. Den gamla fungerar inte längre. Kopiera den nya och dela den med dem som ska ha den.',
  'settings.replace.notAllowed': 'Bara den som har redigeringslänken kan byta ut länkar.',
  'settings.replace.failed':
    'Länken kunde inte bytas ut. Den gamla länken gäller fortfarande. Kontrollera att du är uppkopplad och försök igen.',
} as const;

export const settingsEn: Record<keyof typeof settingsSv, string> = {
  'settings.heading': 'Settings',
  'settings.readOnly': 'You have a read link: you can see the plan’s settings but not change them.',
  'settings.col.name': 'Name',
  'settings.col.kind': 'Kind',
  'settings.col.priority': 'Priority',
  'settings.col.activities': 'Activities',
  'settings.col.actions': 'Change',
  'settings.up': 'Move up',
  'settings.down': 'Move down',
  'settings.upNamed': 'Move up {name}',
  'settings.downNamed': 'Move down {name}',
  'settings.rename': 'Rename',
  'settings.renameNamed': 'Rename {name}',
  'settings.newName': 'New name for {name}',
  'settings.remove': 'Remove',
  'settings.removeNamed': 'Remove {name}',
  'settings.save': 'Save',
  'settings.saveHint': 'Saved when you press Enter or leave the field. Esc takes back what you typed.',
  'settings.moved': '{name} is now in place {position} of {count}.',
  'settings.plan.heading': 'The plan',
  'settings.plan.title': 'Name of the plan',
  'settings.plan.county': 'County',
  'settings.plan.noCounty': 'No county given',
  'settings.plan.titleSaved': 'The plan’s name is saved.',
  'settings.plan.countySaved': 'The county is saved.',
  'settings.participants.heading': 'Participants',
  'settings.participants.intro':
    'The organisations that can own activities, in the order they are shown in the plan and in lists of owners.',
  'settings.participants.none': 'The plan has no participants yet.',
  'settings.participants.add': 'Add participant',
  'settings.participants.addName': 'Name of the organisation',
  'settings.participants.addKind': 'Kind of organisation',
  'settings.participants.added': '{name} has been added as a participant.',
  'settings.participants.renamed': 'The participant is now called {name}.',
  'settings.participants.removed': '{name} has been removed. Undo with Ctrl+Z.',
  'settings.removeParticipant.title': 'Remove {name}?',
  'settings.removeParticipant.owns.one': '{name} owns 1 activity. What should happen to it?',
  'settings.removeParticipant.owns.other': '{name} owns {count} activities. What should happen to them?',
  'settings.removeParticipant.ownsNone': '{name} owns no activities, so no activity changes.',
  'settings.removeParticipant.choice': 'Activities owned by {name}',
  'settings.removeParticipant.handOver': 'Hand them over to another participant',
  'settings.removeParticipant.heir': 'New owner',
  'settings.removeParticipant.unassign':
    'Just remove {name} as owner: the activities stay, with their other owners or with none',
  'settings.removeParticipant.noHeir': 'There is no other participant to hand them over to.',
  'settings.removeParticipant.undo': 'You can undo the removal with Ctrl+Z or see it under History.',
  'settings.removeParticipant.submit': 'Remove the participant',
  'settings.focusAreas.heading': 'Focus areas',
  'settings.focusAreas.intro':
    'The focus areas in plan order. Priority 1 starts first, and several focus areas may share a priority. Move up and down change the order among focus areas of the same priority; change the priority to move past others.',
  'settings.focusAreas.none': 'The plan has no focus areas yet.',
  'settings.focusAreas.priorityOf': 'Priority of {name}',
  'settings.focusAreas.priorityHint': 'A whole number 1–99. Saved when you press Enter or leave the field.',
  'settings.focusAreas.add': 'Add focus area',
  'settings.focusAreas.addName': 'Name of the focus area',
  'settings.focusAreas.addPriority': 'Priority (1–99)',
  'settings.focusAreas.added': 'The focus area {name} has been added.',
  'settings.focusAreas.renamed': 'The focus area is now called {name}.',
  'settings.focusAreas.prioritised': '{name} now has priority {priority}.',
  'settings.focusAreas.removed': 'The focus area {name} has been removed. Undo with Ctrl+Z.',
  'settings.focusAreas.removedWith':
    'The focus area {name} and its {count} activities have been removed. Undo with Ctrl+Z.',
  'settings.removeFocusArea.title': 'Remove the focus area {name}?',
  'settings.removeFocusArea.message.one':
    'The focus area has 1 activity. It is removed together with the focus area. You get both back with Ctrl+Z (undo) or under History.',
  'settings.removeFocusArea.message.other':
    'The focus area has {count} activities. They are removed together with the focus area. You get it all back with Ctrl+Z (undo) or under History.',
  'settings.removeFocusArea.submit.one': 'Remove the focus area and its activity',
  'settings.removeFocusArea.submit.other': 'Remove the focus area and its {count} activities',
  'settings.links.heading': 'Links to share',
  'settings.links.intro':
    'Whoever has a link gets into the plan without an account. Share the links only with those who should have them.',
  'settings.links.edit': 'Edit link',
  'settings.links.editWho':
    'The edit link is for those who may change the plan, such as the steering group’s members.',
  'settings.links.view': 'Read link',
  'settings.links.viewWho':
    'The read link is for those who should only read the plan, such as politicians or a user council.',
  'settings.links.viewUnknown':
    'The read link is with the person who created the plan. This device does not know it.',
  'settings.links.editNotYours':
    'You have a read link. The edit link is with the person who created the plan and those who have been given it.',
  'settings.links.roleUnknown':
    'The edit link is shown once the server has confirmed that your link may change the plan.',
  'settings.links.replace': 'Replace link',
  'settings.links.replaceLabel': 'Replace link ({link})',
  'settings.links.replaceHint':
    'If a link has reached the wrong person, replace it. The old link then stops working for everyone who has it.',
  'settings.links.viewNew': 'You can create a new read link. The old read link then stops working.',
  'settings.replaceEdit.title': 'Replace the edit link?',
  'settings.replaceEdit.message':
    'The old edit link stops working at once, for everyone who has it – also for those who have the plan open right now. Then give the new link to those who should be able to change the plan. This device switches to the new link by itself.',
  'settings.replaceView.title': 'Replace the read link?',
  'settings.replaceView.message':
    'The old read link stops working at once, for everyone who has it – also for those who have the plan open right now. Then give the new read link to those who should be able to read the plan.',
  'settings.replace.confirm': 'Replace the link',
  'settings.replace.working': 'Replacing the link…',
  'settings.replace.doneEdit':
    'The edit link has been replaced. The old one no longer works. Copy the new one and share it with those who should have it.',
  'settings.replace.doneView':
    'The read link has been replaced. The old one no longer works. Copy the new one and share it with those who should have it.',
  'settings.replace.notAllowed': 'Only someone with the edit link can replace links.',
  'settings.replace.failed':
    'The link could not be replaced. The old link still works. Check that you are online and try again.',
};
