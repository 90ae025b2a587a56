// The "Kortkommandon" dialog: every keyboard shortcut of the plan page, with what it does.
import { For } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { Dialog } from './Dialog.tsx';
import './shortcuts.css';

/** The shortcuts in the order a person meets them; each has `shortcuts.<name>.keys` and `.does` sentences. */
const SHORTCUTS = [
  'arrows',
  'tab',
  'enter',
  'type',
  'delete',
  'copy',
  'paste',
  'undo',
  'redo',
  'addRow',
  'help',
] as const;

/** Lists the shortcuts; opened from the toolbar or with "?". */
export function ShortcutsDialog(props: { open: boolean; onClose: () => void }): JSX.Element {
  return (
    <Dialog
      open={props.open}
      onClose={() => props.onClose()}
      labelledBy="shortcuts-title"
      describedBy="shortcuts-intro"
    >
      <div class="form shortcuts">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <p id="shortcuts-intro">{t('shortcuts.intro')}</p>
        <table class="shortcuts__table">
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.keyColumn')}</th>
              <th scope="col">{t('shortcuts.actionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={SHORTCUTS}>
              {(name) => (
                <tr data-shortcut={name}>
                  <th scope="row">
                    <kbd>{t(`shortcuts.${name}.keys`)}</kbd>
                  </th>
                  <td>{t(`shortcuts.${name}.does`)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="actions">
          <button type="button" class="button" data-autofocus onClick={() => props.onClose()}>
            {t('shortcuts.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
