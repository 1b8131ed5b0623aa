/**
 * One way to reach the constructs of a plan. Concerns ask for "all elements of type T"
 * instead of filtering `plan.elements`, so constructs nested in sections are found too.
 */
import { AstUtils, type AstNode } from 'langium';
import type { CpiplanAstType, Plan } from '../generated/ast.js';

/** Every element of the given type in a plan, in document order: top-level ones and those inside sections. */
export function elementsOf<T extends keyof CpiplanAstType>(plan: Plan, type: T): CpiplanAstType[T][] {
    const result: CpiplanAstType[T][] = [];
    const visit = (node: AstNode) => {
        if (node.$type === type) {
            result.push(node as CpiplanAstType[T]);
        }
    };
    for (const element of plan.elements) {
        visit(element);
        if (element.$type === 'Section') {
            AstUtils.streamContents(element).forEach(visit);
        }
    }
    return result;
}
