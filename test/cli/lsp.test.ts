/** `cpiplan lsp --stdio` speaks LSP: initialize, open a plan, receive its diagnostics in the editor's locale. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

/** A minimal JSON-RPC client over the server's stdio. */
class LspClient {
    private buffer = Buffer.alloc(0);
    private nextId = 1;
    private readonly waiting = new Map<number, (result: unknown) => void>();
    readonly notifications: { method: string; params: any }[] = [];
    private readonly listeners: (() => void)[] = [];

    constructor(readonly process: ChildProcessWithoutNullStreams) {
        process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    }

    private receive(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) {
                return;
            }
            const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
            if (this.buffer.length < headerEnd + 4 + length) {
                return;
            }
            const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            if (message.id !== undefined && this.waiting.has(message.id)) {
                this.waiting.get(message.id)!(message.result ?? message.error);
                this.waiting.delete(message.id);
            } else if (message.method) {
                if (message.id !== undefined) {
                    this.send({ jsonrpc: '2.0', id: message.id, result: null }); // server → client requests
                }
                this.notifications.push(message);
                this.listeners.forEach(l => l());
            }
        }
    }

    private send(message: object): void {
        const body = Buffer.from(JSON.stringify(message));
        this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.process.stdin.write(body);
    }

    request(method: string, params: unknown): Promise<any> {
        const id = this.nextId++;
        return new Promise(resolve => {
            this.waiting.set(id, resolve);
            this.send({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method: string, params: unknown): void {
        this.send({ jsonrpc: '2.0', method, params });
    }

    waitFor(predicate: (n: { method: string; params: any }) => boolean): Promise<{ method: string; params: any }> {
        return new Promise(resolve => {
            const check = () => {
                const found = this.notifications.find(predicate);
                if (found) {
                    resolve(found);
                }
            };
            this.listeners.push(check);
            check();
        });
    }
}

let server: ChildProcessWithoutNullStreams | undefined;
afterEach(() => server?.kill());

describe('cpiplan lsp --stdio', () => {
    test('publishes the diagnostics of an opened plan, in the editor locale', async () => {
        server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'lsp', '--stdio']);
        const client = new LspClient(server);
        const initialized = await client.request('initialize', {
            processId: null, rootUri: null, locale: 'it', capabilities: {}, workspaceFolders: null
        });
        expect(initialized.capabilities.textDocumentSync).toBeDefined();
        client.notify('initialized', {});
        const file = path.join(repoRoot, 'examples', 'marche-2020.cpiplan');
        const uri = `file://${file}`;
        client.notify('textDocument/didOpen', {
            textDocument: { uri, languageId: 'cpiplan', version: 1, text: fs.readFileSync(file, 'utf8') }
        });
        const published = await client.waitFor(n => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        const codes = published.params.diagnostics.map((d: { code: string }) => d.code).sort();
        expect(codes).toEqual(['missing-declaration', 'missing-declaration', 'missing-declaration', 'missing-section', 'missing-section', 'over-allocated', 'total-mismatch']);
        const over = published.params.diagnostics.find((d: { code: string }) => d.code === 'over-allocated');
        expect(over.message).toBe("Programmati € 15.525.104,60 su Allegato B d.m. 74/2019, oltre l'assegnato di € 13.525.104,60: eccedenza € 2.000.000,00.");

        const text = fs.readFileSync(file, 'utf8');
        const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
        const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('linea 3.1'), character: 7 } });
        expect(hover.contents.value).toContain('Tetto: max 1,5% Allegato B d.m. 74/2019 = € 202.876,57 · margine € 2.876,57');

        const missing = published.params.diagnostics.find((d: { code: string; range: { start: { line: number } } }) => d.code === 'missing-declaration' && d.range.start.line === lineOf('linea 3.3'));
        const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
        expect(actions.map((a: { title: string }) => a.title)).toEqual(["Inserisci la dichiarazione 'nessun_compenso_osservatorio' con il testo standard", 'Correggi tutti i totali dichiarati']);

        const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        expect(edits).toHaveLength(1);
        expect(edits[0].newText).toContain('    voce "Attività seminariale"');
        await client.request('shutdown', null);
    });

    test('the code lens runs in any editor: server commands write the tables next to the plan, never over a file unasked', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-lens-'));
        const file = path.join(dir, 'piano.cpiplan');
        fs.copyFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), file);
        const uri = `file://${file}`;
        const start = async (initializationOptions?: object) => {
            server?.kill();
            server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'lsp', '--stdio']);
            const client = new LspClient(server);
            const initialized = await client.request('initialize', { processId: null, rootUri: null, locale: 'it', capabilities: {}, workspaceFolders: null, initializationOptions });
            client.notify('initialized', {});
            client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpiplan', version: 1, text: fs.readFileSync(file, 'utf8') } });
            await client.waitFor(n => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
            const lenses: { command: { title: string; command: string; arguments?: unknown[] } }[] = await client.request('textDocument/codeLens', { textDocument: { uri } });
            return { client, initialized, lenses };
        };
        const plain = await start();
        expect(plain.initialized.capabilities.executeCommandProvider.commands).toEqual(['cpiplan.server.writeTables', 'cpiplan.server.writePreview']);
        const tables = plain.lenses.find(l => l.command.title === 'Genera tabelle');
        expect(tables?.command.command).toBe('cpiplan.server.writeTables');
        const written = await plain.client.request('workspace/executeCommand', { command: tables?.command.command, arguments: tables?.command.arguments });
        expect(written).toBe(`file://${path.join(dir, 'piano-all.md')}`);
        expect(fs.readFileSync(path.join(dir, 'piano-all.md'), 'utf8')).toContain('| **Totale generale** | **€ 1.781.190,18** |');
        expect(plain.client.notifications.some(n => n.method === 'window/showMessage' && n.params.message === 'Tabelle salvate in piano-all.md.')).toBe(true);
        // Again: the server asks; this client answers nothing, so the file stays as it is.
        fs.writeFileSync(path.join(dir, 'piano-all.md'), 'mio');
        expect(await plain.client.request('workspace/executeCommand', { command: 'cpiplan.server.writeTables', arguments: [uri] })).toBeFalsy();
        expect(plain.client.notifications.some(n => n.method === 'window/showMessageRequest' && n.params.message === 'piano-all.md esiste già. Sovrascriverlo?')).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'piano-all.md'), 'utf8')).toBe('mio');
        const preview = await plain.client.request('workspace/executeCommand', { command: 'cpiplan.server.writePreview', arguments: [uri] });
        expect(preview).toBe(`file://${path.join(dir, 'piano-all.html')}`);
        await plain.client.request('shutdown', null);

        const vscodeLike = await start({ clientCommands: true });
        expect(vscodeLike.lenses.find(l => l.command.title === 'Genera tabelle')?.command.command).toBe('cpiplan.generateTables');
        expect(vscodeLike.lenses.find(l => l.command.title === 'Anteprima')?.command.command).toBe('cpiplan.openPreview');
        await vscodeLike.client.request('shutdown', null);
    });

    test('answers a request on a plan no editor has open, right after start-up: validated then, never waited for', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-unopened-'));
        const file = path.join(dir, 'piano.cpiplan');
        fs.copyFileSync(path.join(repoRoot, 'examples', 'marche-2020.cpiplan'), file);
        server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'lsp', '--stdio']);
        const client = new LspClient(server);
        const rootUri = `file://${dir}`;
        await client.request('initialize', { processId: null, rootUri, locale: 'it', capabilities: {}, workspaceFolders: [{ uri: rootUri, name: 'piani' }] });
        client.notify('initialized', {});
        const summary = await client.request('cpiplan/summary', { uri: `file://${file}` });
        expect(summary).toEqual({ grandTotal: '€ 15.525.104,60', errors: 5, warnings: 2 });
        // A file outside the workspace that nobody opened is read from disk too; a missing one is refused.
        const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-outside-')), 'altro.cpiplan');
        fs.copyFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), outside);
        expect(await client.request('cpiplan/summary', { uri: `file://${outside}` })).toMatchObject({ errors: 0, warnings: 0 });
        expect((await client.request('cpiplan/summary', { uri: `file://${dir}/nessuno.cpiplan` })).message).toBeTruthy();
        await client.request('shutdown', null);
    });

    test('loads a rule file a plan names with da outside the workspace', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-lsp-'));
        fs.mkdirSync(path.join(dir, 'rules'));
        fs.writeFileSync(path.join(dir, 'rules', 'mine.cpiplan'), 'regole "Mie" {\n    fonte b "B"\n    linea 3.1 "Comunicazione" tetto 1% di b\n}\n');
        server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'lsp', '--stdio']);
        const client = new LspClient(server);
        await client.request('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
        client.notify('initialized', {});
        const uri = `file://${path.join(dir, 'plan.cpiplan')}`;
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpiplan', version: 1,
            text: 'piano "X" regole "Mie" da "rules/mine.cpiplan"\nfonte B "B" tipo b assegnato € 100,00\nlinea 3.1 "Comunicazione" { voce "V" € 100,00 }\n' } });
        const published = await client.waitFor(n => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri
            && n.params.diagnostics.some((d: { code: string }) => d.code === 'cap-exceeded'));
        expect(published.params.diagnostics.map((d: { code: string }) => d.code)).toEqual(['cap-exceeded']);
        await client.request('shutdown', null);
    });
});
