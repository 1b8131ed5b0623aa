/**
 * The client's commands for the plan document and the import: "Generate plan document…" (the
 * server renders it; saved next to the plan, asking before overwriting), "Import plan…", "Paste
 * as cpiplan" on the clipboard, and the paste edit provider that offers to convert a pasted
 * tab-separated table.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { clientCommands, requests, type DocumentParams, type DocumentResult } from '../protocol.js';
import { clientMessages } from '../language/i18n/client-messages.js';
import { documentMessages, type DocumentMessage } from '../language/i18n/document-messages.js';
import type { ArgumentList } from '../language/i18n/template.js';
import { localize } from './l10n.js';
import { formatOf, gridOfCsv, importGrid, importText, type ImportResult } from '../import/import-plan.js';
import { pasteAsCpiplan } from '../import/paste.js';

export function registerDocumentCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    const say = <K extends DocumentMessage>(key: K, ...args: ArgumentList<(typeof documentMessages)[K]>) => localize(documentMessages, key, ...args);

    const writeAsking = async (target: vscode.Uri, content: Uint8Array): Promise<boolean> => {
        const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
        if (exists) {
            const yes = say('overwriteYes');
            if (await vscode.window.showWarningMessage(say('overwrite', { path: path.basename(target.fsPath) }), { modal: true }, yes) !== yes) {
                return false;
            }
        }
        await vscode.workspace.fs.writeFile(target, content);
        return true;
    };

    context.subscriptions.push(vscode.commands.registerCommand(clientCommands.generateDocument, async (argument?: unknown) => {
        const editor = vscode.window.activeTextEditor;
        const uri = argument instanceof vscode.Uri ? argument : editor?.document.languageId === 'cpiplan' ? editor.document.uri : undefined;
        const languageClient = client();
        if (!uri || !languageClient) {
            return undefined;
        }
        const formats: DocumentParams['format'][] = ['docx', 'html', 'md'];
        const picked = await vscode.window.showQuickPick(formats, { placeHolder: say('pickDocumentFormat') });
        const format = formats.find(f => f === picked);
        if (!format) {
            return undefined;
        }
        const result = await languageClient.sendRequest<DocumentResult>(requests.document, { uri: uri.toString(), format } satisfies DocumentParams);
        const target = vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${path.basename(uri.fsPath, '.cpiplan')}.${format}`));
        if (await writeAsking(target, Buffer.from(result.content, result.encoding))) {
            void vscode.window.showInformationMessage(say('documentWritten', { path: path.basename(target.fsPath) }));
            return target;
        }
        return undefined;
    }));

    context.subscriptions.push(vscode.commands.registerCommand(clientCommands.importPlan, async (argument?: unknown) => {
        const source = argument instanceof vscode.Uri ? argument : (await vscode.window.showOpenDialog({
            canSelectMany: false, filters: { [localize(clientMessages, 'importFilter')]: ['xlsx', 'csv', 'tsv', 'txt', 'docx'] }
        }))?.[0];
        if (!source) {
            return undefined;
        }
        const format = formatOf(source.fsPath);
        if (!format) {
            void vscode.window.showErrorMessage(say('importUnknownFormat', { path: source.fsPath }));
            return undefined;
        }
        const bytes = Buffer.from(await vscode.workspace.fs.readFile(source));
        const origin = path.basename(source.fsPath);
        let result: ImportResult;
        if (format === 'text') {
            result = importText(bytes.toString('utf8'), origin, 'Regione');
        } else if (format === 'csv') {
            result = importGrid(gridOfCsv(bytes.toString('utf8')), [], origin, 'Regione');
        } else {
            const office = await import('../import/read-office.js');
            if (format === 'xlsx') {
                result = importGrid(await office.gridOfXlsx(bytes), [], origin, 'Regione');
            } else {
                const word = await office.readDocx(bytes);
                result = importGrid(word.grid, { outline: word.prose }, origin, 'Regione');
            }
        }
        const target = vscode.Uri.file(path.join(path.dirname(source.fsPath), `${path.basename(source.fsPath, path.extname(source.fsPath))}.cpiplan`));
        if (await writeAsking(target, Buffer.from(result.text, 'utf8'))) {
            await vscode.window.showTextDocument(target);
            void vscode.window.showInformationMessage(`${say('importRecognised', result.recognised)} ${say('importKeptAside', { count: result.keptAside })}`);
            return target;
        }
        return undefined;
    }));

    context.subscriptions.push(vscode.commands.registerCommand(clientCommands.pasteAsCpiplan, async () => {
        const editor = vscode.window.activeTextEditor;
        const converted = pasteAsCpiplan(await vscode.env.clipboard.readText());
        if (!editor || converted === undefined) {
            void vscode.window.showWarningMessage(say('clipboardNoTable'));
            return;
        }
        await editor.edit(edit => edit.replace(editor.selection, converted));
    }));

    const kind = vscode.DocumentDropOrPasteEditKind.Text.append('cpiplan');
    context.subscriptions.push(vscode.languages.registerDocumentPasteEditProvider({ language: 'cpiplan' }, {
        async provideDocumentPasteEdits(_document, _ranges, dataTransfer) {
            const text = await dataTransfer.get('text/plain')?.asString();
            const converted = text === undefined ? undefined : pasteAsCpiplan(text);
            if (converted === undefined) {
                return undefined;
            }
            const edit = new vscode.DocumentPasteEdit(converted, say('pasteAsCpiplan'), kind);
            // Offered next to the plain paste (Ctrl+. after pasting, or "Paste As…"), never instead of it.
            edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
            return [edit];
        }
    }, { providedPasteEditKinds: [kind], pasteMimeTypes: ['text/plain'] }));
}
