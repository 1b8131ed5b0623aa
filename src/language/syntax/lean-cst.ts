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
import { CompositeCstNodeImpl, CstNodeBuilder, LeafCstNodeImpl, type CstNode, type GrammarAST, type RootCstNode } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';

/** Where each line of a text starts, by offset; lines end at `\n`, `\r\n` or `\r`, as the lexer counts them. */
const lineStarts = new WeakMap<RootCstNode, Uint32Array>();

function lineStartsOf(root: RootCstNode): Uint32Array {
    let starts = lineStarts.get(root);
    if (starts === undefined) {
        const text = root.fullText;
        const found = [0];
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === 13 /* \r */) {
                if (text.charCodeAt(i + 1) === 10 /* \n */) {
                    i++;
                }
                found.push(i + 1);
            } else if (code === 10 /* \n */) {
                found.push(i + 1);
            }
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

/** Langium's leaf, its range computed when asked, every field set in the constructor. */
class LeanLeaf extends LeafCstNodeImpl {
    constructor(token: IToken, tokenType: TokenType, hidden: boolean, grammarSource: GrammarAST.AbstractElement | undefined, root: RootCstNode) {
        super(token.startOffset, token.image.length, undefined as unknown as Range, tokenType, hidden);
        this.grammarSource = grammarSource;
        this.root = root;
        this.container = undefined;
        this.astNode = undefined;
    }

    override get range(): Range {
        return rangeOf(this.root, this.offset, this.length);
    }
}

/** Langium's composite node, every field set in the constructor. */
export class LeanComposite extends CompositeCstNodeImpl {
    constructor(grammarSource: GrammarAST.AbstractElement, root: RootCstNode) {
        super();
        this.grammarSource = grammarSource;
        this.root = root;
        this.container = undefined;
        this.astNode = undefined;
        (this as unknown as { _rangeCache: unknown })._rangeCache = undefined;
    }
}

/** The members of Langium's builder these overrides use: runtime members, not part of its typed API. */
interface BuilderInternals {
    readonly rootNode: RootCstNode;
    readonly nodeStack: CompositeCstNodeImpl[];
}

/** Adds a node to its container's content, as `CstNodeContainer.push` does, without a rest-argument array. */
function append(container: CompositeCstNodeImpl, node: CstNode): void {
    (node as { container?: CompositeCstNodeImpl }).container = container;
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
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        const leaf = new LeanLeaf(token, token.tokenType, !feature, feature, this.internals.rootNode);
        append(this.current, leaf);
        return leaf;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) {
            super.addHiddenNodes(tokens);
        }
    }
}
