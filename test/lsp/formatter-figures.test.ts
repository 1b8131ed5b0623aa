/** The formatter and completion never change or propose a figure the reader reports: spaced thousands, EUR, euro, signs and commas stay as written. */
import { expect, test } from 'vitest';
import { formatText, layoutOf } from '../../src/language/lsp/formatter.js';
import { testServices } from '../helpers.js';

async function format(text: string): Promise<string> {
    const services = await testServices();
    const root = services.parser.LangiumParser.parse(text).value;
    return formatText(text, t => services.parser.Lexer.tokenize(t) as never, '    ', layoutOf(root));
}

test('amounts pasted with spaces, EUR or euro keep their text through formatting', async () => {
    const amounts = ['€ 1 000,00', '€ 1\u00A0000,00', '€ 1\u202F000,00', '1\u00A0000,00 €', 'EUR 1 000,00', 'EUR 1.000,00', '1.000,00 euro', '€ -5,00', '€ ,50'];
    const text = `piano "X"\nlinea 3.4 "Sedi" {\n${amounts.map((a, i) => `voce "v${i}" ${a} su B`).join('\n')}\n}\n`;
    const formatted = await format(text);
    const squeeze = (s: string) => s.replace(/ +/g, ' ');
    for (const amount of amounts) {
        expect(squeeze(formatted)).toContain(squeeze(amount));
    }
    expect(await format(formatted)).toBe(formatted);
});

test('completion never proposes EUR or euro for an amount', async () => {
    const services = await testServices();
    const { open } = await import('./helpers.js');
    const text = 'piano "X"\nlinea 3.4 "Sedi" {\n    voce "Immobili" ';
    const opened = await open(text);
    try {
        const list = await services.lsp.CompletionProvider?.getCompletion(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: opened.document.textDocument.positionAt(text.length)
        });
        const labels = list?.items.map(i => i.label) ?? [];
        expect(labels).not.toContain('EUR');
        expect(labels).not.toContain('euro');
    } finally {
        await opened.close();
    }
});
