/**
 * Where a syntax error left text unread. The parser recovers by skipping tokens; the figures of
 * a block with skipped text are incomplete (its sums are not compared with declared totals, its
 * caps not checked, its required declarations not reported missing), and text skipped between
 * the plan's elements may have held anything (a line, a source, a declaration), so the plan's
 * own sums are incomplete too. A token the parser inserted (a missing `}` or `€`) skips nothing.
 * Offsets are the document's: the plan is the root of its document.
 */
import { AstUtils, CstUtils, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type ParseResult } from 'langium';
import { isSection, type Plan } from '../generated/ast.js';

export interface Damage {
    /** Some text was skipped. */
    readonly any: boolean;
    /** Some text between the plan's elements was skipped: an element may be lost. */
    readonly betweenElements: boolean;
    /** Text in the plan's header (before its first element) was skipped: its `regole` or `periodo` may be lost. */
    readonly inHeader: boolean;
    /**
     * Text skipped between the plan's elements holds an amount (`€`, `EUR`, `euro`): a line, an
     * item or a source with its money may be lost, so the plan's sums are incomplete. Every
     * amount is written with its currency; skipped text without one holds none.
     */
    readonly moneyBetweenElements: boolean;
    /** The skipped text holds this word (a key, a code, a name; a quoted text with its quotes): what is missing may be there. */
    mentions(word: string): boolean;
    /** Text inside the node's range was skipped. */
    within(node: AstNode | undefined): boolean;
    /**
     * Text was skipped in the node's block, from its `{` to its end: what it holds is incomplete
     * (a title that lost its quotes leaves the items readable). Without a `{` of its own, text
     * skipped in it or right after it (its body may be what was skipped).
     */
    inBody(node: AstNode | undefined): boolean;
    /** Text between two offsets (the end excluded) was skipped. */
    between(start: number, end: number): boolean;
    /**
     * Text was skipped inside the node or after it on its last line (`richiesta 1 "…" rispota linea 3.3`,
     * `dichiarazione chiave testo senza virgolette`): the rest of the node may be there.
     */
    onLinesOf(node: AstNode | undefined): boolean;
    /** Text was skipped or dropped on the line of a piece of text, before its end (`periodo §019-2021`). */
    onLineUpTo(cst: CstNode | undefined): boolean;
    /**
     * Text was skipped after the node, before the next node of its container (or its container's
     * end): a continuation line of the node (`richiesta 1 "…"` then `rispostx linea 3.3` on the next line).
     */
    beforeNext(node: AstNode | undefined): boolean;
    /** Text right after a plan element (before the next one) was skipped: it may be the rest of that element. */
    trailing(element: AstNode | undefined): boolean;
}

export const noDamage: Damage = {
    any: false, betweenElements: false, inHeader: false, moneyBetweenElements: false, mentions: () => false, within: () => false, inBody: () => false, between: () => false, onLinesOf: () => false, onLineUpTo: () => false, beforeNext: () => false, trailing: () => false
};

/** A stretch of text the parse did not read: a skipped token, or characters the lexer dropped. */
interface Skipped {
    readonly offset: number;
    readonly text: string;
}

/** A currency as amounts are written (the grammar's `Currency`). */
const currency = /€|\bEUR\b|\beuro\b/i;

/**
 * The text the parser skipped or could not place in the plan's document, and its offsets: tokens
 * skipped by recovery, characters the lexer dropped (`§0` reads as `0`; a stray character may
 * stand for a lost digit), and the end of a block whose `}` is missing.
 */
function skippedText(plan: Plan): { offsets: number[]; pieces: Skipped[] } {
    const document = plan.$document;
    const parseResult = document?.parseResult;
    const root = plan.$cstNode;
    if (!document || !parseResult || (parseResult.parserErrors.length === 0 && parseResult.lexerErrors.length === 0) || !root) {
        return { offsets: [], pieces: [] };
    }
    const source = document.textDocument.getText();
    const dropped: Skipped[] = parseResult.lexerErrors.map(error => ({ offset: error.offset, text: source.slice(error.offset, error.offset + error.length) }));
    const read = parseResult.parserErrors.length > 0 ? readOffsets(parseResult) : new Set<number>();
    const seen = new Set<number>();
    const tokens: Skipped[] = parseResult.parserErrors
        .flatMap(error => [error.token, ...error.resyncedTokens])
        .filter(token => !Number.isNaN(token.startOffset) && !read.has(token.startOffset) && !seen.has(token.startOffset) && seen.add(token.startOffset))
        .map(token => ({ offset: token.startOffset, text: token.image }));
    const pieces = [...dropped, ...tokens];
    const offsets = pieces.map(piece => piece.offset);
    // A `}` the parser had to insert: where the block really ends is unknown, so its last token counts as damaged.
    const unclosed = parseResult.parserErrors.flatMap(error => {
        const previous = (error as typeof error & { previousToken?: { startOffset: number } }).previousToken;
        const kept = Number.isNaN(error.token.startOffset) || read.has(error.token.startOffset);
        return previous && !Number.isNaN(previous.startOffset) && kept && inUnclosedBlock(root, previous.startOffset)
            ? [previous.startOffset] : [];
    });
    return { offsets: [...offsets, ...unclosed].sort((a, b) => a - b), pieces };
}

/** Whether the text at an offset is inside a node that opens a `{` and has no `}` of its own. */
function inUnclosedBlock(root: CstNode, offset: number): boolean {
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const cst = node.$cstNode;
        if (cst && GrammarUtils.findNodeForKeyword(cst, '{') && !GrammarUtils.findNodeForKeyword(cst, '}')) {
            return true;
        }
    }
    return false;
}

/** The offsets of the tokens each parse kept among those its errors name, read once per parse (the validator and the evaluation both ask). */
const readByParse = new WeakMap<ParseResult, Set<number>>();

/**
 * The offsets of the tokens a parse kept (recovery skipped the others), among the tokens its errors
 * name: only the part of the tree between the first and the last of them is walked, so that a
 * keystroke in a broken block of a long plan does not walk the whole plan.
 */
export function readOffsets(parseResult: ParseResult): Set<number> {
    let read = readByParse.get(parseResult);
    if (!read) {
        read = new Set<number>();
        let from = Number.POSITIVE_INFINITY;
        let to = Number.NEGATIVE_INFINITY;
        for (const error of parseResult.parserErrors) {
            for (const token of [error.token, ...error.resyncedTokens]) {
                if (Number.isFinite(token.startOffset)) {
                    from = Math.min(from, token.startOffset);
                    to = Math.max(to, token.startOffset);
                }
            }
        }
        const root = parseResult.value?.$cstNode;
        const stack: CstNode[] = root && from <= to ? [root] : [];
        for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
            if (isCompositeCstNode(node)) {
                // A node's leaves lie between its first and its last: one wholly before or after the errors' tokens holds none of them.
                for (const child of node.content) {
                    if (child.end > from && child.offset <= to) {
                        stack.push(child);
                    }
                }
            } else if (!node.hidden) {
                read.add(node.offset);
            }
        }
        readByParse.set(parseResult, read);
    }
    return read;
}

/** Where the plan's document has skipped text. */
export function damageOf(plan: Plan): Damage {
    const { offsets, pieces } = skippedText(plan);
    if (offsets.length === 0) {
        return noDamage;
    }
    // Read when first asked: most evaluations never ask.
    let words: Set<string> | undefined;
    let money: boolean | undefined;
    const between = (start: number, end: number) => {
        const first = firstAtOrAfter(offsets, start);
        return first < offsets.length && offsets[first] < end;
    };
    const within = (node: AstNode | undefined) => {
        const cst = node?.$cstNode;
        return cst !== undefined && between(cst.offset, cst.end);
    };
    const onLinesOf = (node: AstNode | undefined) => {
        const cst = node?.$cstNode;
        if (!cst) {
            return false;
        }
        const lineEnd = cst.root.fullText.indexOf('\n', cst.end);
        return between(cst.offset, lineEnd < 0 ? cst.root.fullText.length : lineEnd);
    };
    const onLineUpTo = (cst: CstNode | undefined) =>
        cst !== undefined && between(cst.root.fullText.lastIndexOf('\n', cst.offset - 1) + 1, cst.end);
    const beforeNext = (node: AstNode | undefined) => {
        const cst = node?.$cstNode;
        const container = node?.$container?.$cstNode;
        if (!node?.$container || !cst || !container) {
            return false;
        }
        const end = cst.end;
        let next = container.end;
        for (const sibling of AstUtils.streamContents(node.$container)) {
            const offset = sibling.$cstNode?.offset;
            if (offset !== undefined && offset >= end && offset < next) {
                next = offset;
            }
        }
        return between(end, next);
    };
    // The elements' ranges, read once (a CST node's offset and end are computed on each read) and
    // in document order: they do not overlap, so the one holding an offset is found by binary search.
    const spans = elementsIn(plan.elements)
        .flatMap(element => element.$cstNode ? [{ element, offset: element.$cstNode.offset, end: element.$cstNode.end }] : [])
        .sort((a, b) => a.offset - b.offset);
    const starts = spans.map(span => span.offset);
    /** The last element starting at or before the offset. */
    const spanAt = (offset: number) => spans[firstAtOrAfter(starts, offset + 1) - 1] as typeof spans[number] | undefined;
    const outside = (offset: number) => {
        const span = spanAt(offset);
        return span === undefined || offset >= span.end;
    };
    const outsideAll = offsets.filter(outside);
    // The element each stretch of skipped text between elements follows.
    const followed = new Set<AstNode>(outsideAll.flatMap(offset => {
        const before = spanAt(offset);
        return before ? [before.element] : [];
    }));
    const trailing = (element: AstNode | undefined) => element !== undefined && followed.has(element);
    const inBody = (node: AstNode | undefined) => {
        const cst = node?.$cstNode;
        const open = cst && GrammarUtils.findNodeForKeyword(cst, '{');
        return cst !== undefined && (open ? between(open.offset, cst.end) : within(node) || trailing(node));
    };
    return {
        any: true,
        betweenElements: outsideAll.length > 0,
        inHeader: between(0, plan.elements[0]?.$cstNode?.offset ?? Infinity),
        get moneyBetweenElements() {
            money ??= pieces.some(piece => currency.test(piece.text) && outside(piece.offset));
            return money;
        },
        mentions: word => {
            words ??= new Set(pieces.flatMap(piece => wordsOf(piece.text)));
            return words.has(unquoted(word));
        },
        within,
        inBody,
        between,
        onLinesOf,
        onLineUpTo,
        beforeNext,
        trailing
    };
}

/** A quoted text without its quotes; any other word as it is. */
function unquoted(word: string): string {
    return /^(["']).*\1$/s.test(word) ? word.slice(1, -1) : word;
}

/** The words of a skipped text: a quoted text whole (without quotes), and every run of letters, digits, dots and commas. */
function wordsOf(text: string): string[] {
    const quoted = /^(["']).*\1$/s.test(text) ? [unquoted(text)] : [];
    return [...quoted, ...text.match(/[\p{L}\p{N}_.,]+/gu) ?? []];
}

/**
 * The elements text can be skipped between, in document order: the plan's, and in place of a
 * section that holds some, the section's own (at any depth), as the plan's are.
 */
function elementsIn(nodes: readonly AstNode[]): AstNode[] {
    return nodes.flatMap(node => {
        if (isSection(node)) {
            const inner = [...node.declarations, ...node.elements]
                .sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
            return inner.length > 0 ? elementsIn(inner) : [node];
        }
        return [node];
    });
}

/** The index of the first sorted offset ≥ `offset` (binary search: a broken file may have thousands). */
function firstAtOrAfter(sorted: readonly number[], offset: number): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle] < offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

/** The plan element a node belongs to (the node itself when it is one); inside a section, the section's element. */
export function elementOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container && current.$container.$type !== 'Plan' && current.$container.$type !== 'Section') {
        current = current.$container;
    }
    return current;
}
