/**
 * Keystroke latency over real JSON-RPC: starts `cpiplan lsp --stdio` as an editor would, opens a
 * document, then applies one-character edits one at a time and times each `didChange` until the
 * server's `publishDiagnostics` for that document.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

export interface LatencyResult {
    readonly file: string;
    readonly lines: number;
    /** didOpen → first publishDiagnostics, ms. */
    readonly openMs: number;
    /** didChange → publishDiagnostics, ms, sorted. */
    readonly editsMs: number[];
    readonly serverPeakRssMiB?: number;
    /** The server's processor time (user + system, all threads) per counted edit, ms; /proc's 10 ms ticks averaged. */
    readonly cpuPerEditMs?: number;
    /** When the counted edits began, in microseconds of the monotonic clock V8's profiles use. */
    readonly editsStartedMicros: number;
}

interface Position { line: number; character: number }

/** Where to type: the digit after the first `€ ` past the middle of the text, so the edit changes an amount. */
function editPoint(text: string): { offset: number; position: Position; original: string } {
    let at = text.indexOf('€ ', Math.floor(text.length / 2));
    if (at < 0) {
        at = text.indexOf('€ ');
    }
    let offset = at >= 0 ? at + 2 : Math.floor(text.length / 2);
    while (offset < text.length && !/[0-9]/.test(text[offset])) {
        offset++;
    }
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    return { offset, position: { line, character }, original: text[offset] };
}

export function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) {
        return NaN;
    }
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
    return sorted[index];
}

/**
 * Starts a server, measures the file in it, and stops it: one server per file, so its peak
 * memory is that file's.
 */
export async function measureLatency(serverArgs: string[], file: string, edits: number, warmup = 3): Promise<LatencyResult> {
    const child = spawn(process.execPath, serverArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiting = new Map<string, () => void>();
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
        const resolve = waiting.get(params.uri);
        if (resolve) {
            waiting.delete(params.uri);
            resolve();
        }
    });
    // Server → client requests an editor answers: configuration, capability registration, progress.
    connection.onRequest((method: string, params: unknown) => {
        if (method === 'workspace/configuration') {
            return ((params as { items?: unknown[] }).items ?? []).map(() => null);
        }
        return null;
    });
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
    await connection.sendNotification('initialized', {});

    const diagnosticsFor = (uri: string): Promise<void> => new Promise(resolve => waiting.set(uri, resolve));
    try {
        const text = fs.readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).toString();
        const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        let version = 1;
        let start = performance.now();
        let published = diagnosticsFor(uri);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cpiplan', version, text } });
        await published;
        const openMs = performance.now() - start;
        const { position, original } = editPoint(text);
        const times: number[] = [];
        let editsStartedMicros = 0;
        let cpuBefore: number | undefined;
        for (let i = 0; i < warmup + edits; i++) {
            // Odd edits type another digit, even edits put the original back: the text stays valid.
            const digit = i % 2 === 0 ? String((Number(original) + 1 + (i % 7)) % 10) : original;
            version++;
            published = diagnosticsFor(uri);
            if (i === warmup) {
                editsStartedMicros = Number(process.hrtime.bigint() / 1000n);
                cpuBefore = await cpuMsOf(child.pid);
            }
            start = performance.now();
            await connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version },
                contentChanges: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: digit }]
            });
            await published;
            if (i >= warmup) {
                times.push(performance.now() - start);
            }
        }
        const cpuAfter = await cpuMsOf(child.pid);
        const cpuPerEditMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / edits;
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        times.sort((a, b) => a - b);
        const serverPeakRssMiB = await peakRssOf(child.pid);
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        return { file, lines, openMs, editsMs: times, serverPeakRssMiB, cpuPerEditMs, editsStartedMicros };
    } finally {
        connection.dispose();
        await new Promise<void>(resolve => {
            if (child.exitCode !== null) {
                resolve();
                return;
            }
            const timer = setTimeout(() => child.kill(), 5_000);
            child.once('exit', () => {
                clearTimeout(timer);
                resolve();
            });
        });
    }
}

/** The server's peak RSS so far (VmHWM), where /proc exists. */
async function peakRssOf(pid: number | undefined): Promise<number | undefined> {
    if (pid === undefined) {
        return undefined;
    }
    try {
        const status = await fs.promises.readFile(`/proc/${pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        return match ? Number(match[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}

/** A process's user + system time so far, ms (fields 14 and 15 of /proc/PID/stat, in 10 ms ticks). */
async function cpuMsOf(pid: number | undefined): Promise<number | undefined> {
    if (pid === undefined) {
        return undefined;
    }
    try {
        const stat = await fs.promises.readFile(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}
