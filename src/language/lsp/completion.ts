/** Completion: Langium's keywords and names, plus the rule set's line codes with their official titles. */
import { AstUtils, GrammarAST, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { Plan } from '../generated/ast.js';

/** Adds the rule set's line codes, with their official titles, after `linea`. */
export class CpiplanCompletionProvider extends DefaultCompletionProvider {
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (next.type === 'InterventionLine' && assignment?.feature === 'code' || (assignment?.feature === 'code' && AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'InterventionLine')) {
            const plan = context.document.parseResult.value as Plan;
            const used = new Set(plan.elements?.filter(e => e.$type === 'InterventionLine').map(e => e.code));
            for (const rule of plan.ruleSet?.ref?.lines ?? []) {
                if (used.has(rule.code)) {
                    continue;
                }
                acceptor(context, {
                    label: rule.code,
                    detail: rule.title,
                    kind: CompletionItemKind.EnumMember,
                    insertText: `${rule.code} "${rule.title}" {\n\tvoce "$1" € $2\n}`,
                    insertTextFormat: InsertTextFormat.Snippet,
                    sortText: rule.code
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** `EUR` and `euro` are in the grammar only to be reported (invalid-number): never proposed. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return !readOnlyToReport.has(keyword.value) && super.filterKeyword(context, keyword);
    }
}

const readOnlyToReport = new Set(['EUR', 'euro']);
