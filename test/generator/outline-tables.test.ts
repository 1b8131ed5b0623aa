/** Tables of the outline: objectives and results per line, timeline, governance, information systems, observatory, municipalities, staff by function, staffing needs, reprogramming. */
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { formatCell, renderCsv, renderHtml, renderJson, renderMarkdown } from '../../src/generator/render.js';
import type { Table } from '../../src/generator/table-model.js';
import { check, example, header } from '../helpers.js';

async function tablesOf(text: string) {
    return buildTables((await check(text)).evaluation());
}

const rows = (table: Table | undefined) => table?.rows.map(r => [r.role, ...r.cells.map(formatCell)]);

describe('outline tables', () => {
    test('objectives and results per line, with targets and times', async () => {
        const tables = await tablesOf(`${header}linea 3.1 "Comunicazione" { voce "Piano" € 10,00 su B }
obiettivi linea 3.1 "I risultati" {
    obiettivo "conoscenza dei servizi" per "cittadini" { indicatore "contatti" obiettivo almeno 3.000 }
    risultato "piano di comunicazione" obiettivo 1 tempi nel triennio 2020-2022
}`);
        expect(rows(tables.tables.find(t => t.group === 'objectives'))).toEqual([
            ['heading', 'Linea 3.1 – I risultati', '', '', '', ''],
            ['item', 'Obiettivo', 'conoscenza dei servizi', 'cittadini', '', ''],
            ['item', 'Indicatore', 'contatti', '', 'almeno 3.000', ''],
            ['item', 'Risultato', 'piano di comunicazione', '', '1', 'nel triennio 2020-2022']
        ]);
    });

    test('timeline, governance and information systems', async () => {
        const tables = await tablesOf(`${header}assunzioni "Fabbisogno" { anno 2020 D 1 }
cronoprogramma { fase "Assunzioni 2020" da marzo 2020 assunzioni "Fabbisogno" fase "Comunicazione" dal 01/03/2020 al 31/12/2020 linea 3.1 nota "n" }
governance { soggetto "ANPAL" ruolo "LEP" affidamenti secondo "D.lgs." 50/2016 "Codice" }
sistema "SIL" { modulo "Job Agency" tipo "back office" servizio "SAP" { accesso "credenziali" interoperabilità con "ANPAL" tramite "Nodo" continua "flusso" } }`);
        const group = (g: string) => rows(tables.tables.find(t => t.group === g));
        expect(group('timeline')).toEqual([
            ['item', 'Assunzioni 2020', 'da marzo 2020', 'Assunzioni "Fabbisogno"', ''],
            ['item', 'Comunicazione', 'dal 01/03/2020 al 31/12/2020', 'Linea 3.1', 'n']
        ]);
        expect(group('governance')).toEqual([['item', 'ANPAL', 'LEP'], ['item', 'Affidamenti', 'secondo D.lgs. 50/2016 – Codice']]);
        expect(group('systems')).toEqual([
            ['heading', 'SIL', '', '', ''],
            ['item', '', 'Modulo', 'Job Agency', 'back office'],
            ['item', 'SAP', 'Accesso', '', 'credenziali'],
            ['item', 'SAP', 'Interoperabilità', 'con ANPAL tramite Nodo continua', 'flusso']
        ]);
    });

    test('reprogramming: the moves, and every line before and after them, in every text format', async () => {
        const tables = await tablesOf(`${header}linea 3.1 "Comunicazione" { voce "Piano" € 20.000,00 su B }
linea 3.6 "Spese generali" { voce "Assistenza" € 10.000,00 su B € 5.000,00, C € 5.000,00 }
riprogrammazione "Rimodulazione" approvata con PD 1234/2021 del 01/06/2021 {
    sposta € 4.000,00 dalla linea 3.6 su B alla linea 3.1
    sposta € 1.000,00 dalla linea 3.6 su C alla linea 3.6 su B
}`);
        const [moves, after] = tables.tables.filter(t => t.group === 'reprogramming');
        expect(rows(moves)).toEqual([
            ['heading', 'Rimodulazione – approvata con PD 1234/2021 del 01/06/2021', '', ''],
            ['item', '3.6 su B', '3.1', '€ 4.000,00'],
            ['item', '3.6 su C', '3.6 su B', '€ 1.000,00']
        ]);
        expect(rows(after)).toEqual([
            ['item', '3.1 - Comunicazione', '€ 20.000,00', '€ 4.000,00', '€ 24.000,00', '€ 24.000,00', '€ 0,00'],
            ['item', '3.6 - Spese generali', '€ 10.000,00', '-€ 4.000,00', '€ 6.000,00', '€ 2.000,00', '€ 4.000,00'],
            ['total', 'Programmato per fonte', '', '', '', '€ 26.000,00', '€ 4.000,00']
        ]);
        expect(renderMarkdown({ plan: 'T', tables: [moves, after] })).toContain('## Quadro finanziario dopo la riprogrammazione');
        expect(renderCsv({ plan: 'T', tables: [moves] })).toContain('3.6 su B');
    });

    test('a plan without these constructs has none of these tables (Puglia)', async () => {
        const tables = await tablesOf(example('puglia-2020.cpiplan'));
        expect(tables.tables.filter(t => ['objectives', 'timeline', 'governance', 'systems', 'reprogramming'].includes(t.group))).toEqual([]);
    });

    test("Valle d'Aosta: governance actors and the SIL VDA's nine services", async () => {
        const tables = await tablesOf(example('valle-d-aosta-2020.cpiplan'));
        expect(tables.tables.find(t => t.group === 'governance')!.rows.map(r => formatCell(r.cells[0]))).toEqual([
            'Ministero del Lavoro', 'ANPAL', 'ANPAL SERVIZI', "Regione Valle d'Aosta – Dipartimento politiche del lavoro e della formazione", 'Soggetti Attuatori', 'Affidamenti'
        ]);
        const services = new Set(tables.tables.find(t => t.group === 'systems')!.rows.filter(r => r.role === 'item').map(r => formatCell(r.cells[0])).filter(s => s !== ''));
        expect(services.size).toBe(9);
    });

    test("Valle d'Aosta: the observatory with its act and members, the municipalities of each CPI", async () => {
        const tables = await tablesOf(example('valle-d-aosta-2020.cpiplan'));
        expect(rows(tables.tables.find(t => t.group === 'observatory'))).toEqual([
            ['heading', 'Osservatorio economico e sociale (OES)', 'L.R. 31/2005 del 05/12/2005', '5'],
            ['item', "Capo dell'Osservatorio economico e sociale", '', '1'],
            ['subtotal', 'Componenti elencati', '', '1']
        ]);
        expect(rows(tables.tables.find(t => t.group === 'municipalities'))?.map(r => [r[0], r[1], r[3]])).toEqual([
            ['item', 'CPI di Aosta', '35'], ['item', 'CPI di Morgex', '5'], ['item', 'CPI di Verrès', '34'], ['total', 'Totale', '74']
        ]);
    });

    test("Valle d'Aosta: the municipalities' total row (74) in every format, a SUM in the spreadsheet", async () => {
        const evaluation = (await check(example('valle-d-aosta-2020.cpiplan'))).evaluation();
        expect(evaluation.municipalitiesTotal).toBe(74);
        const one = buildTables(evaluation, ['municipalities']);
        expect(one.tables).toHaveLength(1);
        expect(one.tables[0].rows.at(-1)?.sumOf?.map(s => s.row)).toEqual([0, 1, 2]);
        expect(renderMarkdown(one)).toContain('| **Totale** |  | **74** |');
        expect(renderCsv(one)).toMatch(/\nTotale;;74\r?\n/);
        expect(renderHtml(one)).toMatch(/<tr class="total"><td>Totale<\/td><td><\/td><td class="num">74<\/td><\/tr>/);
        expect(JSON.parse(renderJson(one)).tables[0].rows.at(-1)).toMatchObject({ role: 'total', cells: ['Totale', null, 74] });
        const { renderXlsx } = await import('../../src/generator/render-xlsx.js');
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(one) as never);
        // Title and header in rows 1–2, the three CPI in rows 3–5, the total in row 6.
        expect(workbook.worksheets[0].getRow(6).getCell(3).value).toEqual({ formula: 'SUM(C3:C5)', result: 74 });
    });

    test("Valle d'Aosta: staff by function, each category's rows and heads, the office's total as section 1.2 gives it (27 and 10)", async () => {
        const tables = (await tablesOf(example('valle-d-aosta-2020.cpiplan'))).tables.filter(t => t.group === 'functions');
        expect(tables.map(t => t.title)).toEqual(['Personale del CPI di Aosta per funzione', 'Personale del CPI di Verrès per funzione']);
        expect(rows(tables[1])).toEqual([
            ['item', 'D', 'responsabile del CPI', '1'],
            ['item', '', 'servizi alle imprese e incontro domanda e offerta', '1'],
            ['item', '', 'orientamento specialistico', '1'],
            ['subtotal', 'Totale D', '', '3'],
            ['item', 'C2', 'orientamento di base', '2'],
            ['item', '', 'back office: misure di condizionalità, sistemi informativi, chiamate pubbliche ex. art. 16 L. 56/87 ecc.', '3'],
            ['subtotal', 'Totale C2', '', '5'],
            ['item', 'B2', 'coadiutore e centralinista', '2'],
            ['total', 'Totale', '', '10']
        ]);
        expect(tables[1].rows.at(-1)?.sumOf?.map(s => s.row)).toEqual([3, 6, 7]);
        expect(rows(tables[0])?.at(-1)).toEqual(['total', 'Totale', '', '27']);
    });

    test('a category whose rows add up to another figure shows the written one next to the sum, in every format', async () => {
        const tables = await tablesOf(`${header}cpi aosta "CPI di Aosta"
funzioni di aosta { D 5 { 3 "imprese" 1 "orientamento" } C1 1 "accoglienza" }`);
        const functions = tables.tables.find(t => t.group === 'functions')!;
        expect(rows(functions)).toEqual([
            ['item', 'D', 'imprese', '3'], ['item', '', 'orientamento', '1'], ['subtotal', 'Totale D', '', '4'],
            ['item', 'C1', 'accoglienza', '1'], ['total', 'Totale', '', '6']
        ]);
        const one = { plan: 'T', tables: [functions] };
        expect(renderMarkdown(one)).toContain('| **Totale D** |  | **4 (dichiarato 5)** |');
        expect(renderHtml(one)).toContain('<td class="num mismatch">4<span class="declared">dichiarato 5</span></td>');
        expect(renderCsv(one)).toContain('Totale D;;4;Unità: dichiarato 5, calcolato 4');
        expect(JSON.parse(renderJson(one)).tables[0].rows[2].declared).toEqual({ 2: 5 });
    });

    test("Marche: the staffing needs per CPI, and for the plan's 13 CPI", async () => {
        const tables = await tablesOf(example('marche-2020.cpiplan'));
        const needs = tables.tables.find(t => t.group === 'needs');
        expect(needs?.title).toBe('Funzionari di Cat. D da reperire per ciascuna delle 13 sedi CPI');
        expect(rows(needs)?.map(r => [r[0], r[1], r[4]])).toEqual([
            ['heading', 'Per ciascuno dei 13 CPI', ''], ['item', 'D', '1'], ['item', 'D', '1'],
            ['subtotal', 'Per ufficio', '2'], ['total', 'Totale per 13 uffici', '26']
        ]);
    });

    test('staffing needs of named offices: per office and for all of them', async () => {
        const tables = await tablesOf(`${header}cpi aosta "CPI di Aosta"
cpi verres "CPI di Verrès"
profilo info "Funzionario informatico" categoria D
fabbisogno di aosta, verres { D info 1 "sistemi" C 2 }`);
        expect(rows(tables.tables.find(t => t.group === 'needs'))).toEqual([
            ['heading', 'Per CPI di Aosta, CPI di Verrès', '', '', ''],
            ['item', 'D', 'Funzionario informatico', 'sistemi', '1'],
            ['item', 'C', '', '', '2'],
            ['subtotal', 'Per ufficio', '', '', '3'],
            ['total', 'Totale per 2 uffici', '', '', '6']
        ]);
    });

    test("XLSX: staff by function adds up as a sheet: each category's rows, and the categories for the office", async () => {
        const { renderXlsx } = await import('../../src/generator/render-xlsx.js');
        const { default: ExcelJS } = await import('exceljs');
        const tables = buildTables((await check(example('valle-d-aosta-2020.cpiplan'))).evaluation(), ['functions']);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(tables) as never);
        const verres = workbook.worksheets[1];
        // Title and header in rows 1–2: D's rows 3–5 and total 6, C2's rows 7–8 and total 9, B2 at 10, the office's total at 11.
        expect(verres.getRow(6).getCell(3).value).toEqual({ formula: 'SUM(C3:C5)', result: 3 });
        expect(verres.getRow(11).getCell(3).value).toEqual({ formula: 'SUM(C6,C9:C10)', result: 10 });
    });

    test('--table selects each new group alone', async () => {
        const evaluation = (await check(example('valle-d-aosta-2020.cpiplan'))).evaluation();
        for (const group of ['functions', 'municipalities', 'observatory'] as const) {
            const selected = buildTables(evaluation, [group]).tables;
            expect(selected.length).toBeGreaterThan(0);
            expect(selected.every(t => t.group === group)).toBe(true);
        }
    });
});
