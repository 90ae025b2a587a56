// Parses values that come from people, files and the network into the plan's types, or refuses them with a reason.
// Shared by the model operations, the server's API and (later) CSV import: one source of truth.
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import {
  ACTIVITY_FIELDS,
  LIMITS,
  PARTICIPANT_KINDS,
  REFORM_PARTS,
  STATUSES,
  STEPS,
  TEMPLATE_IDS,
} from './schema.ts';
import type {
  ActivityField,
  ActivityValues,
  FocusAreaId,
  ParticipantId,
  ParticipantKind,
  ReformPart,
  Status,
  Step,
  TemplateId,
} from './schema.ts';

/** What a value is checked against: the ids that exist in the plan right now. */
export interface ValidationContext {
  readonly focusAreaIds: ReadonlySet<string>;
  readonly participantIds: ReadonlySet<string>;
}

// Control characters other than tab and line feed have no place in a plan and break CSV readers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Normalises line ends to `\n` and drops control characters; trims surrounding whitespace. */
export const cleanText = (value: string): string => value.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();

/** Text of at most `max` characters; `required` refuses an empty string. */
export function parseText(value: unknown, max: number, required: boolean, field?: string): Result<string> {
  if (typeof value !== 'string') return fail('not_text', `expected a string, got ${typeof value}`, field);
  const text = cleanText(value);
  if (required && text === '') return fail('required', 'must not be empty', field);
  if (text.length > max) return fail('too_long', `longer than ${max} characters`, field);
  return ok(text);
}

/** A single-line name (participant, focus area, title): line breaks become spaces. */
export const parseName = (value: unknown, max: number = LIMITS.name, field?: string): Result<string> =>
  typeof value === 'string'
    ? parseText(value.replace(/\s*[\r\n]+\s*/g, ' '), max, true, field)
    : parseText(value, max, true, field);

export function parseStep(value: unknown): Result<Step> {
  const step = typeof value === 'string' && /^\s*[123]\s*$/.test(value) ? Number(value) : value;
  return STEPS.includes(step as Step)
    ? ok(step as Step)
    : fail('bad_step', `not a step: ${String(value)}`, 'step');
}

export const parseStatus = (value: unknown): Result<Status> =>
  STATUSES.includes(value as Status)
    ? ok(value as Status)
    : fail('bad_status', `not a status: ${String(value)}`, 'status');

/** `YYYY-MM-DD` that names a real calendar day, or '' for no date. */
export function parseDate(value: unknown): Result<string> {
  if (typeof value !== 'string') return fail('bad_date', 'expected a string', 'due');
  const text = value.trim();
  if (text === '') return ok('');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return fail('bad_date', `not YYYY-MM-DD: ${text}`, 'due');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && year <= 2200 ? ok(text) : fail('bad_date', `no such day: ${text}`, 'due');
}

export function parsePriority(value: unknown): Result<number> {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= LIMITS.priority
    ? ok(number)
    : fail('bad_priority', `not a priority: ${String(value)}`, 'priority');
}

export const parseParticipantKind = (value: unknown): Result<ParticipantKind> =>
  PARTICIPANT_KINDS.includes(value as ParticipantKind)
    ? ok(value as ParticipantKind)
    : fail('bad_kind', `not a participant kind: ${String(value)}`, 'kind');

export const parseTemplateId = (value: unknown): Result<TemplateId> =>
  TEMPLATE_IDS.includes(value as TemplateId)
    ? ok(value as TemplateId)
    : fail('bad_template', `not a template: ${String(value)}`, 'template');

/** A set of reform parts (1–10), returned sorted and without repeats. */
export function parseReformParts(value: unknown): Result<ReformPart[]> {
  if (!Array.isArray(value)) return fail('bad_reform_part', 'expected a list', 'reformParts');
  const parts = new Set<ReformPart>();
  for (const item of value) {
    const part = typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : item;
    if (!REFORM_PARTS.includes(part as ReformPart)) {
      return fail('bad_reform_part', `not a reform part: ${String(item)}`, 'reformParts');
    }
    parts.add(part as ReformPart);
  }
  return ok([...parts].sort((a, b) => a - b));
}

/** A set of owners, each a participant of the plan; returned without repeats. */
export function parseOwners(value: unknown, context: ValidationContext): Result<ParticipantId[]> {
  if (!Array.isArray(value)) return fail('unknown_participant', 'expected a list', 'owners');
  const owners = new Set<ParticipantId>();
  for (const item of value) {
    if (typeof item !== 'string' || !context.participantIds.has(item)) {
      return fail('unknown_participant', `not a participant: ${String(item)}`, 'owners');
    }
    owners.add(item as ParticipantId);
  }
  return ok([...owners]);
}

export const parseFocusAreaId = (value: unknown, context: ValidationContext): Result<FocusAreaId> =>
  typeof value === 'string' && context.focusAreaIds.has(value)
    ? ok(value as FocusAreaId)
    : fail('unknown_focus_area', `not a focus area: ${String(value)}`, 'focusAreaId');

/** Parses the value of one activity cell. The single entry point used by edits, imports and the server. */
export function parseActivityField<F extends ActivityField>(
  field: F,
  value: unknown,
  context: ValidationContext,
): Result<ActivityValues[F]> {
  const parsed = parseAnyField(field, value, context);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, field } };
  return parsed as Result<ActivityValues[F]>;
}

/** Parses every cell of an activity (one restored from history or from an earlier plan); the first refusal wins. */
export function parseActivityValues(
  cells: Readonly<Record<string, unknown>>,
  context: ValidationContext,
): Result<ActivityValues> {
  const values: Partial<Record<ActivityField, unknown>> = {};
  for (const field of ACTIVITY_FIELDS) {
    const parsed = parseActivityField(field, cells[field], context);
    if (!parsed.ok) return parsed;
    values[field] = parsed.value;
  }
  // Each field was parsed to its own type just above.
  return ok(values as ActivityValues);
}

function parseAnyField(field: ActivityField, value: unknown, context: ValidationContext): Result<unknown> {
  switch (field) {
    case 'focusAreaId':
      return parseFocusAreaId(value, context);
    case 'step':
      return parseStep(value);
    case 'text':
      return parseText(value, LIMITS.text, true);
    case 'owners':
      return parseOwners(value, context);
    case 'responsible':
      return parseText(value, LIMITS.responsible, false);
    case 'status':
      return parseStatus(value);
    case 'due':
      return parseDate(value);
    case 'reformParts':
      return parseReformParts(value);
    case 'note':
      return parseText(value, LIMITS.note, false);
    case 'decision':
      return parseText(value, LIMITS.decision, false);
    case 'decisionDate':
      return parseDate(value);
    default:
      return fail('unknown_field', `no such field: ${String(field)}`);
  }
}
