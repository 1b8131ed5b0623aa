/** Requests on half-typed or foreign text: each answers, none throws (issue 9, found by the fuzz). */
import { afterEach, describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { testServices } from '../helpers.js';
import { open } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe('outline', () => {
    test.each(['', '\n', 'hello world', '{{', 'linea 1.1 "A" { voce "B" € 1 }'])('is empty, not an error, on text that is not yet a plan: %j', async text => {
        const services = await testServices();
        const opened = await open(text);
        close = opened.close;
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(opened.document, { textDocument: { uri: opened.document.uri.toString() } });
        expect(symbols).toEqual([]);
    });

    test('still lists a plan that has only its header', async () => {
        const services = await testServices();
        const opened = await open('piano "Marche"');
        close = opened.close;
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(opened.document, { textDocument: { uri: opened.document.uri.toString() } }) as DocumentSymbol[];
        expect(symbols.map(s => s.name)).toEqual(['Marche']);
    });
});
