/**
 * The issue catalogue: every diagnostic cpiplan reports, with its stable code, default
 * severity and message in Italian and English. The README documents the same table.
 */
import type { NumberFault } from '../model/numbers.js';
import type { Subject } from '../model/figures.js';

export type Locale = 'it' | 'en';
export type IssueSeverity = 'error' | 'warning' | 'info';

/** Picks a supported locale from an editor or OS locale string (`it-IT` → `it`); English otherwise. */
export function toLocale(value: string | undefined): Locale {
    return value?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

type Words = Record<Locale, string>;

/** The arguments each code's message takes; every figure arrives already formatted. */
export interface IssueArguments {
    'cap-exceeded': { line: string; source: string; charged: string; cap: string; rate: string; excess: string };
    'over-allocated': { source: string; programmed: string; assigned: string; excess: string };
    'under-allocated': { source: string; programmed: string; assigned: string; remaining: string };
    'total-mismatch': { subject: Subject; declared: string; computed: string; difference: string };
    'split-mismatch': { parts: string; amount: string; difference: string };
    'unassigned-item': { sources: string };
    'missing-declaration': { key: string; title?: string; line?: string; section?: string; ruleSet: string };
    'cost-mismatch': { heads: string; profile: string; unitCost: string; expected: string; declared: string; difference: string };
    'cofinancing-mismatch': { shares: string; sum: string; cost: string; difference: string };
    'percentage-out-of-range': { value: string };
    'milestones-decreasing': { value: string; period: string; previous: string; previousPeriod: string };
    'duplicate-name': { what: DuplicateKind; name: string };
    'invalid-number': { text: string; fault: NumberFault; suggestion?: string };
    'linking-error': { what: string; name: string };
}

export type IssueCode = keyof IssueArguments;

export type DuplicateKind = 'source' | 'office' | 'profile' | 'line' | 'declaration' | 'area' | 'hiring' | 'sourceKind' | 'lineRule' | 'declarationRule';

interface IssueDefinition<C extends IssueCode> {
    readonly severity: IssueSeverity;
    readonly message: (args: IssueArguments[C], locale: Locale) => string;
}

const duplicateWords: Record<DuplicateKind, Words> = {
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

/** How a total-mismatch message names what is totalled ("of line 3.1", "della linea 3.1"). */
export function subjectWords(subject: Subject, locale: Locale): string {
    const it = locale === 'it';
    switch (subject.of) {
        case 'line': return it ? `della linea ${subject.line}` : `of line ${subject.line}`;
        case 'line-source': return it ? `della linea ${subject.line} su ${subject.source}` : `of line ${subject.line} on ${subject.source}`;
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
                ? `'${args.text}' ha più di due decimali: un importo è in euro e centesimi.`
                : `'${args.text}' has more than two decimals: an amount is in euro and cents.`;
        case 'ambiguous':
            return it
                ? `'${args.text}' è ambiguo: la virgola è il separatore decimale, ma sembra separare le migliaia.${hint}`
                : `'${args.text}' is ambiguous: the comma is the decimal mark, but it looks like a thousands separator.${hint}`;
        case 'bad-grouping':
            return it
                ? `'${args.text}' non è un numero ben formato: le migliaia vanno separate con il punto a gruppi di tre cifre.`
                : `'${args.text}' is not a well-formed number: thousands are grouped in threes with dots.`;
        case 'decimals-in-count':
            return it
                ? `'${args.text}' deve essere un numero intero.`
                : `'${args.text}' must be a whole number.`;
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

const catalogue: { readonly [C in IssueCode]: IssueDefinition<C> } = {
    'cap-exceeded': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `La linea ${a.line} imputa ${a.charged} su ${a.source}, oltre il tetto di ${a.cap} (max ${a.rate} del totale assegnato): eccedenza ${a.excess}.`
            : `${a.charged} on line ${a.line} exceeds the ${a.rate} cap of ${a.cap} on ${a.source} (excess ${a.excess}).`
    },
    'over-allocated': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `Programmati ${a.programmed} su ${a.source}, oltre l'assegnato di ${a.assigned}: eccedenza ${a.excess}.`
            : `${a.programmed} programmed on ${a.source} exceeds the ${a.assigned} assigned (excess ${a.excess}).`
    },
    'under-allocated': {
        severity: 'warning',
        message: (a, l) => l === 'it'
            ? `Programmati ${a.programmed} su ${a.source} a fronte di ${a.assigned} assegnati: ${a.remaining} non programmati.`
            : `Only ${a.programmed} of the ${a.assigned} assigned on ${a.source} is programmed: ${a.remaining} left unprogrammed.`
    },
    'total-mismatch': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `Totale dichiarato ${subjectWords(a.subject, l)}: ${a.declared}; la somma delle parti è ${a.computed} (differenza ${a.difference}).`
            : `Declared total ${subjectWords(a.subject, l)} is ${a.declared}, but its parts add up to ${a.computed} (difference ${a.difference}).`
    },
    'split-mismatch': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `Le quote della voce sulle fonti sommano ${a.parts}, non l'importo della voce di ${a.amount} (differenza ${a.difference}).`
            : `The item's parts across sources add up to ${a.parts}, not its amount of ${a.amount} (difference ${a.difference}).`
    },
    'unassigned-item': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `La voce non è imputata a nessuna fonte e il piano ne ha più d'una (${a.sources}): aggiungere 'su' con la fonte.`
            : `The item is not charged to any source and the plan has several (${a.sources}): add 'su' and the source.`
    },
    'missing-declaration': {
        severity: 'error',
        message: (a, l) => {
            const title = a.title ? ` (${a.title})` : '';
            return l === 'it'
                ? `Manca ${placeWords(a, l)} la dichiarazione '${a.key}'${title} richiesta dalle regole ${a.ruleSet}.`
                : `The declaration '${a.key}'${title} required by ${a.ruleSet} is missing ${placeWords(a, l)}.`;
        }
    },
    'cost-mismatch': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `${a.heads} × ${a.profile} a ${a.unitCost} fanno ${a.expected}, ma il costo dichiarato è ${a.declared} (differenza ${a.difference}).`
            : `${a.heads} × ${a.profile} at ${a.unitCost} is ${a.expected}, but the declared cost is ${a.declared} (difference ${a.difference}).`
    },
    'cofinancing-mismatch': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `Le quote di finanziamento (${a.shares}) sommano ${a.sum}, non il costo di ${a.cost} che finanziano (differenza ${a.difference}).`
            : `The funding shares (${a.shares}) add up to ${a.sum}, not the ${a.cost} cost they fund (difference ${a.difference}).`
    },
    'percentage-out-of-range': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `${a.value} è fuori dall'intervallo 0–100%.`
            : `${a.value} is outside the range 0–100%.`
    },
    'milestones-decreasing': {
        severity: 'warning',
        message: (a, l) => l === 'it'
            ? `Il valore cumulativo ${a.value} dell'anno ${a.period} è inferiore a ${a.previous} dell'anno ${a.previousPeriod}.`
            : `The cumulative value ${a.value} for year ${a.period} is lower than ${a.previous} for year ${a.previousPeriod}.`
    },
    'duplicate-name': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `Esiste già ${duplicateWords[a.what].it} '${a.name}'.`
            : `There is already ${duplicateWords[a.what].en} '${a.name}'.`
    },
    'invalid-number': {
        severity: 'error',
        message: numberFaultWords
    },
    'linking-error': {
        severity: 'error',
        message: (a, l) => l === 'it'
            ? `Non trovo ${a.what} '${a.name}': va dichiarato prima di usarlo.`
            : `Cannot find ${a.what} '${a.name}': declare it before using it.`
    }
};

/** The default severity of an issue. */
export function defaultSeverity(code: IssueCode): IssueSeverity {
    return catalogue[code].severity;
}

/** The message of an issue in the given locale. */
export function issueMessage<C extends IssueCode>(code: C, args: IssueArguments[C], locale: Locale): string {
    return (catalogue[code] as IssueDefinition<C>).message(args, locale);
}

/** Every code, for documentation and tests. */
export const issueCodes = Object.keys(catalogue) as IssueCode[];

const referenceWords: Record<string, Words> = {
    FundingSource: { it: 'la fonte', en: 'the funding source' },
    Office: { it: "l'ufficio", en: 'the office' },
    Profile: { it: 'il profilo', en: 'the profile' },
    RuleSet: { it: 'le regole', en: 'the rule set' },
    SourceKind: { it: 'il tipo di fonte', en: 'the source kind' },
    HiringPlan: { it: 'il piano di assunzioni', en: 'the hiring plan' }
};

/** How a linking error names the kind of thing it could not find. */
export function referenceWordsFor(type: string, locale: Locale): string {
    return referenceWords[type]?.[locale] ?? type;
}
