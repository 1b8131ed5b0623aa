/** The outline of a plan or a rule set. */
import { GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isPlan, isRuleSet } from '../generated/ast.js';

/** The outline: sections, sources, lines with their items, offices, profiles, tables, areas. */
export class CpiplanDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): MaybePromise<DocumentSymbol[]> {
        // On text that starts neither a plan nor a rule set, the root is a bare `Document` with no properties.
        const root: AstNode | undefined = document.parseResult.value;
        if (!root?.$cstNode || !(isPlan(root) || isRuleSet(root))) {
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
