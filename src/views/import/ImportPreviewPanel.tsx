// What an import will do, before it does it: counts, names to create (with a choice), refused rows and why.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { ImportPreview, UnknownName } from '../../csv/importCsv.ts';
import { t } from '../../i18n/index.ts';
import { countText, linesText, problemText, readText } from './importTexts.ts';

/** More refused rows than this are counted, not listed: the first ones show what to fix. */
const MAX_REFUSALS_SHOWN = 100;

interface ImportPreviewPanelProps {
  fileName: string;
  preview: ImportPreview;
  /** How many rows the current choices let through. */
  importable: number;
  createAreas: ReadonlySet<string>;
  createOwners: ReadonlySet<string>;
  onChoose: (kind: 'area' | 'owner', name: string, create: boolean) => void;
}

/** The preview of a read file: the summary is a status region, so the counts are announced as they change. */
export function ImportPreviewPanel(props: ImportPreviewPanelProps): JSX.Element {
  const skipped = (): number => props.preview.rows.length - props.importable;
  return (
    <div class="import-preview">
      <p class="field__hint">{readText(props.fileName, props.preview.encoding, props.preview.separator)}</p>
      <div role="status" class="import-preview__summary">
        <p>
          {countText(props.importable, {
            none: 'importCsv.summary.readyNone',
            one: 'importCsv.summary.readyOne',
            many: 'importCsv.summary.ready',
          })}
        </p>
        <Show when={props.preview.refusals.length > 0}>
          <p>
            {countText(props.preview.refusals.length, {
              one: 'importCsv.summary.refusedOne',
              many: 'importCsv.summary.refused',
            })}
          </p>
        </Show>
        <Show when={skipped() > 0}>
          <p>
            {countText(skipped(), { one: 'importCsv.summary.skippedOne', many: 'importCsv.summary.skipped' })}
          </p>
        </Show>
      </div>
      <Show when={props.preview.alreadyInPlan.length > 0}>
        <p class="import-preview__warning">
          {t(
            props.preview.alreadyInPlan.length === 1
              ? 'importCsv.summary.alreadyOne'
              : 'importCsv.summary.already',
            {
              count: props.preview.alreadyInPlan.length,
              lines: linesText(props.preview.alreadyInPlan),
            },
          )}
        </p>
      </Show>
      <NewNames
        id="import-areas"
        heading={t('importCsv.newAreas.heading')}
        hint={t('importCsv.newAreas.hint')}
        names={props.preview.unknownFocusAreas}
        chosen={props.createAreas}
        label={(name) => t('importCsv.newArea', { name: name.name, priority: name.priority ?? 1 })}
        onChoose={(name, create) => props.onChoose('area', name, create)}
      />
      <NewNames
        id="import-owners"
        heading={t('importCsv.newOwners.heading')}
        hint={t('importCsv.newOwners.hint')}
        names={props.preview.unknownOwners}
        chosen={props.createOwners}
        label={(name) => t('importCsv.newOwner', { name: name.name })}
        onChoose={(name, create) => props.onChoose('owner', name, create)}
      />
      <Refusals preview={props.preview} />
      <Show when={props.preview.ignoredColumns.length > 0}>
        <p class="field__hint">
          {t('importCsv.ignored', { columns: props.preview.ignoredColumns.map((c) => `”${c}”`).join(', ') })}
        </p>
      </Show>
    </div>
  );
}

/** A list of names the plan lacks, each with a "Skapa" checkbox and the lines that use it. */
function NewNames(props: {
  id: string;
  heading: string;
  hint: string;
  names: readonly UnknownName[];
  chosen: ReadonlySet<string>;
  label: (name: UnknownName) => string;
  onChoose: (name: string, create: boolean) => void;
}): JSX.Element {
  return (
    <Show when={props.names.length > 0}>
      <section class="import-preview__section" aria-labelledby={`${props.id}-heading`}>
        <h3 id={`${props.id}-heading`}>{props.heading}</h3>
        <p id={`${props.id}-hint`} class="field__hint">
          {props.hint}
        </p>
        <ul class="import-preview__names">
          <For each={props.names}>
            {(name, index) => (
              <li>
                <input
                  id={`${props.id}-${index()}`}
                  type="checkbox"
                  checked={props.chosen.has(name.name)}
                  aria-describedby={`${props.id}-${index()}-lines ${props.id}-hint`}
                  onChange={(event) => props.onChoose(name.name, event.currentTarget.checked)}
                />
                <label for={`${props.id}-${index()}`}>{props.label(name)}</label>
                <span id={`${props.id}-${index()}-lines`} class="field__hint">
                  {t('importCsv.usedOn', { lines: linesText(name.lines) })}
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** The refused rows as a table: line, and every reason in words. */
function Refusals(props: { preview: ImportPreview }): JSX.Element {
  const shown = () => props.preview.refusals.slice(0, MAX_REFUSALS_SHOWN);
  const hidden = () => props.preview.refusals.length - shown().length;
  return (
    <Show when={props.preview.refusals.length > 0}>
      <section class="import-preview__section" aria-labelledby="import-refused-heading">
        <h3 id="import-refused-heading">{t('importCsv.refused.heading')}</h3>
        {/* Scrolls when long: focusable, so keyboard users can scroll it too. */}
        <div
          class="import-preview__table"
          tabindex="0"
          role="region"
          aria-labelledby="import-refused-heading"
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('importCsv.refused.line')}</th>
                <th scope="col">{t('importCsv.refused.reason')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(refusal) => (
                  <tr>
                    <th scope="row">{refusal.line}</th>
                    <td>{refusal.problems.map(problemText).join(' ')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={hidden() > 0}>
          <p class="field__hint">{t('importCsv.refused.more', { count: hidden() })}</p>
        </Show>
      </section>
    </Show>
  );
}
