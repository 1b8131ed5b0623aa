/**
 * `cpiplan import`: the financial tables of the three seeds, cut from the text as an analyst
 * copies them, give plans whose finance figures equal the examples'; the XLSX and CSV that
 * `cpiplan tables` writes come back with the same figures; nothing unrecognised is dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { renderCsv } from '../../src/generator/render.js';
import { renderXlsx } from '../../src/generator/render-xlsx.js';
import { amountOf, gridOfText, mergeEuroCells } from '../../src/import/grid.js';
import { gridOfCsv, importGrid, importText } from '../../src/import/import-plan.js';
import { gridOfXlsx } from '../../src/import/read-office.js';
import type { PlanEvaluation } from '../../src/language/model/figures.js';
import { check, example } from '../helpers.js';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

/** The finance figures of an evaluation: per line its total and per-source totals, its items; per source what is programmed. */
function finance(evaluation: PlanEvaluation, withItems = true) {
    return {
        lines: evaluation.lines.map(l => ({
            line: l.line.code ?? l.line.title,
            total: l.total,
            bySource: Object.fromEntries([...l.bySource].filter(([, v]) => v !== 0n).map(([s, v]) => [s.name, v])),
            ...withItems ? { items: l.items.map(i => [i.item.title, i.amount]) } : {}
        })),
        grandTotal: evaluation.grandTotal,
        programmed: Object.fromEntries(evaluation.sources.map(s => [s.source.name, s.programmed]))
    };
}

async function evaluationOf(text: string) {
    const checked = await check(text);
    // Langium marks lexing and parsing errors with these codes: the imported text must be valid cpiplan.
    expect(checked.diagnostics.filter(d => /lexing-error|parsing-error|linking-error/.test(String((d.data as { code?: string } | undefined)?.code ?? d.code)))).toEqual([]);
    return checked.evaluation();
}

describe('pasted text', () => {
    test('euro signs in their own cell or after the figure, bold markers, blank cells', () => {
        expect(mergeEuroCells(gridOfText('<b>Totale Linea 3.2</b>\t<b>€</b>\t<b>670.000,00</b>\t')[0] ?? []).map(c => c.text)).toEqual(['Totale Linea 3.2', '€ 670.000,00', '']);
        expect(amountOf('4.000.000,00 €')).toBe(400000000n);
        expect(amountOf('€ 1.640.250,18')).toBe(164025018n);
        expect(amountOf('24600,00')).toBe(2460000n);
        expect(amountOf('3.1')).toBeUndefined();
        expect(amountOf('2019')).toBeUndefined();
    });

    test('Marche 2.2 as copied: lines, items, declared totals and grand total equal the example (its wrong grand total included)', async () => {
        const imported = importText(fixture('marche-2.2.txt'), 'marche-2.2.txt', 'Marche');
        expect(imported.recognised).toEqual({ sources: 1, lines: 6, items: 18, totals: 7 });
        const mine = await evaluationOf(imported.text);
        expect(finance(mine)).toEqual(finance(await evaluationOf(example('marche-2020.cpiplan'))));
        // The cap notes stay as comments in their line; the declared grand total the items contradict is kept as declared.
        expect(imported.text).toContain('    // Max 1,5% del totale assegnato (€ 202.876,57)');
        expect(imported.text).toContain('totale € 13.525.104,60');
    });

    test("Valle d'Aosta 2.2 as copied: per line and per source the example's figures, the assignment of Allegato B from the sentence", async () => {
        const imported = importText(fixture('valle-d-aosta-2.2.txt'), 'vda.txt', "Valle d'Aosta");
        const mine = await evaluationOf(imported.text);
        const theirs = await evaluationOf(example('valle-d-aosta-2020.cpiplan'));
        expect(finance(mine, false)).toEqual(finance(theirs, false));
        expect(mine.sources.map(s => [s.source.name, s.assigned])).toEqual([['B', 164025018n], ['C', undefined]]);
        // The prose around the table is not dropped.
        expect(imported.text).toContain('// Qui di seguito si presenta la tabella relativa al quadro finanziario');
        expect(imported.keptAside).toBe(2);
    });

    test("Puglia: the source and its assignment from the text of the Convenzione, the sentence kept", async () => {
        const imported = importText(fixture('puglia-convenzione.txt'), 'puglia.txt', 'Puglia');
        const mine = await evaluationOf(imported.text);
        const theirs = await evaluationOf(example('puglia-2020.cpiplan'));
        expect(mine.sources.map(s => s.assigned)).toEqual(theirs.sources.map(s => s.assigned));
        expect(mine.sources.map(s => s.source.name)).toEqual(['convenzione']);
        expect(imported.text).toContain('// La Convenzione sottoscritta il 21 febbraio 2019');
    });
});

describe('round trip through cpiplan tables', () => {
    test.each(['valle-d-aosta-2020', 'marche-2020'])('%s: CSV and XLSX come back with the same figures and assignments', async name => {
        const theirs = await evaluationOf(example(`${name}.cpiplan`));
        const tables = buildTables(theirs);
        const fromCsv = importGrid(gridOfCsv(renderCsv(tables)), [], 'csv', name);
        const fromXlsx = importGrid(await gridOfXlsx(await renderXlsx(tables)), [], 'xlsx', name);
        for (const imported of [fromCsv, fromXlsx]) {
            const mine = await evaluationOf(imported.text);
            expect(finance(mine)).toEqual(finance(theirs));
            expect(mine.sources.map(s => [s.source.name, s.assigned])).toEqual(theirs.sources.map(s => [s.source.name, s.assigned]));
        }
        // The other tables of the CSV are kept aside as comments, not read as figures.
        expect(fromCsv.text).toContain('// Righe non riconosciute, tenute da parte:');
    });

    test("a subtotal row comes back as the group of the items above it that add up to it (Valle d'Aosta 3.4)", async () => {
        const tables = buildTables(await evaluationOf(example('valle-d-aosta-2020.cpiplan')), ['finance']);
        const imported = importGrid(gridOfCsv(renderCsv(tables)), [], 'csv', "Valle d'Aosta");
        expect(imported.text).toContain([
            '    voce "Ristrutturazione e ampliamento delle sedi (immobili)" € 630.000,00 su B',
            '    gruppo "Adeguamento degli uffici e ammodernamento degli strumenti in dotazione agli operatori dei CPI" € 150.000,00 {',
            '        voce "Ammodernamento degli uffici" € 70.000,00 su B',
            '        voce "Ammodernamento degli apparati informatici e di telecomunicazione" € 80.000,00 su B',
            '    }',
            '    totale € 780.000,00'
        ].join('\n'));
        const mine = await evaluationOf(imported.text);
        expect(mine.lines.find(l => l.line.code === '3.4')?.groups.map(g => [g.total, g.declared])).toEqual([[15000000n, 15000000n]]);
    });
});

describe('DOCX', () => {
    test("the plan document cpiplan writes, read back with mammoth: Valle d'Aosta's framework, its prose into the outline", async () => {
        const { buildDocument } = await import('../../src/generator/document/build-document.js');
        const { renderDocx } = await import('../../src/generator/document/render-docx.js');
        const { readDocx } = await import('../../src/import/read-office.js');
        const theirs = await evaluationOf(example('valle-d-aosta-2020.cpiplan'));
        const word = await readDocx(await renderDocx(buildDocument(theirs, 0)));
        expect(word.prose.some(p => p.heading !== undefined && p.text === '2.2 Linee di intervento e quadro finanziario')).toBe(true);
        const imported = importGrid(word.grid, { outline: word.prose }, 'piano.docx', "Valle d'Aosta");
        const mine = await evaluationOf(imported.text);
        expect(finance(mine)).toEqual(finance(theirs));
        // The prose of the sections into the outline, nested by heading level.
        expect(imported.text).toContain('\nsezione 1 "Il quadro di contesto" {\n    sezione 1.1 "Il quadro di contesto normativo e organizzativo" {\n        testo "Il presente Piano straordinario');
        expect(imported.text).toContain('    sezione 2.2 "Linee di intervento e quadro finanziario" {');
        // The cover and the contents, before the first heading, kept as comments.
        expect(imported.text).toContain('// Regione Valle d');
    });
});

describe('paste as cpiplan', () => {
    test('a pasted tab-separated framework becomes lines and totals to insert; prose or a single figure is left to the plain paste', async () => {
        const { pasteAsCpiplan } = await import('../../src/import/paste.js');
        const converted = pasteAsCpiplan(fixture('marche-2.2.txt'));
        expect(converted).toMatch(/^fonte B "Allegato B d\.m\. 74\/2019" tipo allegato_B\n\nlinea 3\.1 /);
        expect(converted).not.toContain('piano "');
        expect(pasteAsCpiplan('Il quadro finanziario è riportato sotto.')).toBeUndefined();
        expect(pasteAsCpiplan('a\tb\nc\td')).toBeUndefined();
    });
});
