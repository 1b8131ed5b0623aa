/**
 * A one-line description of every diagnostic code, in Italian and English, as the README's
 * diagnostics table gives it: the rules of a SARIF report, the help of a code.
 */
import type { IssueCode } from './issue-messages.js';
import type { Bilingual } from './locale.js';

/** Langium's own codes for text that is not the language. */
export type SyntaxCode = 'parsing-error' | 'lexing-error';

/** A one-line description of each rule, as the README's diagnostics table gives it. */
export const issueDescriptions: Record<IssueCode | SyntaxCode, Bilingual> = {
    'cap-exceeded': {
        it: "La parte di una linea a carico di una fonte supera il tetto che le regole fissano per quella linea e fonte.",
        en: "The part of a line charged to a source exceeds the rule set's cap for that line and source."
    },
    'over-allocated': {
        it: "Il programmato su una fonte supera l'assegnato.",
        en: 'The amount programmed on a source exceeds its assigned amount.'
    },
    'under-allocated': {
        it: "Il programmato su una fonte è inferiore all'assegnato: restano risorse da programmare.",
        en: 'The amount programmed on a source is below its assigned amount: money is left unprogrammed.'
    },
    'total-mismatch': {
        it: 'Un totale dichiarato è diverso dalla somma delle sue parti.',
        en: 'A declared total differs from the sum of its parts.'
    },
    'split-mismatch': {
        it: "Le parti di una voce sulle fonti non sommano all'importo della voce.",
        en: "An item's parts across sources do not add up to its amount."
    },
    'unassigned-item': {
        it: 'Una voce non indica la fonte e il piano ne ha più di una.',
        en: 'An item names no source and the plan has several.'
    },
    'missing-declaration': {
        it: 'Manca una dichiarazione richiesta dalle regole dove va posta (una linea, una sezione, il piano).',
        en: 'A declaration the rule set requires is missing where it belongs (a line, a section, the plan).'
    },
    'missing-section': {
        it: "Manca una sezione che le regole dichiarano obbligatoria (`sezione 4 \"…\" obbligatoria`).",
        en: 'A section the rule set marks as required (`sezione 4 "…" obbligatoria`) is missing.'
    },
    'unanswered-request': {
        it: 'Una richiesta della valutazione del Ministero non indica la parte del piano che la soddisfa.',
        en: "A request of the Ministry's review names no part of the plan that answers it."
    },
    'unknown-reference': {
        it: 'Una risposta, un obiettivo, una fase o uno spostamento nomina una linea, una sezione, una dichiarazione o una voce che il piano non ha.',
        en: 'An answer, objectives, a milestone or a move names a line, section, declaration or item the plan does not have.'
    },
    'reprogramming-unbalanced': {
        it: 'In una riprogrammazione quanto le linee cedono è diverso da quanto ricevono.',
        en: 'In a reprogramming, what lines give up differs from what they receive.'
    },
    'move-exceeds-available': {
        it: 'Uno spostamento toglie a una linea, voce o fonte più di quanto abbia in quel momento.',
        en: 'A move takes from a line, item or source more than it holds at that point.'
    },
    'reprogrammed-over-allocated': {
        it: "Dopo gli spostamenti il programmato su una fonte supera l'assegnato.",
        en: 'After the moves, the amount programmed on a source exceeds its assigned amount.'
    },
    'reprogrammed-cap-exceeded': {
        it: 'Dopo gli spostamenti la parte di una linea su una fonte supera il tetto delle regole.',
        en: "After the moves, the part of a line charged to a source exceeds the rule set's cap."
    },
    'cost-mismatch': {
        it: 'Un costo del personale dichiarato è diverso da unità × costo unitario del profilo.',
        en: "A declared personnel cost differs from heads × the profile's unit cost."
    },
    'cofinancing-mismatch': {
        it: 'Le quote di finanziamento (Stato, Regione…) non sommano al costo del personale che finanziano.',
        en: 'The funding shares (State, Region…) do not add up to the personnel cost they fund.'
    },
    'percentage-out-of-range': {
        it: 'Una percentuale è inferiore a 0% o superiore a 100%.',
        en: 'A percentage is below 0% or above 100%.'
    },
    'milestones-decreasing': {
        it: "Il valore annuale di un indicatore cumulativo è inferiore a quello dell'anno prima.",
        en: "A cumulative indicator's yearly value is lower than the year before."
    },
    'duplicate-name': {
        it: 'Due elementi dello stesso tipo hanno lo stesso nome.',
        en: 'Two elements of the same kind share a name.'
    },
    'invalid-number': {
        it: 'Un numero non è nel formato italiano, è ambiguo o ha troppi decimali.',
        en: 'A number is not in the Italian format, is ambiguous or has too many decimals.'
    },
    'unknown-issue-code': {
        it: 'Una regola di gravità in un file di regole nomina un codice che cpiplan non segnala.',
        en: 'A severity rule in a rule file names a code cpiplan does not report.'
    },
    'linking-error': {
        it: 'Un nome non si riferisce a nulla (una fonte, un ufficio, un profilo, un insieme di regole…).',
        en: 'A name refers to nothing (a source, an office, a profile, a rule set…).'
    },
    'parsing-error': {
        it: 'Il testo non segue la sintassi del linguaggio.',
        en: 'The text does not follow the syntax of the language.'
    },
    'lexing-error': {
        it: 'Il testo contiene caratteri che il linguaggio non conosce.',
        en: 'The text holds characters the language does not know.'
    }
};
