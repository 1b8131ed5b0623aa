/**
 * One way to reach the constructs of a plan. Concerns ask for "all elements of type T"
 * instead of filtering `plan.elements`, so constructs nested in sections are found too.
 */
import { AstUtils, type AstNode } from 'langium';
import type { Plan, PlanElement } from '../generated/ast.js';

/** Every element of the given type in a plan, in document order: top-level ones and those inside sections, at any depth. */
export function elementsOf<T extends PlanElement['$type']>(plan: Plan, type: T): Extract<PlanElement, { $type: T }>[] {
    const result: Extract<PlanElement, { $type: T }>[] = [];
    const visit = (node: AstNode): void => {
        if (node.$type === type) {
            result.push(node as Extract<PlanElement, { $type: T }>);
        }
        if (node.$type === 'Section') {
            AstUtils.streamContents(node).forEach(visit);
        }
    };
    plan.elements.forEach(visit);
    return result;
}
