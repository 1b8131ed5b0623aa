/**
 * Langium's concrete syntax tree, built leaner: the same nodes with the same offsets, ranges,
 * containers and grammar sources, but
 * - a leaf computes its range when asked, from its offset and a table of where the document's lines
 *   start, instead of holding three objects (range, start, end) made from its token;
 * - every field a node gets is set in its constructor, so that V8 keeps them inside the object:
 *   Langium set three of them after construction, which gave each node a separate property array;
 * - no work for hidden tokens (comments) where there are none: Langium searched (`indexOf`) and
 *   spliced nothing into every enclosing node for the first token of each node.
 * A leaf was 1.6 kB per line of a plan, the largest share of what a parsed plan holds (bench/PROFILE.md, round 3).
 */
import { AbstractCstNode, CstNodeBuilder, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode, type GrammarAST, type LeafCstNode, type LeafCstNodeImpl, type RootCstNode } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';

/** Where each line of a text starts, by offset; lines end at `\n`, `\r\n` or `\r`, as the lexer counts them. */
const lineStarts = new WeakMap<RootCstNode, Uint32Array>();

function lineStartsOf(root: RootCstNode): Uint32Array {
    let starts = lineStarts.get(root);
    if (starts === undefined) {
        const text = root.fullText;
        const found = [0];
        // A regular expression, not a loop over the characters: a check started from the snapshot runs this
        // loop cold, in V8's interpreter, where a character costs what a line costs here.
        const lineEnd = /\r\n?|\n/g;
        for (let end = lineEnd.exec(text); end !== null; end = lineEnd.exec(text)) {
            found.push(end.index + end[0].length);
        }
        starts = Uint32Array.from(found);
        lineStarts.set(root, starts);
    }
    return starts;
}

/** The line of an offset: the last line starting at or before it. */
function lineOf(starts: Uint32Array, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return low;
}

/**
 * A token's range as Langium makes it from Chevrotain's positions (`CstUtils.tokenToRange`): it
 * starts at the token's first character and ends just after its last one, on the last one's line.
 */
export function rangeOf(root: RootCstNode, offset: number, length: number): Range {
    const starts = lineStartsOf(root);
    const line = lineOf(starts, offset);
    const last = offset + Math.max(length, 1) - 1;
    const endLine = last < (starts[line + 1] ?? Number.POSITIVE_INFINITY) ? line : lineOf(starts, last);
    return {
        start: { character: offset - starts[line], line },
        end: { character: last - starts[endLine] + 1, line: endLine }
    };
}

/**
 * Langium's leaf (`LeafCstNodeImpl`), with the fields it needs, every one set in the constructor: its
 * range is worked out when asked, it is hidden (a comment) when no grammar element read it, and the
 * AST node it belongs to is its container's. Langium recognises a leaf by its token type, never by its class.
 */
class LeanLeaf extends AbstractCstNode implements LeafCstNode {
    private _offset: number;
    private readonly _length: number;
    private readonly _tokenType: TokenType;

    constructor(token: IToken, grammarSource: GrammarAST.AbstractElement | undefined, root: RootCstNode) {
        super();
        this._offset = token.startOffset;
        this._length = token.image.length;
        this._tokenType = token.tokenType;
        this.grammarSource = grammarSource;
        this.root = root;
        this.container = undefined;
    }

    get offset(): number {
        return this._offset;
    }

    get length(): number {
        return this._length;
    }

    get end(): number {
        return this._offset + this._length;
    }

    get tokenType(): TokenType {
        return this._tokenType;
    }

    override get hidden(): boolean {
        return this.grammarSource === undefined;
    }

    get range(): Range {
        return rangeOf(this.root, this._offset, this._length);
    }
}

/**
 * Langium's composite node (`CompositeCstNodeImpl`), every field set in the constructor, its
 * children in a plain array made to their number once the node is complete. Langium's nodes keep
 * them in an `Array` subclass that sets each child's container as it is added; made for every node,
 * with its prototype changed, and grown to sixteen places for one or two children, those arrays
 * were a fifth of a parsed plan (bench/PROFILE.md, round 4). Here the builder sets the containers.
 * Langium recognises a composite node by its `content` array, never by its class.
 */
export class LeanComposite extends AbstractCstNode implements CompositeCstNode {
    content: CstNode[];
    private _rangeCache: Range | undefined;

    constructor(grammarSource: GrammarAST.AbstractElement, root: RootCstNode) {
        super();
        this.content = [];
        this.grammarSource = grammarSource;
        this.root = root;
        this.container = undefined;
        this.astNode = undefined;
        this._rangeCache = undefined;
    }

    get offset(): number {
        return this.firstNonHiddenNode?.offset ?? 0;
    }

    get length(): number {
        return this.end - this.offset;
    }

    get end(): number {
        return this.lastNonHiddenNode?.end ?? 0;
    }

    get range(): Range {
        const first = this.firstNonHiddenNode;
        const last = this.lastNonHiddenNode;
        if (!first || !last) {
            return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        if (this._rangeCache === undefined) {
            const { range: firstRange } = first;
            const { range: lastRange } = last;
            this._rangeCache = { start: firstRange.start, end: lastRange.end.line < firstRange.start.line ? firstRange.start : lastRange.end };
        }
        return this._rangeCache;
    }

    get firstNonHiddenNode(): CstNode | undefined {
        for (const child of this.content) {
            if (!child.hidden) {
                return child;
            }
        }
        return this.content[0];
    }

    get lastNonHiddenNode(): CstNode | undefined {
        for (let i = this.content.length - 1; i >= 0; i--) {
            const child = this.content[i];
            if (!child.hidden) {
                return child;
            }
        }
        return this.content[this.content.length - 1];
    }
}

/** The members of Langium's builder these overrides use: runtime members, not part of its typed API. */
interface BuilderInternals {
    readonly rootNode: RootCstNode;
    readonly nodeStack: CompositeCstNode[];
}

/** Adds a node to its container's content, setting its container. */
function append(container: CompositeCstNode, node: CstNode): void {
    (node as { container?: CompositeCstNode }).container = container;
    const content = container.content;
    content[content.length] = node;
}

export class LeanCstNodeBuilder extends CstNodeBuilder {
    private get internals(): BuilderInternals {
        return this as unknown as BuilderInternals;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNodeImpl {
        const builder = this.internals;
        const node = new LeanComposite(feature, builder.rootNode);
        append(this.current, node);
        builder.nodeStack.push(node);
        return node as unknown as CompositeCstNodeImpl;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        const leaf = new LeanLeaf(token, feature, this.internals.rootNode);
        append(this.current, leaf);
        return leaf as unknown as LeafCstNodeImpl;
    }

    /** Langium's placement of comments (before the token they precede, in the first enclosing node that has content), with lean leaves. */
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) {
            return;
        }
        const root = this.internals.rootNode;
        const nodes = tokens.map(token => new LeanLeaf(token, undefined, root));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            nodes.forEach(node => append(current, node));
            return;
        }
        for (let container = current.container; container; current = container, container = current.container) {
            const index = container.content.indexOf(current);
            if (index > 0) {
                container.content.splice(index, 0, ...nodes);
                nodes.forEach(node => (node as { container?: CompositeCstNode }).container = container);
                return;
            }
        }
        root.content.unshift(...nodes);
        nodes.forEach(node => (node as { container?: CompositeCstNode }).container = root);
    }

    /** Langium's, then the completed node's children are kept in an array of their number. */
    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode; $infixName?: string }): void {
        const node: CompositeCstNode = this.current;
        super.construct(item);
        if (node instanceof LeanComposite && node.content.length > 0) {
            node.content = node.content.slice();
        }
    }
}
