// The "Importera CSV" dialog: choose a file, see what it would add and what it cannot use, then import as one change.
import { Show, createMemo, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { MAX_IMPORT_BYTES, importableRows, previewCsvFile } from '../../csv/importCsv.ts';
import type { ImportPreview } from '../../csv/importCsv.ts';
import { t } from '../../i18n/index.ts';
import { importActivities } from '../../model/importActivities.ts';
import type { PlanSnapshot } from '../../model/schema.ts';
import type { PlanHandle } from '../../sync/openPlan.ts';
import { Dialog } from '../parts/Dialog.tsx';
import { ImportPreviewPanel } from './ImportPreviewPanel.tsx';
import { countText, fileProblemText } from './importTexts.ts';
import './importDialog.css';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** The open plan: its doc and local origin; the import is one transaction with this origin (one Ctrl+Z). */
  handle: PlanHandle;
  /** The whole plan, for matching focus areas and owners by name; a reactive store. */
  plan: PlanSnapshot;
  /** A polite confirmation for screen readers once the import is done ("12 aktiviteter importerades"). */
  announce: (text: string) => void;
}

interface Loaded {
  readonly fileName: string;
  readonly preview: ImportPreview;
}

/** The form inside the dialog; mounted fresh on each open, so every import starts from choosing a file. */
function ImportForm(props: Omit<ImportDialogProps, 'open'>): JSX.Element {
  const [loaded, setLoaded] = createSignal<Loaded | null>(null);
  const [reading, setReading] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  // Every unknown name starts chosen: moving a plan from Excel into Samplan is the common case, the list and
  // the button's count say what will happen, and one Ctrl+Z takes the created names back with the rows.
  const [createAreas, setCreateAreas] = createSignal<ReadonlySet<string>>(new Set());
  const [createOwners, setCreateOwners] = createSignal<ReadonlySet<string>>(new Set());
  const choices = () => ({ createFocusAreas: [...createAreas()], createOwners: [...createOwners()] });
  const importable = createMemo(() => {
    const current = loaded();
    return current === null ? 0 : importableRows(current.preview, choices()).length;
  });

  const read = async (file: File | undefined): Promise<void> => {
    setLoaded(null);
    setProblem('');
    if (file === undefined) return;
    if (file.size > MAX_IMPORT_BYTES) return void setProblem(fileProblemText({ code: 'too_big' }));
    setReading(true);
    try {
      const outcome = previewCsvFile(new Uint8Array(await file.arrayBuffer()), props.plan);
      if (!outcome.ok) return void setProblem(fileProblemText(outcome.problem));
      setCreateAreas(new Set(outcome.preview.unknownFocusAreas.map((name) => name.name)));
      setCreateOwners(new Set(outcome.preview.unknownOwners.map((name) => name.name)));
      setLoaded({ fileName: file.name, preview: outcome.preview });
    } catch {
      setProblem(t('importCsv.problem.unreadable'));
    } finally {
      setReading(false);
    }
  };

  const choose = (kind: 'area' | 'owner', name: string, create: boolean): void => {
    const update = (current: ReadonlySet<string>): ReadonlySet<string> => {
      const next = new Set(current);
      if (create) next.add(name);
      else next.delete(name);
      return next;
    };
    if (kind === 'area') setCreateAreas(update);
    else setCreateOwners(update);
  };

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const current = loaded();
    if (current === null || importable() === 0) return;
    const { doc, origin } = props.handle;
    const result = importActivities(doc, origin, current.preview.rows, choices());
    if (!result.ok) {
      // The plan changed since the file was read so that a row no longer fits: nothing was written.
      setLoaded(null);
      setProblem(
        t('importCsv.failed', {
          line: result.error.params?.line ?? '?',
          reason: t(`error.${result.error.code}`),
        }),
      );
      return;
    }
    props.announce(countText(result.value.added, { one: 'importCsv.doneOne', many: 'importCsv.done' }));
    props.onClose();
  };

  return (
    <form class="form import" novalidate onSubmit={submit}>
      <h2 id="import-title">{t('importCsv.title')}</h2>
      <p id="import-intro">
        {t('importCsv.intro')} {t('importCsv.nothingYet')}
      </p>
      <div class="field">
        <label for="import-file">{t('importCsv.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,text/csv"
          data-autofocus
          aria-describedby="import-problem"
          aria-invalid={problem() !== ''}
          onChange={(event) => void read(event.currentTarget.files?.[0])}
        />
      </div>
      <Show when={reading()}>
        <p role="status">{t('importCsv.reading')}</p>
      </Show>
      <p id="import-problem" class="form__problem" role="alert">
        {problem()}
      </p>
      <Show when={loaded()}>
        {(current) => (
          <ImportPreviewPanel
            fileName={current().fileName}
            preview={current().preview}
            importable={importable()}
            createAreas={createAreas()}
            createOwners={createOwners()}
            onChoose={choose}
          />
        )}
      </Show>
      <Show when={importable() > 0}>
        <p class="field__hint">{t('importCsv.undoHint')}</p>
      </Show>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={importable() === 0}>
          {countText(importable(), {
            none: 'importCsv.submitNone',
            one: 'importCsv.submitOne',
            many: 'importCsv.submit',
          })}
        </button>
      </div>
    </form>
  );
}

/** The dialog around the form; Esc or Avbryt closes it without changing anything. */
export function ImportDialog(props: ImportDialogProps): JSX.Element {
  return (
    <Dialog
      open={props.open}
      onClose={() => props.onClose()}
      labelledBy="import-title"
      describedBy="import-intro"
    >
      <ImportForm
        handle={props.handle}
        plan={props.plan}
        announce={(text) => props.announce(text)}
        onClose={() => props.onClose()}
      />
    </Dialog>
  );
}
