// The outcome of a model operation: a value, or a refusal with a reason the UI can put into words.

/** Why an operation was refused; each code has a sentence in i18n (`error.<code>`). */
export type ErrorCode =
  | 'required'
  | 'too_long'
  | 'not_text'
  | 'bad_step'
  | 'bad_status'
  | 'bad_date'
  | 'bad_priority'
  | 'bad_kind'
  | 'bad_reform_part'
  | 'unknown_focus_area'
  | 'unknown_participant'
  | 'unknown_activity'
  | 'unknown_field'
  | 'participant_in_use'
  | 'focus_area_in_use'
  | 'duplicate_name'
  | 'bad_template'
  | 'bad_update'
  | 'conflict_closed'
  | 'unknown_change'
  | 'activity_exists'
  | 'changed_since'
  | 'plan_loading';

export interface ModelError {
  readonly code: ErrorCode;
  /** The field or argument the refusal is about, when there is one. */
  readonly field?: string;
  /** A plain-English detail for logs and tests; the UI shows the i18n sentence for `code`. */
  readonly detail: string;
  /** Values for the sentence's placeholders (`{name}`), when it has any. */
  readonly params?: Readonly<Record<string, string>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ModelError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ErrorCode, detail: string, field?: string): Result<T> => ({
  ok: false,
  error: field === undefined ? { code, detail } : { code, field, detail },
});
