/** `cpiplan diff` against the moves a version declares: the next version consolidates them, and the diff must agree. */
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { diffPlans } from '../../src/language/model/diff.js';
import { movesAgainstDiff } from '../../src/language/model/diff-moves.js';
import { diffJson, diffTables } from '../../src/generator/diff-tables.js';
import { formatCell, renderCsv, renderHtml, renderMarkdown } from '../../src/generator/render.js';
import { renderXlsx } from '../../src/generator/render-xlsx.js';
import { check, header } from '../helpers.js';

const framework = (a: string, b: string, c: string) => `${header}
linea 3.1 "Comunicazione" { voce "Campagna" € ${a} su B }
linea 3.4 "Sedi" { voce "Immobili" € ${b} su B voce "Arredi" € 50.000,00 su B }
linea 3.6 "Spese generali" { voce "Assistenza tecnica" € ${c} su B }
`;
const moves = `riprogrammazione "Rimodulazione 2021" approvata con PD 1234/2021 del 01/06/2021 {
    sposta € 4.000,00 dalla linea 3.4 voce "Immobili" alla linea 3.1
    sposta € 1.000,00 dalla linea 3.4 alla linea 3.6
}`;
const declared = framework('20.000,00', '600.000,00', '60.000,00') + moves;

async function agreement(consolidated: string) {
    return movesAgainstDiff(diffPlans((await check(declared)).evaluation(), (await check(consolidated)).evaluation()));
}

describe('diff against declared moves', () => {
    test('the version that consolidates the moves differs by exactly them, line by line and per source', async () => {
        const result = await agreement(framework('24.000,00', '595.000,00', '61.000,00'));
        expect(result.map(a => [a.what, a.declared, a.found, a.agrees])).toEqual([
            [{ line: '3.1' }, 400000n, 400000n, true],
            [{ line: '3.4' }, -500000n, -500000n, true],
            [{ line: '3.6' }, 100000n, 100000n, true]
        ]);
    });

    test('a consolidation that moved a different amount disagrees, on the lines it got wrong', async () => {
        const result = await agreement(framework('24.000,00', '594.000,00', '62.000,00'));
        expect(result.filter(a => !a.agrees).map(a => [a.what, a.declared, a.found])).toEqual([
            [{ line: '3.4' }, -500000n, -600000n],
            [{ line: '3.6' }, 100000n, 200000n]
        ]);
    });

    test('a version that moves nothing has nothing to agree with', async () => {
        const plain = framework('20.000,00', '600.000,00', '60.000,00');
        expect(movesAgainstDiff(diffPlans((await check(plain)).evaluation(), (await check(plain)).evaluation()))).toEqual([]);
    });
});

describe('the diff shows whether it agrees with the declared moves', () => {
    const diffOf = async (consolidated: string) => diffPlans((await check(declared)).evaluation(), (await check(consolidated)).evaluation());
    const movesOf = (tables: ReturnType<typeof diffTables>) => tables.tables.find(t => t.id === 'spostamenti-dichiarati');

    test('a consolidation that agrees: each line with both changes, and the verdict', async () => {
        const table = movesOf(diffTables(await diffOf(framework('24.000,00', '595.000,00', '61.000,00'))));
        expect(table?.rows.map(r => [r.role, ...r.cells.map(formatCell)])).toEqual([
            ['item', 'Linea 3.1', '€ 4.000,00', '€ 4.000,00', 'concorda'],
            ['item', 'Linea 3.4', '-€ 5.000,00', '-€ 5.000,00', 'concorda'],
            ['item', 'Linea 3.6', '€ 1.000,00', '€ 1.000,00', 'concorda'],
            ['total', 'Esito', '', '', 'le differenze concordano con gli spostamenti dichiarati']
        ]);
        expect(table?.rows.some(r => r.declared)).toBe(false);
    });

    test('a disagreement is marked in every format: Markdown, HTML, CSV, XLSX and JSON', async () => {
        const diff = await diffOf(framework('24.000,00', '594.000,00', '62.000,00'));
        const tables = diffTables(diff);
        expect(movesOf(tables)?.rows.at(-1)?.cells.map(formatCell)).toEqual(['Esito', '', '', 'non concorda su 2 cifre']);
        expect(renderMarkdown(tables)).toContain('| Linea 3.4 | -€ 5.000,00 | -€ 6.000,00 (dichiarato -€ 5.000,00) | non concorda |');
        expect(renderHtml(tables)).toContain('<td class="num mismatch">-€ 6.000,00<span class="declared">dichiarato -€ 5.000,00</span></td>');
        expect(renderCsv(tables)).toContain('Linea 3.6;1000,00;2000,00;non concorda;Variazione trovata: dichiarato € 1.000,00, calcolato € 2.000,00');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(tables) as never);
        const sheet = workbook.worksheets.find(w => w.getRow(1).getCell(1).value === 'Spostamenti dichiarati nella versione precedente e differenze trovate')!;
        const row = sheet.getRows(1, sheet.rowCount)!.find(r => r.getCell(1).value === 'Linea 3.4')!;
        expect(row.getCell(3).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFDECEA' } });
        expect(String(row.getCell(5).value)).toContain('dichiarato -€ 5.000,00');
        const json = JSON.parse(diffJson(diff));
        expect(json.moves.agrees).toBe(false);
        expect(json.moves.figures.filter((f: { agrees: boolean }) => !f.agrees)).toEqual([
            { line: '3.4', declared: '-500000', found: '-600000', agrees: false },
            { line: '3.6', declared: '100000', found: '200000', agrees: false }
        ]);
    });

    test('a version that moves nothing: no such table, and moves null in JSON', async () => {
        const plain = framework('20.000,00', '600.000,00', '60.000,00');
        const diff = diffPlans((await check(plain)).evaluation(), (await check(plain.replace('€ 20.000,00', '€ 21.000,00'))).evaluation());
        expect(movesOf(diffTables(diff))).toBeUndefined();
        expect(JSON.parse(diffJson(diff)).moves).toBeNull();
    });
});
