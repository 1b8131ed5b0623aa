/** The plan's tables: figures as the seeds print them, golden files per format, XLSX and CSV read back. */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { formatCell, renderCapCharts, renderCsv, renderHtml, renderJson, renderMarkdown } from '../../src/generator/render.js';
import { columnLetter, renderXlsx } from '../../src/generator/render-xlsx.js';
import type { Table } from '../../src/generator/table-model.js';
import { check, example } from '../helpers.js';

async function tablesOf(name: string) {
    return buildTables((await check(example(name))).evaluation());
}

const texts = (table: Table, role: string) => table.rows.filter(r => r.role === role).map(r => r.cells.map(formatCell));

describe('quadro finanziario', () => {
    test("reproduces Valle d'Aosta's table 2.2 figure by figure", async () => {
        const finance = (await tablesOf('valle-d-aosta-2020.cpiplan')).tables.find(t => t.group === 'finance')!;
        // As printed in the seed: line, programmed, Allegato B, Allegato C, and the cap notes.
        expect(texts(finance, 'subtotal').filter(r => r[0].startsWith('Totale')).map(r => r.slice(1, 4))).toEqual([
            ['€ 24.600,00', '€ 24.600,00', '€ 0,00'],
            ['€ 82.000,00', '€ 82.000,00', '€ 0,00'],
            ['€ 30.000,00', '€ 30.000,00', '€ 0,00'],
            ['€ 780.000,00', '€ 780.000,00', '€ 0,00'],
            ['€ 500.000,00', '€ 500.000,00', '€ 0,00'],
            ['€ 279.000,02', '€ 158.050,18', '€ 120.949,84'],
            ['€ 85.590,16', '€ 65.600,00', '€ 19.990,16']
        ]);
        expect(texts(finance, 'total')[0].slice(0, 4)).toEqual(['Totale generale', '€ 1.781.190,18', '€ 1.640.250,18', '€ 140.940,00']);
        expect(texts(finance, 'heading').map(r => r.at(-1))).toEqual([
            'Max 1,5% del totale assegnato (€ 24.603,75)', 'Max 5% del totale assegnato (€ 82.012,51)',
            'Max 2% del totale assegnato (€ 32.805,00)', '', '', '', 'Max 4% del totale assegnato (€ 65.610,01)'
        ]);
    });

    test("Valle d'Aosta 3.4: the group's subtotal after its items, per source, inside the line total", async () => {
        const finance = (await tablesOf('valle-d-aosta-2020.cpiplan')).tables.find(t => t.group === 'finance')!;
        const rows = finance.rows.map(r => [r.role, ...r.cells.map(formatCell).slice(0, 4)]);
        const at = rows.findIndex(r => r[1] === 'Ristrutturazione e ampliamento delle sedi (immobili)');
        expect(rows.slice(at, at + 5)).toEqual([
            ['item', 'Ristrutturazione e ampliamento delle sedi (immobili)', '€ 630.000,00', '€ 630.000,00', ''],
            ['item', 'Ammodernamento degli uffici', '€ 70.000,00', '€ 70.000,00', ''],
            ['item', 'Ammodernamento degli apparati informatici e di telecomunicazione', '€ 80.000,00', '€ 80.000,00', ''],
            ['subtotal', 'Subtotale Adeguamento degli uffici e ammodernamento degli strumenti in dotazione agli operatori dei CPI', '€ 150.000,00', '€ 150.000,00', '€ 0,00'],
            ['subtotal', 'Totale Linea 3.4', '€ 780.000,00', '€ 780.000,00', '€ 0,00']
        ]);
        expect(finance.rows[at + 3].declared).toBeUndefined();
        expect(finance.rows[at + 4].sumOf).toEqual([{ row: at, sign: 1 }, { row: at + 3, sign: 1 }]);
    });

    test('a group whose declared subtotal differs shows it next to the computed one, in every text format', async () => {
        const text = example('valle-d-aosta-2020.cpiplan').replace('dei CPI" € 150.000,00 {', 'dei CPI" € 140.000,00 {');
        const tables = buildTables((await check(text)).evaluation(), ['finance']);
        const group = tables.tables[0].rows.find(r => formatCell(r.cells[0]).startsWith('Subtotale'))!;
        expect(group.declared && [...group.declared]).toEqual([[1, { kind: 'money', cents: 14000000n }]]);
        expect(renderMarkdown(tables)).toContain('**€ 150.000,00 (dichiarato € 140.000,00)**');
        expect(renderHtml(tables)).toContain('<td class="num mismatch">€ 150.000,00<span class="declared">dichiarato € 140.000,00</span></td>');
        expect(renderCsv(tables)).toContain('Risorse programmate: dichiarato € 140.000,00, calcolato € 150.000,00');
        expect(renderJson(tables)).toContain('"declared": {');
    });

    test("reproduces Marche's table 2.2, the computed grand total next to the declared one", async () => {
        const finance = (await tablesOf('marche-2020.cpiplan')).tables.find(t => t.group === 'finance')!;
        expect(texts(finance, 'subtotal').map(r => [r[0], r[1]])).toEqual([
            ['Totale Linea 3.1', '€ 200.000,00'], ['Totale Linea 3.2', '€ 670.000,00'], ['Totale Linea 3.3', '€ 270.000,00'],
            ['Totale Linea 3.4', '€ 12.038.000,00'], ['Totale Linea 3.5', '€ 2.000.000,00'], ['Totale Linea 3.6', '€ 347.104,60']
        ]);
        expect(texts(finance, 'heading').map(r => r.at(-1))).toEqual([
            'Max 1,5% del totale assegnato (€ 202.876,57)', 'Max 5% del totale assegnato (€ 676.255,23)',
            'Max 2% del totale assegnato (€ 270.502,09)', '', '', 'Max 4% del totale assegnato (€ 541.004,18)'
        ]);
        const total = finance.rows.find(r => r.role === 'total')!;
        expect(formatCell(total.cells[1])).toBe('€ 15.525.104,60');
        expect(formatCell(total.declared!.get(1)!)).toBe('€ 13.525.104,60');
        expect(renderMarkdown({ plan: 'M', tables: [finance] })).toContain('**€ 15.525.104,60 (dichiarato € 13.525.104,60)**');
    });
});

describe('staff and statistics', () => {
    test("Marche Tab. 1: office totals as printed", async () => {
        const staff = (await tablesOf('marche-2020.cpiplan')).tables.find(t => t.id === 'personale-1')!;
        expect(staff.columns.map(c => c.header)).toEqual(['Struttura', 'Profilo', 'B', 'C', 'D', 'Totale']);
        expect(texts(staff, 'subtotal').map(r => [r[0], ...r.slice(2)])).toEqual([
            ['CPI ANCONA Totale', '5', '16', '8', '29'], ['CPI ASCOLI PICENO Totale', '6', '11', '13', '30'],
            ['CPI CIVITANOVA MARCHE Totale', '5', '10', '6', '21'], ['CPI FABRIANO Totale', '1', '7', '5', '13'],
            ['CPI FANO Totale', '6', '19', '6', '31'], ['CPI FERMO Totale', '3', '11', '8', '22'],
            ['CPI JESI Totale', '8', '5', '12', '25'], ['CPI MACERATA Totale', '6', '9', '7', '22'],
            ['CPI PESARO Totale', '5', '28', '7', '40'], ['CPI SAN BENEDETTO DEL TRONTO Totale', '2', '11', '8', '21'],
            ['CPI SENIGALLIA Totale', '7', '4', '14', '25'], ['CPI TOLENTINO Totale', '2', '8', '5', '15'],
            ['CPI URBINO Totale', '3', '12', '7', '22'], ['SR COORDINAMENTO Totale', '1', '5', '16', '22']
        ]);
        expect(texts(staff, 'total')[0]).toEqual(['Totale complessivo', '', '60', '156', '122', '338']);
    });

    test('Marche Tab. 3: the net change of +16', async () => {
        const movements = (await tablesOf('marche-2020.cpiplan')).tables.find(t => t.id === 'movimenti-1')!;
        expect(texts(movements, 'total')[0]).toEqual(['Saldo', '', '16']);
    });

    test('Marche Tab. 5–8: the declared totals', async () => {
        const stats = (await tablesOf('marche-2020.cpiplan')).tables.filter(t => t.group === 'stats');
        expect(stats.map(t => texts(t, 'total')[0].at(-1))).toEqual(['204.599', '71.067', '71.067', '71.067']);
        expect(stats.every(t => t.rows.every(r => !r.declared))).toBe(true);
    });
});

describe('golden files', () => {
    for (const name of ['marche-2020', 'valle-d-aosta-2020', 'puglia-2020']) {
        test(`${name}: Markdown, HTML, CSV and JSON`, async () => {
            const tables = await tablesOf(`${name}.cpiplan`);
            await expect(renderMarkdown(tables)).toMatchFileSnapshot(`golden/${name}.md`);
            await expect(renderHtml(tables)).toMatchFileSnapshot(`golden/${name}.html`);
            await expect(renderCsv(tables)).toMatchFileSnapshot(`golden/${name}.csv`);
            await expect(renderJson(tables)).toMatchFileSnapshot(`golden/${name}.json`);
        });
    }
});

describe('formats', () => {
    test('XLSX: one sheet per table, amounts as numbers with a euro format, totals as SUM formulas, frozen header', async () => {
        const tables = await tablesOf('valle-d-aosta-2020.cpiplan');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(tables) as never);
        expect(workbook.worksheets).toHaveLength(tables.tables.length);
        expect(workbook.worksheets[0].name).toBe('Linee di intervento e quadro');
        expect(new Set(workbook.worksheets.map(s => s.name.toLowerCase())).size).toBe(tables.tables.length);
        const finance = workbook.worksheets[0];
        expect(finance.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
        expect(finance.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
        expect(finance.getRow(1).getCell(1).value).toBe('Linee di intervento e quadro finanziario');
        expect(finance.getRow(2).getCell(1).value).toBe('Linea di intervento');
        const item = finance.getRow(4);
        expect(item.getCell(2).value).toBe(24600);
        expect(item.getCell(2).numFmt).toBe('[$€-410] #,##0.00');
        const lineTotal = finance.getRow(5);
        expect(lineTotal.getCell(2).value).toEqual({ formula: 'SUM(B4)', result: 24600 });
        const grand = finance.getRows(1, finance.rowCount)!.find(r => r.getCell(1).value === 'Totale generale')!;
        // Line 3.4 adds up its item outside the group and the group's subtotal (row 16), which adds up the group's two items.
        expect((grand.getCell(2).value as { formula: string }).formula).toBe('SUM(B5,B8,B11,B17,B21,B24,B27)');
        expect((finance.getRow(17).getCell(2).value as { formula: string }).formula).toBe('SUM(B13,B16)');
        expect(finance.getRow(16).getCell(2).value).toEqual({ formula: 'SUM(B14:B15)', result: 150000 });
        expect((grand.getCell(3).value as { result: number }).result).toBe(1640250.18);
    });

    test('the over-allocation is highlighted in every format: the Allegato B total against what was assigned', async () => {
        const marche = await tablesOf('marche-2020.cpiplan');
        const total = marche.tables[0].rows.find(r => r.cells[0].kind === 'text' && r.cells[0].text === 'Totale generale');
        expect(total?.exceeds && [...total.exceeds]).toEqual([[2, { kind: 'money', cents: 1352510460n }]]);
        expect(renderMarkdown(marche)).toContain("**€ 15.525.104,60 (oltre l'assegnato di € 13.525.104,60)**");
        expect(renderHtml(marche)).toMatch(/<td class="num over">€ 15\.525\.104,60<span class="declared">oltre l'assegnato di € 13\.525\.104,60<\/span><\/td>/);
        expect(renderCsv(marche)).toContain("A valere su Allegato B d.m. 74/2019: € 15.525.104,60 oltre l'assegnato di € 13.525.104,60");
        expect(renderJson(marche)).toContain('"exceeds": {');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(marche) as never);
        const sheet = workbook.worksheets[0];
        const row = sheet.getRows(1, sheet.rowCount)?.find(r => r.getCell(1).value === 'Totale generale');
        expect(row?.getCell(3).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFBD3CF' } });
        expect(String(row?.getCell(5).value)).toContain("oltre l'assegnato di € 13.525.104,60");
        const valle = await tablesOf('valle-d-aosta-2020.cpiplan');
        expect(valle.tables[0].rows.some(r => r.exceeds)).toBe(false);
        expect(renderMarkdown(valle)).not.toContain("oltre l'assegnato");
    });

    test('XLSX: movements net change is entries minus exits', async () => {
        const tables = buildTables((await check(example('marche-2020.cpiplan'))).evaluation(), ['staff']);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(tables) as never);
        const sheet = workbook.worksheets.find(s => s.name.startsWith('Tab. 3'))!;
        const net = sheet.getRow(11).getCell(3).value;
        // Rows 3–10 are the movements (title and header above): entries at 3 and 9, exits at 5–8 and 10; the progression at 4 does not count.
        expect(net).toEqual({ formula: 'SUM(C3,C9)-SUM(C5:C8,C10)', result: 16 });
    });

    test('CSV: BOM, semicolons, decimal comma; parses back', async () => {
        const csv = renderCsv(await tablesOf('valle-d-aosta-2020.cpiplan'));
        expect(csv.startsWith('\ufeff')).toBe(true);
        const records: string[][] = parseCsv(csv.slice(1), { delimiter: ';', relax_column_count: true, skip_empty_lines: true });
        expect(records[0]).toEqual(['Linee di intervento e quadro finanziario']);
        expect(records[1][0]).toBe('Linea di intervento');
        const grand = records.find(r => r[0] === 'Totale generale')!;
        expect(grand.slice(1, 4)).toEqual(['1781190,18', '1640250,18', '140940,00']);
    });

    test('HTML: plan text is escaped', () => {
        const html = renderHtml({ plan: '<script>alert(1)</script>', tables: [{
            id: 'x', group: 'finance', title: 'A & B', columns: [{ header: '<b>', kind: 'text' }],
            rows: [{ role: 'item', cells: [{ kind: 'text', text: '"><img src=x onerror=alert(1)>' }] }]
        }] });
        expect(html).not.toContain('<script>alert');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('<h2>A &amp; B</h2>');
    });

    test('column letters', () => {
        expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    });

    test('cap charts scale to the larger of charge and cap, so a charge over its cap draws past the cap line', () => {
        const svg = renderCapCharts([{ source: 'Allegato B', bars: [{ line: '3.1', charged: 20000n, cap: 10000n }, { line: '3.2', charged: 5000n, cap: 10000n }] }]);
        const widths = [...svg.matchAll(/<rect x="60" y="\d+" width="(\d+)"/g)].map(m => Number(m[1]));
        const caps = [...svg.matchAll(/<line x1="(\d+)"/g)].map(m => Number(m[1]) - 60);
        expect(widths).toEqual([360, 90]);
        expect(caps).toEqual([180, 180]);
        expect(svg).toContain('class="over"');
    });
});
