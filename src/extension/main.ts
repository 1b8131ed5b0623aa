/**
 * The VS Code client: starts the cpiplan language server and adds the commands that show
 * its figures — generate tables, live preview, compare with another version — and a status
 * bar item. It computes nothing: every figure comes from the server.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import escapeHtml from 'escape-html';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

import {
    clientCommands, requests, type InitializationOptions, type NewPlanParams, type NewPlanResult, tableFormats, tableSelections, type DiffParams, type DiffResult, type PreviewParams, type PreviewResult,
    type SummaryParams, type SummaryResult, type TableFormat, type TableSelection, type TablesParams, type TablesResult
} from '../protocol.js';
import { clientMessages, type ClientMessage } from '../language/i18n/client-messages.js';
import type { ArgumentList } from '../language/i18n/template.js';
import { localize } from './l10n.js';
import { registerCheckTasks } from './tasks.js';
import { registerDocumentCommands } from './document-commands.js';

let client: LanguageClient | undefined;
const say = <K extends ClientMessage>(key: K, ...args: ArgumentList<(typeof clientMessages)[K]>) => localize(clientMessages, key, ...args);

/** The plan a command works on: its argument, or the active editor's. */
function planUri(argument: unknown): vscode.Uri | undefined {
    if (argument instanceof vscode.Uri) {
        return argument;
    }
    if (typeof argument === 'string') {
        return vscode.Uri.parse(argument);
    }
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'cpiplan' ? editor.document.uri : undefined;
}

async function generateTables(argument?: unknown, options?: { table?: TableSelection; format?: TableFormat; overwrite?: boolean }): Promise<vscode.Uri | undefined> {
    const uri = planUri(argument);
    if (!uri || !client) {
        void vscode.window.showWarningMessage(say('openPlan'));
        return undefined;
    }
    const table = options?.table ?? (await vscode.window.showQuickPick(
        [...tableSelections], { placeHolder: say('whichTables') })) as TableSelection | undefined;
    const format = options?.format ?? (await vscode.window.showQuickPick(
        [...tableFormats], { placeHolder: say('whichFormat') })) as TableFormat | undefined;
    if (!table || !format) {
        return undefined;
    }
    const result = await client.sendRequest<TablesResult>(requests.tables, { uri: uri.toString(), table, format } satisfies TablesParams);
    const target = vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${path.basename(uri.fsPath, '.cpiplan')}-${table}.${format}`));
    const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
    if (exists && !options?.overwrite) {
        const overwrite = say('overwrite');
        const answer = options?.overwrite === false ? undefined : await vscode.window.showWarningMessage(
            say('overwriteQuestion', { file: path.basename(target.fsPath) }), { modal: true }, overwrite);
        if (answer !== overwrite) {
            return undefined;
        }
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.content, result.encoding));
    void vscode.window.showInformationMessage(say('tablesSaved', { file: path.basename(target.fsPath) }));
    return target;
}

function nonce(): string {
    return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
}

/** The preview page: the server's escaped HTML under a strict policy; no scripts at all. */
function previewHtml(preview: PreviewResult): string {
    const n = nonce();
    return `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; img-src data:;">
<style nonce="${n}">${preview.style}
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); }
th { background: var(--vscode-editorWidget-background); color: var(--vscode-foreground); }
figure.cap-chart text { fill: var(--vscode-foreground); font-size: 12px; }
rect.charged { fill: #4a7fb5; } rect.over { fill: #c0392b; } line.cap { stroke: var(--vscode-foreground); stroke-width: 2; }
</style></head><body>${preview.body}</body></html>`;
}

const previews = new Map<string, vscode.WebviewPanel>();

async function openPreview(argument?: unknown): Promise<vscode.WebviewPanel | undefined> {
    const uri = planUri(argument);
    const server = client;
    if (!uri || !server) {
        return undefined;
    }
    const key = uri.toString();
    const existing = previews.get(key);
    if (existing) {
        existing.reveal(vscode.ViewColumn.Beside);
        return existing;
    }
    const panel = vscode.window.createWebviewPanel('cpiplan.preview', say('previewTitle', { file: path.basename(uri.fsPath) }),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
    previews.set(key, panel);
    const refresh = async () => {
        try {
            const preview = await server.sendRequest<PreviewResult>(requests.preview, { uri: key } satisfies PreviewParams);
            panel.webview.html = previewHtml(preview);
        } catch (error) {
            panel.webview.html = previewHtml({ title: '', body: `<p>${escapeHtml((error as Error).message)}</p>`, style: '' });
        }
    };
    let timer: NodeJS.Timeout | undefined;
    const listener = vscode.workspace.onDidChangeTextDocument(event => {
        if (event.document.uri.toString() === key) {
            clearTimeout(timer);
            timer = setTimeout(() => void refresh(), 300);
        }
    });
    panel.onDidDispose(() => {
        listener.dispose();
        clearTimeout(timer);
        previews.delete(key);
    });
    await refresh();
    return panel;
}

function gitHead(file: string): Promise<string> {
    return new Promise((resolve, reject) => execFile('git', ['show', `HEAD:./${path.basename(file)}`], { cwd: path.dirname(file), maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => error ? reject(new Error(stderr.trim() || error.message)) : resolve(stdout)));
}

/**
 * A new plan from the rule set: asks the region and where to save it (never over a file without
 * the save dialog's own confirmation), writes the server's skeleton and opens it. Tests pass both.
 */
async function newPlan(region?: string, target?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    if (!client) {
        return undefined;
    }
    const name = region ?? await vscode.window.showInputBox({ prompt: say('regionPrompt'), placeHolder: say('regionPlaceholder') });
    if (!name?.trim()) {
        return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file = `${name.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}.cpiplan`;
    const where = target ?? await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined, filters: { cpiplan: ['cpiplan'] }, saveLabel: say('saveNewPlan')
    });
    if (!where) {
        return undefined;
    }
    const { text } = await client.sendRequest<NewPlanResult>(requests.newPlan, { region: name.trim() } satisfies NewPlanParams);
    await vscode.workspace.fs.writeFile(where, Buffer.from(text, 'utf8'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(where));
    void vscode.window.showInformationMessage(say('newPlanCreated', { file: path.basename(where.fsPath) }));
    return editor;
}

async function compareWith(argument?: unknown, other?: vscode.Uri | 'HEAD'): Promise<vscode.TextDocument | undefined> {
    const uri = planUri(argument);
    if (!uri || !client) {
        return undefined;
    }
    let choice = other;
    if (!choice) {
        const head = say('gitHead');
        const picked = await vscode.window.showQuickPick([head, say('anotherFile')]);
        if (!picked) {
            return undefined;
        }
        choice = picked === head ? 'HEAD' : (await vscode.window.showOpenDialog({ filters: { cpiplan: ['cpiplan'] }, canSelectMany: false }))?.[0];
    }
    if (!choice) {
        return undefined;
    }
    try {
        const oldText = choice === 'HEAD' ? await gitHead(uri.fsPath) : Buffer.from(await vscode.workspace.fs.readFile(choice)).toString('utf8');
        const oldLabel = choice === 'HEAD' ? 'HEAD' : path.basename(choice.fsPath);
        const { markdown, disagreements } = await client.sendRequest<DiffResult>(requests.diff, { newUri: uri.toString(), oldText, oldLabel } satisfies DiffParams);
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
        await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
        if (disagreements > 0) {
            void vscode.window.showWarningMessage(say('movesDisagree', { count: disagreements }));
        }
        return document;
    } catch (error) {
        void vscode.window.showErrorMessage(say('comparisonFailed', { reason: (error as Error).message }));
        return undefined;
    }
}

async function updateStatus(item: vscode.StatusBarItem): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!client || editor?.document.languageId !== 'cpiplan') {
        item.hide();
        return;
    }
    try {
        const summary = await client.sendRequest<SummaryResult>(requests.summary, { uri: editor.document.uri.toString() } satisfies SummaryParams);
        item.text = `$(graph) ${summary.grandTotal} · ${summary.errors === 0 ? '$(check)' : `$(error) ${summary.errors}`}${summary.warnings ? ` $(warning) ${summary.warnings}` : ''}`;
        item.tooltip = say('statusTooltip', { total: summary.grandTotal, errors: summary.errors, warnings: summary.warnings });
        item.show();
    } catch {
        item.hide();
    }
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
    const module = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'cpiplan' }],
        synchronize: { configurationSection: 'cpiplan', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.cpiplan') },
        // The code lens then names this client's commands (pickers, dialogs) instead of the server's.
        initializationOptions: { clientCommands: true } satisfies InitializationOptions
    };
    client = new LanguageClient('cpiplan', 'cpiplan', serverOptions, clientOptions);
    await client.start();

    const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
    status.command = clientCommands.openPreview;
    context.subscriptions.push(
        status,
        vscode.commands.registerCommand(clientCommands.generateTables, generateTables),
        vscode.commands.registerCommand(clientCommands.openPreview, openPreview),
        vscode.commands.registerCommand(clientCommands.compareWith, compareWith),
        vscode.commands.registerCommand(clientCommands.newPlan, newPlan),
        registerCheckTasks(context.asAbsolutePath(path.join('out', 'cli.cjs'))),
        vscode.window.onDidChangeActiveTextEditor(() => void updateStatus(status)),
        vscode.languages.onDidChangeDiagnostics(() => void updateStatus(status))
    );
    registerDocumentCommands(context, () => client);
    void updateStatus(status);
    return { client };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
