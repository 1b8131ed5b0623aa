/**
 * The whole outline in the language (issue 11): every new construct parses into the AST the
 * evaluation will read, and a near miss of each is a parse error, not a silent misreading.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check, repoRoot, rulesDir } from '../helpers.js';
import type {
    Act, Area, BulletList, Fact, Governance, HiringPlan, InformationSystem, InterventionLine, Objectives, Observatory,
    Paragraph, PercentageTable, Plan, Reprogramming, Review, RuleSet, Section, StaffByFunction, StaffingNeeds,
    Municipalities, StatisticsTable, Timeline
} from '../../src/language/generated/ast.js';

async function errorsOf(text: string): Promise<string[]> {
    const checked = await check(text);
    const { lexerErrors, parserErrors } = checked.document.parseResult;
    return [...lexerErrors, ...parserErrors].map(e => e.message);
}

async function parse(text: string): Promise<Plan> {
    const checked = await check(text);
    const { lexerErrors, parserErrors } = checked.document.parseResult;
    expect([...lexerErrors, ...parserErrors].map(e => e.message)).toEqual([]);
    return checked.document.parseResult.value as Plan;
}

function first<T>(plan: Plan, type: string): T {
    const found = plan.elements.find(e => e.$type === type);
    expect(found, `no ${type}`).toBeDefined();
    return found as T;
}

describe('sections and prose', () => {
    test('numbered and unnumbered sections nest, and hold paragraphs, lists, declarations and constructs', async () => {
        const plan = await parse(`piano "X"
sezione 1 "Il quadro di contesto" {
    sezione 1.1 "Il quadro di contesto normativo e organizzativo" {
        testo "Il presente Piano si inserisce nel percorso di rafforzamento."
        elenco {
            • "Indirizzare e coordinare l'attività dei servizi per l'impiego;"
            - "Orientamento di base" { - "Rilevazione delle esigenze;" - "Profilazione qualitativa;" }
        }
        sezione "Servizi per le imprese" { testo "Consulenza alle imprese." }
        atto DGR 955/2020 del 28/09/2020 "Piano regionale"
        dichiarazione chiave "Testo"
    }
}`);
        const outer = first<Section>(plan, 'Section');
        expect(outer.code).toBe('1');
        const inner = outer.elements[0] as Section;
        expect(inner).toMatchObject({ code: '1.1', title: 'Il quadro di contesto normativo e organizzativo' });
        expect(inner.elements.map(e => e.$type)).toEqual(['Paragraph', 'BulletList', 'Section', 'Act']);
        expect(inner.declarations.map(d => d.key)).toEqual(['chiave']);
        expect((inner.elements[0] as Paragraph).text).toBe('Il presente Piano si inserisce nel percorso di rafforzamento.');
        const list = inner.elements[1] as BulletList;
        expect(list.items.map(i => i.text)).toEqual(["Indirizzare e coordinare l'attività dei servizi per l'impiego;", 'Orientamento di base']);
        expect(list.items[1].items.map(i => i.text)).toEqual(['Rilevazione delle esigenze;', 'Profilazione qualitativa;']);
        const unnumbered = inner.elements[2] as Section;
        expect(unnumbered.code).toBeUndefined();
        expect(unnumbered.title).toBe('Servizi per le imprese');
    });

    test('a section may hold the figures too: lines, sources, staff tables, statistics', async () => {
        const plan = await parse(`piano "X"
sezione 2.2 "Linee di intervento e quadro finanziario" {
    fonte B "Allegato B" assegnato € 100,00
    linea 3.1 "Comunicazione" nota "Max 1,5% del totale assegnato" { voce "Piano" € 1,00 su B nota "IVA inclusa" totale € 1,00 }
    statistica "Iscritti" colonne "N." { "Totale" 3 nota "dato provvisorio" }
    cpi aosta "CPI di Aosta"
    personale al 17/11/2020 { totale 0 }
}`);
        const section = first<Section>(plan, 'Section');
        expect(section.elements.map(e => e.$type)).toEqual(['FundingSource', 'InterventionLine', 'StatisticsTable', 'Office', 'StaffTable']);
        const line = section.elements[1] as InterventionLine;
        expect(line.note).toBe('Max 1,5% del totale assegnato');
        expect(line.items[0].note).toBe('IVA inclusa');
        expect((section.elements[2] as StatisticsTable).rows[0].note).toBe('dato provvisorio');
    });

    test('near misses: a list point without its dash, a section without braces', async () => {
        expect(await errorsOf(`piano "X" sezione 1 "T" { elenco { "senza trattino" } }`)).not.toEqual([]);
        expect(await errorsOf(`piano "X" sezione 1 "T" testo "fuori"`)).not.toEqual([]);
    });

    test('a declaration keeps a key that has become a keyword', async () => {
        const plan = await parse(`piano "X" sezione 5 "Riprogrammazione" { dichiarazione riprogrammazione "Testo" }`);
        expect(first<Section>(plan, 'Section').declarations[0].key).toBe('riprogrammazione');
    });
});

describe('acts and the review', () => {
    test('an act by protocol number parses: nota prot. n. 46104/DPLF del 06/11/2020', async () => {
        const plan = await parse(`piano "X"
atto nota prot. n. 46104/DPLF del 06/11/2020 "Integrazioni richieste dalla commissione di valutazione"
atto DSG 31/0000123 del 04/09/2020 "Allegato A"
atto DGR n. 1729 del 06/12/2019 "Revisione della struttura organizzativa"
atto DM 74/2019`);
        const acts = plan.elements as Act[];
        expect(acts[0]).toMatchObject({ kind: 'nota', protocol: '46104/DPLF', date: '06/11/2020', title: 'Integrazioni richieste dalla commissione di valutazione' });
        expect(acts[0].number).toBeUndefined();
        expect(acts[1]).toMatchObject({ kind: 'DSG', number: '31/0000123' });
        expect(acts[2]).toMatchObject({ kind: 'DGR', number: '1729', date: '06/12/2019' });
        expect(acts[3]).toMatchObject({ kind: 'DM', number: '74/2019' });
    });

    test('near miss: a protocol number without "n." is an error', async () => {
        expect(await errorsOf(`piano "X" atto nota prot. 46104/DPLF`)).not.toEqual([]);
    });

    test('the review: its note, requests and the parts of the plan that answer them', async () => {
        const plan = await parse(`piano "X"
valutazione "Commissione di valutazione" con nota prot. n. 46104/DPLF del 06/11/2020 {
    testo "Le integrazioni sono modifiche non sostanziali."
    richiesta 1 "Osservatorio: nessun compenso" risposta linea 3.3, dichiarazione nessun_compenso_osservatorio
    richiesta 3 "Governance e ruolo di ANPAL" risposta sezione 4
    richiesta "Senza risposta"
}`);
        const review = first<Review>(plan, 'Review');
        expect(review.act).toMatchObject({ kind: 'nota', protocol: '46104/DPLF', date: '06/11/2020' });
        expect(review.requests.map(r => r.number)).toEqual(['1', '3', undefined]);
        expect(review.requests[0].answers).toMatchObject([{ lineCode: '3.3' }, { declaration: 'nessun_compenso_osservatorio' }]);
        expect(review.requests[1].answers).toMatchObject([{ sectionCode: '4' }]);
        expect(review.requests[2].answers).toEqual([]);
    });

    test('near miss: an answer that names no part of the plan', async () => {
        expect(await errorsOf(`piano "X" valutazione { richiesta 1 "R" risposta "la sezione 4" }`)).not.toEqual([]);
    });
});

describe('objectives, results and the timeline', () => {
    test('general objectives and the objectives and results of one line, with indicators', async () => {
        const plan = await parse(`piano "X"
obiettivi generali { obiettivo "rafforzamento delle competenze degli operatori;" }
obiettivi linea 3.1 "I risultati che si intendono conseguire" {
    obiettivo "incrementare la conoscenza dei servizi per l'impiego" per "cittadini"
    risultato "piano operativo di comunicazione integrata" obiettivo 1 tempi nel triennio 2020-2022 {
        indicatore "Tasso di intermediazione" base 1,2% nel 2018 obiettivo 6,2% { anno 2019 2,2% }
    }
    indicatore "Contatti sui canali social" obiettivo almeno 3.000
}
obiettivi linea "Azioni di politica attiva" { obiettivo "progetti pilota" }`);
        const all = plan.elements as Objectives[];
        expect(all[0].general).toBe(true);
        expect(all[0].objectives[0].text).toBe('rafforzamento delle competenze degli operatori;');
        expect(all[1]).toMatchObject({ lineCode: '3.1', title: 'I risultati che si intendono conseguire' });
        expect(all[1].objectives[0]).toMatchObject({ audience: 'cittadini' });
        const result = all[1].results[0];
        expect(result.target?.value).toBe('1');
        expect(result.when).toMatchObject({ preposition: 'nel', span: 'triennio', from: '2020', to: '2022' });
        expect(result.indicators[0].baseline?.value).toBe('1,2');
        expect(all[1].indicators[0]).toMatchObject({ atLeast: true });
        expect(all[2].lineTitle).toBe('Azioni di politica attiva');
    });

    test('a timeline with the periods the plans write, tied to lines and hiring plans', async () => {
        const plan = await parse(`piano "X"
assunzioni "Fabbisogno 2019/2021" { anno 2020 C 3 totale 3 tempi da marzo 2020 anno 2021 D 8 tempi entro inizio 2021 }
cronoprogramma "Tempi di attuazione" {
    fase "Assunzioni 2020" da marzo 2020 assunzioni "Fabbisogno 2019/2021"
    fase "Assunzioni 2021" inizio 2021 assunzioni "Fabbisogno 2019/2021"
    fase "Aggiornamento del Piano triennale del fabbisogno" fine dicembre 2020
    fase "Piano di comunicazione" nel triennio 2020–2022 linea 3.1
    fase "Apertura" dal 01/03/2020 al 31/12/2020 nota "prima fase"
    fase "Collaudo" nel 2021
}`);
        const hiring = first<HiringPlan>(plan, 'HiringPlan');
        expect(hiring.periods[0].when).toMatchObject({ preposition: 'da', month: 'marzo', year: '2020' });
        expect(hiring.periods[1].when).toMatchObject({ preposition: 'entro', part: 'inizio', year: '2021' });
        const timeline = first<Timeline>(plan, 'Timeline');
        const [march, early, late, triennium, dates, year] = timeline.milestones;
        expect(march.hiring?.ref?.name).toBe('Fabbisogno 2019/2021');
        expect(early.when).toMatchObject({ part: 'inizio', year: '2021' });
        expect(late.when).toMatchObject({ part: 'fine', month: 'dicembre', year: '2020' });
        expect(triennium).toMatchObject({ lineCode: '3.1', when: { span: 'triennio', from: '2020', to: '2022' } });
        expect(dates).toMatchObject({ note: 'prima fase', when: { fromDate: '01/03/2020', toDate: '31/12/2020' } });
        expect(year.when).toMatchObject({ preposition: 'nel', year: '2021' });
    });

    test('near misses: a milestone without a period, a period with an unknown month', async () => {
        expect(await errorsOf(`piano "X" cronoprogramma { fase "Senza data" }`)).not.toEqual([]);
        expect(await errorsOf(`piano "X" cronoprogramma { fase "Mese" da marzolino 2020 }`)).not.toEqual([]);
    });
});

describe('governance, information systems, observatory', () => {
    test('governance: actors with roles and the procurement reference', async () => {
        const plan = await parse(`piano "X"
governance "Il modello di governance" {
    testo "I soggetti rilevanti sono i seguenti:"
    soggetto "Ministero del Lavoro" ruolo "soggetto finanziatore, anche per il rispetto dei LEP nella Regione"
    soggetto "Soggetti Attuatori"
    affidamenti secondo "D.lgs." 50/2016 "Codice dei Contratti Pubblici"
}`);
        const governance = first<Governance>(plan, 'Governance');
        expect(governance.actors.map(a => [a.name, a.role])).toEqual([
            ['Ministero del Lavoro', 'soggetto finanziatore, anche per il rispetto dei LEP nella Regione'], ['Soggetti Attuatori', undefined]
        ]);
        expect(governance.procurement[0]).toMatchObject({ act: { kind: 'D.lgs.', number: '50/2016' }, title: 'Codice dei Contratti Pubblici' });
        expect(governance.prose).toHaveLength(1);
    });

    test('an information system: modules, services, access and interoperability with national systems', async () => {
        const plan = await parse(`piano "X"
sistema "SIL VDA" {
    testo "Il SIL VDA è basato sul riuso del Sistema Informativo Lavoro dell'Emilia-Romagna."
    modulo "Applicativo Job Agency" tipo "back office" "in uso dai 13 CPI"
    servizio "SAP" {
        modulo "Modulo del SILVDA"
        accesso "gli operatori dei CPI accedono con credenziali personali"
        interoperabilità con "ANPAL" tramite "Nodo di coordinamento regionale" continua "ogni notifica viene trattata immediatamente"
    }
    servizio "Formazione professionale" { interoperabilità con "SISPREG2014" assente }
}`);
        const system = first<InformationSystem>(plan, 'InformationSystem');
        expect(system.modules[0]).toMatchObject({ title: 'Applicativo Job Agency', kind: 'back office', description: 'in uso dai 13 CPI' });
        const sap = system.services[0];
        expect(sap.access[0].text).toBe('gli operatori dei CPI accedono con credenziali personali');
        expect(sap.interoperability[0]).toMatchObject({ partner: 'ANPAL', via: 'Nodo di coordinamento regionale', mode: 'continua' });
        expect(system.services[1].interoperability[0]).toMatchObject({ partner: 'SISPREG2014', mode: 'assente' });
    });

    test('near miss: an interoperability mode the language does not know', async () => {
        expect(await errorsOf(`piano "X" sistema "S" { interoperabilità con "ANPAL" saltuaria }`)).not.toEqual([]);
    });

    test('the observatory, the act that set it up and its members', async () => {
        const plan = await parse(`piano "X"
osservatorio "Osservatorio economico e sociale (OES)" istituito da "L.R." 31/2005 componenti 5 {
    componente "Capo dell'Osservatorio economico e sociale" 1
    componente "Analista"
    elenco { - "Analisi tematiche sul mercato del lavoro locale;" }
}`);
        const observatory = first<Observatory>(plan, 'Observatory');
        expect(observatory).toMatchObject({ act: { kind: 'L.R.', number: '31/2005' }, memberCount: { value: '5' } });
        expect(observatory.members.map(m => [m.role, m.count?.value])).toEqual([["Capo dell'Osservatorio economico e sociale", '1'], ['Analista', undefined]]);
    });

    test('near miss: members before the braces without a count', async () => {
        expect(await errorsOf(`piano "X" osservatorio "O" componenti { }`)).not.toEqual([]);
    });
});

describe('money: reprogramming and item groups', () => {
    test('reprogramming: moves between lines, items and sources, and the approving act', async () => {
        const plan = await parse(`piano "X"
fonte B "Allegato B"
fonte C "Allegato C"
riprogrammazione "Rimodulazione 2021" approvata con PD 1234/2021 del 01/06/2021 {
    testo "Le economie sono spostate sui sistemi informativi."
    sposta € 20.000,00 dalla linea 3.4 voce "Ammodernamento degli uffici" alla linea 3.5
    sposta € 5.000,00 dalla linea 3.6 su B alla linea 3.6 su C
    sposta € 1.000,00 dalla linea "Azioni di politica attiva" alla fonte B
}`);
        const reprogramming = first<Reprogramming>(plan, 'Reprogramming');
        expect(reprogramming.act).toMatchObject({ kind: 'PD', number: '1234/2021', date: '01/06/2021' });
        const [first_, second, third] = reprogramming.moves;
        expect(first_).toMatchObject({ amount: { value: '20.000,00' }, from: { lineCode: '3.4', item: 'Ammodernamento degli uffici' }, to: { lineCode: '3.5' } });
        expect([second.from.source?.ref?.name, second.to.source?.ref?.name]).toEqual(['B', 'C']);
        expect(third.from.lineTitle).toBe('Azioni di politica attiva');
        expect(third.to.source?.ref?.name).toBe('B');
    });

    test('near miss: a move without its destination', async () => {
        expect(await errorsOf(`piano "X" riprogrammazione { sposta € 1,00 dalla linea 3.4 linea 3.5 }`)).not.toEqual([]);
    });

    test('an item group with its declared subtotal', async () => {
        const plan = await parse(`piano "X"
fonte B "Allegato B"
linea 3.4 "Adeguamento" {
    voce "Immobili" € 630.000,00 su B
    gruppo "Adeguamento degli uffici e degli strumenti" € 150.000,00 {
        voce "Ammodernamento degli uffici" € 70.000,00 su B
        voce "Apparati informatici" € 80.000,00 su B nota "di cui telecomunicazioni"
    }
    totale € 780.000,00
}`);
        const line = first<InterventionLine>(plan, 'InterventionLine');
        expect(line.items.map(i => i.title)).toEqual(['Immobili']);
        expect(line.groups[0].subtotal.value).toBe('150.000,00');
        expect(line.groups[0].items.map(i => [i.title, i.amount.value, i.note])).toEqual([
            ['Ammodernamento degli uffici', '70.000,00', undefined], ['Apparati informatici', '80.000,00', 'di cui telecomunicazioni']
        ]);
    });

    test('near miss: a group without its subtotal', async () => {
        expect(await errorsOf(`piano "X" linea 3.4 "A" { gruppo "G" { voce "V" € 1,00 } }`)).not.toEqual([]);
    });
});

describe('figures the text states', () => {
    test('facts and percentage statistics', async () => {
        const plan = await parse(`piano "X"
cpi aosta "CPI di Aosta"
dato "utenti definiti pronti all'incrocio" 3.513 nel 2019
dato "potenziali beneficiari di AdR coinvolti" oltre 7.500
dato "residenti serviti" 78.001 per aosta nota "Comuni della Valle Centrale"
dato "risorse assegnate" € 13.440.000,00
percentuali "Utenti dei CPI per classe di età – anno 2019" fonte "elaborazione dati SILVDA – anno 2019" {
    "25-34" 28%
    "35-44" 22%
    "meno di 18" 1% nota "trattati dall'orientamento specialistico"
}`);
        const facts = plan.elements.filter(e => e.$type === 'Fact') as Fact[];
        expect(facts[0]).toMatchObject({ value: { value: '3.513' }, when: { preposition: 'nel', year: '2019' } });
        expect(facts[1]).toMatchObject({ bound: 'oltre', value: { value: '7.500' } });
        expect(facts[2]).toMatchObject({ note: 'Comuni della Valle Centrale' });
        expect(facts[2].office?.ref?.name).toBe('aosta');
        expect(facts[3].amount?.value).toBe('13.440.000,00');
        const shares = first<PercentageTable>(plan, 'PercentageTable');
        expect(shares.source).toBe('elaborazione dati SILVDA – anno 2019');
        expect(shares.rows.map(r => [r.label, r.share.value, r.note])).toEqual([
            ['25-34', '28', undefined], ['35-44', '22', undefined], ['meno di 18', '1', "trattati dall'orientamento specialistico"]
        ]);
    });

    test('near miss: a percentage row without its percent sign', async () => {
        expect(await errorsOf(`piano "X" percentuali "P" { "25-34" 28 }`)).not.toEqual([]);
    });

    test('municipalities per CPI, staff by function, staffing needs', async () => {
        const plan = await parse(`piano "X"
cpi morgex "CPI di Morgex"
cpi aosta "CPI di Aosta"
profilo istruttore "Istruttore tecnico" categoria D
comuni di morgex { "La Thuile", "Courmayeur", "La Salle", "Pré-Saint-Didier", "Morgex" }
funzioni di aosta al 17/11/2020 "Personale per funzione" {
    D 19 {
        3 "servizi alle imprese e incrocio domanda e offerta"
        2 "orientamento specialistico"
    }
    C1 1 "accoglienza e orientamento di base"
}
fabbisogno per ogni cpi "Funzionari di Cat. D" {
    D 1 "esperto per gli Sportelli del lavoro autonomo"
    D istruttore 1 "funzionario tecnico informatico"
}
fabbisogno di morgex, aosta { C 2 }`);
        const towns = first<Municipalities>(plan, 'Municipalities');
        expect(towns.office.ref?.name).toBe('morgex');
        expect(towns.names).toEqual(['La Thuile', 'Courmayeur', 'La Salle', 'Pré-Saint-Didier', 'Morgex']);
        const functions = first<StaffByFunction>(plan, 'StaffByFunction');
        expect(functions.groups.map(g => [g.category, g.count.value, g.function])).toEqual([['D', '19', undefined], ['C1', '1', 'accoglienza e orientamento di base']]);
        expect(functions.groups[0].rows.map(r => [r.count.value, r.function])).toEqual([['3', 'servizi alle imprese e incrocio domanda e offerta'], ['2', 'orientamento specialistico']]);
        const needs = plan.elements.filter(e => e.$type === 'StaffingNeeds') as StaffingNeeds[];
        expect(needs[0].each).toBe(true);
        expect(needs[0].rows.map(r => [r.category, r.profile?.ref?.name, r.count.value])).toEqual([['D', undefined, '1'], ['D', 'istruttore', '1']]);
        expect(needs[1].offices.map(o => o.ref?.name)).toEqual(['morgex', 'aosta']);
    });

    test('near miss: municipalities of no office', async () => {
        expect(await errorsOf(`piano "X" comuni { "Aosta" }`)).not.toEqual([]);
    });

    test('areas hold results with targets and prose; activities may stand without braces', async () => {
        const plan = await parse(`piano "X"
ambito potenziamento_cpi "il potenziamento e la riorganizzazione dei CPI (ob. spec. 4.5)" {
    testo "Attività previste e risultati attesi."
    attività "Realizzazione/Aggiornamento della Analisi organizzativa"
    risultato "n°1 Piano Regionale di rafforzamento aggiornato" obiettivo 1
    risultato "Trasferire metodologie al 100% degli operatori dei 43 CPI" obiettivo 100%
}`);
        const area = first<Area>(plan, 'Area');
        expect(area.activities[0].title).toBe('Realizzazione/Aggiornamento della Analisi organizzativa');
        expect(area.results.map(r => [r.target?.value, r.target?.percent])).toEqual([['1', false], ['100', true]]);
        expect(area.prose).toHaveLength(1);
    });
});

describe('the rule set lists the outline', () => {
    test('sections of the outline, required or not', async () => {
        const checked = await check(`regole "Prova" {
    sezione 1.4 "I sistemi informativi" obbligatoria
    sezione 3.1 "Comunicazione coordinata"
}`);
        expect(checked.document.parseResult.parserErrors).toEqual([]);
        const rules = checked.document.parseResult.value as RuleSet;
        expect(rules.sections.map(s => [s.code, s.required])).toEqual([['1.4', true], ['3.1', false]]);
    });

    test('the shipped rule set lists the sections of Allegato A and marks governance and reprogramming required', async () => {
        const text = fs.readFileSync(path.join(rulesDir, 'dm74-2019.cpiplan'), 'utf8');
        const checked = await check(text);
        const rules = checked.document.parseResult.value as RuleSet;
        const required = rules.sections.filter(s => s.required).map(s => s.code);
        expect(required).toEqual(expect.arrayContaining(['1.1', '1.4', '1.5', '2.1', '2.2', '4', '5']));
    });
});

describe('the real plans', () => {
    test.each(['marche-2020.cpiplan', 'valle-d-aosta-2020.cpiplan', 'puglia-2020.cpiplan'])('%s parses with no lexer or parser error', async name => {
        const text = fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
        expect(await errorsOf(text)).toEqual([]);
    });

    test('Marche with its whole outline keeps exactly its five verdicts at the same places', async () => {
        const whole = fs.readFileSync(path.join(repoRoot, 'examples', 'marche-2020.cpiplan'), 'utf8');
        expect(await errorsOf(whole)).toEqual([]);
        const checked = await check(whole);
        expect(checked.diagnostics.filter(d => d.severity === 1).map(d => `${d.code} ${d.range.start.line + 1}`).sort()).toEqual([
            'missing-declaration 460', 'missing-declaration 481', 'missing-declaration 6', 'over-allocated 444', 'total-mismatch 493'
        ]);
        const plan = checked.document.parseResult.value as Plan;
        const sections = plan.elements.filter(e => e.$type === 'Section') as Section[];
        expect(sections.map(s => s.code)).toEqual(['1', '2', '3']);
    });

    test("Valle d'Aosta holds the whole outline, 1 to 5, and the Ministry's review with its three requests answered", async () => {
        const text = fs.readFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), 'utf8');
        const plan = (await check(text)).document.parseResult.value as Plan;
        const sections = plan.elements.filter(e => e.$type === 'Section') as Section[];
        expect(sections.map(s => s.code ?? s.title)).toEqual(['Provvedimento dirigenziale n. 6226 del 17/11/2020', '1', '2', '3', '4', '5']);
        const review = sections[0].elements.find(e => e.$type === 'Review') as Review;
        expect(review.requests.map(r => r.answers.length)).toEqual([2, 2, 2]);
        expect(sections[1].elements.filter(e => e.$type === 'Section').map(s => (s as Section).code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    });

    test('the snippets of the new constructs expand to text that parses', async () => {
        const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'language', 'snippets.json'), 'utf8')) as Record<string, { body: string[] }>;
        const wrap: Record<string, (body: string) => string> = {
            List: body => `sezione 1 "S" {\n${body}\n}`,
            'Item group': body => `linea 3.4 "L" {\n${body}\n}`
        };
        const names = ['Section', 'List', 'Act by protocol number', 'Review', 'Objectives of a line', 'Timeline', 'Governance', 'Information system',
            'Observatory', 'Reprogramming', 'Percentages', 'Fact', 'Item group', 'Municipalities', 'Staff by function', 'Staffing needs'];
        for (const name of names) {
            expect(snippets[name], name).toBeDefined();
            const body = snippets[name].body.join('\n')
                .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
                .replace(/\$\{\d+:((?:[^{}]|\{[^}]*\})*)\}/g, '$1');
            const text = `piano "X"\nfonte B "B"\ncpi aosta "CPI di Aosta"\n${(wrap[name] ?? (b => b))(body)}`;
            expect(await errorsOf(text), `${name}:\n${text}`).toEqual([]);
        }
    });
});
