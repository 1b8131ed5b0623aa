/**
 * The texts the VS Code client shows, and the `vscode.l10n` bundles made from them. The catalogues
 * under src/language/i18n stay the one home of every text: `npm run build` writes
 * l10n/bundle.l10n.it.json from them (scripts/l10n-bundles.mjs), keyed by the English template as
 * `vscode.l10n.t` looks it up. No `vscode` import here: the build script runs this module in Node.
 */
import { clientMessages } from '../language/i18n/client-messages.js';
import { documentMessages } from '../language/i18n/document-messages.js';
import type { Bilingual, Locale } from '../language/i18n/locale.js';
import type { Templates } from '../language/i18n/template.js';

/** The catalogues the client takes its texts from (through `localize`, src/extension/l10n.ts). */
export const clientCatalogues = { clientMessages, documentMessages } as const satisfies Record<string, Templates>;

/** A `vscode.l10n` bundle: the English template (the key `vscode.l10n.t` is called with) → its translation. */
export type L10nBundle = { readonly [english: string]: string };

/**
 * The bundle of a locale other than English, one entry per English template of the client's
 * catalogues. Two entries with the same English text and different translations cannot share one
 * key, so they stop the build rather than have one silently win.
 */
export function l10nBundle(locale: Exclude<Locale, 'en'>, catalogues: Record<string, Templates> = clientCatalogues): L10nBundle {
    const bundle = new Map<string, { text: string; from: string }>();
    for (const [name, catalogue] of Object.entries(catalogues)) {
        for (const [key, text] of Object.entries(catalogue) as [string, Bilingual][]) {
            const from = `${name}.${key}`;
            const earlier = bundle.get(text.en);
            if (earlier && earlier.text !== text[locale]) {
                throw new Error(`${from} and ${earlier.from} share the English text "${text.en}" but not the translation: a bundle keyed by English cannot hold both.`);
            }
            bundle.set(text.en, earlier ?? { text: text[locale], from });
        }
    }
    return Object.fromEntries([...bundle].map(([english, { text }]) => [english, text]));
}

/** The bundle files `package.json`'s `"l10n": "./l10n"` points at, by file name. English needs none: its keys are its texts. */
export function l10nBundleFiles(): Record<string, L10nBundle> {
    return { 'bundle.l10n.it.json': l10nBundle('it') };
}
