/** What the command line says: its help, its summary line and its errors, in Italian and English. */
import type { Locale } from './locale.js';
import { textOf, type ArgumentList } from './template.js';

export const cliMessages = {
    // Help: the program, its commands, their arguments and options.
    program: {
        it: "Controlla i piani regionali di potenziamento dei Centri per l'Impiego (file .cpiplan) e ne genera le tabelle.",
        en: "Check and generate the regional plans to strengthen the Centri per l'Impiego (.cpiplan files)."
    },
    checkCommand: {
        it: 'Segnala ogni problema aritmetico e normativo dei piani (file o cartelle).',
        en: 'Report every arithmetic and regulatory problem in the plans (files or folders).'
    },
    checkPaths: { it: 'file .cpiplan o cartelle che li contengono', en: '.cpiplan files or folders holding them' },
    formatOption: { it: 'formato di uscita', en: 'output format' },
    localeOption: { it: 'lingua dei messaggi (predefinita: da LANG)', en: 'language of the messages (default: from LANG)' },
    checkHelp: {
        it: `
Uscita testuale: una riga per problema, "percorso:riga:colonna: gravità codice: messaggio", poi un riepilogo.
Uscita JSON: {"files":[{"path","diagnostics":[{"severity","code","message","range"}]}],"summary":{"errors","warnings"}}
con posizioni a partire da 0 come in LSP.
Codici di uscita: 0 nessun errore (avvisi ammessi), 1 errori trovati, 2 uso errato o file illeggibili.`,
        en: `
Text output: one line per problem, "path:line:col: severity code: message", then a summary.
JSON output: {"files":[{"path","diagnostics":[{"severity","code","message","range"}]}],"summary":{"errors","warnings"}}
with 0-based positions as in LSP.
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input.`
    },
    tablesCommand: {
        it: 'Genera le tabelle ufficiali del piano dalle cifre controllate dal validatore.',
        en: "Generate the plan's official tables from the figures the validator checked."
    },
    tablesFile: { it: 'il piano .cpiplan', en: 'the .cpiplan plan' },
    tableOption: { it: 'quali tabelle', en: 'which tables' },
    outOption: {
        it: "scrive in questo file (in modo atomico) invece che sull'uscita standard; obbligatorio per xlsx",
        en: 'write to this file (atomically) instead of standard output; required for xlsx'
    },
    diffOutOption: {
        it: "scrive in questo file (in modo atomico) invece che sull'uscita standard",
        en: 'write to this file (atomically) instead of standard output'
    },
    forceOption: { it: 'sovrascrive --out se esiste', en: 'overwrite --out if it exists' },
    tablesHelp: {
        it: `
I formati testuali vanno sull'uscita standard se non si indica --out. Un file esistente non è mai
sovrascritto senza --force. Codici di uscita come per check: 0 piano senza errori, 1 il piano ha
errori (le tabelle sono comunque scritte, con le cifre dichiarate accanto a quelle calcolate), 2 uso
errato o file illeggibili.`,
        en: `
Text formats go to standard output unless --out is given. An existing file is never
overwritten without --force. Exit codes as for check: 0 plan without errors, 1 the plan has
errors (the tables are still written, with declared figures next to computed ones), 2 bad usage
or unreadable input.`
    },
    newCommand: {
        it: "Scrive lo scheletro di un nuovo piano dalle regole: sezioni, fonti, linee con i tetti, dichiarazioni richieste.",
        en: 'Write the skeleton of a new plan from its rule set: sections, sources, lines with their caps, required declarations.'
    },
    newFile: { it: 'il file .cpiplan da creare', en: 'the .cpiplan file to create' },
    regionOption: { it: 'la regione (predefinita: dal nome del file)', en: 'the region (default: from the file name)' },
    rulesOption: { it: 'il nome dell\'insieme di regole', en: 'the name of the rule set' },
    newForceOption: { it: 'sovrascrive il file se esiste', en: 'overwrite the file if it exists' },
    diffCommand: {
        it: 'La tabella di riprogrammazione tra due versioni di un piano: per linea e voce, per fonte, tetti prima e dopo.',
        en: 'The reprogramming table between two versions of a plan: per line and item, per source, caps before and after.'
    },
    diffHelp: {
        it: `
Se la versione precedente dichiara spostamenti (riprogrammazione), la differenza tra le due versioni
deve coincidere con essi, linea per linea e fonte per fonte: la tabella "Spostamenti dichiarati"
lo mostra. Codici di uscita: 0 nessun errore e differenze concordi, 1 la versione successiva ha
errori o le differenze non concordano con gli spostamenti dichiarati (le tabelle sono comunque
scritte), 2 uso errato o file illeggibili.`,
        en: `
When the earlier version declares moves (a reprogramming), the changes between the two versions
must match them, line by line and source by source: the "Spostamenti dichiarati" table shows it.
Exit codes: 0 no errors and the changes agree, 1 the later version has errors or the changes
disagree with the declared moves (the tables are still written), 2 bad usage or unreadable input.`
    },
    diffOld: { it: 'il piano .cpiplan precedente', en: 'the earlier .cpiplan plan' },
    diffNew: { it: 'il piano .cpiplan successivo', en: 'the later .cpiplan plan' },
    lspCommand: { it: 'Avvia il language server per qualsiasi editor LSP.', en: 'Start the language server for any LSP editor.' },
    stdioOption: {
        it: "comunica in LSP su ingresso e uscita standard (l'impostazione predefinita)",
        en: 'talk LSP over standard input and output (the default)'
    },

    // The summary line of `check`, and the warning of `tables`.
    summary: {
        it: '{files} {filesWord}: {errors} {errorsWord}, {warnings} {warningsWord}.',
        en: '{files} {filesWord} checked: {errors} {errorsWord}, {warnings} {warningsWord}.'
    },
    movesAgree: {
        it: 'cpiplan: le differenze tra {old} e {new} concordano con gli spostamenti dichiarati in {old}.',
        en: 'cpiplan: the changes from {old} to {new} agree with the moves {old} declares.'
    },
    movesDisagree: {
        it: 'cpiplan: le differenze tra {old} e {new} non concordano con gli spostamenti dichiarati in {old}: {figures}.',
        en: 'cpiplan: the changes from {old} to {new} disagree with the moves {old} declares: {figures}.'
    },
    movesDisagreeLine: {
        it: 'linea {line} variazione dichiarata {declared}, trovata {found}',
        en: 'line {line} declared change {declared}, found {found}'
    },
    movesDisagreeSource: {
        it: 'fonte {source} variazione dichiarata {declared}, trovata {found}',
        en: 'source {source} declared change {declared}, found {found}'
    },
    tablesWithErrors: {
        it: "cpiplan: {file} ha {errors} {errorsWord}; le tabelle mostrano le cifre calcolate accanto a quelle dichiarate (eseguire 'cpiplan check {file}').",
        en: "cpiplan: {file} has {errors} {errorsWord}; the tables show the computed figures next to the declared ones (run 'cpiplan check {file}')."
    },

    // Errors in the input: exit code 2.
    noSuchPath: { it: '{path}: file o cartella inesistente', en: '{path}: no such file or folder' },
    noPlansInFolder: { it: '{path}: nessun file .cpiplan in questa cartella', en: '{path}: no .cpiplan files in this folder' },
    notCpiplanFile: { it: '{path}: non è un file .cpiplan', en: '{path}: not a .cpiplan file' },
    cannotRead: { it: '{path}: impossibile leggere ({reason})', en: '{path}: cannot read ({reason})' },
    cannotReadFolder: { it: '{path}: impossibile leggere la cartella ({reason})', en: '{path}: cannot read the folder ({reason})' },
    notATextFile: {
        it: '{path}: non è un file di testo (contiene byte che non sono testo UTF-8 o UTF-16)',
        en: '{path}: not a text file (it holds bytes that are not UTF-8 or UTF-16 text)'
    },
    notARegularFile: { it: '{path}: non è un file regolare (cartella, dispositivo o pipe)', en: '{path}: not a regular file (a folder, device or pipe)' },
    tooLarge: {
        it: '{path}: file troppo grande ({size} MB; il limite è {limit} MB, un piano reale ne occupa meno di 0,2)',
        en: '{path}: file too large ({size} MB; the limit is {limit} MB, a real plan takes less than 0.2)'
    },
    notAPlan: { it: '{path}: non è un piano (contiene un insieme di regole)', en: '{path}: not a plan (it holds a rule set)' },
    xlsxNeedsOut: { it: 'xlsx è un formato binario: indicare --out FILE.xlsx', en: 'xlsx is a binary format: give --out FILE.xlsx' },
    alreadyExists: { it: '{path} esiste già: usare --force per sovrascriverlo', en: '{path} already exists: use --force to overwrite it' },
    noSuchFolder: { it: '{path}: cartella inesistente', en: '{path}: no such folder' },
    noSuchRuleSet: {
        it: "nessun insieme di regole si chiama '{name}' (disponibili: {known})",
        en: "no rule set is called '{name}' (available: {known})"
    },
    newPlanWritten: {
        it: '{file}: scheletro del piano secondo "{rules}" scritto e controllato ({errors} {errorsWord}). Completare risorse, voci e testi.',
        en: '{file}: skeleton of a plan following "{rules}" written and checked ({errors} {errorsWord}). Fill in the resources, items and texts.'
    },
    notCpiplanName: { it: '{path}: il nuovo piano deve avere estensione .cpiplan', en: '{path}: the new plan must end in .cpiplan' },
    cannotWrite: { it: '{path}: impossibile scrivere ({reason})', en: '{path}: cannot write ({reason})' },
    outNotRegular: {
        it: '{path}: --out scrive solo file regolari (non collegamenti simbolici, dispositivi o pipe)',
        en: '{path}: --out writes regular files only (not symbolic links, devices or pipes)'
    },
    stdoutFailed: { it: 'cpiplan: impossibile scrivere sullo standard output ({reason})', en: 'cpiplan: cannot write to standard output ({reason})' },
    unexpectedFailure: { it: 'cpiplan: errore imprevisto: {detail}', en: 'cpiplan: unexpected failure: {detail}' }
} as const;

export type CliMessage = keyof typeof cliMessages;

/** A command-line text in the locale. */
export function cliText<K extends CliMessage>(key: K, locale: Locale, ...args: ArgumentList<(typeof cliMessages)[K]>): string {
    return textOf(cliMessages, key, locale, ...args);
}

/** The texts that take no arguments: help and descriptions. */
export type PlainCliMessage = { [K in CliMessage]: ArgumentList<(typeof cliMessages)[K]> extends [] ? K : never }[CliMessage];

/** Words that take a singular or a plural form after a number. */
export const countedWords = {
    file: { it: ['file controllato', 'file controllati'], en: ['file', 'files'] },
    error: { it: ['errore', 'errori'], en: ['error', 'errors'] },
    warning: { it: ['avviso', 'avvisi'], en: ['warning', 'warnings'] }
} as const satisfies { readonly [key: string]: { readonly [L in Locale]: readonly [string, string] } };

/** The severity word of a `cpiplan check` line; the problem matchers of the VS Code task read both languages. */
export const severityWords = {
    error: { it: 'errore', en: 'error' },
    warning: { it: 'avviso', en: 'warning' },
    info: { it: 'informazione', en: 'info' }
} as const satisfies { readonly [key: string]: { readonly [L in Locale]: string } };

/** The form of a counted word for a number: singular for 1, plural otherwise. */
export function counted(key: keyof typeof countedWords, count: number, locale: Locale): string {
    return countedWords[key][locale][count === 1 ? 0 : 1];
}

/** The summary line of `cpiplan check`. */
export function summaryLine(files: number, errors: number, warnings: number, locale: Locale): string {
    return cliText('summary', locale, {
        files, filesWord: counted('file', files, locale),
        errors, errorsWord: counted('error', errors, locale),
        warnings, warningsWord: counted('warning', warnings, locale)
    });
}
