/** The locale messages are produced in: set by the language server from the editor, by the CLI from --locale. */
import { toLocale, type Locale } from '../validation/issues.js';

export class LocaleSettings {
    /** The locale in force; English until told otherwise. */
    current: Locale = 'en';

    /** Sets the locale from an editor or OS locale string (`it-IT`, `en`); unknown ones fall back to English. */
    set(value: string | undefined): void {
        this.current = toLocale(value);
    }
}
