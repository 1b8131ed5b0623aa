/** Tables of half-typed plans: a missing name, date or title never shows as "undefined" (found by the long LSP fuzz). */
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { diffTables } from '../../src/generator/diff-tables.js';
import { renderMarkdown } from '../../src/generator/render.js';
import { diffPlans } from '../../src/language/model/diff.js';
import { check, example } from '../helpers.js';

async function markdownOf(text: string): Promise<string> {
    return renderMarkdown(buildTables((await check(text)).evaluation()));
}

describe('tables of half-typed plans', () => {
    test.each([
        ['a hiring plan without a name', 'marche-2020.cpiplan', 'assunzioni "Tab. 4 – Nuove assunzioni programmate" {', 'assunzioni {', '## Assunzioni'],
        ['a staff table without a date', 'marche-2020.cpiplan', 'personale al 24/11/2020 "Tab. 1 – Dotazione organica: situazione al 24/11/2020" conta Dirigente in D {', 'personale al {', '## Personale in servizio'],
        ['a line without a title', 'marche-2020.cpiplan', 'linea 3.1 "Comunicazione coordinata sulle politiche attive del lavoro e sui servizi offerti" {', 'linea 3.1 {', '| **3.1** |'],
        ['a summary without dates', 'marche-2020.cpiplan', 'riepilogo al 31/12/2019 e al 24/11/2020', 'riepilogo al e al', 'Personale in servizio |'],
        ['movements without dates', 'marche-2020.cpiplan', 'movimenti dal 31/12/2019 al 24/11/2020 "Tab. 3 – Tabella aumento complessivo della dotazione organica post concorsi"', 'movimenti dal al', '## Movimenti\n'],
        ['a staff cost without a year', 'valle-d-aosta-2020.cpiplan', 'costo personale 2020 {', 'costo personale {', '## Costo del personale']
    ])('%s', async (_what, name, from, to, shown) => {
        const text = example(name);
        expect(text).toContain(from);
        const markdown = await markdownOf(text.replace(from, to));
        expect(markdown).toContain(shown);
        expect(markdown).not.toMatch(/\bundefined\b|\bNaN\b/);
    });

    test('a diff where an item has lost its title', async () => {
        const text = example('valle-d-aosta-2020.cpiplan');
        const item = /voce "[^"]*"/.exec(text.slice(text.indexOf('linea 3.1')))?.[0] ?? '';
        expect(item).not.toBe('');
        const before = (await check(text)).evaluation();
        const after = (await check(text.replace(item, 'voce'))).evaluation();
        const markdown = renderMarkdown(diffTables(diffPlans(before, after)));
        expect(markdown).not.toMatch(/\bundefined\b|\bNaN\b/);
    });
});
