/**
 * Walks over a syntax tree in Langium's order, without Langium's streams. `AstUtils.streamAst` and
 * `streamReferences` build a key list, a stream and an iterator for every node; a keystroke walks
 * the whole plan twice (linking, validation), and those objects were a fifth of what it allocated
 * (bench/PROFILE.md, round 3). These functions visit the same nodes and references in the same order:
 * properties in key order (skipping `$…`), array items in index order, a node before its children.
 */
import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

type Properties = Record<string, unknown>;

/**
 * The nodes of `root`'s tree, `root` first, in `AstUtils.streamAst`'s order. `descend(node)` false
 * leaves out the node's children (as pruning Langium's stream does); it is called once per node,
 * right after the node is added, so in the order of the result.
 */
export function nodesOf(root: AstNode, descend: (node: AstNode) => boolean = () => true): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        if (!descend(node)) {
            return;
        }
        const properties = node as unknown as Properties;
        for (const property in properties) {
            if (property.charCodeAt(0) === 36 /* $ */) {
                continue;
            }
            const value = properties[property];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (isAstNode(item)) {
                        visit(item);
                    }
                }
            } else if (isAstNode(value)) {
                visit(value);
            }
        }
    };
    visit(root);
    return nodes;
}

/** Every node of a parsed document's tree, by the parse (its syntax tree's root): linking and validation walk it once between them. */
const everyNode = new WeakMap<object, AstNode[]>();

/**
 * `nodesOf(root)`, made once per parse of a document: the tree of a parse is not changed once built
 * (an edit that re-parses one block makes a new parse, syntax/incremental.ts). A root without a
 * syntax tree (a model made in code) is walked each time.
 */
export function allNodesOf(root: AstNode): readonly AstNode[] {
    const parse = root.$cstNode?.root;
    if (parse === undefined || root.$container !== undefined) {
        return nodesOf(root);
    }
    let nodes = everyNode.get(parse);
    if (nodes === undefined) {
        nodes = nodesOf(root);
        everyNode.set(parse, nodes);
    }
    return nodes;
}

/** Calls `accept` on each reference `node` holds, in `AstUtils.streamReferences`' order and form. */
export function forEachReference(node: AstNode, accept: (reference: ReferenceInfo) => void): void {
    const properties = node as unknown as Properties;
    for (const property in properties) {
        if (property.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = properties[property];
        if (isReference(value) || isMultiReference(value)) {
            accept({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isReference(element)) {
                    accept({ reference: element, container: node, property, index });
                }
            }
        }
    }
}
