/** The words of hovers, hints and lenses, in Italian and English. */
import type { Locale } from './locale.js';

export const words = {
    line: { it: 'Linea', en: 'Line' },
    total: { it: 'Totale', en: 'Total' },
    bySource: { it: 'Per fonte', en: 'By source' },
    ofAssigned: { it: "dell'assegnato", en: 'of the assigned total' },
    ofPlan: { it: 'del piano', en: 'of the plan' },
    ofLine: { it: 'della linea', en: 'of the line' },
    cap: { it: 'Tetto', en: 'Cap' },
    headroom: { it: 'margine', en: 'headroom' },
    excess: { it: 'eccedenza', en: 'excess' },
    ofCap: { it: 'del tetto', en: 'of cap' },
    item: { it: 'Voce', en: 'Item' },
    amount: { it: 'Importo', en: 'Amount' },
    source: { it: 'Fonte', en: 'Source' },
    assigned: { it: 'Assegnato', en: 'Assigned' },
    programmed: { it: 'Programmato', en: 'Programmed' },
    remaining: { it: 'Da programmare', en: 'Remaining' },
    overAllocated: { it: 'Oltre l\'assegnato', en: 'Over the assigned total' },
    office: { it: 'Ufficio', en: 'Office' },
    staff: { it: 'Personale', en: 'Staff' },
    residents: { it: 'Residenti', en: 'Residents' },
    registered: { it: 'Iscritti (DID)', en: 'Registered job seekers (DID)' },
    category: { it: 'categoria', en: 'category' },
    profile: { it: 'Profilo', en: 'Profile' },
    unitCost: { it: 'Costo per unità', en: 'Unit cost' },
    inService: { it: 'In servizio', en: 'In service' },
    yearlyCost: { it: 'Costo annuo', en: 'Yearly cost' },
    indicator: { it: 'Indicatore', en: 'Indicator' },
    baseline: { it: 'Base', en: 'Baseline' },
    target: { it: 'Obiettivo', en: 'Target' },
    atLeast: { it: 'almeno', en: 'at least' },
    progress: { it: 'Avanzamento', en: 'Progress' },
    yearly: { it: 'Valori annuali', en: 'Yearly values' },
    declared: { it: 'Dichiarato', en: 'Declared' },
    computed: { it: 'calcolato', en: 'computed' },
    matches: { it: 'corrisponde', en: 'matches' },
    grandTotal: { it: 'Totale del piano', en: 'Plan total' },
    errors: { it: 'errori', en: 'errors' },
    warnings: { it: 'avvisi', en: 'warnings' },
    noProblems: { it: 'nessun problema', en: 'no problems' },
    generateTables: { it: 'Genera tabelle', en: 'Generate tables' },
    openPreview: { it: 'Anteprima', en: 'Preview' },
    staffTable: { it: 'Tabella del personale', en: 'Staff table' },
    personnelCost: { it: 'Costo del personale', en: 'Personnel cost' },
    rowsTotal: { it: 'Somma delle righe', en: 'Sum of the rows' },
    sharesTotal: { it: 'Somma delle quote', en: 'Sum of the shares' },
    difference: { it: 'differenza', en: 'difference' },
    share: { it: 'Quota', en: 'Share' },
    ofCost: { it: 'del costo', en: 'of the cost' },
    hiringPlan: { it: 'Assunzioni', en: 'Hires' },
    hires: { it: 'assunzioni', en: 'hires' },
    amends: { it: 'modifica', en: 'amends' },
    summary: { it: 'Riepilogo per categoria', en: 'Summary by category' },
    change: { it: 'variazione', en: 'change' },
    area: { it: 'Ambito', en: 'Area' },
    activities: { it: 'Attività', en: 'Activities' },
    results: { it: 'Risultati', en: 'Results' },
    indicators: { it: 'Indicatori', en: 'Indicators' }
} as const;

export type Word = keyof typeof words;

/** A word in the locale. */
export function word(key: Word, locale: Locale): string {
    return words[key][locale];
}
