/**
 * Inlay hints: the computed total after each line header (and its cap usage), and next to each
 * declared total a ✓ or the computed figure. Switched off with `cpiplan.inlayHints.enabled`.
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams, type Position } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import type { Plan } from '../generated/ast.js';
import { formatInteger, formatMoney, formatPercentage } from '../model/numbers.js';
import { word } from '../i18n/words.js';

const within = (position: Position, params: InlayHintParams) =>
    (position.line > params.range.start.line || (position.line === params.range.start.line && position.character >= params.range.start.character))
    && (position.line < params.range.end.line || (position.line === params.range.end.line && position.character <= params.range.end.character));

export class CpiplanInlayHintProvider implements InlayHintProvider {
    constructor(private readonly services: CpiplanServices) { }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[] | undefined> {
        const root = document.parseResult.value;
        if (root?.$type !== 'Plan' || !(await this.enabled())) {
            return undefined;
        }
        const evaluation = this.services.model.PlanEvaluator.evaluate(root as Plan);
        const locale = this.services.i18n.Locale.current;
        const hints: InlayHint[] = [];
        for (const line of evaluation.lines) {
            const header = GrammarUtils.findNodeForProperty(line.line.$cstNode, 'title')?.range.end;
            if (!header || !line.totalComplete) {
                continue;
            }
            const usage = line.caps.map(c => `${c.usage ? formatPercentage(c.usage) : '—'} ${word('ofCap', locale)}`).join(', ');
            hints.push({
                position: header, kind: InlayHintKind.Parameter, paddingLeft: true,
                label: `= ${formatMoney(line.total)}${usage ? ` · ${usage}` : ''}`
            });
        }
        for (const total of evaluation.totals) {
            const end = total.node.$cstNode?.range.end;
            if (!end) {
                continue;
            }
            const format = total.unit === 'money' ? formatMoney : formatInteger;
            hints.push({
                position: end, kind: InlayHintKind.Parameter, paddingLeft: true,
                label: total.difference === 0n ? '✓' : `≠ ${format(total.computed)}`
            });
        }
        return hints.filter(h => within(h.position, params));
    }

    private async enabled(): Promise<boolean> {
        const setting = await this.services.shared.workspace.ConfigurationProvider.getConfiguration('cpiplan', 'inlayHints');
        return (setting as { enabled?: boolean } | undefined)?.enabled !== false;
    }
}
