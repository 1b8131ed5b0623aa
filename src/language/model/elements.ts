/**
 * One way to reach the constructs of a plan. Concerns ask for "all elements of type T"
 * instead of filtering `plan.elements`, so constructs nested in sections are found too.
 */
import type { AstNode } from 'langium';
import { nodesOf } from '../ast-walk.js';
import type { Plan, PlanElement } from '../generated/ast.js';

/**
 * A plan's elements by type, in document order: made by one walk the first time a plan is asked,
 * since an evaluation asks for some twenty types (a walk each was 3 % of a keystroke). Kept per
 * parse, by the parse's syntax tree root: an edit that re-parses one block keeps the plan's node
 * (syntax/incremental.ts) but always makes a new root.
 */
const indexes = new WeakMap<object, Map<string, AstNode[]>>();

function indexOf(plan: Plan): Map<string, AstNode[]> {
    const parse = plan.$cstNode?.root ?? plan;
    let index = indexes.get(parse);
    if (index === undefined) {
        index = new Map<string, AstNode[]>();
        // The plan's elements and, inside sections, everything they hold, at any depth.
        for (const element of plan.elements) {
            for (const node of nodesOf(element, node => node.$type === 'Section')) {
                const ofType = index.get(node.$type);
                if (ofType === undefined) {
                    index.set(node.$type, [node]);
                } else {
                    ofType.push(node);
                }
            }
        }
        indexes.set(parse, index);
    }
    return index;
}

/** Every element of the given type in a plan, in document order: top-level ones and those inside sections, at any depth. */
export function elementsOf<T extends PlanElement['$type']>(plan: Plan, type: T): Extract<PlanElement, { $type: T }>[] {
    return (indexOf(plan).get(type)?.slice() ?? []) as Extract<PlanElement, { $type: T }>[];
}
