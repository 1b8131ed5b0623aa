/**
 * Outline, completion of line codes from the rule set, and semantic tokens. Go to definition,
 * find references, rename and folding are Langium's, working on the names the scopes export.
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import {
    AbstractSemanticTokenProvider, DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext,
    type DocumentSymbolProvider, type NextFeature, type SemanticTokenAcceptor
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, SemanticTokenModifiers, SemanticTokenTypes, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import type { Plan, RuleSet } from '../generated/ast.js';

/** The outline: sections, sources, lines with their items, offices, profiles, tables, areas. */
export class CpiplanDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): MaybePromise<DocumentSymbol[]> {
        const root = document.parseResult.value as Plan | RuleSet | undefined;
        if (!root?.$cstNode) {
            return [];
        }
        const symbol = (node: AstNode, name: string, kind: SymbolKind, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol[] => {
            const range = node.$cstNode?.range;
            if (!range || !name) {
                return [];
            }
            const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'code')
                ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'title');
            return [{ name, kind, range, selectionRange: nameNode?.range ?? range, children, detail }];
        };
        if (root.$type === 'RuleSet') {
            return symbol(root, root.name, SymbolKind.Namespace, root.lines.flatMap(l => symbol(l, `${l.code} ${l.title ?? ''}`, SymbolKind.Field)));
        }
        const children = root.elements.flatMap(element => {
            switch (element.$type) {
                case 'Section': return symbol(element, `${element.code} ${element.title ?? ''}`.trim(), SymbolKind.Namespace,
                    element.declarations.flatMap(d => symbol(d, d.key, SymbolKind.String)));
                case 'FundingSource': return symbol(element, element.name, SymbolKind.Constant, [], element.title);
                case 'InterventionLine': return symbol(element, element.code ? `${element.code} ${element.title ?? ''}` : element.title ?? '', SymbolKind.Field, [
                    ...element.items.flatMap(i => symbol(i, i.title ?? '', SymbolKind.Property)),
                    ...element.declarations.flatMap(d => symbol(d, d.key, SymbolKind.String))
                ]);
                case 'Office': return symbol(element, element.name, SymbolKind.Object, [], element.title);
                case 'Profile': return symbol(element, element.name, SymbolKind.Class, [], element.title);
                case 'StaffTable': return symbol(element, element.title ?? `personale al ${element.date}`, SymbolKind.Array);
                case 'CategorySummary': case 'Movements': return symbol(element, element.title ?? element.$type, SymbolKind.Array);
                case 'HiringPlan': return symbol(element, element.name, SymbolKind.Array);
                case 'PersonnelCost': return symbol(element, `costo personale ${element.year}`, SymbolKind.Array);
                case 'StatisticsTable': return symbol(element, element.title, SymbolKind.Array);
                case 'Area': return symbol(element, element.title ?? element.name, SymbolKind.Module,
                    element.activities.flatMap(a => symbol(a, a.title ?? '', SymbolKind.Event)));
                case 'Declaration': return symbol(element, element.key, SymbolKind.String);
                default: return [];
            }
        });
        return symbol(root, root.region ?? '', SymbolKind.File, children);
    }
}

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
}

/** Semantic tokens: declarations and references of sources, offices and profiles; line codes; amounts. */
export class CpiplanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: CpiplanServices) {
        super(services);
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        switch (node.$type) {
            case 'FundingSource': case 'Office': case 'Profile':
                acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [SemanticTokenModifiers.declaration] });
                break;
            case 'Charge': case 'DeclaredTotal':
                acceptor({ node, property: 'source', type: SemanticTokenTypes.variable });
                break;
            case 'OfficeStaff': case 'StatisticsRow':
                acceptor({ node, property: 'office', type: SemanticTokenTypes.variable });
                break;
            case 'StaffRow': case 'CostRow': case 'Hire':
                acceptor({ node, property: 'profile', type: SemanticTokenTypes.type });
                break;
            case 'InterventionLine': case 'LineRule':
                acceptor({ node, property: 'code', type: SemanticTokenTypes.enumMember });
                break;
            case 'Money': case 'Count': case 'Percentage': case 'Measure':
                acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
                break;
        }
    }
}
