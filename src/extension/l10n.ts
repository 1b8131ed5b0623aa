/**
 * How the client says things: every text comes from a catalogue under src/language/i18n and goes
 * through `vscode.l10n.t`, keyed by its English template, so VS Code picks the translation from
 * the bundle of its display language (l10n/, generated from the same catalogues at build time).
 */
import * as vscode from 'vscode';
import { toLocale, type Locale } from '../language/i18n/locale.js';
import { fill, type ArgumentList, type Templates } from '../language/i18n/template.js';

/** The language of cpiplan's messages: `cpiplan.locale`, or VS Code's display language when it is `auto`. */
export function chosenLocale(): Locale {
    const chosen = vscode.workspace.getConfiguration('cpiplan').get<string>('locale') ?? 'auto';
    return toLocale(chosen === 'auto' ? vscode.env.language : chosen);
}

/**
 * A catalogue text in the chosen language, its named placeholders (`{file}`) filled —
 * `vscode.l10n.t` fills named placeholders from a record as it fills `{0}` from a list. When
 * `cpiplan.locale` names a language other than VS Code's, no bundle VS Code loads can give it:
 * the text is then taken from the catalogue directly, as the server's messages are.
 */
export function localize<T extends Templates, K extends keyof T & string>(catalogue: T, key: K, ...args: ArgumentList<T[K]>): string {
    const text = catalogue[key];
    const values: { readonly [name: string]: string | number } = args[0] ?? {};
    const locale = chosenLocale();
    return locale === toLocale(vscode.env.language) ? vscode.l10n.t(text.en, values) : fill(text[locale], values);
}
