/** `cpiplan lsp` speaks the language of its environment when the editor's initialize sends no locale. */
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { repoRoot } from '../helpers.js';

/** Starts the server under `env`, opens a plan with one wrong total and returns the message published for it. */
async function publishedMessage(env: Record<string, string>, locale?: string): Promise<string> {
    const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'lsp', '--stdio'], {
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env }
    });
    const send = (message: object) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        server.stdin.write(body);
    };
    try {
        return await new Promise<string>((resolve, reject) => {
            let buffer = Buffer.alloc(0);
            server.on('exit', code => reject(new Error(`server exited with ${code}`)));
            server.stdout.on('data', (chunk: Buffer) => {
                buffer = Buffer.concat([buffer, chunk]);
                for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
                    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
                    if (buffer.length < end + 4 + length) {
                        return;
                    }
                    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as { id?: number; method?: string; params?: { diagnostics?: { message: string }[] } };
                    buffer = buffer.subarray(end + 4 + length);
                    if (message.method && message.id !== undefined) {
                        send({ id: message.id, result: null });
                    } else if (message.id === 1) {
                        send({ method: 'initialized', params: {} });
                        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/p.cpiplan', languageId: 'cpiplan', version: 1,
                            text: 'piano "X" regole "Assistenza tecnica ANPAL Servizi"\nfonte B "B" assegnato € 10,00\nlinea "L" { voce "V" € 10,00 totale € 12,00 }\n' } } });
                    } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.diagnostics?.length) {
                        resolve(message.params.diagnostics[0].message);
                    }
                }
            });
            send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, ...(locale ? { locale } : {}) } });
        });
    } finally {
        server.kill();
    }
}

describe('cpiplan lsp locale', () => {
    test('Italian from LANG when initialize has no locale', async () => {
        expect(await publishedMessage({ LANG: 'it_IT.UTF-8' })).toMatch(/^Totale dichiarato/);
    });

    test('LC_ALL wins over LANG; English by default', async () => {
        expect(await publishedMessage({ LANG: 'it_IT.UTF-8', LC_ALL: 'en_US.UTF-8' })).toMatch(/^Declared total/);
        expect(await publishedMessage({})).toMatch(/^Declared total/);
    });

    test("initialize's locale wins over the environment", async () => {
        expect(await publishedMessage({ LANG: 'it_IT.UTF-8' }, 'en')).toMatch(/^Declared total/);
    });
});
