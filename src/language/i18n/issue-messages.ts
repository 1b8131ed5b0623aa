/**
 * The messages of the issue catalogue, in Italian and English: for each code the arguments its
 * message takes (every figure already formatted) and the words messages are built from (what a
 * total is of, what is duplicated, what a reference names). Severities and quick-fix payloads
 * live with the catalogue in validation/issues.ts.
 */
import type { Bilingual, Locale } from './locale.js';

/**
 * What a declared total is the total of. The evaluation's subjects must fit this shape: a new
 * kind there fails to compile where a rule hands it to a message, until it has its words here.
 */
export type TotalSubject =
    | { readonly of: 'line'; readonly line: string }
    | { readonly of: 'line-source'; readonly line: string; readonly source: string }
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
export type NumberFaultKind = 'english-format' | 'too-many-decimals' | 'ambiguous' | 'bad-grouping' | 'decimals-in-count';

/** The arguments each code's message takes; every figure arrives already formatted. */
export interface IssueArguments {
    'cap-exceeded': { line: string; source: string; charged: string; cap: string; rate: string; excess: string };
    'over-allocated': { source: string; programmed: string; assigned: string; excess: string };
    'under-allocated': { source: string; programmed: string; assigned: string; remaining: string };
    'total-mismatch': { subject: TotalSubject; declared: string; computed: string; difference: string };
    'split-mismatch': { parts: string; amount: string; difference: string };
    'unassigned-item': { sources: string };
    'missing-declaration': { key: string; title?: string; line?: string; section?: string; ruleSet: string };
    'cost-mismatch': { heads: string; profile: string; unitCost: string; expected: string; declared: string; difference: string };
    'cofinancing-mismatch': { shares: string; sum: string; cost: string; difference: string };
    'percentage-out-of-range': { value: string };
    'milestones-decreasing': { value: string; period: string; previous: string; previousPeriod: string };
    'duplicate-name': { what: DuplicateKind; name: string };
    'invalid-number': { text: string; fault: NumberFaultKind; suggestion?: string };
    /** `referent` is the AST type the reference points to (`FundingSource`, `RuleSet`…). */
    /** `suggestion` is the known name nearest to a misspelt one. */
    'linking-error': { referent: string; name: string; suggestion?: string };
    /** `suggestion` is the nearest known code, written as in a rule file. */
    'unknown-issue-code': { code: string; suggestion?: string };
}

export type IssueCode = keyof IssueArguments;

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

const messages: { readonly [C in IssueCode]: IssueMessage<C> } = {
    'cap-exceeded': (a, l) => l === 'it'
        ? `La linea ${a.line} imputa ${a.charged} su ${a.source}, oltre il tetto di ${a.cap} (max ${a.rate} del totale assegnato): eccedenza ${a.excess}.`
        : `${a.charged} on line ${a.line} exceeds the ${a.rate} cap of ${a.cap} on ${a.source} (excess ${a.excess}).`,
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
    'cost-mismatch': (a, l) => l === 'it'
        ? `${a.heads} × ${a.profile} a ${a.unitCost} fanno ${a.expected}, ma il costo dichiarato è ${a.declared} (differenza ${a.difference}).`
        : `${a.heads} × ${a.profile} at ${a.unitCost} is ${a.expected}, but the declared cost is ${a.declared} (difference ${a.difference}).`,
    'cofinancing-mismatch': (a, l) => l === 'it'
        ? `Le quote di finanziamento (${a.shares}) sommano ${a.sum}, non il costo di ${a.cost} che finanziano (differenza ${a.difference}).`
        : `The funding shares (${a.shares}) add up to ${a.sum}, not the ${a.cost} cost they fund (difference ${a.difference}).`,
    'percentage-out-of-range': (a, l) => l === 'it'
        ? `${a.value} è fuori dall'intervallo 0–100%.`
        : `${a.value} is outside the range 0–100%.`,
    'milestones-decreasing': (a, l) => l === 'it'
        ? `Il valore cumulativo ${a.value} dell'anno ${a.period} è inferiore a ${a.previous} dell'anno ${a.previousPeriod}.`
        : `The cumulative value ${a.value} for year ${a.period} is lower than ${a.previous} for year ${a.previousPeriod}.`,
    'duplicate-name': (a, l) => l === 'it'
        ? `Esiste già ${duplicateWords[a.what].it} '${a.name}'.`
        : `There is already ${duplicateWords[a.what].en} '${a.name}'.`,
    'invalid-number': numberFaultWords,
    'linking-error': (a, l) => {
        const words = isReferent(a.referent) ? referentWords[a.referent] : undefined;
        const hint = a.suggestion ? (l === 'it' ? ` Forse si intende '${a.suggestion}'.` : ` Did you mean '${a.suggestion}'?`) : '';
        return l === 'it'
            ? `Non trovo ${words?.it ?? a.referent} '${a.name}': ${declaredWords(words?.gender ?? 'm', words?.plural ?? false)}.${hint}`
            : `Cannot find ${words?.en ?? a.referent} '${a.name}': declare it before using it.${hint}`;
    },
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
