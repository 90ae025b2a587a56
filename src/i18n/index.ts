// Translation lookup: t(key, params) in the current language (Swedish by default), and the language as a signal.
import { createSignal } from 'solid-js';
import { en } from './en.ts';
import { sv } from './sv.ts';
import type { MessageKey } from './sv.ts';

export type { MessageKey } from './sv.ts';
export type Language = 'sv' | 'en';

const dictionaries: Record<Language, Record<MessageKey, string>> = { sv, en };
const LANGUAGE_KEY = 'samplan.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
const [language, setLanguageSignal] = createSignal<Language>(stored === 'en' ? 'en' : 'sv');
// The page says which language it is in from the start (screen readers pick their voice from it), not only after a switch.
if (typeof document !== 'undefined') document.documentElement.lang = language();

export { language };

/** Switches the interface language and remembers it on this device. */
export function setLanguage(next: Language): void {
  setLanguageSignal(next);
  if (typeof localStorage !== 'undefined') localStorage.setItem(LANGUAGE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** The sentence for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[language()][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The Swedish sentence, whatever the interface language: for files that must be Swedish (CSV). */
export const svText = (key: MessageKey): string => sv[key];
