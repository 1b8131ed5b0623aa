/** The formatter: canonical layout, amounts aligned on the decimal comma, idempotent, comments kept. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatText, layoutOf } from '../../src/language/lsp/formatter.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, example, rulesDir, testServices } from '../helpers.js';
import { open } from './helpers.js';

/** Formats as the editor does: the token stream, laid out by the syntax tree of the same text. */
async function format(text: string): Promise<string> {
    const services = await testServices();
    const root = services.parser.LangiumParser.parse(text).value;
    return formatText(text, t => services.parser.Lexer.tokenize(t) as never, '    ', layoutOf(root));
}

const comments = (text: string) => (text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []);
const words = (text: string) => text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ').split(/\s+/).filter(Boolean).join(' ');

describe('formatter', () => {
    test('leaves the shipped rule set as it is: alternatives in parentheses, phrases one per line', async () => {
        const rules = fs.readFileSync(path.join(rulesDir, 'dm74-2019.cpiplan'), 'utf8');
        expect(rules).toContain('        e ("gettone di presenza" oppure "gettoni di presenza")\n');
        expect(await format(rules)).toBe(rules);
    });

    test('a list point written with `-` keeps its bullet apart from its text, as `•` does', async () => {
        const formatted = await format(`piano "X"
sezione 1 { elenco { - "servizi amministrativi;" { -   "DID" } • "orientamento" } }`);
        expect(formatted).toContain('- "servizi amministrativi;"');
        expect(formatted).toContain('- "DID"');
        expect(formatted).not.toMatch(/-"/);
        expect(await format(formatted)).toBe(formatted);
    });

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

    test('continuation lines keep one indent more than the statement they continue', async () => {
        expect(await format(`piano "X"
titolo "Piano"
        periodo 2019-2021
  regole "DM 74/2019"
cpi a "CPI A" provincia "AN"
nota "Sede"
linea 3.4 "Sedi" {
voce "Immobili" € 630.000,00
su B
}
`)).toBe(`piano "X"
    titolo "Piano"
    periodo 2019-2021
    regole "DM 74/2019"
cpi a "CPI A" provincia "AN"
    nota "Sede"
linea 3.4 "Sedi" {
    voce "Immobili" € 630.000,00
        su B
}
`);
        // The Marche plan is written with continuation lines indented: formatting leaves them where they are.
        const marche = example('marche-2020.cpiplan').split('\n');
        const formatted = (await format(marche.join('\n'))).split('\n');
        const continuation = marche.flatMap((line, i) => /^ {4}(titolo|periodo|regole|nota|modifica) /.test(line) ? [i] : []);
        expect(continuation.length).toBeGreaterThan(20);
        expect(continuation.filter(i => formatted[i] !== marche[i])).toEqual([]);
    });

    test('an empty statistics cell stays a cell of its own: cells never merge', async () => {
        const text = 'piano "X"\ncpi a "A"\nstatistica "T" colonne "1", "2", "3" {\n    a 2019 - 12 - 31\n    "b" 4.857 - 4.430\n}\n';
        const formatted = await format(text);
        expect(formatted).toContain('    a 2019 - 12 - 31\n');
        expect(formatted).toContain('    "b" 4.857 - 4.430\n');
        expect(await format('piano "X" periodo 2019 - 2021\n')).toBe('piano "X" periodo 2019-2021\n');
    });

    test('range formatting edits only the statements inside the range', async () => {
        const text = 'piano "X"\nfonte   B "B"\nfonte   C "C"\nlinea 3.4 "Sedi" {\nvoce "Immobili" € 1,00 su B\n}\n';
        const services = await testServices();
        const opened = await open(text);
        try {
            const edits = await services.lsp.Formatter!.formatDocumentRange(opened.document, {
                textDocument: { uri: opened.document.uri.toString() }, options: { tabSize: 4, insertSpaces: true },
                range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }
            });
            expect(edits).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: 'fonte C "C"\n' }]);
        } finally {
            await opened.close();
        }
    });

    test('leaves text it cannot lex untouched, and never throws on random text', async () => {
        expect(await format('piano "X" @@@ {')).toBe('piano "X" @@@ {');
        await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), async text => {
            const once = await format(text);
            expect(await format(once)).toBe(once);
        }), { numRuns: 300 });
    });
});
