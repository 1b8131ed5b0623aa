/**
 * The commands the server runs for editors without cpiplan's own client (the code lens's
 * "Genera tabelle" and "Anteprima"): they write the tables, or the preview page, next to the plan
 * and say where. An existing file is overwritten only when the user says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { MessageType, type Connection } from 'vscode-languageserver';
import type { CpiplanServices } from '../language/cpiplan-module.js';
import { clientText } from '../language/i18n/client-messages.js';
import { buildTables } from '../generator/build-tables.js';
import { renderTables } from '../generator/render-tables.js';
import { serverCommands, tableFormats, tableGroups, tableSelections, type TableFormat, type TableSelection } from '../protocol.js';
import { planOf } from './requests.js';

export class CpiplanCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly services: CpiplanServices, private readonly connection: Connection) {
        super();
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(serverCommands.writeTables, args => {
            const table = tableSelections.find(t => t === args[1]) ?? 'all';
            const format = tableFormats.find(f => f === args[2]) ?? 'md';
            return this.write(String(args[0]), table, format, 'tablesSaved');
        });
        acceptor(serverCommands.writePreview, args => this.write(String(args[0]), 'all', 'html', 'previewSaved'));
    }

    /** Renders the plan's tables and writes them beside it; returns the path written, or undefined. */
    private async write(uri: string, table: TableSelection, format: TableFormat, said: 'tablesSaved' | 'previewSaved'): Promise<string | undefined> {
        const locale = this.services.i18n.Locale.current;
        const { plan, document } = await planOf(this.services, uri);
        const content = await renderTables(buildTables(this.services.model.PlanEvaluator.evaluate(plan), table === 'all' ? tableGroups : [table]), format);
        const file = document.uri.fsPath;
        const target = path.join(path.dirname(file), `${path.basename(file, '.cpiplan')}-${table}.${format}`);
        const shown = path.basename(target);
        if (fs.existsSync(target)) {
            const overwrite = clientText('overwrite', locale);
            const answer = await this.connection.window.showWarningMessage(clientText('overwriteQuestion', locale, { file: shown }),
                { title: overwrite }, { title: clientText('keep', locale) });
            if (answer?.title !== overwrite) {
                void this.connection.window.showInformationMessage(clientText('notOverwritten', locale, { file: shown }));
                return undefined;
            }
        }
        const temporary = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, content);
        fs.renameSync(temporary, target);
        void this.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: clientText(said, locale, { file: shown }) });
        return URI.file(target).toString();
    }
}
