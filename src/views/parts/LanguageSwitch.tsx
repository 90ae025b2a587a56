// Svenska / English: two toggle buttons that switch the interface language (remembered on this device).
import { For } from 'solid-js';
import type { JSX } from 'solid-js';
import { language, setLanguage, t } from '../../i18n/index.ts';
import type { Language } from '../../i18n/index.ts';
import './languageSwitch.css';

const LANGUAGES: readonly Language[] = ['sv', 'en'];

/** A labelled group of buttons; the current language is the pressed one. Each name is in its own language. */
export function LanguageSwitch(): JSX.Element {
  return (
    <div class="language-switch" role="group" aria-label={t('language.label')}>
      <For each={LANGUAGES}>
        {(lang) => (
          <button
            type="button"
            class="language-switch__option"
            lang={lang}
            aria-pressed={language() === lang}
            onClick={() => setLanguage(lang)}
          >
            {t(`language.${lang}`)}
          </button>
        )}
      </For>
    </div>
  );
}
