/**
 * The service every consumer asks for a plan's figures. Results are cached until the
 * workspace changes (a rule set edited in another file changes the figures too).
 */
import { WorkspaceCache } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { Plan } from '../generated/ast.js';
import { evaluatePlan } from './evaluate-plan.js';
import type { PlanEvaluation } from './figures.js';

export class PlanEvaluator {
    private readonly cache: WorkspaceCache<Plan, PlanEvaluation>;

    constructor(shared: LangiumSharedCoreServices) {
        this.cache = new WorkspaceCache(shared);
    }

    /** The figures of a plan, computed once per workspace state. */
    evaluate(plan: Plan): PlanEvaluation {
        return this.cache.get(plan, () => evaluatePlan(plan));
    }
}
