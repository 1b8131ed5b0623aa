/**
 * What the VS Code client and the server's custom requests say, in Italian and English. The
 * client bundles this module alone: it imports nothing outside i18n/.
 */
import type { Locale } from './locale.js';
import { textOf, type ArgumentList } from './template.js';

export const clientMessages = {
    openPlan: { it: 'Apri un piano .cpiplan.', en: 'Open a .cpiplan plan.' },
    whichTables: { it: 'Quali tabelle?', en: 'Which tables?' },
    whichFormat: { it: 'In quale formato?', en: 'In which format?' },
    overwrite: { it: 'Sovrascrivi', en: 'Overwrite' },
    overwriteQuestion: { it: '{file} esiste già. Sovrascriverlo?', en: '{file} already exists. Overwrite it?' },
    tablesSaved: { it: 'Tabelle salvate in {file}.', en: 'Tables saved to {file}.' },
    previewSaved: { it: 'Anteprima salvata in {file}: aprirla nel browser.', en: 'Preview saved to {file}: open it in a browser.' },
    notOverwritten: { it: '{file} esiste già e non è stato sovrascritto.', en: '{file} already exists and was not overwritten.' },
    keep: { it: 'Lascia com\'è', en: 'Keep it' },
    previewTitle: { it: 'Anteprima: {file}', en: 'Preview: {file}' },
    gitHead: { it: 'Versione in git HEAD', en: 'Version in git HEAD' },
    anotherFile: { it: 'Un altro file…', en: 'Another file…' },
    comparisonFailed: { it: 'Confronto non riuscito: {reason}', en: 'Comparison failed: {reason}' },
    statusTooltip: {
        it: 'Totale del piano {total}: {errors} errori, {warnings} avvisi',
        en: 'Plan total {total}: {errors} errors, {warnings} warnings'
    },
    notAPlan: { it: 'Il file non contiene un piano.', en: 'The file does not hold a plan.' },
    noRuleSet: { it: "Nessun insieme di regole si chiama '{name}'.", en: "No rule set is called '{name}'." },
    regionPrompt: { it: 'Regione del nuovo piano', en: 'Region of the new plan' },
    regionPlaceholder: { it: 'Es. Piemonte', en: 'E.g. Piemonte' },
    saveNewPlan: { it: 'Crea il piano', en: 'Create the plan' },
    newPlanCreated: { it: 'Piano {file} creato dalle regole: completare risorse, voci e testi.', en: 'Plan {file} created from the rule set: fill in the resources, items and texts.' },
    movesDisagree: {
        it: 'Le differenze non concordano con gli spostamenti dichiarati nella versione precedente su {count} cifre: vedere la tabella "Spostamenti dichiarati".',
        en: 'The changes disagree with the moves the earlier version declares on {count} figures: see the "Spostamenti dichiarati" table.'
    },
    otherVersionNotAPlan: { it: 'La versione da confrontare non contiene un piano.', en: 'The version to compare with does not hold a plan.' },
    importFilter: { it: 'Quadro finanziario da importare', en: 'Financial framework to import' }
} as const;

export type ClientMessage = keyof typeof clientMessages;

/** A client text in the locale. */
export function clientText<K extends ClientMessage>(key: K, locale: Locale, ...args: ArgumentList<(typeof clientMessages)[K]>): string {
    return textOf(clientMessages, key, locale, ...args);
}
