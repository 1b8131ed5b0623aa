/**
 * The locales messages exist in, and the locale in force: set by the language server from the
 * editor, by the CLI from --locale or LANG. Like every module under i18n/, it imports nothing
 * outside i18n/, so the VS Code client can bundle its messages without the language core.
 */

export type Locale = 'it' | 'en';

/** A text in every locale. */
export type Bilingual = { readonly [L in Locale]: string };

/** Picks a supported locale from an editor or OS locale string (`it-IT` → `it`); English otherwise. */
export function toLocale(value: string | undefined): Locale {
    return value?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

export class LocaleSettings {
    /** The locale in force; English until told otherwise. */
    current: Locale = 'en';

    /** Sets the locale from an editor or OS locale string (`it-IT`, `en`); unknown ones fall back to English. */
    set(value: string | undefined): void {
        this.current = toLocale(value);
    }
}
