/**
 * One way to reach the constructs of a plan. Concerns ask for "all elements of type T"
 * instead of filtering `plan.elements`, so constructs nested in sections are found too.
 */
import { isAstNode, type AstNode } from 'langium';
import type { Plan, PlanElement } from '../generated/ast.js';

/**
 * A plan's elements by type, in document order: made by one walk the first time a plan is asked,
 * since an evaluation asks for some twenty types (a walk each was 3 % of a keystroke). A plan is
 * never changed once parsed (an edit parses a new one), so the index holds for its lifetime.
 */
const indexes = new WeakMap<Plan, Map<string, AstNode[]>>();

function indexOf(plan: Plan): Map<string, AstNode[]> {
    let index = indexes.get(plan);
    if (index === undefined) {
        const byType = new Map<string, AstNode[]>();
        const visit = (node: AstNode): void => {
            const ofType = byType.get(node.$type);
            if (ofType === undefined) {
                byType.set(node.$type, [node]);
            } else {
                ofType.push(node);
            }
            if (node.$type === 'Section') {
                // Everything a section holds, as Langium's `streamContents` gives it.
                const properties = node as unknown as Record<string, unknown>;
                for (const property in properties) {
                    if (property.charCodeAt(0) === 36 /* $ */) {
                        continue;
                    }
                    const value = properties[property];
                    for (const item of Array.isArray(value) ? value as unknown[] : [value]) {
                        if (isAstNode(item)) {
                            visit(item);
                        }
                    }
                }
            }
        };
        plan.elements.forEach(visit);
        index = byType;
        indexes.set(plan, index);
    }
    return index;
}

/** Every element of the given type in a plan, in document order: top-level ones and those inside sections, at any depth. */
export function elementsOf<T extends PlanElement['$type']>(plan: Plan, type: T): Extract<PlanElement, { $type: T }>[] {
    return (indexOf(plan).get(type)?.slice() ?? []) as Extract<PlanElement, { $type: T }>[];
}
