/** What `cpiplan document`, `cpiplan import` and their VS Code commands say, in Italian and English. */
import type { Locale } from './locale.js';
import { textOf, type ArgumentList } from './template.js';

export const documentMessages = {
    documentCommand: {
        it: 'Genera il documento del piano (DOCX, HTML, PDF o Markdown) dalle cifre controllate: copertina, indice, sezioni, tabelle, dichiarazioni, atti.',
        en: 'Generate the plan document (DOCX, HTML, PDF or Markdown) from the checked figures: cover, contents, sections, tables, declarations, acts.'
    },
    documentOut: {
        it: 'il file da scrivere (predefinito: accanto al piano, con l\'estensione del formato)',
        en: 'the file to write (default: next to the plan, with the format\'s extension)'
    },
    documentHelp: {
        it: `
Il PDF si ottiene con LibreOffice (soffice --headless, dal DOCX) o, se manca, con Chromium headless (dall'HTML).
Un piano con errori ha comunque il suo documento, segnato BOZZA con il numero di problemi aperti in copertina.
Codici di uscita come per tables: 0 piano senza errori, 1 il piano ha errori (il documento è scritto), 2 uso errato.`,
        en: `
PDF is made by LibreOffice (soffice --headless, from the DOCX) or, when missing, headless Chromium (from the HTML).
A plan with errors still gets its document, marked BOZZA (draft) with the number of open problems on the cover.
Exit codes as for tables: 0 plan without errors, 1 the plan has errors (the document is written), 2 bad usage.`
    },
    documentPlan: { it: 'il piano .cpiplan', en: 'the .cpiplan plan' },
    documentFormatOption: { it: 'formato del documento', en: 'document format' },
    forceOption: { it: 'sovrascrive il file di uscita se esiste', en: 'overwrite the output file if it exists' },
    documentWritten: { it: 'Documento scritto: {path}', en: 'Document written: {path}' },
    documentDraft: {
        it: '{file}: il piano ha {errors} errori: il documento è segnato come BOZZA.',
        en: '{file}: the plan has {errors} errors: the document is marked as a draft (BOZZA).'
    },
    noPdfConverter: {
        it: 'Per il PDF serve LibreOffice (soffice) o Chromium: nessuno dei due è installato. Installare LibreOffice (apt-get install libreoffice-writer) o Chromium, oppure usare --format docx o html.',
        en: 'PDF needs LibreOffice (soffice) or Chromium, and neither is installed. Install LibreOffice (apt-get install libreoffice-writer) or Chromium, or use --format docx or html.'
    },
    pdfFailed: { it: 'Conversione in PDF non riuscita con {tool}: {reason}', en: 'PDF conversion with {tool} failed: {reason}' },
    importCommand: {
        it: 'Importa un quadro finanziario (XLSX, CSV, testo copiato da Word o PDF, DOCX) in un piano .cpiplan formattato e controllato.',
        en: 'Import a financial framework (XLSX, CSV, text copied from Word or PDF, DOCX) into a formatted, checked .cpiplan plan.'
    },
    importFile: { it: 'il file da importare (.xlsx, .csv, .txt, .docx)', en: 'the file to import (.xlsx, .csv, .txt, .docx)' },
    importOut: { it: 'il piano da scrivere (predefinito: accanto al file, .cpiplan)', en: 'the plan to write (default: next to the file, .cpiplan)' },
    importRegion: { it: 'la Regione del piano importato (predefinita: "Regione")', en: 'the Region of the imported plan (default: "Regione")' },
    importRecognised: {
        it: 'Riconosciuti: {sources} fonti, {lines} linee, {items} voci, {totals} totali dichiarati.',
        en: 'Recognised: {sources} sources, {lines} lines, {items} items, {totals} declared totals.'
    },
    importKeptAside: {
        it: 'Tenute da parte come commenti: {count} righe non riconosciute.',
        en: 'Kept aside as comments: {count} unrecognised rows.'
    },
    importWritten: { it: 'Piano scritto: {path}', en: 'Plan written: {path}' },
    importUnknownFormat: {
        it: 'Formato non riconosciuto per {path}: usare .xlsx, .csv, .tsv, .txt o .docx.',
        en: 'Unrecognised format for {path}: use .xlsx, .csv, .tsv, .txt or .docx.'
    },
    pasteAsCpiplan: { it: 'Incolla come cpiplan (tabella convertita)', en: 'Paste as cpiplan (converted table)' },
    pickDocumentFormat: { it: 'Formato del documento del piano', en: 'Format of the plan document' },
    overwrite: { it: '{path} esiste già. Sovrascrivere?', en: '{path} already exists. Overwrite?' },
    overwriteYes: { it: 'Sovrascrivi', en: 'Overwrite' },
    clipboardNoTable: { it: 'Negli appunti non c\'è una tabella riconoscibile.', en: 'The clipboard holds no recognisable table.' }
} as const;

export type DocumentMessage = keyof typeof documentMessages;

export function documentText<K extends DocumentMessage>(key: K, locale: Locale, ...args: ArgumentList<(typeof documentMessages)[K]>): string {
    return textOf(documentMessages, key, locale, ...args);
}
