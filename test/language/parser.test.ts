/** Every construct of the language parses into the AST the evaluation layer expects. */
import { describe, expect, test } from 'vitest';
import { check } from '../helpers.js';
import type {
    Act, Area, CategorySummary, FundingSource, HiringPlan, InterventionLine, Movements, Office, PersonnelCost, Plan,
    Profile, RuleSet, Section, StaffTable, StatisticsTable
} from '../../src/language/generated/ast.js';

async function parse(text: string): Promise<Plan> {
    const checked = await check(text);
    const { lexerErrors, parserErrors } = checked.document.parseResult;
    expect([...lexerErrors, ...parserErrors].map(e => e.message)).toEqual([]);
    return checked.document.parseResult.value as Plan;
}

function element<T>(plan: Plan, type: string): T {
    return plan.elements.find(e => e.$type === type) as T;
}

describe('parsing plans', () => {
    test('header: region, title, period, rule set and the file it comes from', async () => {
        const plan = await parse(`piano "Valle d'Aosta" titolo "Piano 2019 - 2021" periodo 2019-2021 regole "DM 74/2019" da "rules.cpiplan"`);
        expect(plan).toMatchObject({ region: "Valle d'Aosta", title: 'Piano 2019 - 2021', periodStart: '2019', periodEnd: '2021', ruleFile: 'rules.cpiplan' });
        expect(plan.ruleSet?.$refText).toBe('DM 74/2019');
    });

    test('acts with number, date, amended act and title; kinds may be quoted', async () => {
        const plan = await parse(`piano "X"
atto PD 6226/2020 del 17/11/2020 modifica DGR 955/2020 "Modifiche"
atto "D.Lgs." 150/2015 del 2015-09-14`);
        const acts = plan.elements as Act[];
        expect(acts[0]).toMatchObject({ kind: 'PD', number: '6226/2020', date: '17/11/2020', amendedKind: 'DGR', amendedNumber: '955/2020', title: 'Modifiche' });
        expect(acts[1]).toMatchObject({ kind: 'D.Lgs.', number: '150/2015', date: '2015-09-14' });
    });

    test('sources, lines with items, splits, declarations and totals; euro before or after', async () => {
        const plan = await parse(`piano "X"
fonte B "Allegato B" assegnato € 1.640.250,18
fonte C "Allegato C" assegnato 140.940,00 €
linea 3.6 "Spese generali" {
    voce "Assistenza tecnica" € 85.590,16 su B € 65.600,00, C 19.990,16 €
    dichiarazione chiave "Testo"
    totale € 85.590,16
    totale B € 65.600,00
}
linea "Azioni di politica attiva" { voce "Progetti" € 1,00 su B }
totale € 85.591,16`);
        const source = element<FundingSource>(plan, 'FundingSource');
        expect(source.assigned?.value).toBe('1.640.250,18');
        const line = element<InterventionLine>(plan, 'InterventionLine');
        expect(line.code).toBe('3.6');
        expect(line.items[0].charges.map(c => [c.source.$refText, c.amount?.value])).toEqual([['B', '65.600,00'], ['C', '19.990,16']]);
        expect(line.declarations[0]).toMatchObject({ key: 'chiave', text: 'Testo' });
        expect(line.totals.map(t => t.source?.$refText)).toEqual([undefined, 'B']);
        const extra = plan.elements.filter(e => e.$type === 'InterventionLine')[1] as InterventionLine;
        expect(extra.code).toBeUndefined();
        expect(extra.title).toBe('Azioni di politica attiva');
    });

    test('sections hold declarations', async () => {
        const plan = await parse(`piano "X"
sezione 4 "Governance" { dichiarazione governance_lep "LEP" }`);
        expect(element<Section>(plan, 'Section')).toMatchObject({ code: '4', title: 'Governance' });
    });

    test('offices of every kind, with parent, province, residents, registered and a note', async () => {
        const plan = await parse(`piano "X"
cpi aosta "CPI di Aosta" provincia "AO" residenti 78.001 iscritti 4.157 nota "Sede regionale"
sede comunanza "Sede di Comunanza" di aosta
sportello montegiorgio "Sportello" di aosta
coordinamento sr "SR COORDINAMENTO"`);
        const offices = plan.elements as Office[];
        expect(offices.map(o => o.kind)).toEqual(['cpi', 'sede', 'sportello', 'coordinamento']);
        expect(offices[0]).toMatchObject({ province: 'AO', note: 'Sede regionale' });
        expect(offices[0].residents?.value).toBe('78.001');
        expect(offices[1].parent?.ref?.name).toBe('aosta');
    });

    test('profiles, staff tables, summaries, movements, hiring plans and personnel costs', async () => {
        const plan = await parse(`piano "X"
cpi a "CPI A"
profilo istruttore "Istruttore tecnico" categoria D costo € 55.820,00
personale al 24/11/2020 "Tab. 1" {
    ufficio a { istruttore D 13, C 1 = 14 totale 14 di cui D 13, C 1 }
    totale 14
}
riepilogo al 31/12/2019 e al 24/11/2020 "Tab. 2" { B 68 60 Dirigente 1 1 totale 69 61 }
movimenti dal 31/12/2019 al 24/11/2020 "Tab. 3" { ingresso "In" 5 uscita "Out" 5 progressione "Prog" 2 saldo 0 }
assunzioni "Piano" { anno 2020 C2 istruttore 3, D 10 totale 13 anno "dal 2021" D 1 }
assunzioni "Revisione" modifica "Piano" { anno 2021 D 2 }
costo personale "dal 2021" { istruttore 18 € 1.004.760,00 totale € 1.004.760,00 quota Stato € 1.004.760,00 quota "Regione VdA" € 0,00 }`);
        expect(element<Profile>(plan, 'Profile')).toMatchObject({ category: 'D' });
        const table = element<StaffTable>(plan, 'StaffTable');
        expect(table.offices[0].rows[0].counts.map(c => [c.category, c.count.value])).toEqual([['D', '13'], ['C', '1']]);
        expect(table.offices[0].total?.byCategory).toHaveLength(2);
        expect(element<CategorySummary>(plan, 'CategorySummary').rows.map(r => r.category)).toEqual(['B', 'Dirigente']);
        expect(element<Movements>(plan, 'Movements').rows.map(r => r.kind)).toEqual(['ingresso', 'uscita', 'progressione']);
        const hiring = plan.elements.filter(e => e.$type === 'HiringPlan') as HiringPlan[];
        expect(hiring[0].periods[0].hires.map(h => [h.category, h.profile?.$refText])).toEqual([['C2', 'istruttore'], ['D', undefined]]);
        expect(hiring[1].amends?.ref).toBe(hiring[0]);
        const cost = element<PersonnelCost>(plan, 'PersonnelCost');
        expect(cost.year).toBe('dal 2021');
        expect(cost.shares.map(s => s.payer)).toEqual(['Stato', 'Regione VdA']);
    });

    test('statistics with groups, empty cells, row totals and declared totals', async () => {
        const plan = await parse(`piano "X"
cpi a "CPI A"
statistica "Tab. 5" colonne "2019" {
    gruppo "Servizi alle imprese" { a - "Altro" 3 totale 3 }
    totale 3 = 3
}`);
        const table = element<StatisticsTable>(plan, 'StatisticsTable');
        expect(table.groups[0].rows[0].cells[0].empty).toBe(true);
        expect(table.groups[0].rows[1].label).toBe('Altro');
        expect(table.total?.grand?.value).toBe('3');
    });

    test('areas, activities, results and indicators with baseline, target and yearly values', async () => {
        const plan = await parse(`piano "X"
ambito servizi "Servizi" {
    attività "Attività" {
        risultato "Risultato" { indicatore "Operatori" obiettivo almeno 3.000 }
    }
    indicatore "Tasso" base 1,2% nel 2018 obiettivo 6,2% { anno 2019 2,2% anno 2020 3,7% }
    indicatore "PdSP" obiettivo 50.006 cumulativo { anno I 25% anno II 60% }
}`);
        const area = element<Area>(plan, 'Area');
        const indicator = area.activities[0].results[0].indicators[0];
        expect(indicator).toMatchObject({ atLeast: true });
        expect(indicator.target?.value).toBe('3.000');
        expect(area.indicators[0]).toMatchObject({ baselineYear: '2018' });
        expect(area.indicators[0].values.map(v => [v.period, v.value.value, v.value.percent])).toEqual([['2019', '2,2', true], ['2020', '3,7', true]]);
        expect(area.indicators[1].cumulative).toBe(true);
    });

    test('comments, accented names and escaped quotes', async () => {
        const plan = await parse(`// a comment
piano "Città \\"nuova\\"" /* inline */
cpi verrès "CPI di Verrès" // trailing`);
        expect(plan.region).toBe('Città "nuova"');
        expect((plan.elements[0] as Office).name).toBe('verrès');
    });
});

describe('parsing rule sets', () => {
    test('source kinds, line rules with caps and severities, required declarations, severities', async () => {
        const checked = await check(`regole "Prova" titolo "Regole di prova" {
    fonte allegato_B "Allegato B"
    linea 3.1 "Comunicazione" tetto 1,5% di allegato_B gravità errore
    linea 3.4 "Sedi"
    richiede dichiarazione chiave in linea 3.3 "titolo" gravità avviso testo "Testo standard"
    richiede dichiarazione gov in sezione 4 testo "Governance"
    richiede dichiarazione ovunque in piano testo "Ovunque"
    gravità under_allocated errore
}`);
        const rules = checked.document.parseResult.value as RuleSet;
        expect(checked.diagnostics).toEqual([]);
        expect(rules.lines[0]).toMatchObject({ code: '3.1', severity: 'errore' });
        expect(rules.lines[0].cap?.value).toBe('1,5');
        expect(rules.lines[0].source?.ref?.name).toBe('allegato_B');
        expect(rules.declarations.map(d => [d.lineCode, d.sectionCode, d.plan])).toEqual([['3.3', undefined, false], [undefined, '4', false], [undefined, undefined, true]]);
        expect(rules.severities[0]).toMatchObject({ code: 'under_allocated', severity: 'errore' });
    });
});
