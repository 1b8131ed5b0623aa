/**
 * Where a syntax error left text unread. The parser recovers by skipping tokens; the figures of
 * a block with skipped text are incomplete (its sums are not compared with declared totals, its
 * caps not checked, its required declarations not reported missing), and text skipped between
 * the plan's elements may have held anything (a line, a source, a declaration), so the plan's
 * own sums are incomplete too. A token the parser inserted (a missing `}` or `€`) skips nothing.
 */
import { CstUtils, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import type { Plan } from '../generated/ast.js';

export interface Damage {
    /** Some text was skipped. */
    readonly any: boolean;
    /** Some text between the plan's elements was skipped: an element may be lost. */
    readonly betweenElements: boolean;
    /** Text inside the node's range was skipped. */
    within(node: AstNode | undefined): boolean;
}

export const noDamage: Damage = { any: false, betweenElements: false, within: () => false };

/** The offsets of the tokens the parser skipped in the plan's document. */
function skippedOffsets(plan: Plan): number[] {
    const parseResult = plan.$document?.parseResult;
    const root = plan.$cstNode;
    if (!parseResult || parseResult.parserErrors.length === 0 || !root) {
        return [];
    }
    const read = readOffsets(root);
    return parseResult.parserErrors
        .flatMap(error => [error.token, ...error.resyncedTokens])
        .map(token => token.startOffset)
        .filter(offset => !Number.isNaN(offset) && !read.has(offset))
        .sort((a, b) => a - b);
}

/** The offsets of the tokens a parse kept (the others were skipped by recovery). */
export function readOffsets(root: CstNode | undefined): Set<number> {
    const read = new Set<number>();
    if (root) {
        for (const node of CstUtils.streamCst(root)) {
            if (isLeafCstNode(node) && !node.hidden) {
                read.add(node.offset);
            }
        }
    }
    return read;
}

/** Where the plan's document has skipped text. */
export function damageOf(plan: Plan): Damage {
    const offsets = skippedOffsets(plan);
    if (offsets.length === 0) {
        return noDamage;
    }
    const within = (node: AstNode | undefined) => {
        const cst = node?.$cstNode;
        return cst !== undefined && offsets.some(offset => offset >= cst.offset && offset < cst.end);
    };
    return {
        any: true,
        betweenElements: offsets.some(offset => !plan.elements.some(element => {
            const cst = element.$cstNode;
            return cst !== undefined && offset >= cst.offset && offset < cst.end;
        })),
        within
    };
}

/** The plan element a node belongs to (the node itself when it is one). */
export function elementOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container && current.$container.$type !== 'Plan') {
        current = current.$container;
    }
    return current;
}
