/**
 * A seeded fuzz harness for the language server: it starts the real server (`cpiplan lsp --stdio`),
 * talks JSON-RPC to it as an editor does, applies random edits to the real plans and to broken
 * text, and after each edit sends every request the server advertises at random positions. It
 * records error responses, slow requests, latencies per request kind and the server's memory.
 *
 * Used by `npm run fuzz` (bench/fuzz.ts) and, for a short run, by test/lsp/fuzz.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    CodeActionRequest, CodeLensRequest, CodeLensResolveRequest, CompletionRequest, DeclarationRequest, DefinitionRequest,
    DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentFormattingRequest,
    DocumentHighlightRequest, DocumentLinkRequest, DocumentOnTypeFormattingRequest, DocumentRangeFormattingRequest, DocumentSymbolRequest,
    ErrorCodes, ExitNotification, FoldingRangeRequest, LSPErrorCodes, HoverRequest, ImplementationRequest, InitializedNotification, InitializeRequest, InlayHintRequest,
    PrepareRenameRequest, PublishDiagnosticsNotification, ReferencesRequest, RenameRequest, ResponseError, SelectionRangeRequest,
    SemanticTokensRangeRequest, SemanticTokensRequest, ShutdownRequest, SignatureHelpRequest, TypeDefinitionRequest, WorkspaceSymbolRequest,
    createMessageConnection, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type MessageConnection, type Position, type Range, type ServerCapabilities
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tableGroups } from '../src/protocol.js';

export interface FuzzOptions {
    /** How many random edits. */
    edits: number;
    seed: number;
    /** The repository root: examples/, language/ and out/cli.cjs are found there. */
    root: string;
    /** A request slower than this (ms) is a failure. */
    slowMs?: number;
    /** Where to write one reproduction text per failure class (none if undefined). */
    failuresDir?: string;
    /** Called every 100 edits. */
    progress?: (done: number, report: FuzzReport) => void;
}

export interface Failure {
    /** `kind: message` with digits masked, so repeated failures group. */
    readonly key: string;
    readonly kind: string;
    readonly message: string;
    readonly count: number;
    /** The text and the request of the first occurrence. */
    readonly text: string;
    readonly params: unknown;
}

export interface KindFigures { count: number; p50: number; p99: number; max: number }

export interface FuzzReport {
    edits: number;
    requests: number;
    /** Error responses other than the documented ones, grouped by class. */
    errors: number;
    /** Requests slower than `slowMs`. */
    slow: number;
    failures: Failure[];
    /** Documented errors (a cpiplan/* request on a text that holds no plan). */
    expectedErrors: number;
    /** ServerCancelled answers (the LSP's "ask again"). */
    cancelled: number;
    latency: Record<string, KindFigures>;
    /** Advertised capabilities the harness does not exercise. */
    unexercised: string[];
    /** The server's resident memory at the end and its peak, in MB (Linux only). */
    rssMb?: number;
    maxRssMb?: number;
    alive: boolean;
    exit?: string;
    seconds: number;
}

/** The messages the cpiplan/* requests answer on a text that holds no plan. */
const documentedErrors = new Set([
    'Il file non contiene un piano.', 'The file does not hold a plan.',
    'La versione da confrontare non contiene un piano.', 'The version to compare with does not hold a plan.'
]);

/** mulberry32: small, fast, seedable. */
export function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const unicode = ['à', 'è', 'é', 'ì', 'ò', 'ù', '€', '§', '–', '—', '“', '”', '’', '…', '😀', '\u200b', '\ufeff', '\u0000', '\t', '\r\n', 'ß', 'Ω', '中'];
const fragments = ['{', '}', '{', '}', '"', '"', "'", '=', '-', '€', '%', ',', '.', '/', ':', '\n', '\n', ' ', '//', '/*', '*/', '(', ')',
    '1', '3.2', '2019-2021', '24/11/2020', '955/2020', '1.640.250,18', '12,5%', '€ 300 000,00', '-1.640,5', 'p 3', '= 9.287'];
const brokenTexts = ['', ' ', '\n', 'hello world', 'piano', 'piano "X"', '{{{{', '}}}}', '"""', 'statistica "T" {', '€€€',
    'linea 1.1 "A" { voce "B" € 1 }', '# Titolo\n\nNon è un piano.', 'regole "DM 74/2019"', '\u0000\u0001\u0002'];

interface Sender {
    readonly kind: string;
    send(uri: string, text: TextDocument, at: () => Position, range: () => Range): { type: unknown; params: unknown } | undefined;
}

/** Runs the fuzz and returns its figures; never throws for a server failure, only records it. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const started = performance.now();
    const slowMs = options.slowMs ?? 2000;
    const rnd = random(options.seed);
    const int = (n: number): number => Math.floor(rnd() * n);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

    const examplesDir = path.join(options.root, 'examples');
    const examples = fs.readdirSync(examplesDir).filter(f => f.endsWith('.cpiplan')).sort()
        .map(f => fs.readFileSync(path.join(examplesDir, f), 'utf8'));
    const rulesDir = path.join(options.root, 'language', 'rules');
    const ruleSets = fs.readdirSync(rulesDir).filter(f => f.endsWith('.cpiplan')).map(f => fs.readFileSync(path.join(rulesDir, f), 'utf8'));
    const keywords = [...new Set(fs.readdirSync(path.join(options.root, 'language')).filter(f => f.endsWith('.langium'))
        .flatMap(f => [...fs.readFileSync(path.join(options.root, 'language', f), 'utf8').matchAll(/'([^'\s]+)'/g)].map(m => m[1] ?? '')))]
        .filter(k => k.length > 0);

    const server = spawn(process.execPath, [path.join(options.root, 'out', 'cli.cjs'), 'lsp', '--stdio'], { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'] });
    let exit: string | undefined;
    server.on('exit', (code, signal) => { exit = `exit code ${code ?? ''} signal ${signal ?? ''}`.trim(); });
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const connection: MessageConnection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', () => undefined);
    const diagnostics = new Map<string, Diagnostic[]>();
    connection.onNotification(PublishDiagnosticsNotification.type, params => { diagnostics.set(params.uri, params.diagnostics); });
    connection.onError(() => undefined);
    connection.listen();

    const latencies = new Map<string, number[]>();
    const failures = new Map<string, { kind: string; message: string; count: number; text: string; params: unknown }>();
    const report: FuzzReport = {
        edits: 0, requests: 0, errors: 0, slow: 0, failures: [], expectedErrors: 0, cancelled: 0, latency: {}, unexercised: [], alive: true, seconds: 0
    };
    const fail = (kind: string, message: string, text: string, params: unknown): void => {
        const firstLine = message.split('\n')[0] ?? '';
        const key = `${kind}: ${firstLine.replace(/\d+/g, 'N').slice(0, 160)}`;
        const known = failures.get(key);
        if (known) {
            known.count++;
        } else {
            failures.set(key, { kind, message: firstLine, count: 1, text, params });
        }
    };
    // Set when the text holds no plan any more (cpiplan/summary says so): the run then soon goes back to an example.
    let notPlan = false;
    const timed = async (kind: string, text: string, call: () => Promise<unknown>, params: unknown, custom: boolean): Promise<void> => {
        const t0 = performance.now();
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'hang'>(resolve => { timer = setTimeout(() => resolve('hang'), Math.max(30_000, slowMs * 5)); });
        try {
            const result = await Promise.race([call(), deadline]);
            const shown = custom && result !== 'hang' ? leakedValue(result) : undefined;
            if (shown) {
                report.errors++;
                fail(kind, `the answer shows '${shown}'`, text, params);
            }
            if (result === 'hang') {
                fail(kind, `no answer in ${Math.max(30_000, slowMs * 5)} ms`, text, params);
                report.errors++;
                // Everything else would queue behind it: the run ends here.
                exit = exit ?? `hung on ${kind}`;
            }
        } catch (error) {
            // vscode-languageserver answers a thrown error as "Request … failed with message: <message>".
            const message = (error instanceof ResponseError ? error.message : String(error)).replace(/^Request \S+ failed with message: /, '');
            if (custom && error instanceof ResponseError && documentedErrors.has(message)) {
                report.expectedErrors++;
                notPlan = notPlan || kind === 'cpiplan/summary';
            } else if (kind === RenameRequest.method && error instanceof ResponseError && error.code === ErrorCodes.InvalidParams) {
                // A refused rename (a name that is not an identifier, a keyword, a clash): the documented answer.
                report.expectedErrors++;
            } else if (error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled) {
                // The LSP's "retry" answer (Langium's, for a request that arrives before the document is added).
                report.cancelled++;
            } else {
                report.errors++;
                fail(kind, message, text, params);
            }
        } finally {
            clearTimeout(timer);
        }
        const ms = performance.now() - t0;
        report.requests++;
        (latencies.get(kind) ?? latencies.set(kind, []).get(kind))?.push(ms);
        if (ms > slowMs) {
            report.slow++;
            fail(kind, `slower than ${slowMs} ms`, text, params);
        }
    };

    try {
        const init = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'it',
            capabilities: {
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } } },
                    rename: { prepareSupport: true },
                    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
                    inlayHint: {},
                    foldingRange: {}
                },
                workspace: { configuration: true }
            }
        });
        await connection.sendNotification(InitializedNotification.type, {});
        const senders = sendersFor(init.capabilities, report, { pick, int });

        const uri = 'file:///fuzz/plan.cpiplan';
        let version = 1;
        let document = TextDocument.create(uri, 'cpiplan', version, pick(examples));
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cpiplan', version, text: document.getText() } });

        const offset = (): number => int(document.getText().length + 1);
        const at = (): Position => document.positionAt(offset());
        const range = (): Range => {
            const a = offset();
            const b = Math.min(document.getText().length, a + int(400));
            return { start: document.positionAt(a), end: document.positionAt(b) };
        };
        const fragment = (): string => {
            const text = document.getText();
            switch (int(9)) {
                case 0: case 1: return pick(keywords) + (rnd() < 0.7 ? ' ' : '');
                case 2: return pick(unicode);
                case 3: return pick(fragments);
                case 4: return '9'.repeat(1 + int(400)) + (rnd() < 0.5 ? ',' + '9'.repeat(int(50)) : '');
                case 5: return (rnd() < 0.5 ? 'x' : '€ 1.000 ').repeat(1 + int(3000));
                case 6: { const a = int(text.length + 1); return text.slice(a, a + int(300)); }
                case 7: return pick(brokenTexts);
                default: return `${pick(keywords)} ${pick(fragments)}${pick(unicode)}`;
            }
        };

        for (let edit = 0; edit < options.edits; edit++) {
            if (exit) {
                break;
            }
            // The edit: a span replaced (insert, delete or both), or a whole new text now and then.
            let change: { range?: Range; text: string };
            const roll = rnd();
            if (roll < 0.01) {
                change = { text: pick(examples) };
            } else if (roll < 0.02) {
                change = { text: pick([...brokenTexts, ...ruleSets]) };
            } else {
                const text = document.getText();
                const a = int(text.length + 1);
                const kind = rnd();
                const deleted = kind < 0.35 ? 0 : Math.min(text.length - a, 1 + int(kind < 0.9 ? 20 : 400));
                const inserted = kind < 0.35 || kind > 0.7 ? fragment() : '';
                change = { range: { start: document.positionAt(a), end: document.positionAt(a + deleted) }, text: inserted };
            }
            // Examples keep coming back so most edits are near-valid plans, as in an editor.
            if (document.getText().length > 400_000 || (notPlan && rnd() < 0.1)) {
                change = { text: pick(examples) };
            }
            notPlan = false;
            version++;
            document = TextDocument.update(document, [change], version);
            await connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version },
                contentChanges: change.range ? [{ range: change.range, text: change.text }] : [{ text: change.text }]
            });
            const text = document.getText();
            for (const sender of senders) {
                const request = sender.send(uri, document, at, range);
                if (request) {
                    const custom = sender.kind.startsWith('cpiplan/');
                    const params = sender.kind === 'textDocument/codeAction'
                        ? withDiagnostics(request.params as { range: Range }, diagnostics.get(uri) ?? [])
                        : request.params;
                    await timed(sender.kind, text, () => connection.sendRequest(request.type as string, params), params, custom);
                    if (exit) {
                        break;
                    }
                }
            }
            report.edits++;
            if (options.progress && report.edits % 100 === 0) {
                options.progress(report.edits, finish(report, latencies, failures, server, exit, started));
            }
        }
        if (!exit) {
            await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        }
    } catch (error) {
        fail('harness', error instanceof Error ? error.message : String(error), '', undefined);
        report.errors++;
    }
    const final = finish(report, latencies, failures, server, exit, started);
    if (exit) {
        fail('process', `${exit}; stderr: ${stderr.slice(-400)}`, '', undefined);
    }
    await stop(connection, server);
    const result = finish(report, latencies, failures, server, exit, started);
    result.rssMb = final.rssMb;
    result.maxRssMb = final.maxRssMb;
    result.alive = final.alive;
    if (options.failuresDir) {
        writeFailures(options.failuresDir, result.failures);
    }
    return result;
}

/** 'undefined', 'null' or 'NaN' as a word in a custom request's text answer: a value the generator did not guard. */
function leakedValue(result: unknown): string | undefined {
    const texts = typeof result === 'object' && result !== null
        ? Object.entries(result).filter(([key, value]) => typeof value === 'string' && key !== 'style' && !(key === 'content' && (result as { encoding?: string }).encoding === 'base64')).map(([, value]) => value as string)
        : [];
    for (const text of texts) {
        const match = /\b(undefined|NaN)\b/.exec(text);
        if (match) {
            return match[1];
        }
    }
    return undefined;
}

function withDiagnostics(params: { range: Range }, all: Diagnostic[]): unknown {
    const overlaps = (d: Diagnostic): boolean => !(d.range.end.line < params.range.start.line || d.range.start.line > params.range.end.line);
    return { ...params, context: { diagnostics: all.filter(overlaps) } };
}

/** One sender per advertised capability; what is advertised but not sent goes to `unexercised`. */
function sendersFor(caps: ServerCapabilities, report: FuzzReport, r: { pick: <T>(items: readonly T[]) => T; int: (n: number) => number }): Sender[] {
    const senders: Sender[] = [];
    const doc = (uri: string): { textDocument: { uri: string } } => ({ textDocument: { uri } });
    const options = { tabSize: 4, insertSpaces: true };
    const add = (advertised: unknown, kind: string, make: Sender['send']): void => {
        if (advertised) {
            senders.push({ kind, send: make });
        }
    };
    add(caps.hoverProvider, HoverRequest.method, (uri, _d, at) => ({ type: HoverRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.completionProvider, CompletionRequest.method, (uri, _d, at) => ({ type: CompletionRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.documentSymbolProvider, DocumentSymbolRequest.method, uri => ({ type: DocumentSymbolRequest.method, params: doc(uri) }));
    add(caps.foldingRangeProvider, FoldingRangeRequest.method, uri => ({ type: FoldingRangeRequest.method, params: doc(uri) }));
    const semantic = caps.semanticTokensProvider;
    add(semantic?.full, SemanticTokensRequest.method, uri => ({ type: SemanticTokensRequest.method, params: doc(uri) }));
    add(semantic?.range, SemanticTokensRangeRequest.method, (uri, _d, _at, range) => ({ type: SemanticTokensRangeRequest.method, params: { ...doc(uri), range: range() } }));
    add(caps.documentFormattingProvider, DocumentFormattingRequest.method, uri => ({ type: DocumentFormattingRequest.method, params: { ...doc(uri), options } }));
    add(caps.documentRangeFormattingProvider, DocumentRangeFormattingRequest.method, (uri, _d, _at, range) => ({ type: DocumentRangeFormattingRequest.method, params: { ...doc(uri), range: range(), options } }));
    const onType = caps.documentOnTypeFormattingProvider;
    add(onType, DocumentOnTypeFormattingRequest.method, (uri, _d, at) => ({ type: DocumentOnTypeFormattingRequest.method, params: { ...doc(uri), position: at(), ch: onType?.firstTriggerCharacter ?? '}', options } }));
    add(caps.codeActionProvider, CodeActionRequest.method, (uri, _d, _at, range) => ({ type: CodeActionRequest.method, params: { ...doc(uri), range: range() } }));
    add(caps.codeLensProvider, CodeLensRequest.method, uri => ({ type: CodeLensRequest.method, params: doc(uri) }));
    if (caps.codeLensProvider?.resolveProvider) {
        report.unexercised.push(CodeLensResolveRequest.method);
    }
    add(caps.inlayHintProvider, InlayHintRequest.method, (uri, _d, _at, range) => ({ type: InlayHintRequest.method, params: { ...doc(uri), range: range() } }));
    add(caps.definitionProvider, DefinitionRequest.method, (uri, _d, at) => ({ type: DefinitionRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.declarationProvider, DeclarationRequest.method, (uri, _d, at) => ({ type: DeclarationRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.typeDefinitionProvider, TypeDefinitionRequest.method, (uri, _d, at) => ({ type: TypeDefinitionRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.implementationProvider, ImplementationRequest.method, (uri, _d, at) => ({ type: ImplementationRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.referencesProvider, ReferencesRequest.method, (uri, _d, at) => ({ type: ReferencesRequest.method, params: { ...doc(uri), position: at(), context: { includeDeclaration: true } } }));
    add(caps.documentHighlightProvider, DocumentHighlightRequest.method, (uri, _d, at) => ({ type: DocumentHighlightRequest.method, params: { ...doc(uri), position: at() } }));
    const rename = caps.renameProvider;
    add(typeof rename === 'object' && rename.prepareProvider, PrepareRenameRequest.method, (uri, _d, at) => ({ type: PrepareRenameRequest.method, params: { ...doc(uri), position: at() } }));
    add(rename, RenameRequest.method, (uri, _d, at) => ({ type: RenameRequest.method, params: { ...doc(uri), position: at(), newName: r.pick(['nuovo_nome', 'fondo_b', 'cpi_x']) } }));
    add(caps.documentLinkProvider, DocumentLinkRequest.method, uri => ({ type: DocumentLinkRequest.method, params: doc(uri) }));
    add(caps.selectionRangeProvider, SelectionRangeRequest.method, (uri, _d, at) => ({ type: SelectionRangeRequest.method, params: { ...doc(uri), positions: [at()] } }));
    add(caps.signatureHelpProvider, SignatureHelpRequest.method, (uri, _d, at) => ({ type: SignatureHelpRequest.method, params: { ...doc(uri), position: at() } }));
    add(caps.workspaceSymbolProvider, WorkspaceSymbolRequest.method, () => ({ type: WorkspaceSymbolRequest.method, params: { query: r.pick(['', 'a', 'cpi', 'linea']) } }));
    for (const [name, advertised] of Object.entries(caps)) {
        const exercised = ['textDocumentSync', 'positionEncoding', 'executeCommandProvider', 'workspace', 'experimental', 'diagnosticProvider',
            'hoverProvider', 'completionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'semanticTokensProvider', 'documentFormattingProvider',
            'documentRangeFormattingProvider', 'documentOnTypeFormattingProvider', 'codeActionProvider', 'codeLensProvider', 'inlayHintProvider',
            'definitionProvider', 'declarationProvider', 'typeDefinitionProvider', 'implementationProvider', 'referencesProvider',
            'documentHighlightProvider', 'renameProvider', 'documentLinkProvider', 'selectionRangeProvider', 'signatureHelpProvider', 'workspaceSymbolProvider'];
        if (advertised && !exercised.includes(name)) {
            report.unexercised.push(name);
        }
    }
    if (caps.executeCommandProvider?.commands.length) {
        report.unexercised.push(`workspace/executeCommand (${caps.executeCommandProvider.commands.join(', ')})`);
    }
    // The custom requests (src/language/lsp/requests.ts); tables in every format, one per edit.
    const formats = ['md', 'html', 'csv', 'xlsx', 'json'] as const;
    const labels = ['', '', 'v1', 'versione di giugno', 'a/b', 'è € “x”', '..', '%00'];
    const oldTexts = (d: TextDocument): string[] => [d.getText(), '', 'piano "X"', d.getText().slice(0, r.int(d.getText().length + 1))];
    senders.push({ kind: 'cpiplan/tables', send: uri => ({ type: 'cpiplan/tables', params: { uri, table: r.pick([...tableGroups, 'all']), format: r.pick(formats) } }) });
    senders.push({ kind: 'cpiplan/preview', send: uri => ({ type: 'cpiplan/preview', params: { uri } }) });
    senders.push({ kind: 'cpiplan/diff', send: (uri, d) => ({ type: 'cpiplan/diff', params: { newUri: uri, oldText: r.pick(oldTexts(d)), oldLabel: r.pick(labels) } }) });
    senders.push({ kind: 'cpiplan/summary', send: uri => ({ type: 'cpiplan/summary', params: { uri } }) });
    return senders;
}

function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) {
        return 0;
    }
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function memoryOf(server: ChildProcess): { rssMb?: number; maxRssMb?: number } {
    try {
        const status = fs.readFileSync(`/proc/${server.pid ?? 0}/status`, 'utf8');
        const kb = (field: string): number | undefined => {
            const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
            return match?.[1] ? Math.round(Number(match[1]) / 1024) : undefined;
        };
        return { rssMb: kb('VmRSS'), maxRssMb: kb('VmHWM') };
    } catch {
        return {};
    }
}

function finish(report: FuzzReport, latencies: Map<string, number[]>, failures: Map<string, Omit<Failure, 'key'>>,
    server: ChildProcess, exit: string | undefined, started: number): FuzzReport {
    const latency: Record<string, KindFigures> = {};
    for (const [kind, values] of latencies) {
        const sorted = [...values].sort((a, b) => a - b);
        latency[kind] = { count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
    }
    return {
        ...report,
        latency,
        failures: [...failures].map(([key, f]) => ({ key, ...f })).sort((a, b) => b.count - a.count),
        ...(exit ? {} : memoryOf(server)),
        alive: !exit && server.exitCode === null,
        exit,
        seconds: (performance.now() - started) / 1000
    };
}

async function stop(connection: MessageConnection, server: ChildProcess): Promise<void> {
    if (server.exitCode === null && server.signalCode === null) {
        try {
            await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 2000))]);
            await connection.sendNotification(ExitNotification.type);
        } catch {
            // The server is gone already.
        }
        await new Promise(resolve => setTimeout(resolve, 200));
        if (server.exitCode === null) {
            server.kill('SIGKILL');
        }
    }
    connection.dispose();
}

function writeFailures(dir: string, failures: Failure[]): void {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    failures.forEach((failure, index) => {
        const name = `${String(index + 1).padStart(2, '0')}-${failure.kind.replace(/[^a-z]+/gi, '-')}`;
        fs.writeFileSync(path.join(dir, `${name}.cpiplan`), failure.text);
        fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ key: failure.key, count: failure.count, message: failure.message, params: failure.params }, null, 2));
    });
}

/** The figures as a table, for the console. */
export function formatReport(report: FuzzReport): string {
    const lines = [
        `edits ${report.edits}, requests ${report.requests}, errors ${report.errors}, slow ${report.slow}, documented errors ${report.expectedErrors}, server-cancelled ${report.cancelled}, ` +
        `${report.alive ? 'server alive' : `server DEAD (${report.exit ?? ''})`}, RSS ${report.rssMb ?? '?'} MB (peak ${report.maxRssMb ?? '?'} MB), ${report.seconds.toFixed(0)} s`,
        '',
        'kind                                      count     p50 ms    p99 ms    max ms'
    ];
    for (const [kind, f] of Object.entries(report.latency).sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(`${kind.padEnd(40)} ${String(f.count).padStart(6)} ${f.p50.toFixed(1).padStart(10)} ${f.p99.toFixed(1).padStart(9)} ${f.max.toFixed(1).padStart(9)}`);
    }
    if (report.unexercised.length > 0) {
        lines.push('', `advertised but not exercised: ${report.unexercised.join(', ')}`);
    }
    if (report.failures.length > 0) {
        lines.push('', 'failures:');
        for (const f of report.failures) {
            lines.push(`  ${String(f.count).padStart(6)} × ${f.key}`);
        }
    }
    return lines.join('\n');
}
