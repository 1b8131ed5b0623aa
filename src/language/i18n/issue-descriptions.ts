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
    'cap-not-applicable': {
        it: 'Il tetto che le regole fissano per una linea non è leggibile o è fuori da 0–100%: non può essere applicato.',
        en: "The rule set's cap for a line cannot be read or is outside 0–100%: it cannot be applied."
    },
    'unknown-line-code': {
        it: 'Una linea ha un codice che le regole del piano non conoscono: nessun tetto le si applica.',
        en: "A line has a code the plan's rule set does not know: no cap applies to it."
    },
    'line-title-mismatch': {
        it: 'Una linea ufficiale ha un titolo diverso da quello delle regole (e dalle sue varianti ammesse).',
        en: "An official line's title differs from the rule set's (and from its accepted variants)."
    },
    'missing-source-kind': {
        it: 'Una fonte non indica il tipo, mentre le regole pongono tetti sui tipi di fonte.',
        en: 'A source names no kind while the rule set sets caps on source kinds.'
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
    'incomplete-declaration': {
        it: 'Il testo di una dichiarazione richiesta è vuoto o non dice quanto le regole chiedono (frasi, con alternative).',
        en: 'The text of a required declaration is empty or leaves out what the rule set requires (phrases, with alternatives).'
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
    'function-total-mismatch': {
        it: 'Le unità di una categoria del personale per funzione sono diverse dalla somma delle sue funzioni.',
        en: "A category's heads in the staff by function differ from the sum of its functions."
    },
    'function-staff-mismatch': {
        it: "Il personale per funzione di un ufficio è diverso, per categoria, dalla tabella del personale alla stessa data.",
        en: "An office's staff by function differs, category by category, from the staff table at the same date."
    },
    'summary-staff-mismatch': {
        it: 'Il riepilogo per categoria a una data è diverso dalla tabella del personale alla stessa data.',
        en: 'The category summary at a date differs from the staff table at the same date.'
    },
    'movements-summary-mismatch': {
        it: 'Il saldo dei movimenti è diverso dalla variazione del riepilogo tra le stesse due date.',
        en: "The net of the movements differs from the summary's change between the same two dates."
    },
    'hires-cost-mismatch': {
        it: "Le unità nel costo del personale di un anno sono diverse dalle assunzioni fino a quell'anno.",
        en: "The heads in a year's personnel cost differ from the hires up to that year."
    },
    'hire-category-mismatch': {
        it: 'Un\'assunzione è in una categoria diversa da quella del suo profilo.',
        en: "A hire is in a category other than its profile's."
    },
    'office-statistics-mismatch': {
        it: 'Gli iscritti (o residenti) di un ufficio sono diversi da quelli che una tabella statistica gli attribuisce.',
        en: 'The registered job seekers (or residents) of an office differ from those a statistics table gives it.'
    },
    'missing-unit-cost': {
        it: 'Una riga del costo del personale è di un profilo senza costo unitario.',
        en: 'A personnel cost row is for a profile with no unit cost.'
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
    'duplicate-office-staff': {
        it: 'Un ufficio compare due volte nella stessa tabella del personale (di solito al posto di un CPI che manca).',
        en: 'An office is listed twice in the same staff table (usually in place of a CPI that is missing).'
    },
    'duplicate-hiring-period': {
        it: 'Un periodo compare due volte nello stesso piano di assunzioni.',
        en: 'A period is given twice in the same hiring plan.'
    },
    'invalid-number': {
        it: 'Un numero non è nel formato italiano (migliaia con spazi, EUR, zeri iniziali…), è ambiguo, ha troppi decimali o troppe cifre, o è un importo negativo.',
        en: 'A number is not in the Italian format (thousands with spaces, EUR, leading zeros…), is ambiguous, has too many decimals or digits, or is a negative amount.'
    },
    'invalid-date': {
        it: 'Una data non esiste nel calendario (31/02/2020, 32/13/2020) o un anno del periodo non è di quattro cifre.',
        en: 'A date does not exist in the calendar (31/02/2020, 32/13/2020) or a year of the period is not four digits.'
    },
    'period-reversed': {
        it: 'Un periodo (del piano, di un riepilogo, di movimenti) finisce prima di cominciare.',
        en: 'A period (of the plan, a summary, movements) ends before it starts.'
    },
    'unknown-issue-code': {
        it: 'Una regola di gravità in un file di regole nomina un codice che cpiplan non segnala.',
        en: 'A severity rule in a rule file names a code cpiplan does not report.'
    },
    'linking-error': {
        it: 'Un nome non si riferisce a nulla (una fonte, un ufficio, un profilo, un insieme di regole…).',
        en: 'A name refers to nothing (a source, an office, a profile, a rule set…).'
    },
    'missing-rule-set': {
        it: 'Il piano non indica le regole con cui va controllato.',
        en: 'The plan names no rule set to be checked against.'
    },
    'ambiguous-rule-set': {
        it: "Più insiemi di regole hanno il nome che il piano indica, e il piano non dice quale file usare con 'da'.",
        en: "Several rule sets have the name the plan gives, and the plan does not say which file with 'da'."
    },
    'rule-file-missing': {
        it: "Il file di regole indicato con 'da' non esiste o non è stato caricato.",
        en: "The rule file named with 'da' does not exist or was not loaded."
    },
    'rule-set-invalid': {
        it: 'Le regole usate dal piano contengono errori (sintassi, numeri, tetti fuori da 0–100%).',
        en: 'The rule set the plan uses has errors (syntax, numbers, caps outside 0–100%).'
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
