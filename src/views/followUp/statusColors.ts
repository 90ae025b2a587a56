// The follow-up charts' status colours: a fill per status and the label colour that reads on it.
// Fills follow the Okabe–Ito colour-blind-safe palette where a status has a customary hue, and differ in
// lightness too, so neighbouring segments stay apart for readers who do not see the hue. Colour is never
// the only signal: the legend, the counts and the tables name every status in words.
import type { Status } from '../../model/schema.ts';

export interface StatusColour {
  /** Fill of the bar segment. */
  readonly fill: string;
  /** Colour of a count written on the segment; at least 4.5:1 against `fill` (a unit test holds it). */
  readonly label: string;
}

const DARK = '#1a1a1a';
const LIGHT = '#ffffff';

export const STATUS_COLOURS: Readonly<Record<Status, StatusColour>> = {
  not_started: { fill: '#d4d8dd', label: DARK },
  in_progress: { fill: '#0072b2', label: LIGHT },
  awaiting_decision: { fill: '#e69f00', label: DARK },
  waiting: { fill: '#cc79a7', label: DARK },
  blocked: { fill: '#b8322a', label: LIGHT },
  paused: { fill: '#666666', label: LIGHT },
  done: { fill: '#009e73', label: DARK },
};

/** The text colour around the charts (axis, totals): on the page's white it passes 4.5:1 by far. */
export const CHART_INK = DARK;

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
