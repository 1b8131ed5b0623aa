/** Requests on half-typed or foreign text: each answers, none throws (issue 9, found by the fuzz). */
import { afterEach, describe, expect, test } from 'vitest';
import type { Connection, DocumentSymbol } from 'vscode-languageserver';
import { requests, type DiffResult } from '../../src/protocol.js';
import { registerRequests } from '../../src/server/requests.js';
import { check, testServices } from '../helpers.js';
import { open } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe('completion', () => {
    // A stray `"` turns every label into code and the text between labels into strings (`" 25\n    "`);
    // the table is still open and another one follows. Langium's completion used to double its
    // work for each such string: 14 rows took seconds, a real table overflowed the stack.
    const rows = Array.from({ length: 13 }, (_, i) => `    "presenti al colloquio di orientamento" ${i + 25}`);
    const text = ['piano "X"', 'cpi aosta "CPI di Aosta"', 'statistica "Riepilogo" colonne "N." {', '    "x' + rows[0]?.trimStart(),
        ...rows.slice(1), 'statistica "Altro" colonne "N." {', '    '].join('\n');

    test('answers at once after a stray quote in a statistics label', async () => {
        const services = await testServices();
        const opened = await open(text);
        close = opened.close;
        const started = performance.now();
        const list = await services.lsp.CompletionProvider!.getCompletion(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: opened.document.textDocument.positionAt(text.length)
        });
        expect(performance.now() - started).toBeLessThan(1000);
        expect(list).toBeDefined();
    });

    test('still proposes what may follow inside a table', async () => {
        const services = await testServices();
        const table = 'piano "X"\ncpi aosta "CPI di Aosta"\nstatistica "T" colonne "N." {\n    aosta 3\n    ';
        const opened = await open(table);
        close = opened.close;
        const list = await services.lsp.CompletionProvider!.getCompletion(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: opened.document.textDocument.positionAt(table.length)
        });
        expect(list?.items.map(i => i.label)).toEqual(expect.arrayContaining(['aosta', 'gruppo', 'totale']));
    });
});

describe('hover and tables on the observatory, staff by function and staffing needs while typed', () => {
    const text = 'piano "X"\ncpi aosta "CPI di Aosta"\nosservatorio {\n    componente\n}\nfunzioni di aosta {\n    D 3 {\n        2\n    }\n}\nfabbisogno di aosta {\n    D\n}\n';

    test.each(['osservatorio', 'componente', 'funzioni', 'D 3', 'fabbisogno'])('hover on %s answers without "undefined"', async needle => {
        const { hoverText } = await import('./helpers.js');
        expect(await hoverText(text, needle, 1, 'en') ?? '').not.toContain('undefined');
    });

    test.each(['md', 'csv', 'json'])('tables (%s) answer without "undefined"', async format => {
        const opened = await open(text);
        close = opened.close;
        const tables = await (await handlers()).get(requests.tables)?.({ uri: opened.document.uri.toString(), table: 'all', format }) as { content: string };
        expect(tables.content).not.toContain('undefined');
    });
});

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

/** The custom requests' handlers, registered on a stand-in for the connection. */
async function handlers(): Promise<Map<string, (params: unknown) => Promise<unknown>>> {
    const registered = new Map<string, (params: unknown) => Promise<unknown>>();
    const connection = { onRequest: (name: string, handler: (params: unknown) => Promise<unknown>) => { registered.set(name, handler); } };
    registerRequests(connection as unknown as Connection, await testServices());
    return registered;
}

describe('custom requests', () => {
    test.each(['md', 'html', 'csv', 'json', 'xlsx'])('tables (%s) on a staff row without a category (`p 3`) have no column for it', async format => {
        const opened = await open(`piano "X"
cpi aosta "CPI di Aosta"
profilo p "Istruttore" categoria D
personale al 24/11/2020 { ufficio aosta { p 3 } }
`);
        close = opened.close;
        const tables = (await handlers()).get(requests.tables);
        const result = await tables?.({ uri: opened.document.uri.toString(), table: 'staff', format }) as { content: string };
        const content = format === 'xlsx' ? Buffer.from(result.content, 'base64').toString('latin1') : result.content;
        expect(content).not.toContain('undefined');
        if (format === 'md') {
            expect(content).toContain('| Struttura | Profilo | Totale |');
        } else if (format === 'csv') {
            expect(content).toContain('Struttura;Profilo;Totale');
        } else if (format === 'json') {
            const json = JSON.parse(content) as { tables: { columns: { header?: string }[] }[] };
            expect(json.tables[0]?.columns.map(c => c.header)).toEqual(['Struttura', 'Profilo', 'Totale']);
        }
    });

    test.each(['', 'v1', '..', 'è € “x”/a'])('diff answers with any label of the old version: %j', async oldLabel => {
        const text = `piano "X"
fonte B "Allegato B" tipo allegato_B assegnato € 100,00
linea 3.1 "Comunicazione" {
    voce "Campagna" € 1,00 su B
}
`;
        const opened = await open(text);
        close = opened.close;
        const diff = (await handlers()).get(requests.diff);
        const result = await diff?.({ newUri: opened.document.uri.toString(), oldText: text.replace('€ 1,00', '€ 2,00'), oldLabel }) as { markdown: string };
        expect(result.markdown).toContain('Campagna');
    });

    test('diff says how many figures disagree with the moves the old version declares', async () => {
        const text = `piano "X"
fonte B "Allegato B" tipo allegato_B assegnato € 100,00
linea 3.1 "Comunicazione" { voce "Campagna" € 1,00 su B }
linea 3.4 "Sedi" { voce "Arredi" € 9,00 su B }
`;
        const opened = await open(text);
        close = opened.close;
        const diff = (await handlers()).get(requests.diff);
        const moved = `${text}riprogrammazione { sposta € 1,00 dalla linea 3.4 alla linea 3.1 }\n`;
        const disagreeing = await diff?.({ newUri: opened.document.uri.toString(), oldText: moved, oldLabel: 'v1' }) as DiffResult;
        expect(disagreeing.disagreements).toBe(2);
        expect(disagreeing.markdown).toContain('| Linea 3.1 | € 1,00 | € 0,00 (dichiarato € 1,00) | non concorda |');
        const plain = await diff?.({ newUri: opened.document.uri.toString(), oldText: text, oldLabel: 'v1' }) as DiffResult;
        expect(plain.disagreements).toBe(0);
    });

    test.each(['md', 'html', 'csv', 'json'])('tables (%s) and diff answer on a plan whose name is still to type (`piano`)', async format => {
        const opened = await open('piano');
        close = opened.close;
        const registered = await handlers();
        const tables = await registered.get(requests.tables)?.({ uri: opened.document.uri.toString(), table: 'all', format }) as { content: string };
        expect(tables.content).not.toContain('undefined');
        const diff = await registered.get(requests.diff)?.({ newUri: opened.document.uri.toString(), oldText: 'piano', oldLabel: 'v1' }) as { markdown: string };
        expect(diff.markdown).toContain('Riprogrammazione delle risorse');
        expect(diff.markdown).not.toContain('undefined');
    });

    test('a source the parser lost the name of (`fonte "…"` after a text that lost its closing quote) is no column of the diff or the tables', async () => {
        const text = `piano "X"
fonte B "Allegato B" tipo allegato_B assegnato € 100,00
fonte "Allegato C" tipo allegato_C assegnato € 50,00
linea 3.1 "Comunicazione" { voce "Campagna" € 1,00 su B }
`;
        const opened = await open(text);
        close = opened.close;
        const registered = await handlers();
        const diff = await registered.get(requests.diff)?.({ newUri: opened.document.uri.toString(), oldText: 'piano "X"', oldLabel: 'v1' }) as DiffResult;
        expect(diff.markdown).toContain('Su B');
        expect(diff.markdown).not.toContain('undefined');
        const tables = await registered.get(requests.tables)?.({ uri: opened.document.uri.toString(), table: 'all', format: 'md' }) as { content: string };
        expect(tables.content).not.toContain('undefined');
    });

    test('a funding share the parser lost the payer of (`quota .295,71`) is no share of the cost: no \'Quota undefined\', no co-financing check', async () => {
        const text = `piano "X"
profilo istruttore "Istruttore" categoria D costo € 100,00
costo personale 2020 {
    istruttore 1 € 100,00
    totale € 100,00
    quota Stato € 60,00
    quota .295,71
}
`;
        const opened = await open(text);
        close = opened.close;
        const registered = await handlers();
        for (const format of ['md', 'html']) {
            const tables = await registered.get(requests.tables)?.({ uri: opened.document.uri.toString(), table: 'all', format }) as { content: string };
            expect(tables.content).toContain('Quota Stato');
            expect(tables.content).not.toContain('undefined');
        }
        const preview = await registered.get(requests.preview)?.({ uri: opened.document.uri.toString() }) as { html: string };
        expect(JSON.stringify(preview)).toContain('Quota Stato');
        expect(JSON.stringify(preview)).not.toContain('undefined');
        const { diagnostics } = await check(text);
        expect(diagnostics.map(d => d.code)).not.toContain('cofinancing-mismatch');
        expect(diagnostics.length).toBeGreaterThan(0);
    });

    test.each(['md', 'html'])('tables (%s) answer on a statistics table whose title is still to type', async format => {
        const opened = await open('piano "X"\ncpi aosta "CPI di Aosta"\nstatistica {\n    aosta 3\n}\n');
        close = opened.close;
        const tables = await (await handlers()).get(requests.tables)?.({ uri: opened.document.uri.toString(), table: 'stats', format }) as { content: string };
        expect(tables.content).toContain('3');
        expect(tables.content).not.toContain('undefined');
    });
});
