/** The plan document: golden text per example, the draft cover, the DOCX's structure (repeated headers, page numbers). */
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/generator/document/build-document.js';
import { renderDocumentHtml, renderDocumentMarkdown } from '../../src/generator/document/render-document.js';
import { renderDocx } from '../../src/generator/document/render-docx.js';
import { buildTables } from '../../src/generator/build-tables.js';
import type { Table } from '../../src/generator/table-model.js';
import { check, example } from '../helpers.js';

async function documentOf(name: string) {
    const checked = await check(example(name));
    const errors = checked.diagnostics.filter(d => d.severity === 1).length;
    return buildDocument(checked.evaluation(), errors);
}

const examples = ['valle-d-aosta-2020', 'marche-2020', 'puglia-2020'];

describe('the plan document', () => {
    test.each(examples)('%s: golden text of the whole document', async name => {
        await expect(renderDocumentMarkdown(await documentOf(`${name}.cpiplan`))).toMatchFileSnapshot(`golden/document-${name}.md`);
    });

    test("Valle d'Aosta: the outline 1.1 … 5 in order, the approving act and its amendment on the cover, not a draft", async () => {
        const document = await documentOf('valle-d-aosta-2020.cpiplan');
        expect(document.cover.approvedBy).toBe('Approvato con DGR 955/2020 del 28/09/2020, modificato con PD 6226/2020 del 17/11/2020');
        expect(document.cover.problems).toBe(0);
        const codes = document.contents.map(c => /^(\d+(\.\d+)?) /.exec(c.title)?.[1]).filter(Boolean);
        expect(codes).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.5', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '4', '5']);
        expect(document.contents.map(c => c.title).slice(-2)).toEqual(['Dichiarazioni', 'Atti citati']);
        const markdown = renderDocumentMarkdown(document);
        expect(markdown).not.toContain('BOZZA');
        // The financial framework sits in 2.2, with the cap notes.
        const at22 = markdown.indexOf('### 2.2 ');
        const finance = markdown.indexOf('| **Totale generale** | **€ 1.781.190,18** | **€ 1.640.250,18** | **€ 140.940,00** |');
        expect(at22).toBeGreaterThan(0);
        expect(finance).toBeGreaterThan(at22);
        expect(finance).toBeLessThan(markdown.indexOf('## 3 '));
        expect(markdown).toContain('Max 1,5% del totale assegnato (€ 24.603,75)');
    });

    test.each([
        ['valle-d-aosta-2020', ['functions', 'observatory'], 3],
        ['marche-2020', ['needs', 'observatory'], 2]
    ] as const)('%s: staff by function, staffing needs and the observatory are the tables of `cpiplan tables`, rows and figures', async (name, groups, expected) => {
        const checked = await check(example(`${name}.cpiplan`));
        const document = buildDocument(checked.evaluation(), 0);
        const inDocument = document.blocks.flatMap(b => b.kind === 'table' && (groups as readonly string[]).includes(b.table.group) ? [b.table] : []);
        const inTables = buildTables(checked.evaluation(), [...groups]).tables;
        const content = (t: Table) => ({ group: t.group, title: t.title, columns: t.columns, rows: t.rows });
        expect(inDocument).toHaveLength(expected);
        expect(inDocument.map(content)).toEqual(inTables.map(content));
    });

    test('reprogramming: each block\'s moves and, after the last, the framework after them, as `cpiplan tables` gives them', async () => {
        const checked = await check(`piano "Spostamenti" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 1.000,00
sezione 3 "Interventi" {
    linea 3.1 "Comunicazione" { voce "Piano" € 10,00 su B }
    linea 3.4 "Sedi" { voce "Immobili" € 990,00 su B }
}
sezione 5 "Riprogrammazione" {
    riprogrammazione "Prima" { sposta € 20,00 dalla linea 3.4 alla linea 3.1 }
    riprogrammazione "Seconda" { sposta € 5,00 dalla linea 3.1 alla linea 3.4 }
}`);
        const document = buildDocument(checked.evaluation(), 0);
        const inDocument = document.blocks.flatMap(b => b.kind === 'table' && b.table.group === 'reprogramming' ? [b.table] : []);
        const [moves, after] = buildTables(checked.evaluation(), ['reprogramming']).tables;
        expect(inDocument.map(t => t.title)).toEqual([moves.title, moves.title, after.title]);
        expect(inDocument.slice(0, 2).flatMap(t => t.rows)).toEqual(moves.rows.filter(r => r.role === 'item'));
        expect(inDocument[2].rows).toEqual(after.rows);
        const markdown = renderDocumentMarkdown(document);
        expect(markdown).toContain('| 3.4 | 3.1 | € 20,00 |');
        expect(markdown.indexOf('Quadro finanziario dopo la riprogrammazione')).toBeGreaterThan(markdown.indexOf('Seconda'));
    });

    test("Valle d'Aosta: the group of items and its subtotal appear once, in the quadro finanziario", async () => {
        const markdown = renderDocumentMarkdown(await documentOf('valle-d-aosta-2020.cpiplan'));
        const group = 'Adeguamento degli uffici e ammodernamento degli strumenti in dotazione agli operatori dei CPI';
        expect(markdown.split(group)).toHaveLength(2);
        expect(markdown).toContain(`| **Subtotale ${group}** | **€ 150.000,00** | **€ 150.000,00** | **€ 0,00** |  |`);
        expect(markdown).not.toContain('Voci raggruppate');
    });

    test('Marche: a draft, with its five open problems on the cover and the declared grand total beside the computed one', async () => {
        const document = await documentOf('marche-2020.cpiplan');
        expect(document.cover.problems).toBe(5);
        const markdown = renderDocumentMarkdown(document);
        expect(markdown).toContain('**BOZZA – 5 problemi aperti**');
        expect(markdown).toContain('**€ 15.525.104,60 (dichiarato € 13.525.104,60)**');
        const html = renderDocumentHtml(document);
        expect(html).toContain('<body class="draft">');
        expect(html).toContain('<div class="draft">BOZZA – 5 problemi aperti</div>');
    });

    test('HTML: escaped, A4 with page numbers, table headers repeated on every printed page', async () => {
        const html = renderDocumentHtml(await documentOf('valle-d-aosta-2020.cpiplan'));
        expect(html).toContain('counter(page)');
        expect(html).toContain('thead { display: table-header-group; }');
        expect(html).toContain('<caption>Linee di intervento e quadro finanziario</caption>');
        expect(html).toContain('Valle d&#39;Aosta');
        expect(html).not.toContain('<script');
    });

    test('DOCX: headings, every table with a repeated header row, page numbers in the footer, Italian', async () => {
        const buffer = await renderDocx(await documentOf('valle-d-aosta-2020.cpiplan'));
        const zip = await JSZip.loadAsync(buffer);
        const body = await zip.file('word/document.xml')?.async('string') ?? '';
        const tables = body.match(/<w:tbl>/g)?.length ?? 0;
        expect(tables).toBeGreaterThan(10);
        expect(body.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/g)?.length).toBe(tables);
        expect(body).toContain('€ 1.781.190,18');
        expect(body).toContain('Heading1');
        const footers = await Promise.all(Object.keys(zip.files).filter(f => /word\/footer\d*\.xml$/.test(f)).map(f => zip.file(f)?.async('string')));
        expect(footers.join('')).toMatch(/PAGE/);
        expect(footers.join('')).toMatch(/NUMPAGES/);
        const styles = await zip.file('word/styles.xml')?.async('string') ?? '';
        expect(styles).toContain('it-IT');
    });
});
