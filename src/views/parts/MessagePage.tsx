// A whole-page message (not found, no key, a link that no longer works, a crash) with a way back to the start page.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** A calm full-page message: heading, sentence, optional detail and actions, and a link to the start page. */
export function MessagePage(props: {
  title: string;
  body: string;
  detail?: string;
  children?: JSX.Element;
}): JSX.Element {
  return (
    <main class="message-page" aria-labelledby="message-title">
      <div class="message-page__card">
        <div class="brand-row">
          <p class="brand" aria-hidden="true">
            {t('app.name')}
          </p>
          <LanguageSwitch />
        </div>
        <h1 id="message-title">{props.title}</h1>
        <p>{props.body}</p>
        <Show when={props.detail}>
          <p class="muted">{props.detail}</p>
        </Show>
        <div class="actions">
          {props.children}
          <a class="button" href="/">
            {t('view.toStart')}
          </a>
        </div>
      </div>
    </main>
  );
}
