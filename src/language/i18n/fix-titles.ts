/** The titles of quick fixes and source actions, in Italian and English. */
import type { Locale } from './locale.js';
import { textOf, type ArgumentList } from './template.js';

export const fixTitles = {
    setDeclaredTotal: { it: 'Imposta il totale dichiarato a {value}', en: 'Set the declared total to {value}' },
    setCategoryHeads: { it: 'Imposta le unità della categoria a {value}', en: "Set the category's heads to {value}" },
    setItemAmount: { it: "Imposta l'importo della voce a {value}", en: 'Set the item amount to {value}' },
    setLastPart: { it: "Imposta l'ultima quota a {value}", en: 'Set the last part to {value}' },
    reduceToCap: { it: 'Riduci la linea al tetto ({cap})', en: 'Reduce the line to the cap ({cap})' },
    useLineCode: { it: 'Usa il codice ufficiale {code}', en: 'Use the official code {code}' },
    makeExtraLine: { it: 'Rendi la linea una linea regionale aggiuntiva (senza codice)', en: 'Make it a regional extra line (no code)' },
    useOfficialTitle: { it: 'Usa il titolo ufficiale', en: 'Use the official title' },
    addSourceKind: { it: "Aggiungi 'tipo {kind}'", en: "Add 'tipo {kind}'" },
    addRuleSet: { it: 'Aggiungi regole "{name}"', en: 'Add regole "{name}"' },
    addRuleFile: { it: 'Usa il file di regole "{file}"', en: 'Use the rule file "{file}"' },
    insertDeclaration: { it: "Inserisci la dichiarazione '{key}' con il testo standard", en: "Insert the declaration '{key}' with the standard wording" },
    useStandardWording: { it: "Scrivi il testo standard della dichiarazione '{key}'", en: "Write the standard wording of the declaration '{key}'" },
    setUnitCost: { it: 'Dai al profilo il costo unitario {value}', en: 'Give the profile the unit cost {value}' },
    writeOffice: { it: "Scrivi '{name}'", en: "Write '{name}'" },
    declare: { it: "Dichiara '{name}'", en: "Declare '{name}'" },
    writeNumber: { it: 'Scrivi {value}', en: 'Write {value}' },
    writeCode: { it: "Scrivi '{code}'", en: "Write '{code}'" },
    fixAllTotals: { it: 'Correggi tutti i totali dichiarati', en: 'Fix all declared totals' }
} as const;

export type FixTitle = keyof typeof fixTitles;

/** A fix title in the locale. */
export function fixTitle<K extends FixTitle>(key: K, locale: Locale, ...args: ArgumentList<(typeof fixTitles)[K]>): string {
    return textOf(fixTitles, key, locale, ...args);
}
