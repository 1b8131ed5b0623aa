/** Completion: Langium's keywords and names, plus the rule set's line codes with their official titles. */
import { AstUtils, GrammarAST, GrammarUtils, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDeclaration, isInterventionLine, isPlan, isSection, type Plan } from '../generated/ast.js';

/**
 * Adds the rule set's line codes, with their official titles, after `linea`, and after
 * `dichiarazione` the keys the rule set requires where the cursor is (a line, a section, the
 * plan) with their standard wording.
 */
export class CpiplanCompletionProvider extends DefaultCompletionProvider {
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        // A declaration's key is a data-type rule (an ID or a keyword that can be a key): offer the
        // required keys once, where its ID alternative is expected.
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        if (rule === 'DeclarationKey' && GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'ID') {
            this.requiredDeclarations(context, acceptor);
        }
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

    /** The declarations the rule set requires in the block around the cursor and it does not hold yet. */
    private requiredDeclarations(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const root = context.document.parseResult.value;
        if (!isPlan(root)) {
            return;
        }
        const line = context.node && AstUtils.getContainerOfType(context.node, isInterventionLine);
        const section = context.node && AstUtils.getContainerOfType(context.node, isSection);
        const present = new Set(AstUtils.streamAst(root).filter(isDeclaration).map(d => d.key));
        for (const rule of root.ruleSet?.ref?.declarations ?? []) {
            const here = line ? rule.lineCode === line.code : section ? rule.sectionCode === section.code : rule.plan === true;
            if (!here || present.has(rule.key)) {
                continue;
            }
            acceptor(context, {
                label: rule.key,
                detail: rule.title,
                documentation: rule.text,
                kind: CompletionItemKind.Property,
                insertText: `${rule.key} "${rule.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
                insertTextFormat: InsertTextFormat.PlainText,
                sortText: `0${rule.key}`
            });
        }
    }

    /**
     * Langium's `findFeaturesAt`, with the tokens its completion parser could not parse given
     * images that only their own terminal matches. Langium replays those tokens through the grammar
     * keeping every path, and matches a token against a terminal with the terminal's regex,
     * unanchored, on the token's image: a STRING such as `" 25\n    "` then also reads as a NUMBER
     * cell and as an office ID, and a keyword as an ID. Each such token doubles the paths, which are
     * never deduplicated: after a stray `"` in a statistics table, 20 labels mean a million paths.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const parsed = this.completionParser.parse(document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(offset) }));
        const terminals = new Set(this.grammar.rules.filter(GrammarAST.isTerminalRule).map(rule => rule.name));
        const leftover = parsed.tokens.slice(parsed.tokenIndex).map(token => {
            const name = token.tokenType.name;
            // Keywords match no terminal; DATE, ACT_NUMBER and NUMBER keep their image (they overlap only one another).
            const image = name === 'STRING' ? '""' : name === 'ID' ? '_' : terminals.has(name) ? token.image : '\0';
            return { ...token, image };
        });
        if (parsed.tokenIndex === 0) {
            const entry = GrammarUtils.getEntryRule(this.grammar);
            return entry ? findNextFeatures([[this.buildSyntheticEntryRuleCall(entry)]], leftover) : [];
        }
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], leftover);
    }

    /** `EUR` and `euro` are in the grammar only to be reported (invalid-number): never proposed. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return !readOnlyToReport.has(keyword.value) && super.filterKeyword(context, keyword);
    }
}

const readOnlyToReport = new Set(['EUR', 'euro']);
