/** The outline of a plan or a rule set. */
import { GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isPlan, isRuleSet, type PlanElement, type SectionElement } from '../generated/ast.js';

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
        const lineName = (code: string | undefined, title: string | undefined) => code !== undefined ? `linea ${code}` : title !== undefined ? `linea "${title}"` : '';
        const elementSymbols = (element: PlanElement | SectionElement): DocumentSymbol[] => {
            switch (element.$type) {
                case 'Section': return symbol(element, `${element.code ?? ''} ${element.title ?? ''}`.trim(), SymbolKind.Namespace, [
                    ...[...element.declarations, ...element.elements]
                        .sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0))
                        .flatMap(e => e.$type === 'Declaration' ? symbol(e, e.key, SymbolKind.String) : elementSymbols(e))
                ]);
                case 'FundingSource': return symbol(element, element.name, SymbolKind.Constant, [], element.title);
                case 'InterventionLine': return symbol(element, element.code ? `${element.code} ${element.title ?? ''}` : element.title ?? '', SymbolKind.Field, [
                    ...element.items.flatMap(i => symbol(i, i.title ?? '', SymbolKind.Property)),
                    ...element.groups.flatMap(g => symbol(g, g.title ?? '', SymbolKind.Struct, g.items.flatMap(i => symbol(i, i.title ?? '', SymbolKind.Property)))),
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
                case 'Objectives': return symbol(element, element.general ? 'obiettivi generali' : `obiettivi ${lineName(element.lineCode, element.lineTitle)}`.trim(), SymbolKind.Enum, [
                    ...element.objectives.flatMap(o => symbol(o, o.text, SymbolKind.EnumMember)),
                    ...element.results.flatMap(r => symbol(r, r.title, SymbolKind.EnumMember))
                ], element.title);
                case 'Timeline': return symbol(element, element.title ?? 'cronoprogramma', SymbolKind.Event,
                    element.milestones.flatMap(m => symbol(m, m.title, SymbolKind.Event)));
                case 'Governance': return symbol(element, element.title ?? 'governance', SymbolKind.Interface,
                    element.actors.flatMap(a => symbol(a, a.name, SymbolKind.Object, [], a.role)));
                case 'InformationSystem': return symbol(element, element.title, SymbolKind.Package,
                    element.services.flatMap(sv => symbol(sv, sv.title, SymbolKind.Method)));
                case 'Observatory': return symbol(element, element.title, SymbolKind.Interface,
                    element.members.flatMap(m => symbol(m, m.role, SymbolKind.Object)));
                case 'Reprogramming': return symbol(element, element.title ?? 'riprogrammazione', SymbolKind.Operator,
                    element.moves.flatMap(m => symbol(m, `sposta ${m.amount?.$cstNode?.text ?? ''}`.trim(), SymbolKind.Operator)));
                case 'Review': return symbol(element, element.title ?? 'valutazione', SymbolKind.Interface,
                    element.requests.flatMap((r, i) => symbol(r, `richiesta ${r.number ?? i + 1}`, SymbolKind.Key, [], r.text)));
                case 'Act': return symbol(element, [element.kind, element.number ?? element.protocol].filter(p => p !== undefined).join(' '), SymbolKind.File, [], element.title);
                case 'PercentageTable': return symbol(element, element.title, SymbolKind.Array);
                case 'Municipalities': return symbol(element, `comuni di ${element.office?.$refText ?? ''}`, SymbolKind.Array);
                case 'StaffByFunction': return symbol(element, `funzioni di ${element.office?.$refText ?? ''}`, SymbolKind.Array);
                case 'StaffingNeeds': return symbol(element, element.title ?? 'fabbisogno', SymbolKind.Array);
                default: return [];
            }
        };
        const children = root.elements.flatMap(elementSymbols);
        return symbol(root, root.region ?? '', SymbolKind.File, children);
    }
}
