/**
 * The messages of the issue catalogue, in Italian and English: for each code the arguments its
 * message takes (every figure already formatted) and the words messages are built from (what a
 * total is of, what is duplicated, what a reference names). Severities and quick-fix payloads
 * live with the catalogue in validation/issues.ts.
 */
import type { Bilingual, Locale } from './locale.js';

/**
 * What a declared total is the total of. The evaluation uses this type (as `Subject`), so a new
 * kind of total cannot exist without its words here.
 */
export type TotalSubject =
    | { readonly of: 'line'; readonly line: string }
    | { readonly of: 'line-source'; readonly line: string; readonly source: string }
    | { readonly of: 'item-group'; readonly line: string; readonly group: string }
    | { readonly of: 'plan' }
    | { readonly of: 'plan-source'; readonly source: string }
    | { readonly of: 'office-staff'; readonly office: string; readonly category?: string }
    | { readonly of: 'staff-row'; readonly office: string; readonly profile: string }
    | { readonly of: 'staff-table'; readonly category?: string }
    | { readonly of: 'summary'; readonly date: string }
    | { readonly of: 'movements' }
    | { readonly of: 'hiring-period'; readonly period: string }
    | { readonly of: 'personnel-cost'; readonly year: string }
    | { readonly of: 'statistics-row'; readonly row: string }
    | { readonly of: 'statistics-column'; readonly column: string; readonly group?: string }
    | { readonly of: 'statistics-grand'; readonly group?: string };

/** Why a number cannot be read; the number reader's faults must fit this list. */
export type NumberFaultKind = 'english-format' | 'too-many-decimals' | 'ambiguous' | 'bad-grouping' | 'decimals-in-count'
    | 'space-grouping' | 'leading-zero' | 'leading-comma' | 'currency-word' | 'negative-amount' | 'too-long';

/** The arguments each code's message takes; every figure arrives already formatted. */
export interface IssueArguments {
    'cap-exceeded': { line: string; source: string; charged: string; cap: string; rate: string; excess: string };
    /** `cap` is the cap as the rule file writes it. */
    'cap-not-applicable': { line: string; cap: string; ruleSet: string };
    'unknown-line-code': { code: string; ruleSet: string; suggestions: string };
    'line-title-mismatch': { line: string; title: string; official: string; ruleSet: string };
    'missing-source-kind': { source: string; ruleSet: string; kinds: string };
    'over-allocated': { source: string; programmed: string; assigned: string; excess: string };
    'under-allocated': { source: string; programmed: string; assigned: string; remaining: string };
    'total-mismatch': { subject: TotalSubject; declared: string; computed: string; difference: string };
    'split-mismatch': { parts: string; amount: string; difference: string };
    'unassigned-item': { sources: string };
    'missing-declaration': { key: string; title?: string; line?: string; section?: string; ruleSet: string };
    /** `missing` lists what the text leaves out, each requirement as its alternatives; `empty` when the text is empty. */
    'incomplete-declaration': { key: string; title?: string; ruleSet: string; missing: readonly (readonly string[])[]; empty: boolean };
    'missing-section': { section: string; title: string; ruleSet: string };
    'unanswered-request': { request: string };
    /** Something of the plan named by code or key (a line, a section, a declaration, an item of a line) that the plan does not have. */
    'unknown-reference': { what: ReferenceKind; name: string; line?: string };
    'reprogramming-unbalanced': { leaving: string; arriving: string; difference: string };
    'move-exceeds-available': { amount: string; from: string; available: string };
    'reprogrammed-over-allocated': { source: string; before: string; after: string; assigned: string; excess: string };
    'reprogrammed-cap-exceeded': { line: string; source: string; before: string; after: string; cap: string; rate: string; excess: string };
    'cost-mismatch': { heads: string; profile: string; unitCost: string; expected: string; declared: string; difference: string };
    'cofinancing-mismatch': { shares: string; sum: string; cost: string; difference: string };
    /** `office` is the office's title, or the name written when it does not resolve. */
    'function-total-mismatch': { category: string; office: string; declared: string; computed: string; difference: string };
    /** `summary` and `table` are the tables' titles, or empty when untitled. */
    'summary-staff-mismatch': { summary: string; date: string; category: string; inSummary: string; table: string; inStaff: string; difference: string };
    /** `table` is the staff table's title, or empty when untitled. */
    'function-staff-mismatch': { office: string; date: string; category: string; inFunctions: string; table: string; inStaff: string; difference: string };
    'movements-summary-mismatch': { from: string; to: string; net: string; summaryFrom: string; summaryTo: string; change: string };
    /** `profile` is absent when the hires name no profile and the totals are compared. */
    'hires-cost-mismatch': { year: string; upTo: string; profile?: string; heads: string; hired: string };
    'hire-category-mismatch': { category: string; profile: string; profileCategory: string };
    'office-statistics-mismatch': { office: string; measure: 'iscritti' | 'residenti'; inOffice: string; table: string; inStatistics: string; difference: string };
    'missing-unit-cost': { profile: string };
    'percentage-out-of-range': { value: string };
    'milestones-decreasing': { value: string; period: string; previous: string; previousPeriod: string };
    'duplicate-name': { what: DuplicateKind; name: string };
    /** `missing` names the CPI the table leaves out, when there are any. */
    'duplicate-office-staff': { office: string; table: string; missing: readonly string[] };
    'duplicate-hiring-period': { period: string; hiring: string };
    /** `alternative`: the other reading of an ambiguous amount. */
    'invalid-number': { text: string; fault: NumberFaultKind; suggestion?: string; alternative?: string };
    /** `year` for a year of the plan's period, which must be four digits. */
    'invalid-date': { text: string; year?: boolean };
    /** `start` and `end` as written: two dates, or two years of a plan's period. */
    'period-reversed': { start: string; end: string };
    /** `referent` is the AST type the reference points to (`FundingSource`, `RuleSet`…). */
    /** `suggestion` is the known name nearest to a misspelt one. */
    'linking-error': { referent: string; name: string; suggestion?: string };
    'missing-rule-set': { ruleSets: string };
    /** `chosen` is the file the plan is checked against meanwhile. */
    'ambiguous-rule-set': { name: string; files: string; chosen: string };
    'rule-file-missing': { file: string };
    /** `first` is the first problem, already in words; `line` its line in the rule file. */
    'rule-set-invalid': { name: string; file: string; count: number; line: number; first: string };
    /** `suggestion` is the nearest known code, written as in a rule file. */
    'unknown-issue-code': { code: string; suggestion?: string };
}

export type IssueCode = keyof IssueArguments;

/** What a code or key names when the plan does not have it. */
export type ReferenceKind = 'line' | 'section' | 'declaration' | 'item';

/** How an unknown-reference message names what is missing. */
export const referenceWords: { readonly [K in ReferenceKind]: Bilingual } = {
    line: { it: 'la linea', en: 'line' },
    section: { it: 'la sezione', en: 'section' },
    declaration: { it: 'la dichiarazione', en: 'declaration' },
    item: { it: 'la voce', en: 'item' }
};

export type DuplicateKind = 'source' | 'office' | 'profile' | 'line' | 'declaration' | 'area' | 'hiring' | 'sourceKind' | 'lineRule' | 'declarationRule';

type IssueMessage<C extends IssueCode> = (args: IssueArguments[C], locale: Locale) => string;

/** How a duplicate-name message names what is duplicated. */
export const duplicateWords: { readonly [K in DuplicateKind]: Bilingual } = {
    source: { it: 'una fonte', en: 'a funding source' },
    office: { it: 'un ufficio', en: 'an office' },
    profile: { it: 'un profilo', en: 'a profile' },
    line: { it: 'una linea con codice', en: 'a line with code' },
    declaration: { it: 'una dichiarazione con chiave', en: 'a declaration with key' },
    area: { it: 'un ambito', en: 'an area' },
    hiring: { it: 'un piano di assunzioni', en: 'a hiring plan' },
    sourceKind: { it: 'un tipo di fonte', en: 'a source kind' },
    lineRule: { it: 'una regola per la linea', en: 'a rule for line' },
    declarationRule: { it: 'una dichiarazione richiesta con chiave', en: 'a required declaration with key' }
};

/** The kinds of thing a reference can name. */
export type Referent = 'FundingSource' | 'Office' | 'Profile' | 'RuleSet' | 'SourceKind' | 'HiringPlan';

/** How a linking error names what it could not find; Italian agrees in gender and number. */
export interface ReferentWords extends Bilingual {
    readonly gender: 'm' | 'f';
    readonly plural: boolean;
}

export const referentWords: { readonly [K in Referent]: ReferentWords } = {
    FundingSource: { it: 'la fonte', en: 'the funding source', gender: 'f', plural: false },
    Office: { it: "l'ufficio", en: 'the office', gender: 'm', plural: false },
    Profile: { it: 'il profilo', en: 'the profile', gender: 'm', plural: false },
    RuleSet: { it: 'le regole', en: 'the rule set', gender: 'f', plural: true },
    SourceKind: { it: 'il tipo di fonte', en: 'the source kind', gender: 'm', plural: false },
    HiringPlan: { it: 'il piano di assunzioni', en: 'the hiring plan', gender: 'm', plural: false }
};

function isReferent(type: string): type is Referent {
    return Object.hasOwn(referentWords, type);
}

/** "non è dichiarata", "non sono dichiarate"…, agreeing with the referent. */
function declaredWords(gender: 'm' | 'f', plural: boolean): string {
    const ending = plural ? (gender === 'f' ? 'e' : 'i') : (gender === 'f' ? 'a' : 'o');
    return `non ${plural ? 'sono' : 'è'} dichiarat${ending}`;
}

/** How a total-mismatch message names what is totalled ("of line 3.1", "della linea 3.1"). */
export function subjectWords(subject: TotalSubject, locale: Locale): string {
    const it = locale === 'it';
    switch (subject.of) {
        case 'line': return it ? `della linea ${subject.line}` : `of line ${subject.line}`;
        case 'line-source': return it ? `della linea ${subject.line} su ${subject.source}` : `of line ${subject.line} on ${subject.source}`;
        case 'item-group': return it ? `del gruppo ${subject.group} della linea ${subject.line}` : `of group ${subject.group} in line ${subject.line}`;
        case 'plan': return it ? 'generale del piano' : 'of the whole plan';
        case 'plan-source': return it ? `del piano su ${subject.source}` : `of the plan on ${subject.source}`;
        case 'office-staff': {
            const category = subject.category ? (it ? `, categoria ${subject.category}` : `, category ${subject.category}`) : '';
            return it ? `del personale di ${subject.office}${category}` : `of staff at ${subject.office}${category}`;
        }
        case 'staff-row': return it ? `di ${subject.profile} a ${subject.office}` : `of ${subject.profile} at ${subject.office}`;
        case 'staff-table': {
            const category = subject.category ? (it ? `, categoria ${subject.category}` : `, category ${subject.category}`) : '';
            return it ? `della tabella del personale${category}` : `of the staff table${category}`;
        }
        case 'summary': return it ? `del riepilogo al ${subject.date}` : `of the summary at ${subject.date}`;
        case 'movements': return it ? 'dei movimenti (saldo)' : 'of the movements (net change)';
        case 'hiring-period': return it ? `delle assunzioni ${subject.period}` : `of hires for ${subject.period}`;
        case 'personnel-cost': return it ? `del costo del personale ${subject.year}` : `of personnel cost ${subject.year}`;
        case 'statistics-row': return it ? `della riga ${subject.row}` : `of row ${subject.row}`;
        case 'statistics-column': {
            const group = subject.group ? (it ? ` nel gruppo ${subject.group}` : ` in group ${subject.group}`) : '';
            return it ? `della colonna ${subject.column}${group}` : `of column ${subject.column}${group}`;
        }
        case 'statistics-grand':
            return subject.group
                ? (it ? `complessivo del gruppo ${subject.group}` : `of the whole group ${subject.group}`)
                : (it ? 'complessivo della tabella' : 'of the whole table');
    }
}

/** A long text cut for a message: its first 20 characters and an ellipsis. */
function shorten(text: string): string {
    return text.length > 24 ? `${text.slice(0, 20)}…` : text;
}

function numberFaultWords(args: IssueArguments['invalid-number'], locale: Locale): string {
    const it = locale === 'it';
    const hint = args.suggestion ? (it ? ` Scrivere '${args.suggestion}'.` : ` Write '${args.suggestion}'.`) : '';
    switch (args.fault) {
        case 'english-format':
            return it
                ? `'${args.text}' non è nel formato italiano (punto per le migliaia, virgola per i decimali).${hint}`
                : `'${args.text}' is not in the Italian format (dot for thousands, comma for decimals).${hint}`;
        case 'too-many-decimals':
            return it
                ? `'${args.text}' ha più di due decimali: un importo è in euro e centesimi.${hint}`
                : `'${args.text}' has more than two decimals: an amount is in euro and cents.${hint}`;
        case 'ambiguous': {
            const either = args.suggestion && args.alternative
                ? (it ? ` Scrivere '${args.suggestion}' oppure '${args.alternative}'.` : ` Write '${args.suggestion}' or '${args.alternative}'.`)
                : hint;
            return it
                ? `'${args.text}' è ambiguo: la virgola è il separatore decimale, ma sembra separare le migliaia.${either}`
                : `'${args.text}' is ambiguous: the comma is the decimal mark, but it looks like a thousands separator.${either}`;
        }
        case 'bad-grouping':
            return it
                ? `'${args.text}' non è un numero ben formato: le migliaia vanno separate con il punto a gruppi di tre cifre.`
                : `'${args.text}' is not a well-formed number: thousands are grouped in threes with dots.`;
        case 'decimals-in-count':
            return it
                ? `'${args.text}' deve essere un numero intero.`
                : `'${args.text}' must be a whole number.`;
        case 'space-grouping':
            return it
                ? `'${args.text}' separa le migliaia con spazi: le migliaia vanno separate con il punto.${hint}`
                : `'${args.text}' separates thousands with spaces: thousands are separated with dots.${hint}`;
        case 'leading-zero':
            return it
                ? `'${args.text}' comincia con uno zero superfluo.${hint}`
                : `'${args.text}' starts with a needless zero.${hint}`;
        case 'leading-comma':
            return it
                ? `'${args.text}' non ha cifre prima della virgola.${hint}`
                : `'${args.text}' has no digit before the comma.${hint}`;
        case 'currency-word':
            return it
                ? `'${args.text}': gli importi si scrivono con il simbolo €.${hint}`
                : `'${args.text}': amounts are written with the € sign.${hint}`;
        case 'negative-amount':
            return it
                ? `'${args.text}' è un importo negativo: gli importi di un piano non sono mai negativi.`
                : `'${args.text}' is a negative amount: the amounts of a plan are never negative.`;
        case 'too-long':
            return it
                ? `'${shorten(args.text)}' ha più di 13 cifre: non è una cifra plausibile per un piano.`
                : `'${shorten(args.text)}' has more than 13 digits: not a plausible figure for a plan.`;
    }
}

function placeWords(args: IssueArguments['missing-declaration'], locale: Locale): string {
    const it = locale === 'it';
    if (args.line) {
        return it ? `nella linea ${args.line}` : `in line ${args.line}`;
    }
    if (args.section) {
        return it ? `nella sezione ${args.section}` : `in section ${args.section}`;
    }
    return it ? 'nel piano' : 'in the plan';
}

/** Required phrases as a reader would list them: `"a" o "b", "c"`. */
function phraseList(missing: readonly (readonly string[])[], locale: Locale): string {
    const or = locale === 'it' ? ' o ' : ' or ';
    return missing.map(alternatives => alternatives.map(p => `"${p}"`).join(or)).join(', ');
}

/** A table as messages name it: its title in quotes, or nothing. */
function tableName(title: string): string {
    return title ? ` «${title}»` : '';
}

const messages: { readonly [C in IssueCode]: IssueMessage<C> } = {
    'cap-exceeded': (a, l) => l === 'it'
        ? `La linea ${a.line} imputa ${a.charged} su ${a.source}, oltre il tetto di ${a.cap} (max ${a.rate} del totale assegnato): eccedenza ${a.excess}.`
        : `${a.charged} on line ${a.line} exceeds the ${a.rate} cap of ${a.cap} on ${a.source} (excess ${a.excess}).`,
    'cap-not-applicable': (a, l) => l === 'it'
        ? `Il tetto della linea ${a.line} nelle regole ${a.ruleSet} ('${a.cap}') non è valido: il tetto non può essere applicato.`
        : `The cap of line ${a.line} in ${a.ruleSet} ('${a.cap}') is not valid: the cap cannot be applied.`,
    'unknown-line-code': (a, l) => {
        const hint = a.suggestions ? (l === 'it' ? ` Codici ufficiali non ancora usati: ${a.suggestions}.` : ` Official codes not yet used: ${a.suggestions}.`) : '';
        return l === 'it'
            ? `Le regole ${a.ruleSet} non hanno la linea ${a.code}: nessun tetto le si applica. Usare un codice ufficiale o togliere il codice (linea regionale aggiuntiva).${hint}`
            : `${a.ruleSet} has no line ${a.code}: no cap applies to it. Use an official code, or drop the code (a regional extra line).${hint}`;
    },
    'line-title-mismatch': (a, l) => l === 'it'
        ? `Il titolo della linea ${a.line} ("${a.title}") non è quello ufficiale delle regole ${a.ruleSet}: "${a.official}".`
        : `The title of line ${a.line} ("${a.title}") is not the official one in ${a.ruleSet}: "${a.official}".`,
    'missing-source-kind': (a, l) => l === 'it'
        ? `La fonte ${a.source} non indica il tipo ('tipo'): le regole ${a.ruleSet} pongono tetti sui tipi di fonte (${a.kinds}) e nessuno si applicherebbe a questa fonte.`
        : `The source ${a.source} has no kind ('tipo'): ${a.ruleSet} sets caps on source kinds (${a.kinds}) and none would apply to this source.`,
    'over-allocated': (a, l) => l === 'it'
        ? `Programmati ${a.programmed} su ${a.source}, oltre l'assegnato di ${a.assigned}: eccedenza ${a.excess}.`
        : `${a.programmed} programmed on ${a.source} exceeds the ${a.assigned} assigned (excess ${a.excess}).`,
    'under-allocated': (a, l) => l === 'it'
        ? `Programmati ${a.programmed} su ${a.source} a fronte di ${a.assigned} assegnati: ${a.remaining} non programmati.`
        : `Only ${a.programmed} of the ${a.assigned} assigned on ${a.source} is programmed: ${a.remaining} left unprogrammed.`,
    'total-mismatch': (a, l) => l === 'it'
        ? `Totale dichiarato ${subjectWords(a.subject, l)}: ${a.declared}; la somma delle parti è ${a.computed} (differenza ${a.difference}).`
        : `Declared total ${subjectWords(a.subject, l)} is ${a.declared}, but its parts add up to ${a.computed} (difference ${a.difference}).`,
    'split-mismatch': (a, l) => l === 'it'
        ? `Le quote della voce sulle fonti sommano ${a.parts}, non l'importo della voce di ${a.amount} (differenza ${a.difference}).`
        : `The item's parts across sources add up to ${a.parts}, not its amount of ${a.amount} (difference ${a.difference}).`,
    'unassigned-item': (a, l) => l === 'it'
        ? `La voce non è imputata a nessuna fonte e il piano ne ha più d'una (${a.sources}): aggiungere 'su' con la fonte.`
        : `The item is not charged to any source and the plan has several (${a.sources}): add 'su' and the source.`,
    'missing-declaration': (a, l) => {
        const title = a.title ? ` (${a.title})` : '';
        return l === 'it'
            ? `Manca ${placeWords(a, l)} la dichiarazione '${a.key}'${title} richiesta dalle regole ${a.ruleSet}.`
            : `The declaration '${a.key}'${title} required by ${a.ruleSet} is missing ${placeWords(a, l)}.`;
    },
    'incomplete-declaration': (a, l) => {
        const title = a.title ? ` (${a.title})` : '';
        const missing = phraseList(a.missing, l);
        if (a.empty) {
            return l === 'it'
                ? `La dichiarazione '${a.key}'${title} è vuota${missing ? `: le regole ${a.ruleSet} chiedono che dica ${missing}` : ''}.`
                : `The declaration '${a.key}'${title} is empty${missing ? `: ${a.ruleSet} requires it to say ${missing}` : ''}.`;
        }
        return l === 'it'
            ? `Alla dichiarazione '${a.key}'${title} manca quanto chiedono le regole ${a.ruleSet}: ${missing}.`
            : `The declaration '${a.key}'${title} leaves out what ${a.ruleSet} requires: ${missing}.`;
    },
    'missing-section': (a, l) => l === 'it'
        ? `Manca la sezione ${a.section} "${a.title}", obbligatoria per le regole ${a.ruleSet}.`
        : `Section ${a.section} "${a.title}", required by ${a.ruleSet}, is missing.`,
    'unanswered-request': (a, l) => l === 'it'
        ? `La richiesta ${a.request} della valutazione non ha risposta: indicare con 'risposta' la linea, la sezione o la dichiarazione che la soddisfa.`
        : `Request ${a.request} of the review has no answer: name with 'risposta' the line, section or declaration that meets it.`,
    'unknown-reference': (a, l) => {
        const where = a.line ? (l === 'it' ? ` nella linea ${a.line}` : ` in line ${a.line}`) : '';
        return l === 'it'
            ? `Il piano non ha ${referenceWords[a.what].it} ${a.name}${where}.`
            : `The plan has no ${referenceWords[a.what].en} ${a.name}${where}.`;
    },
    'reprogramming-unbalanced': (a, l) => l === 'it'
        ? `Le linee cedono ${a.leaving} e ricevono ${a.arriving}: la riprogrammazione non è in pareggio (differenza ${a.difference}).`
        : `Lines give up ${a.leaving} and receive ${a.arriving}: the reprogramming does not balance (difference ${a.difference}).`,
    'move-exceeds-available': (a, l) => l === 'it'
        ? `Lo spostamento di ${a.amount} supera quanto disponibile in ${a.from}: ${a.available}.`
        : `The move of ${a.amount} exceeds what ${a.from} holds: ${a.available}.`,
    'reprogrammed-over-allocated': (a, l) => l === 'it'
        ? `Dopo la riprogrammazione su ${a.source} sono programmati ${a.after} (prima ${a.before}), oltre l'assegnato di ${a.assigned}: eccedenza ${a.excess}.`
        : `After the reprogramming ${a.after} is programmed on ${a.source} (before ${a.before}), over the ${a.assigned} assigned (excess ${a.excess}).`,
    'reprogrammed-cap-exceeded': (a, l) => l === 'it'
        ? `Dopo la riprogrammazione la linea ${a.line} imputa ${a.after} su ${a.source} (prima ${a.before}), oltre il tetto di ${a.cap} (max ${a.rate}): eccedenza ${a.excess}.`
        : `After the reprogramming line ${a.line} charges ${a.after} on ${a.source} (before ${a.before}), over the ${a.rate} cap of ${a.cap} (excess ${a.excess}).`,
    'cost-mismatch': (a, l) => l === 'it'
        ? `${a.heads} × ${a.profile} a ${a.unitCost} fanno ${a.expected}, ma il costo dichiarato è ${a.declared} (differenza ${a.difference}).`
        : `${a.heads} × ${a.profile} at ${a.unitCost} is ${a.expected}, but the declared cost is ${a.declared} (difference ${a.difference}).`,
    'cofinancing-mismatch': (a, l) => l === 'it'
        ? `Le quote di finanziamento (${a.shares}) sommano ${a.sum}, non il costo di ${a.cost} che finanziano (differenza ${a.difference}).`
        : `The funding shares (${a.shares}) add up to ${a.sum}, not the ${a.cost} cost they fund (difference ${a.difference}).`,
    'function-total-mismatch': (a, l) => l === 'it'
        ? `La categoria ${a.category} di ${a.office} conta ${a.declared} unità, ma le sue funzioni ne sommano ${a.computed} (differenza ${a.difference}).`
        : `Category ${a.category} at ${a.office} has ${a.declared} heads, but its functions add up to ${a.computed} (difference ${a.difference}).`,
    'summary-staff-mismatch': (a, l) => l === 'it'
        ? `Il riepilogo${tableName(a.summary)} conta ${a.inSummary} in ${a.category} al ${a.date}, ma la tabella del personale${tableName(a.table)} alla stessa data ne conta ${a.inStaff} (differenza ${a.difference}).`
        : `The summary${tableName(a.summary)} counts ${a.inSummary} in ${a.category} at ${a.date}, but the staff table${tableName(a.table)} at the same date counts ${a.inStaff} (difference ${a.difference}).`,
    'function-staff-mismatch': (a, l) => l === 'it'
        ? `Il personale per funzione di ${a.office} al ${a.date} conta ${a.inFunctions} in ${a.category}, ma la tabella del personale${tableName(a.table)} alla stessa data ne conta ${a.inStaff} (differenza ${a.difference}).`
        : `The staff by function of ${a.office} at ${a.date} counts ${a.inFunctions} in ${a.category}, but the staff table${tableName(a.table)} at the same date counts ${a.inStaff} (difference ${a.difference}).`,
    'movements-summary-mismatch': (a, l) => l === 'it'
        ? `Il saldo dei movimenti dal ${a.from} al ${a.to} è ${a.net}, ma il riepilogo alle stesse date passa da ${a.summaryFrom} a ${a.summaryTo} (${a.change}).`
        : `The movements from ${a.from} to ${a.to} net ${a.net}, but the summary at the same dates goes from ${a.summaryFrom} to ${a.summaryTo} (${a.change}).`,
    'hires-cost-mismatch': (a, l) => {
        if (a.profile === undefined) {
            return l === 'it'
                ? `Il costo del personale ${a.year} conta ${a.heads} unità, ma le assunzioni fino al ${a.upTo} sono ${a.hired}.`
                : `The personnel cost ${a.year} counts ${a.heads} heads, but ${a.hired} are hired up to ${a.upTo}.`;
        }
        return l === 'it'
            ? `Il costo del personale ${a.year} conta ${a.heads} unità di ${a.profile}, ma le assunzioni di ${a.profile} fino al ${a.upTo} sono ${a.hired}.`
            : `The personnel cost ${a.year} counts ${a.heads} × ${a.profile}, but ${a.hired} ${a.profile} are hired up to ${a.upTo}.`;
    },
    'hire-category-mismatch': (a, l) => l === 'it'
        ? `Assunzione in categoria ${a.category} per il profilo ${a.profile}, che è di categoria ${a.profileCategory}.`
        : `A hire in category ${a.category} for the profile ${a.profile}, which is in category ${a.profileCategory}.`,
    'office-statistics-mismatch': (a, l) => {
        const what = a.measure === 'iscritti' ? { it: 'iscritti', en: 'registered job seekers' } : { it: 'residenti', en: 'residents' };
        return l === 'it'
            ? `${a.office} dichiara ${a.inOffice} ${what.it}, ma la tabella${tableName(a.table)} ne riporta ${a.inStatistics} (differenza ${a.difference}).`
            : `${a.office} states ${a.inOffice} ${what.en}, but the table${tableName(a.table)} gives ${a.inStatistics} (difference ${a.difference}).`;
    },
    'missing-unit-cost': (a, l) => l === 'it'
        ? `Il profilo ${a.profile} non ha un costo unitario, quindi il suo costo non si può verificare: aggiungere 'costo' al profilo.`
        : `The profile ${a.profile} has no unit cost, so its cost cannot be checked: add 'costo' to the profile.`,
    'percentage-out-of-range': (a, l) => l === 'it'
        ? `${a.value} è fuori dall'intervallo 0–100%.`
        : `${a.value} is outside the range 0–100%.`,
    'milestones-decreasing': (a, l) => l === 'it'
        ? `Il valore cumulativo ${a.value} dell'anno ${a.period} è inferiore a ${a.previous} dell'anno ${a.previousPeriod}.`
        : `The cumulative value ${a.value} for year ${a.period} is lower than ${a.previous} for year ${a.previousPeriod}.`,
    'duplicate-name': (a, l) => l === 'it'
        ? `Esiste già ${duplicateWords[a.what].it} '${a.name}'.`
        : `There is already ${duplicateWords[a.what].en} '${a.name}'.`,
    'duplicate-office-staff': (a, l) => {
        const missing = a.missing.join(', ');
        return l === 'it'
            ? `${a.office} compare due volte nella tabella del personale${tableName(a.table)}${missing ? `, in cui manca ${missing}` : ''}.`
            : `${a.office} is listed twice in the staff table${tableName(a.table)}${missing ? `, which leaves out ${missing}` : ''}.`;
    },
    'duplicate-hiring-period': (a, l) => l === 'it'
        ? `Il periodo ${a.period} compare due volte nel piano di assunzioni «${a.hiring}».`
        : `The period ${a.period} is given twice in the hiring plan «${a.hiring}».`,
    'invalid-number': numberFaultWords,
    'invalid-date': (a, l) => a.year
        ? (l === 'it' ? `${a.text} non è un anno (quattro cifre).` : `${a.text} is not a year (four digits).`)
        : (l === 'it' ? `${a.text} non è una data del calendario.` : `${a.text} is not a date of the calendar.`),
    'period-reversed': (a, l) => l === 'it'
        ? `Il periodo finisce (${a.end}) prima di cominciare (${a.start}).`
        : `The period ends (${a.end}) before it starts (${a.start}).`,
    'linking-error': (a, l) => {
        const words = isReferent(a.referent) ? referentWords[a.referent] : undefined;
        const hint = a.suggestion ? (l === 'it' ? ` Forse si intende '${a.suggestion}'.` : ` Did you mean '${a.suggestion}'?`) : '';
        return l === 'it'
            ? `Non trovo ${words?.it ?? a.referent} '${a.name}': ${declaredWords(words?.gender ?? 'm', words?.plural ?? false)}.${hint}`
            : `Cannot find ${words?.en ?? a.referent} '${a.name}': declare it before using it.${hint}`;
    },
    'missing-rule-set': (a, l) => {
        const known = a.ruleSets ? (l === 'it' ? ` Regole disponibili: ${a.ruleSets}.` : ` Rule sets available: ${a.ruleSets}.`) : '';
        return l === 'it'
            ? `Il piano non indica le regole ('regole'): nessun tetto e nessuna dichiarazione richiesta verrebbero controllati.${known}`
            : `The plan names no rule set ('regole'): no cap and no required declaration would be checked.${known}`;
    },
    'ambiguous-rule-set': (a, l) => l === 'it'
        ? `Più insiemi di regole si chiamano ${a.name} (${a.files}): il piano è controllato con ${a.chosen}. Indicare il file con 'da'.`
        : `Several rule sets are named ${a.name} (${a.files}): the plan is checked against ${a.chosen}. Name the file with 'da'.`,
    'rule-file-missing': (a, l) => l === 'it'
        ? `Il file di regole '${a.file}' non esiste o non è stato caricato: il piano non può essere controllato con le sue regole.`
        : `The rule file '${a.file}' does not exist or was not loaded: the plan cannot be checked against its rules.`,
    'rule-set-invalid': (a, l) => l === 'it'
        ? `Le regole ${a.name} (${a.file}) contengono ${a.count === 1 ? 'un errore' : `${a.count} errori`}; ${a.count === 1 ? 'è' : 'il primo,'} alla riga ${a.line}: ${a.first.replace(/\.?$/, '.')}`
        : `The rule set ${a.name} (${a.file}) has ${a.count === 1 ? 'an error' : `${a.count} errors`}; ${a.count === 1 ? 'it is' : 'the first,'} at line ${a.line}: ${a.first.replace(/\.?$/, '.')}`,
    'unknown-issue-code': (a, l) => {
        const hint = a.suggestion ? (l === 'it' ? ` Forse si intende '${a.suggestion}'.` : ` Did you mean '${a.suggestion}'?`) : '';
        return l === 'it'
            ? `'${a.code}' non è un codice di segnalazione di cpiplan: la regola non ha effetto.${hint}`
            : `'${a.code}' is not a cpiplan diagnostic code: the rule has no effect.${hint}`;
    }
};



/** The message of an issue in the given locale. */
export function issueMessage<C extends IssueCode>(code: C, args: IssueArguments[C], locale: Locale): string {
    return (messages[code] as IssueMessage<C>)(args, locale);
}
