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
import { damageOf, elementOf, type Damage } from './damage.js';
import { evaluateDeclarations } from './declarations.js';
import { evaluateFinance } from './finance.js';
import type { Check, DeclarationFigures, PlanEvaluation, TotalCheck } from './figures.js';
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

/**
 * A required declaration that is missing where a syntax error skipped text that could have held
 * it: not reported, since the plan may well make it.
 */
function missingButUnreadable(declaration: DeclarationFigures, damage: Damage): boolean {
    if (declaration.present || !damage.any) {
        return false;
    }
    // Text skipped right after a line or section may be the rest of it (its header was read, its body not).
    return declaration.anchor.$type === 'Plan' || damage.within(declaration.anchor) || damage.trailing(declaration.anchor)
        || (declaration.placement.section !== undefined && damage.betweenElements);
}

/** Evaluates a plan against its rule set. Pure: same AST (and parse errors), same figures. */
export function evaluatePlan(plan: Plan): PlanEvaluation {
    const ruleSet = plan.ruleSet?.ref;
    const rules = readRuleBook(ruleSet);
    const damage = damageOf(plan);
    const finance = evaluateFinance(plan, rules, damage);
    const staffing = evaluateStaffing(plan, rules);
    const statistics = evaluateStatistics(plan);
    // A declared total in a block with unread text is compared with an incomplete sum: no check.
    const totals = inDocumentOrder([...finance.checks, ...staffing.checks, ...statistics.checks])
        .filter(check => !damage.within(elementOf(check.node)));
    const checkOf = new Map<AstNode, TotalCheck>(totals.map(check => [check.node, check]));
    return {
        plan,
        damage,
        ruleSet,
        rules,
        sources: finance.sources,
        lines: finance.lines,
        grandTotal: finance.grandTotal,
        totalAssigned: finance.totalAssigned,
        grandTotalComplete: finance.grandTotalComplete,
        caps: finance.caps,
        declarations: evaluateDeclarations(plan, rules).filter(declaration => !missingButUnreadable(declaration, damage)),
        outline: evaluateOutline(plan, rules, finance),
        staffTables: staffing.staffTables,
        summaries: staffing.summaries,
        movements: staffing.movements,
        hiring: staffing.hiring,
        statistics: statistics.statistics,
        personnelCosts: staffing.personnelCosts.map(cost => damage.within(cost.node)
            ? { ...cost, complete: false, rows: cost.rows.map(row => ({ ...row, difference: undefined })) } : cost),
        indicators: evaluateIndicators(plan).map(figures => damage.within(figures.indicator) ? { ...figures, decreasing: [] } : figures),
        // A table with unread text is incomplete: it is compared with no other.
        consistency: evaluateConsistency(plan, rules, {
            staffTables: staffing.staffTables.filter(figures => !damage.within(figures.table) && !damage.trailing(figures.table)),
            summaries: staffing.summaries.filter(figures => !damage.within(figures.node) && !damage.trailing(figures.node)),
            movements: staffing.movements.filter(figures => !damage.within(figures.node) && !damage.trailing(figures.node)),
            hiring: staffing.hiring.filter(figures => !damage.within(figures.node) && !damage.trailing(figures.node)),
            personnelCosts: staffing.personnelCosts.filter(figures => !damage.within(figures.node) && !damage.trailing(figures.node)),
            statistics: statistics.statistics.filter(figures => !damage.within(figures.table) && !damage.trailing(figures.table))
        }),
        totals,
        totalOf: node => checkOf.get(node),
        lineOf: finance.lineOf,
        sourceOf: finance.sourceOf
    };
}
