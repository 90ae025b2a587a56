// Renders a due date as ISO text; one that has passed on an activity not done also says so in words.
import type { ICellRendererParams } from 'ag-grid-community';
import { t } from '../../i18n/index.ts';
import { isOverdue } from '../../model/due.ts';
import type { GridRow } from '../rows.ts';

/** Cell renderer for `due`: the date, plus `<span class="overdue-tag">försenad</span>` when it has passed. */
export function dueDateCell(today: () => string) {
  return (params: ICellRendererParams<GridRow>): HTMLElement | string => {
    const row = params.data;
    if (row === undefined || row.due === '') return '';
    if (!isOverdue(row, today())) return row.due;
    const cell = document.createElement('span');
    const tag = document.createElement('span');
    tag.className = 'overdue-tag';
    tag.textContent = t('due.overdue');
    cell.append(row.due, tag);
    return cell;
  };
}
