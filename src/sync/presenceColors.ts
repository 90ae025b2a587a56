// Presence colours: a fixed palette that reads on white (AA, ≥ 4.5:1) and carries white initials, chosen by client id.

/**
 * The palette, in an order where neighbours differ in hue. Each colour has a contrast of at least 4.5:1 with
 * white, so it works both as a border or text on the page and as the background of white initials.
 */
export const PRESENCE_COLORS = [
  '#1d5fa8', // blue
  '#a8321e', // brick
  '#2b6e34', // green
  '#6b2f9e', // purple
  '#8a5300', // ochre
  '#00697a', // teal
  '#b0245c', // raspberry
  '#4a5561', // slate
] as const;

export type PresenceColor = (typeof PRESENCE_COLORS)[number];

/** The colour of an awareness client: the same id gives the same colour on every screen. */
export function presenceColor(clientId: number): PresenceColor {
  const index = Math.abs(Math.trunc(clientId)) % PRESENCE_COLORS.length;
  return PRESENCE_COLORS[index] ?? PRESENCE_COLORS[0];
}

/** Up to two initials of a name: the first letters of its first and last words ("Alice Andersson" → "AA"). */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string): string => Array.from(word)[0] ?? '';
  return (letter(first) + (last === undefined ? '' : letter(last))).toLocaleUpperCase('sv');
}
