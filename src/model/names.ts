// How names typed or imported by people are compared: case, spacing and Unicode form do not matter.

/**
 * The form two names are compared in: "  östersund " and "Östersund" are the same organisation. NFC, because a
 * file written on a Mac may spell å as a + ring; Swedish case rules, as elsewhere in the model.
 */
export const nameKey = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
