/**
 * Evaluates a plan: reads its rule book once, asks each concern for its figures and its
 * checks of declared totals, and merges the checks in document order.
 *
 * Validation, hover, inlay hints, code lens, tables and the CLI read figures from the
 * resulting `PlanEvaluation`; none of them adds up anything itself.
 */
import type { AstNode } from 'langium';
import type { Plan } from '../generated/ast.js';
import { evaluateConsistency } from './consistency.js';
import { evaluateDeclarations } from './declarations.js';
import { evaluateFinance } from './finance.js';
import type { Check, PlanEvaluation, TotalCheck } from './figures.js';
import { evaluateIndicators } from './indicators.js';
import { evaluateOutline } from './outline.js';
import { readRuleBook } from './rule-book.js';
import { evaluateStaffing } from './staffing.js';
import { evaluateStatistics } from './statistics.js';

/** Checks with their difference, sorted by where their declared figure stands in the document. */
export function inDocumentOrder(checks: readonly Check[]): TotalCheck[] {
    return checks
        .map(check => ({ ...check, difference: check.declared - check.computed }))
        .sort((a, b) => (a.node.$cstNode?.offset ?? 0) - (b.node.$cstNode?.offset ?? 0));
}

/** Evaluates a plan against its rule set. Pure: same AST, same figures. */
export function evaluatePlan(plan: Plan): PlanEvaluation {
    const ruleSet = plan.ruleSet?.ref;
    const rules = readRuleBook(ruleSet);
    const finance = evaluateFinance(plan, rules);
    const staffing = evaluateStaffing(plan, rules);
    const statistics = evaluateStatistics(plan);
    const totals = inDocumentOrder([...finance.checks, ...staffing.checks, ...statistics.checks]);
    const checkOf = new Map<AstNode, TotalCheck>(totals.map(check => [check.node, check]));
    return {
        plan,
        ruleSet,
        rules,
        sources: finance.sources,
        lines: finance.lines,
        grandTotal: finance.grandTotal,
        totalAssigned: finance.totalAssigned,
        grandTotalComplete: finance.grandTotalComplete,
        caps: finance.caps,
        declarations: evaluateDeclarations(plan, rules),
        outline: evaluateOutline(plan, rules, finance),
        staffTables: staffing.staffTables,
        summaries: staffing.summaries,
        movements: staffing.movements,
        hiring: staffing.hiring,
        statistics: statistics.statistics,
        personnelCosts: staffing.personnelCosts,
        functions: staffing.functions,
        needs: staffing.needs,
        municipalities: staffing.municipalities,
        municipalitiesTotal: staffing.municipalitiesTotal,
        indicators: evaluateIndicators(plan),
        consistency: evaluateConsistency(plan, rules, { ...staffing, statistics: statistics.statistics }),
        totals,
        totalOf: node => checkOf.get(node),
        lineOf: finance.lineOf,
        sourceOf: finance.sourceOf
    };
}
