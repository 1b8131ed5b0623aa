/** Errors of the command line's input, said in either locale. */
import type { Locale } from '../language/i18n/locale.js';

/** A problem with the command line's input: an unreadable path, a folder with no plans. Says itself in either locale. */
export class InputError extends Error {
    constructor(readonly say: (locale: Locale) => string) {
        super(say('en'));
    }
}
