/** Code lens: above each line its total and cap usage; above the plan its grand total, its state and the table commands. */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import type { Plan } from '../generated/ast.js';
import { formatMoney, formatPercentage } from '../model/numbers.js';
import { word } from '../i18n/words.js';
import { clientCommands, serverCommands } from '../../protocol.js';

export class CpiplanCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: CpiplanServices) { }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] | undefined {
        const root = document.parseResult.value;
        if (root?.$type !== 'Plan' || !root.$cstNode) {
            return undefined;
        }
        const evaluation = this.services.model.PlanEvaluator.evaluate(root as Plan);
        const locale = this.services.i18n.Locale.current;
        const diagnostics = document.diagnostics ?? [];
        const errors = diagnostics.filter(d => d.severity === 1).length;
        const warnings = diagnostics.filter(d => d.severity === 2).length;
        const state = errors + warnings === 0 ? word('noProblems', locale)
            : `${errors} ${word('errors', locale)}, ${warnings} ${word('warnings', locale)}`;
        const top = { start: root.$cstNode.range.start, end: root.$cstNode.range.start };
        // The VS Code client asks which tables and where; any other editor runs the server's commands.
        const own = this.services.client.Features.ownCommands;
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [
            { range: top, command: { title: `${word('grandTotal', locale)} ${evaluation.grandTotalComplete ? formatMoney(evaluation.grandTotal) : '—'} · ${state}`, command: '' } },
            { range: top, command: { title: word('generateTables', locale), command: own ? clientCommands.generateTables : serverCommands.writeTables, arguments: [uri] } },
            { range: top, command: { title: word('openPreview', locale), command: own ? clientCommands.openPreview : serverCommands.writePreview, arguments: [uri] } }
        ];
        for (const line of evaluation.lines) {
            const start = line.line.$cstNode?.range.start;
            if (!start) {
                continue;
            }
            const caps = line.caps.map(c => `${c.usage ? formatPercentage(c.usage) : '—'} ${word('ofCap', locale)}`);
            lenses.push({ range: { start, end: start }, command: { title: [line.totalComplete ? formatMoney(line.total) : '—', ...caps].join(' · '), command: '' } });
        }
        return lenses;
    }
}
