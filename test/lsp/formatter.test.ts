/** The formatter: canonical layout, amounts aligned on the decimal comma, idempotent, comments kept. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatText } from '../../src/language/lsp/formatter.js';
import { check, example, testServices } from '../helpers.js';

async function format(text: string): Promise<string> {
    const services = await testServices();
    return formatText(text, t => services.parser.Lexer.tokenize(t) as never);
}

const comments = (text: string) => (text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []);
const words = (text: string) => text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ').split(/\s+/).filter(Boolean).join(' ');

describe('formatter', () => {
    test('indents blocks, normalizes spaces and aligns amounts on the decimal comma', async () => {
        expect(await format(`piano   "X"  periodo 2019-2021
linea 3.4 "Sedi" {
voce "Immobili"   € 630.000,00 su B // regionali
      voce "Uffici" € 70.000,00 su B
  voce "Apparati di telecomunicazione" 4.000.000,00 €
totale € 4.700.000,00
}



totale € 4.700.000,00`)).toBe(`piano "X" periodo 2019-2021
linea 3.4 "Sedi" {
    voce "Immobili"                      € 630.000,00 su B // regionali
    voce "Uffici"                         € 70.000,00 su B
    voce "Apparati di telecomunicazione" 4.000.000,00 €
    totale                             € 4.700.000,00
}

totale € 4.700.000,00
`);
    });

    test('is idempotent and keeps every comment and every token on the real plans', async () => {
        for (const name of ['marche-2020.cpiplan', 'valle-d-aosta-2020.cpiplan', 'puglia-2020.cpiplan']) {
            const text = example(name);
            const once = await format(text);
            expect(await format(once)).toBe(once);
            expect(comments(once)).toEqual(comments(text));
            expect(words(once)).toBe(words(text));
            const before = (await check(text)).diagnostics.map(d => d.code);
            expect((await check(once)).diagnostics.map(d => d.code)).toEqual(before);
        }
    });

    test('comments between every pair of tokens survive, where they were', async () => {
        const tokens = ['linea', '3.1', '"Comunicazione"', '{', 'voce', '"Campagna"', '€', '1.000,00', 'su', 'B', '}'];
        const text = 'piano "X"\nfonte B "B"\n' + tokens.map((t, i) => `${t} /*c${i}*/`).join('\n') + '\n';
        const formatted = await format(text);
        expect(comments(formatted)).toEqual(tokens.map((_, i) => `/*c${i}*/`));
        expect(await format(formatted)).toBe(formatted);
        expect((await check(formatted)).document.parseResult.parserErrors).toEqual([]);
    });

    test('leaves text it cannot lex untouched, and never throws on random text', async () => {
        expect(await format('piano "X" @@@ {')).toBe('piano "X" @@@ {');
        await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), async text => {
            const once = await format(text);
            expect(await format(once)).toBe(once);
        }), { numRuns: 300 });
    });
});
