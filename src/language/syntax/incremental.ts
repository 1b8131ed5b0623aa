/**
 * A keystroke re-parses the block it falls in, not the whole plan.
 *
 * Langium parses a document anew on every change: on a plan of 10,000 lines that is a third of a
 * keystroke, and the new tree's garbage another third (bench/PROFILE.md, round 4). Here, when the
 * change lies strictly inside one element written as a `{ … }` block (a line, a section, a staff
 * table…), after its first word and before its closing brace, only that block's text is parsed, with
 * the rule the grammar calls there, and the new element takes the old one's place: the rest of the
 * tree is kept, its positions moved by the length the change added or removed.
 *
 * This gives the same tree as parsing the whole text, and is only tried when that is certain:
 * - the previous parse had no error (recovery may have drawn the blocks otherwise than a clean parse);
 * - the block's first word and everything from its `}` on are unchanged, so the lexer cuts the text
 *   before and after the block as it did, and the parser's decisions outside the block see the
 *   same tokens;
 * - the block's text parses alone, with no error, as exactly one element ending at its `}`: a block
 *   ending with a brace cannot reach past it.
 * Anything else (a change across blocks, a quote or brace that unbalances the text, an error before or
 * after) parses the whole text, as Langium does. `test/language/incremental-parse.test.ts` compares
 * both on thousands of random edits of the real plans.
 */
import {
    DefaultLangiumDocumentFactory, DocumentState, GrammarAST, isCompositeCstNode, RootCstNodeImpl, type AstNode, type CompositeCstNode, type CstNode,
    type LangiumDocument, type LangiumSharedCoreServices, type LeafCstNode, type ParseResult
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import { LeanComposite } from './lean-cst.js';

/** Where two texts differ: `[start, oldEnd)` of the old one became `[start, newEnd)` of the new one. */
export interface Change {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

/** The shortest change that turns `oldText` into `text`: their common beginning and end left out. */
export function changeBetween(oldText: string, text: string): Change {
    const shorter = Math.min(oldText.length, text.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) {
        start++;
    }
    let common = 0;
    const room = shorter - start;
    while (common < room && oldText.charCodeAt(oldText.length - 1 - common) === text.charCodeAt(text.length - 1 - common)) {
        common++;
    }
    return { start, oldEnd: oldText.length - common, newEnd: text.length - common };
}

/** What re-parsing needs of the parser: parsing a text with a rule of the grammar. */
export interface RuleParser {
    parse<T extends AstNode = AstNode>(input: string, options?: { rule?: string }): ParseResult<T>;
}

/** The runtime fields of Langium's CST nodes that moving a node rewrites (private in its typings). */
interface MovableLeaf {
    _offset: number;
    root: CstNode['root'];
}
interface MovableComposite {
    _rangeCache: unknown;
    root: CstNode['root'];
    container?: CompositeCstNode;
}
interface Contained {
    $container: AstNode;
    $containerProperty: string;
    $containerIndex?: number;
    $cstNode?: CstNode;
}

function hasErrors(result: ParseResult): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/** The first or last token of a composite node that is not a comment. */
function edgeLeaf(node: CstNode, last: boolean): LeafCstNode | undefined {
    let current: CstNode | undefined = node;
    while (current && isCompositeCstNode(current)) {
        const composite = current as unknown as { readonly firstNonHiddenNode?: CstNode; readonly lastNonHiddenNode?: CstNode };
        current = last ? composite.lastNonHiddenNode : composite.firstNonHiddenNode;
    }
    return current as LeafCstNode | undefined;
}

/** The AST node a composite CST node stands for, when it is that node's whole text. */
function elementOf(node: CompositeCstNode): AstNode | undefined {
    const own = (node as unknown as { _astNode?: AstNode })._astNode;
    return own && typeof own.$type === 'string' && own.$cstNode === node ? own : undefined;
}

/** A block that can be re-parsed alone: its node, the element it is, where it stands, the rule called there. */
interface Block {
    readonly node: CompositeCstNode;
    readonly holder: CompositeCstNode;
    readonly element: AstNode & Contained;
    readonly index: number;
    readonly call: GrammarAST.RuleCall;
    readonly rule: string;
}

/**
 * The block to re-parse, when `node` is an element of a list written as a block holding the
 * change strictly inside: after its first word (a keyword), up to its closing `}`.
 */
function blockAt(node: CompositeCstNode, change: Change): Block | undefined {
    const element = elementOf(node) as (AstNode & Contained) | undefined;
    const call = node.grammarSource;
    const index = element?.$containerIndex;
    const holder = node.container;
    if (!element || index === undefined || !holder || !GrammarAST.isRuleCall(call)) {
        return undefined;
    }
    const rule = call.rule.ref;
    if (!GrammarAST.isParserRule(rule) || rule.fragment || rule.dataType !== undefined) {
        return undefined;
    }
    const first = edgeLeaf(node, false);
    const last = edgeLeaf(node, true);
    if (!first || !last || !GrammarAST.isKeyword(first.grammarSource) || !GrammarAST.isKeyword(last.grammarSource) || last.grammarSource.value !== '}') {
        return undefined;
    }
    return first.end < change.start && change.oldEnd <= last.offset ? { node, holder, element, index, call, rule: rule.name } : undefined;
}

/** The innermost block that can be re-parsed alone for this change. */
function innermostBlock(root: CompositeCstNode, change: Change): Block | undefined {
    let found: Block | undefined;
    let node: CompositeCstNode = root;
    for (;;) {
        let inner: CompositeCstNode | undefined;
        for (const child of node.content) {
            if (isCompositeCstNode(child) && child.offset < change.start && change.oldEnd < child.end) {
                inner = child;
                break;
            }
        }
        if (!inner) {
            return found;
        }
        found = blockAt(inner, change) ?? found;
        node = inner;
    }
}

/**
 * Visits every node under `node` (itself included): composites forget their cached range and
 * belong to `root`; leaves belong to `root` and move by `by` when they start at or after `from`.
 */
function rebase(node: CstNode, root: RootCstNodeImpl, from: number, by: number): void {
    const stack: CstNode[] = [node];
    for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
        if (isCompositeCstNode(current)) {
            const movable = current as unknown as MovableComposite;
            movable._rangeCache = undefined;
            movable.root = root;
            for (const child of current.content) {
                stack.push(child);
            }
        } else {
            const leaf = current as unknown as MovableLeaf;
            leaf.root = root;
            if (leaf._offset >= from) {
                // Its range is worked out from its offset when asked (lean-cst.ts).
                leaf._offset += by;
            }
        }
    }
}

/**
 * The parse of `text` made from `previous` (the parse of `oldText`) by re-parsing the one block the
 * change falls in; undefined when that would not certainly give the tree a whole parse gives.
 * `previous` is taken apart: it must not be used afterwards.
 */
export function reparseBlock(parser: RuleParser, previous: ParseResult, oldText: string, text: string): ParseResult | undefined {
    const oldRoot = previous.value.$cstNode;
    if (!oldRoot || oldRoot.root !== oldRoot || hasErrors(previous)) {
        return undefined;
    }
    const change = changeBetween(oldText, text);
    const block = innermostBlock(oldRoot.root, change);
    if (!block) {
        return undefined;
    }
    const start = block.node.offset;
    const oldEnd = block.node.end;
    const delta = text.length - oldText.length;
    const reparsed = parser.parse(text.slice(start, oldEnd + delta), { rule: block.rule });
    const subRoot = reparsed.value.$cstNode;
    if (hasErrors(reparsed) || !isCompositeCstNode(subRoot) || subRoot !== subRoot.root || subRoot.end !== oldEnd + delta - start) {
        return undefined;
    }

    // The new text's root takes the old root's nodes, moved; then the block's node is replaced by the new one.
    const root = new RootCstNodeImpl(text);
    root.root = root;
    const oldContent = oldRoot.root.content;
    for (const child of oldContent) {
        rebase(child, root, oldEnd, delta);
    }
    for (const child of oldContent) {
        (child as unknown as MovableComposite).container = root;
        root.content[root.content.length] = child;
    }
    const element = reparsed.value as AstNode & Contained;
    const replacement = new LeanComposite(block.call, root);
    for (const child of subRoot.content) {
        (child as unknown as MovableComposite).container = replacement;
        replacement.content[replacement.content.length] = child;
    }
    rebase(replacement, root, 0, start);
    replacement.astNode = element;
    const holder = block.holder === oldRoot ? root : block.holder;
    holder.content[holder.content.indexOf(block.node)] = replacement;
    (replacement as unknown as MovableComposite).container = holder;

    const plan = previous.value as AstNode & Contained;
    root.astNode = plan;
    plan.$cstNode = root;

    // The new element in the old one's place in its list.
    element.$cstNode = replacement;
    const container = block.element.$container;
    element.$container = container;
    element.$containerProperty = block.element.$containerProperty;
    element.$containerIndex = block.index;
    (container as unknown as Record<string, AstNode[]>)[block.element.$containerProperty][block.index] = element;
    return { value: plan, lexerErrors: [], lexerReport: reparsed.lexerReport, parserErrors: [] };
}

/** `reparseBlock`, or undefined should it fail: the whole parse that follows does not read the previous tree. */
function reparseQuietly(parser: RuleParser, previous: ParseResult, oldText: string, text: string): ParseResult | undefined {
    try {
        return reparseBlock(parser, previous, oldText, text);
    } catch {
        return undefined;
    }
}

/**
 * Langium's document factory, whose `update` (a document changed in the editor or on disk)
 * re-parses only the block a change falls in when it can (`reparseBlock`).
 */
export class CpiplanDocumentFactory extends DefaultLangiumDocumentFactory {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = textDocument ? textDocument.getText() : await this.fileSystemProvider.readFile(document.uri);
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument });
        } else {
            const textDocumentGetter = this.createTextDocumentGetter(document.uri, text);
            Object.defineProperty(document, 'textDocument', { get: textDocumentGetter });
        }
        if (oldText !== text) {
            const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
            const reparsed = oldText === undefined ? undefined : reparseQuietly(parser, document.parseResult, oldText, text);
            document.parseResult = (reparsed ?? await this.parseAsync(document.uri, text, cancellationToken)) as ParseResult<T>;
            (document.parseResult.value as { $document?: LangiumDocument }).$document = document;
        }
        document.state = DocumentState.Parsed;
        return document;
    }
}
