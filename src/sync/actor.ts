// Who this device's user is, as written into the change log; one place until the "who am I" feature exists.
import type { Actor } from '../model/schema.ts';
import { svText } from '../i18n/index.ts';

/** The actor of this tab's changes. For now the same unnamed user for everyone. */
export const currentActor = (): Actor => ({ name: svText('actor.unknown'), organisation: '' });
