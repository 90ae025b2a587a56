// The line above every page that says a new version of Samplan is ready, with the button that takes it.
import { Show, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { applyUpdate, updateAvailable } from '../../app/appUpdate.ts';
import { t } from '../../i18n/index.ts';

/**
 * Shown while a new version waits. The status region is always in the page, so screen readers announce the
 * sentence when it appears; the button is a plain button, the first stop for Tab.
 */
export function UpdateBanner(): JSX.Element {
  const [applying, setApplying] = createSignal(false);
  const [failed, setFailed] = createSignal(false);

  const update = (): void => {
    if (applying()) return;
    setApplying(true);
    setFailed(false);
    // On success the page reloads; a failure means the edits could not be saved first, so the old version stays.
    applyUpdate().catch((error: unknown) => {
      console.error('Samplan: the update was not applied', error);
      setFailed(true);
      setApplying(false);
    });
  };

  return (
    <div class="update-banner-region" role="status">
      <Show when={updateAvailable()}>
        <div class="update-banner">
          <p class="update-banner__text">{failed() ? t('update.failed') : t('update.available')}</p>
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus while the page saves. */}
          <button type="button" class="button button--primary" aria-disabled={applying()} onClick={update}>
            {applying() ? t('update.applying') : t('update.apply')}
          </button>
        </div>
      </Show>
    </div>
  );
}
