/** Langium's document validator, with a visible code on every diagnostic and syntax errors in the locale's words. */
import {
    Cancellation, CstUtils, DefaultDocumentValidator, diagnosticData, DocumentValidator, GrammarUtils, interruptAndCheck, type AstNode,
    type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import { isPlan, type Plan } from '../generated/ast.js';
import { syntaxMessage } from '../i18n/syntax-messages.js';
import { readOffsets } from '../model/damage.js';
import { elementsOf } from '../model/elements.js';
import { allNodesOf, nodesOf } from '../ast-walk.js';
import { misspeltTotal } from '../model/staffing.js';
import type { SyntaxErrorWording } from '../syntax/syntax-errors.js';

/**
 * Gives every diagnostic a visible code, Langium's own (lexing, parsing, linking) included. A
 * plan whose `da` file is missing is told so once (`rule-file-missing`), not also that its rule
 * set cannot be found.
 */
export class CpiplanDocumentValidator extends DefaultDocumentValidator {
    private readonly cpiplan: CpiplanServices;
    private readonly wording: SyntaxErrorWording;

    constructor(services: CpiplanServices) {
        super(services);
        this.cpiplan = services;
        this.wording = services.syntax.Wording;
    }

    /**
     * Langium's walk of every node, running the same checks in the same order, without its
     * per-node overhead: the checks of a type are looked up once per document, not streamed
     * anew for each node; the tree is walked without a stream per node (ast-walk.ts); a check
     * that ends synchronously is not awaited; and the walk yields to the event loop (and notices
     * a cancellation) every 128 nodes instead of awaiting a promise at each (bench/PROFILE.md).
     */
    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksOf = new Map<string, ValidationCheck[]>();
        // Whether each node is validated, by its index in `nodes` (asked once per node, in their order).
        const validated: boolean[] = [];
        // The walk linking made (allNodesOf), unless a node's options leave its children out.
        let nodes = allNodesOf(rootNode);
        for (const node of nodes) {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (!nodeOptions.validateChildren) {
                validated.length = 0;
                nodes = nodesOf(rootNode, node => {
                    const nodeOptions = this.validateSingleNodeOptions(node, options);
                    validated.push(nodeOptions.validateNode);
                    return nodeOptions.validateChildren;
                });
                break;
            }
            validated.push(nodeOptions.validateNode);
        }
        for (let i = 0; i < nodes.length; i++) {
            if (i % 128 === 0) {
                await interruptAndCheck(cancelToken);
            }
            const node = nodes[i];
            if (validated[i]) {
                let checks = checksOf.get(node.$type);
                if (checks === undefined) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksOf.set(node.$type, checks);
                }
                for (const check of checks) {
                    // A check that returns no promise is not awaited: one microtask less per node and check.
                    const pending = check(node, acceptor, cancelToken);
                    if (pending instanceof Promise) {
                        await pending;
                    }
                }
            }
        }
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const root = document.parseResult.value;
        const missingFile = isPlan(root) && !this.cpiplan.references.RuleSets.fileLoaded(root);
        if (isPlan(root)) {
            diagnostics.push(...this.keywordsReadAsNames(root));
        }
        return diagnostics
            .filter(diagnostic => !(missingFile && isRuleSetLinkingError(diagnostic)))
            .map(diagnostic => {
                const data = diagnostic.data as { code?: string } | undefined;
                return diagnostic.code === undefined && data?.code ? { ...diagnostic, code: data.code } : diagnostic;
            });
    }

    /**
     * Parser errors, reworded with the whole parse known: a missing `}` names the block it should
     * close, skipped text is named as such and spans what was skipped. An error on a line where an
     * unexpected character came before it is that character's consequence, not reported again.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const document = parseResult.value?.$document;
        if (!document || parseResult.parserErrors.length === 0) {
            super.processParsingErrors(parseResult, diagnostics, options);
            return;
        }
        const read = readOffsets(parseResult);
        const lexed = parseResult.lexerErrors;
        /** The column of the first parsing error shown on each line (both from 0, as a range's). */
        const firstOnLine = new Map<number, number>();
        for (const error of parseResult.parserErrors) {
            const token = error.token;
            const afterBadCharacter = !Number.isNaN(token.startOffset)
                && lexed.some(l => l.line === token.startLine && l.offset <= token.startOffset);
            if (afterBadCharacter) {
                continue;
            }
            const last = error.resyncedTokens.at(-1);
            // A token that is missing (recovery inserted it, the token found was kept) is shown where it belongs: after the one before.
            const missing = Number.isNaN(token.startOffset) || (read.has(token.startOffset) && error.name === 'MismatchedTokenException');
            const range = missing ? this.rangeAfterPrevious(error)
                : read.has(token.startOffset) || !last ? CstUtils.tokenToRange(token)
                    : { start: CstUtils.tokenToRange(token).start, end: CstUtils.tokenToRange(last).end };
            // A second error on a line is the first one's consequence: recovery read the rest of a broken line.
            if (firstOnLine.has(range.start.line)) {
                continue;
            }
            firstOnLine.set(range.start.line, range.start.character);
            const message = this.wording.reword(error, document, read) ?? error.message;
            diagnostics.push({
                severity: 1, range, message, source: this.getSource(),
                data: diagnosticData(DocumentValidator.ParsingError)
            });
        }
        // Characters after a parsing error on its line stood in text the parser could not read (a
        // title that lost its opening quote): reporting each would bury the error. A quote left
        // open is kept: it says where the text went wrong.
        const text = document.textDocument.getText();
        const consequences = new Set(lexed.filter(l => {
            const column = firstOnLine.get((l.line ?? 0) - 1);
            return column !== undefined && l.column !== undefined && l.column - 1 > column && !quotes.has(text.charAt(l.offset));
        }).map(l => `${(l.line ?? 0) - 1}:${(l.column ?? 0) - 1}`));
        if (consequences.size > 0) {
            const kept = diagnostics.filter(d => !((d.data as { code?: string } | undefined)?.code === DocumentValidator.LexingError
                && consequences.has(`${d.range.start.line}:${d.range.start.character}`)));
            diagnostics.splice(0, diagnostics.length, ...kept);
        }
    }

    /**
     * A slip for `totale` in a category summary parses (a category is any name) but is a syntax
     * error to the analyst: it is reported as one, on the name, with the keyword it stands for.
     */
    private keywordsReadAsNames(plan: Plan): Diagnostic[] {
        const locale = this.cpiplan.i18n.Locale.current;
        return elementsOf(plan, 'CategorySummary').flatMap(summary => summary.rows.filter(misspeltTotal)).flatMap(row => {
            const name = row.$cstNode && GrammarUtils.findNodeForProperty(row.$cstNode, 'category');
            return name ? [{
                severity: 1, range: name.range, source: this.getSource(), code: DocumentValidator.ParsingError,
                message: syntaxMessage('readAsCategory', locale, { found: `'${row.category}'`, keyword: "'totale'" }),
                data: diagnosticData(DocumentValidator.ParsingError)
            } satisfies Diagnostic] : [];
        });
    }

    /** Where an error on a token inserted by recovery is shown: right after the token before it. */
    private rangeAfterPrevious(error: ParseResult['parserErrors'][number]): Diagnostic['range'] {
        const previous = (error as typeof error & { previousToken?: { startOffset: number; endLine?: number; endColumn?: number } }).previousToken;
        const position = previous && !Number.isNaN(previous.startOffset) && previous.endLine !== undefined && previous.endColumn !== undefined
            ? { line: previous.endLine - 1, character: previous.endColumn } : { line: 0, character: 0 };
        return { start: position, end: position };
    }
}

/** The characters that open a quoted text. */
const quotes = new Set(['"', "'"]);

function isRuleSetLinkingError(diagnostic: Diagnostic): boolean {
    const data = diagnostic.data as { code?: string; containerType?: string; property?: string } | undefined;
    return data?.code === 'linking-error' && data.containerType === 'Plan' && data.property === 'ruleSet';
}
