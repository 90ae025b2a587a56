// The follow-up's groups and figures in words, in the current language.
import { t } from '../../i18n/index.ts';
import type { ProgressGroup } from './progress.ts';

/** A group's name as the axis, the table and the summaries show it. */
export function groupName(group: ProgressGroup): string {
  const subject = group.subject;
  switch (subject.kind) {
    case 'plan':
      return t('followUp.planTotal');
    case 'focusArea':
    case 'participant':
      return subject.name;
    case 'unknownFocusArea':
      return t('followUp.unknownFocusArea');
    case 'noOwner':
      return t('followUp.noOwner');
    case 'reformPart':
      return t('followUp.reformPart', {
        part: subject.part,
        title: t(`followUp.reformPart.${subject.part}`),
      });
    case 'noReformPart':
      return t('followUp.noReformPart');
  }
}

/** "8 st · 25 % klart": what follows a bar ("0 st" alone where there is nothing to be done). */
export const barLabel = (group: ProgressGroup): string =>
  group.total === 0
    ? t('followUp.barLabelEmpty')
    : t('followUp.barLabel', { total: group.total, percent: group.percentDone });

/** What a screen reader hears for a chart: its title, then each group's done count. */
export const chartLabel = (title: string, groups: readonly ProgressGroup[]): string =>
  t('followUp.chartLabel', {
    title: title.toLocaleLowerCase(),
    groups: groups
      .map((group) =>
        t('followUp.groupLabel', { name: groupName(group), done: group.done, total: group.total }),
      )
      .join('; '),
  });
