/**
 * A keystroke re-parses the block it falls in, or only rewrites the token it falls in, not the whole plan.
 *
 * Langium parses a document anew on every change: on a plan of 10,000 lines that is a third of a
 * keystroke, and the new tree's garbage another third (bench/PROFILE.md, round 4). Here:
 * - when the change lies inside one text, number or comment token (after a text's opening quote or a
 *   comment's opening mark), and the token's new text, read again, is one token of the same type,
 *   nothing is parsed: the
 *   token's leaf takes its new length, and the node it gives a value to is replaced by a copy with the
 *   new value (`reparseToken`);
 * - otherwise, when the change lies strictly inside one element written as a `{ … }` block (a line, a
 *   section, a staff table…), after its first word and before its closing brace, only that block's text
 *   is parsed, with the rule the grammar calls there, and the new element takes the old one's place
 *   (`reparseBlock`).
 * The rest of the tree is kept, its positions moved by the length the change added or removed.
 *
 * This gives the same tree, and the same errors, as parsing the whole text, and is only tried when
 * that is certain:
 * - a token: it is read alone as one token of its type, and nothing around it could have read it
 *   otherwise (a number is checked against what may join it: spaced thousands, a date, a word before
 *   it); its value is a property it gives alone (`feature=TERMINAL`), of a node holding no reference;
 *   in a plan with errors, no error names it, it is no name, and the errors after it keep their columns;
 * - a block: its first word and everything from its `}` on are unchanged, so the lexer cuts the text
 *   before and after the block as it did, and the parser's decisions outside the block see the same
 *   tokens; the block's text parses alone as exactly one element ending at its `}`: a block ending with
 *   a brace cannot reach past it. While the analyst types, a block is often unreadable for a few
 *   keystrokes: it is then parsed at its own line and column, with the rule stack the whole parse
 *   called it with (`RuleContext`), so that recovery re-syncs as in the whole parse, and its errors
 *   are kept when they all lie between its own braces. The previous parse's errors inside the block
 *   give way to the new ones; those before it stay, and those after it move with the text and with
 *   the lines the change adds or removes (a lexer error is worded again: its message names its line),
 *   when the change does not move their columns (it is not on their line).
 * Anything else (a change across blocks, a quote or brace that unbalances the text, an error in a
 * block's header or across its edges) parses the whole text, as Langium does.
 * `test/language/incremental-parse.test.ts` compares both, trees and errors, on thousands of random
 * edits of the real plans and on items typed keystroke by keystroke.
 */
import {
    AstUtils, CstUtils, DefaultLangiumDocumentFactory, DocumentState, GrammarAST, isAstNode, isCompositeCstNode, isLeafCstNode, isMultiReference, isReference,
    RootCstNodeImpl, type AstNode, type CompositeCstNode, type CstNode, type LangiumDocument, type LangiumSharedCoreServices, type LeafCstNode, type Lexer,
    type ParseResult, type ValueConverter
} from 'langium';
import type { ILexerErrorMessageProvider, IRecognitionException, IToken } from 'chevrotain';
import type { CancellationToken } from 'vscode-jsonrpc';
import { spacedFigureAt } from '../token-builder.js';
import { LeanComposite } from './lean-cst.js';
import { copyRuleContext, ruleContextOf, type ParseOptionsInContext } from './recovering-parser.js';

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
    parse<T extends AstNode = AstNode>(input: string, options?: ParseOptionsInContext): ParseResult<T>;
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

/** A root for `text` holding the old root's nodes, those from `from` on moved by `by`. */
function movedTree(oldRoot: CompositeCstNode, text: string, from: number, by: number): RootCstNodeImpl {
    const root = new RootCstNodeImpl(text);
    root.root = root;
    const oldContent = oldRoot.content;
    for (const child of oldContent) {
        rebase(child, root, from, by);
    }
    for (const child of oldContent) {
        (child as unknown as MovableComposite).container = root;
        root.content[root.content.length] = child;
    }
    return root;
}

/** What both ways start from: the previous parse, its syntax tree's root, and the change that makes `text`. */
interface Edit {
    readonly previous: ParseResult;
    /** The previous parse had errors: only a block holding all of them may be re-parsed. */
    readonly damaged: boolean;
    readonly oldRoot: CompositeCstNode;
    readonly change: Change;
    readonly oldText: string;
    readonly text: string;
    /** How much longer the new text is. */
    readonly delta: number;
    /** How many more lines the new text has. */
    readonly lineDelta: number;
}

/** The edit from `previous`, the parse of `oldText`, to `text`. */
function editOf(previous: ParseResult, oldText: string, text: string): Edit | undefined {
    const oldRoot = previous.value.$cstNode;
    if (!oldRoot || oldRoot.root !== oldRoot) {
        return undefined;
    }
    const change = changeBetween(oldText, text);
    // Line ends as the lexer counts them (`\r\n`, `\n`, a lone `\r`), one character around the change
    // included: a `\r` typed before a `\n` makes one line end of two characters, not a new one.
    const lineEnds = (from: string, start: number, end: number) => from.slice(Math.max(0, start - 1), end + 1).match(/\r\n?|\n/g)?.length ?? 0;
    return {
        previous, damaged: hasErrors(previous), oldRoot: oldRoot.root, change, oldText, text, delta: text.length - oldText.length,
        lineDelta: lineEnds(text, change.start, change.newEnd) - lineEnds(oldText, change.start, change.oldEnd)
    };
}

/**
 * The previous parse's plan with its new syntax tree, and the errors of the new text in the order a
 * whole parse gives them: those before the change, those of what was read again, those after it.
 */
function parseWith(previous: ParseResult, root: RootCstNodeImpl, ...parts: Errors[]): ParseResult {
    const plan = previous.value as AstNode & Contained;
    root.astNode = plan;
    plan.$cstNode = root;
    return {
        value: plan, lexerErrors: parts.flatMap(part => part.lexerErrors), lexerReport: previous.lexerReport,
        parserErrors: parts.flatMap(part => part.parserErrors)
    };
}

/** The token before an error (Chevrotain gives it for a mismatch: its message may name it, its end places the error). */
function previousTokenOf(error: IRecognitionException): IToken | undefined {
    return (error as { previousToken?: IToken }).previousToken;
}

/** A token of an error that stands in the text (not the end of the file, nor a token recovery made up). */
function written(token: IToken | undefined): token is IToken {
    return token !== undefined && Number.isFinite(token.startOffset) && Number.isFinite(token.endOffset);
}

/**
 * Whether the characters a lexer error skipped in a block's text might, in the whole text, begin a
 * token running past the block's `}`: a comment `/*` (it may close anywhere after), or a quote on
 * the `}`'s line when a quote follows the `}` on that line (a text ends on its line). Every other
 * token stops before a `}`. `rest` is what follows the block on its last line.
 */
function mayReadOn(text: string, error: { readonly offset: number; readonly length: number }, close: number, rest: string): boolean {
    const skipped = text.slice(error.offset, error.offset + error.length);
    return skipped.includes('/*') || (/["']/.test(skipped) && !text.slice(error.offset + error.length, close).includes('\n') && /["']/.test(rest));
}

/** What follows `offset` on its line. */
function restOfLine(text: string, offset: number): string {
    const end = text.indexOf('\n', offset);
    return text.slice(offset, end < 0 ? text.length : end);
}

/** Whether every error of `result` lies in `[from, to)`: the tokens it names, and the ones recovery skipped. */
function errorsWithin(result: ParseResult, from: number, to: number): boolean {
    const inside = (token: IToken | undefined) => written(token) && token.startOffset >= from && (token.endOffset ?? token.startOffset) < to;
    return (result.lexerReport?.diagnostics.length ?? 0) === 0
        && result.lexerErrors.every(error => error.offset >= from && error.offset + error.length <= to)
        && result.parserErrors.every(error => inside(error.token) && (error.resyncedTokens ?? []).every(inside));
}

type Errors = Pick<ParseResult, 'lexerErrors' | 'parserErrors'>;

/** No errors (never added to: the lists of a parse are made anew). */
const noErrors: Errors = { lexerErrors: [], parserErrors: [] };

/**
 * Where a block (or a token) of the previous parse stands: its start, its body (after its `{`, up to
 * its `}`; empty for a token), its end, its last line (from 0), and whether the change ends on a line
 * before that one (what follows the block on that line then keeps its column).
 */
interface BlockSpan {
    readonly start: number;
    readonly bodyStart: number;
    readonly bodyEnd: number;
    readonly end: number;
    readonly changeBeforeCloseLine: boolean;
    readonly closeLine: number;
}

/**
 * The previous parse's errors before and after a block (or a token), which a whole parse of the new
 * text gives again: the text before the block and after it reads as it did (the block reads to its
 * `}`, with the stack the whole parse had), so its errors are the same, those after moved by the
 * change (`moved`). Undefined when an error lies across the block's edges or in its header,
 * names a token that is not in the text, or has a token (the one before it included) whose column
 * the change moves; when a lexer error after the block would need its message made again with no
 * `lexerWording` (the change adds or removes lines); when a comment left open outside the block
 * might close in it; when an error skipped whole elements (its report is saved after the elements
 * that follow); or when the errors are not in the order before, inside, after.
 */
function errorsAround(previous: ParseResult, oldText: string, span: BlockSpan, lexerWording: boolean): { before: Errors; after: Errors } | undefined {
    const comments = (error: { readonly offset: number; readonly length: number }) => oldText.slice(error.offset, error.offset + error.length).includes('/*');
    if ((previous.lexerReport?.diagnostics.length ?? 0) > 0) {
        return undefined;
    }
    // Where an error's tokens lie: 0 before the span, 1 inside its body, 2 after it where the change
    // does not move their column (their line moves with the lines the change adds or removes);
    // undefined across its edges or in its header.
    const unmoved = (token: number, line: number) => token >= span.bodyEnd
        && (line > span.closeLine || (line === span.closeLine && span.changeBeforeCloseLine));
    const place = (from: number, to: number, line: number): number | undefined => {
        if (to <= span.start) {
            return 0;
        }
        if (from >= span.bodyStart && to <= span.bodyEnd) {
            return 1;
        }
        return from >= span.end && unmoved(from, line) ? 2 : undefined;
    };
    const line = (token: IToken) => (token.startLine ?? 0) - 1;
    const before: Errors = { lexerErrors: [], parserErrors: [] };
    const after: Errors = { lexerErrors: [], parserErrors: [] };
    let last = 0;
    for (const error of previous.parserErrors) {
        const tokens = [error.token, ...(error.resyncedTokens ?? [])];
        if (!tokens.every(written)) {
            return undefined;
        }
        const from = Math.min(...tokens.map(token => token.startOffset));
        const to = Math.max(...tokens.map(token => (token.endOffset ?? token.startOffset) + 1));
        const where = place(from, to, Math.min(...tokens.map(line)));
        // The token before an error outside (its message may name it, its end places the error): unmoved too, or before.
        const previousToken = previousTokenOf(error);
        const previousStays = !written(previousToken) || where === 1 || (previousToken.endOffset ?? previousToken.startOffset) < span.start
            || (where === 2 && unmoved(previousToken.startOffset, line(previousToken)));
        if (where === undefined || where < last || !previousStays || (where !== 1 && error.name === 'NotAllInputParsedException')) {
            return undefined;
        }
        last = where;
        if (where !== 1) {
            (where === 0 ? before : after).parserErrors.push(error);
        }
    }
    last = 0;
    for (const error of previous.lexerErrors) {
        const where = place(error.offset, error.offset + error.length, (error.line ?? 0) - 1);
        // A comment left open outside the block could close at a `*/` typed in it; a lexer error after it is worded again (its message names its line).
        if (where === undefined || where < last || (where !== 1 && comments(error)) || (where === 2 && !lexerWording)) {
            return undefined;
        }
        last = where;
        if (where !== 1) {
            (where === 0 ? before : after).lexerErrors.push(error);
        }
    }
    return { before, after };
}

/** How a lexer error is worded (Chevrotain's arguments: the text, where the characters are, their line and column). */
export type LexerWording = Pick<ILexerErrorMessageProvider, 'buildUnexpectedCharactersMessage'>;

/**
 * Errors moved, their tokens from `from` on: by `delta` characters and `lines` lines, their columns
 * kept (the errors after a change, `errorsAround` made sure; or all the errors of a block's text
 * parsed on its own, already on its lines and columns). A parser error is worded without its line
 * (the validator words it again from its tokens); a lexer error's message names its line, so when
 * that moves it is worded again as the lexer would word it in `text`.
 */
function moved(errors: Errors, from: number, delta: number, lines = 0, text = '', wording?: LexerWording): Errors {
    const done = new Set<IToken>();
    for (const error of errors.parserErrors) {
        for (const token of [error.token, previousTokenOf(error), ...(error.resyncedTokens ?? [])]) {
            if (written(token) && token.startOffset >= from && !done.has(token)) {
                done.add(token);
                token.startOffset += delta;
                token.endOffset = (token.endOffset ?? token.startOffset) + delta;
                if (lines !== 0) {
                    token.startLine = (token.startLine ?? 0) + lines;
                    token.endLine = (token.endLine ?? token.startLine) + lines;
                }
            }
        }
    }
    const lexerErrors = errors.lexerErrors.map(error => {
        const offset = error.offset + delta;
        if (lines === 0 || !wording) {
            return { ...error, offset };
        }
        const line = (error.line ?? 0) + lines;
        return { ...error, offset, line, message: wording.buildUnexpectedCharactersMessage(text, offset, error.length, line, error.column) };
    });
    return { lexerErrors, parserErrors: errors.parserErrors };
}

/** The first `{` of a block's element (its own, not a nested element's): a leaf of the node that belongs to `element`. */
function openingBrace(node: CompositeCstNode, element: AstNode): LeafCstNode | undefined {
    for (const cst of CstUtils.streamCst(node)) {
        if (isLeafCstNode(cst) && cst.astNode === element && GrammarAST.isKeyword(cst.grammarSource) && cst.grammarSource.value === '{') {
            return cst;
        }
    }
    return undefined;
}

/**
 * The parse of `text` made from `previous` (the parse of `oldText`) by re-parsing the one block the
 * change falls in; undefined when that would not certainly give the tree a whole parse gives.
 * `previous` is taken apart: it must not be used afterwards.
 */
export function reparseBlock(parser: RuleParser, previous: ParseResult, oldText: string, text: string, wording?: LexerWording): ParseResult | undefined {
    const edit = editOf(previous, oldText, text);
    return edit && reparseBlockOf(parser, edit, wording);
}

function reparseBlockOf(parser: RuleParser, { previous, damaged, oldRoot, change, oldText, text, delta, lineDelta }: Edit, wording?: LexerWording): ParseResult | undefined {
    const block = innermostBlock(oldRoot, change);
    if (!block) {
        return undefined;
    }
    const start = block.node.offset;
    const oldEnd = block.node.end;
    const context = ruleContextOf(block.element);
    const oldOpen = openingBrace(block.node, block.element);
    const oldClose = edgeLeaf(block.node, true);
    // Errors of the previous parse: inside this block's braces (the block's new parse gives its own), or before or after it (given again).
    const span = oldOpen && oldClose && {
        start, bodyStart: oldOpen.end, bodyEnd: oldClose.offset, end: oldEnd, closeLine: oldClose.range.start.line,
        changeBeforeCloseLine: oldText.slice(change.oldEnd, oldClose.offset).includes('\n')
    };
    const around = !damaged ? { before: noErrors, after: noErrors }
        : context && span ? errorsAround(previous, oldText, span, lineDelta === 0 || wording !== undefined) : undefined;
    if (!around) {
        return undefined;
    }
    // The block is parsed at its own line and column (recovery reads where lines begin and how far
    // they are indented), on a line of its own, with the rule stack the whole parse called it with.
    // A block that does not begin its line stands on its column, after blanks (it is then re-parsed only in a clean plan, and when it reads with no error).
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = text.slice(lineStart, start);
    const beginsLine = !/[^ \t]/.test(indent);
    if (damaged && !beginsLine) {
        // An error before the block could be a quote left open on its first line.
        return undefined;
    }
    const prefix = '\n'.repeat(block.node.range.start.line) + (beginsLine ? indent : ' '.repeat(indent.length));
    const blockText = text.slice(start, oldEnd + delta);
    let reparsed: ParseResult;
    try {
        reparsed = parser.parse(prefix + blockText, context ? { rule: block.rule, context } : { rule: block.rule });
    } catch {
        return undefined;
    }
    const subRoot = reparsed.value.$cstNode;
    if (!isCompositeCstNode(subRoot) || subRoot !== subRoot.root || subRoot.offset !== prefix.length || subRoot.end !== prefix.length + blockText.length) {
        return undefined;
    }
    const shift = start - prefix.length;
    let inside = noErrors;
    if (hasErrors(reparsed)) {
        // Errors only between the block's own braces, the `}` its last token.
        const open = openingBrace(subRoot, reparsed.value);
        const close = edgeLeaf(subRoot, true);
        if (!context || !beginsLine || !open || !close || !GrammarAST.isKeyword(close.grammarSource) || close.grammarSource.value !== '}' || close.end !== subRoot.end
            || !errorsWithin(reparsed, open.end, close.offset) || reparsed.lexerErrors.some(error => mayReadOn(prefix + blockText, error, close.offset, restOfLine(text, oldEnd + delta)))) {
            return undefined;
        }
        inside = moved(reparsed, Number.NEGATIVE_INFINITY, shift);
    }
    const after = moved(around.after, change.oldEnd, delta, lineDelta, text, wording);

    // The new text's root takes the old root's nodes, moved; then the block's node is replaced by the new one.
    const root = movedTree(oldRoot, text, oldEnd, delta);
    const element = reparsed.value as AstNode & Contained;
    const replacement = new LeanComposite(block.call, root);
    for (const child of subRoot.content) {
        (child as unknown as MovableComposite).container = replacement;
        replacement.content[replacement.content.length] = child;
    }
    rebase(replacement, root, 0, shift);
    replacement.astNode = element;
    const holder = block.holder === oldRoot ? root : block.holder;
    holder.content[holder.content.indexOf(block.node)] = replacement;
    (replacement as unknown as MovableComposite).container = holder;

    // The new element in the old one's place in its list.
    element.$cstNode = replacement;
    const container = block.element.$container;
    element.$container = container;
    element.$containerProperty = block.element.$containerProperty;
    element.$containerIndex = block.index;
    (container as unknown as Record<string, AstNode[]>)[block.element.$containerProperty][block.index] = element;
    return parseWith(previous, root, around.before, inside, after);
}


/** What re-parsing a token needs of the language's services. */
export interface TokenReading {
    readonly lexer: Pick<Lexer, 'tokenize'>;
    readonly converter: Pick<ValueConverter, 'convert'>;
    /** How the lexer words its errors: with it, an error after a change that adds or removes lines moves with them. */
    readonly lexerWording?: LexerWording;
}

/** The tokens whose text a change may rewrite without parsing anything again. */
const rewritable = new Set(['STRING', 'NUMBER', 'SL_COMMENT', 'ML_COMMENT']);

/**
 * The leaf (a comment's too) holding the change, from its start to its end: typing at the end of a
 * figure or of a comment is typing in it. Whether the leaf's new text is still one token, and whether
 * its first character may change, is for `reparseToken` to say.
 */
function leafHolding(root: CompositeCstNode, change: Change): LeafCstNode | undefined {
    let node: CstNode = root;
    while (isCompositeCstNode(node)) {
        const inner: CstNode | undefined = node.content.find(child => child.offset <= change.start && change.oldEnd <= child.end);
        if (!inner) {
            return undefined;
        }
        node = inner;
    }
    return isLeafCstNode(node) ? node : undefined;
}

/**
 * Whether the NUMBER written `image` at `offset` of `text` is read as that one token in the whole text
 * as it is alone: no spaced thousands start there (token-builder.ts), nothing before it could run into
 * it, and no date, act or protocol number could start there (they need a `/` or `-` after its digits).
 */
function numberStandsAlone(text: string, offset: number, image: string): boolean {
    const before = offset > 0 ? text.charAt(offset - 1) : ' ';
    const after = text.charAt(offset + image.length);
    return /^[\d.,]+$/.test(image) && !/[\p{L}\p{N}_.,]/u.test(before) && after !== '/' && after !== '-' && !spacedFigureAt(text, offset);
}

/**
 * The AST node whose property `leaf` gives, with that property, when it gives it alone: `feature=TERMINAL`,
 * read by no other token of the node, holding the leaf's value.
 */
function assignedBy(leaf: LeafCstNode, converter: TokenReading['converter']): { node: AstNode & Contained; feature: string } | undefined {
    const call = leaf.grammarSource;
    const assignment = call && AstUtils.getContainerOfType(call, GrammarAST.isAssignment);
    if (!assignment || assignment.terminal !== call || assignment.operator !== '=') {
        return undefined;
    }
    const node = leaf.astNode as AstNode & Contained;
    const alone = node.$cstNode !== undefined && ownLeaves(node.$cstNode, node).filter(cst => cst.grammarSource === call).length === 1;
    const properties = node as unknown as Record<string, unknown>;
    return alone && properties[assignment.feature] === converter.convert(leaf.text, leaf) ? { node, feature: assignment.feature } : undefined;
}

/**
 * The leaves of `node`'s own tokens: its syntax tree without the elements nested in it (a block's items,
 * a list point's sub-points), which a keystroke in its title need not walk, and whose tokens give their
 * own nodes' properties.
 */
function ownLeaves(cst: CstNode, node: AstNode): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    const stack: CstNode[] = [cst];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        if (isLeafCstNode(next)) {
            leaves.push(next);
        } else if (isCompositeCstNode(next) && (next === cst || next.astNode === node)) {
            stack.push(...next.content);
        }
    }
    return leaves;
}

/** Whether `node` may be replaced by a copy: not the root, and holding no reference (a reference knows its container). */
function replaceable(node: AstNode & Contained): boolean {
    const holdsReference = (value: unknown) => isReference(value) || isMultiReference(value);
    return (node.$container as AstNode | undefined) !== undefined
        && !Object.values(node).some(value => holdsReference(value) || (Array.isArray(value) && value.some(holdsReference)));
}

/**
 * A copy of `node` with `feature` set to `value`, in `node`'s place: its container's property, its
 * children's container, the syntax nodes that stand for it. A copy, not the node changed: what is
 * cached per node (a number's reading, model/reader.ts) stays true of the node it was read from.
 */
function replace(node: AstNode & Contained, feature: string, value: unknown): void {
    const container = node.$container;
    const properties = node as unknown as Record<string, unknown>;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(node) as object) as Record<string, unknown>, properties);
    copy[feature] = value;
    copyRuleContext(node, copy as unknown as AstNode);
    const holder = container as unknown as Record<string, unknown>;
    if (node.$containerIndex === undefined) {
        holder[node.$containerProperty] = copy;
    } else {
        (holder[node.$containerProperty] as unknown[])[node.$containerIndex] = copy;
    }
    for (const [name, child] of Object.entries(properties)) {
        if (name.startsWith('$')) {
            continue;
        }
        for (const item of Array.isArray(child) ? child : [child]) {
            if (isAstNode(item)) {
                (item as AstNode & Contained).$container = copy as unknown as AstNode;
            }
        }
    }
    for (let cst: CompositeCstNode | undefined = node.$cstNode as CompositeCstNode | undefined; cst && (cst as unknown as { _astNode?: AstNode })._astNode === node; cst = cst.container) {
        (cst as unknown as { astNode: AstNode }).astNode = copy as unknown as AstNode;
    }
}

/**
 * The parse of `text` made from `previous` when the change lies inside one text, number or comment
 * token (after a text's opening quote or a comment's opening mark) whose new text, read again, is one
 * token of the same type: nothing is parsed, the token's leaf takes its new length and its node its new
 * value (in a copy of the node). Undefined otherwise. `previous` is taken apart when it returns a parse.
 */
export function reparseToken(reading: TokenReading, previous: ParseResult, oldText: string, text: string): ParseResult | undefined {
    const edit = editOf(previous, oldText, text);
    return edit && reparseTokenOf(reading, edit);
}

function reparseTokenOf(reading: TokenReading, { previous, damaged, oldRoot, change, oldText, text, delta, lineDelta }: Edit): ParseResult | undefined {
    const leaf = leafHolding(oldRoot, change);
    const type = leaf?.tokenType.name;
    // A number's first digit may change (nothing before it runs into it: `numberStandsAlone`); a text's
    // opening quote and a comment's opening mark may not.
    if (!leaf || type === undefined || !rewritable.has(type) || (leaf.offset === change.start && type !== 'NUMBER')) {
        return undefined;
    }
    const image = text.slice(leaf.offset, leaf.end + delta);
    const lexed = reading.lexer.tokenize(image);
    const tokens = [...lexed.tokens, ...lexed.hidden];
    if (lexed.errors.length > 0 || tokens.length !== 1 || tokens[0].tokenType !== leaf.tokenType || tokens[0].image !== image
        || (type === 'NUMBER' && !numberStandsAlone(text, leaf.offset, image))) {
        return undefined;
    }
    const assigned = leaf.hidden ? undefined : assignedBy(leaf, reading.converter);
    if (!leaf.hidden && (!assigned || !replaceable(assigned.node))) {
        return undefined;
    }
    // In a plan with errors, the parser reads the same tokens: its errors stay, those after the token
    // moved with the text, unless one names the token or one after it stands on its line (`errorsAround`:
    // an empty body, so an error on the token itself lies across its edges), or the token is a name (a
    // message may name what a name declares).
    const around = !damaged ? { before: noErrors, after: noErrors }
        : assigned?.feature === 'name'
            ? undefined
            : errorsAround(previous, oldText, {
                start: leaf.offset, bodyStart: leaf.offset, bodyEnd: leaf.offset, end: leaf.end, closeLine: leaf.range.end.line, changeBeforeCloseLine: false
            }, lineDelta === 0 || reading.lexerWording !== undefined);
    if (!around) {
        return undefined;
    }
    const after = moved(around.after, change.oldEnd, delta, lineDelta, text, reading.lexerWording);
    const root = movedTree(oldRoot, text, leaf.end, delta);
    (leaf as unknown as { _length: number })._length += delta;
    if (assigned) {
        replace(assigned.node, assigned.feature, reading.converter.convert(image, leaf));
    }
    return parseWith(previous, root, around.before, after);
}

/**
 * The parse of `text` made from `previous`, the parse of `oldText`: by rewriting one token when the
 * change is inside one (`reparseToken`), else by re-parsing the block it falls in (`reparseBlock`);
 * undefined when neither applies, or should either fail (the whole parse that follows does not read
 * the previous tree).
 */
export function reparse(services: TokenReading & { readonly parser: RuleParser }, previous: ParseResult, oldText: string, text: string): ParseResult | undefined {
    try {
        // The change is found once (a walk of both texts): both ways start from it.
        const edit = editOf(previous, oldText, text);
        return edit && (reparseTokenOf(services, edit) ?? reparseBlockOf(services.parser, edit, services.lexerWording));
    } catch {
        return undefined;
    }
}

/**
 * Langium's document factory, whose `update` (a document changed in the editor or on disk)
 * rewrites only the token, or re-parses only the block, a change falls in when it can (`reparse`).
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
            const { parser } = this.serviceRegistry.getServices(document.uri);
            const reading = { parser: parser.LangiumParser, lexer: parser.Lexer, converter: parser.ValueConverter, lexerWording: parser.LexerErrorMessageProvider };
            const reparsed = oldText === undefined ? undefined : reparse(reading, document.parseResult, oldText, text);
            document.parseResult = (reparsed ?? await this.parseAsync(document.uri, text, cancellationToken)) as ParseResult<T>;
            (document.parseResult.value as { $document?: LangiumDocument }).$document = document;
        }
        document.state = DocumentState.Parsed;
        return document;
    }
}
