// Renders a status as a coloured chip that always carries its label, so colour is never the only signal.
import type { ICellRendererParams } from 'ag-grid-community';
import { STATUSES } from '../../model/schema.ts';
import type { Status } from '../../model/schema.ts';
import { t } from '../../i18n/index.ts';

const isStatus = (value: unknown): value is Status => STATUSES.includes(value as Status);

/** The status label in the interface language ('' for an unknown key). */
export const statusLabel = (value: unknown): string => (isStatus(value) ? t(`status.${value}`) : '');

/** Cell renderer for the `status` column: `<span class="status-chip status-chip--<key>" data-status="<key>">label</span>`. */
export function statusChip(params: ICellRendererParams): HTMLElement | string {
  const value: unknown = params.value;
  if (!isStatus(value)) return '';
  const chip = document.createElement('span');
  chip.className = `status-chip status-chip--${value}`;
  chip.dataset['status'] = value;
  chip.textContent = statusLabel(value);
  return chip;
}
