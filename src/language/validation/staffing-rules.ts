/** Rules on personnel costs and their funding. */
import { formatInteger, formatMoney } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/figures.js';
import type { IssueReporter } from './reporter.js';

/** A declared personnel cost must equal heads × the profile's unit cost. */
export function personnelCostMustBeHeadsTimesUnitCost(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const cost of evaluation.personnelCosts) {
        for (const { row, heads, unitCost, expected, declared, difference } of cost.rows) {
            if (expected === undefined || declared === undefined || difference === undefined || difference === 0n) {
                continue;
            }
            const profile = row.profile?.ref;
            if (!profile) {
                continue;
            }
            reporter.report('cost-mismatch', {
                heads: formatInteger(heads ?? 0),
                profile: profile.title,
                unitCost: formatMoney(unitCost ?? 0n),
                expected: formatMoney(expected),
                declared: formatMoney(declared),
                difference: formatMoney(difference)
            }, { node: row.cost }, { data: { expected: expected.toString(), replacement: formatMoney(expected) } });
        }
    }
}

/** The funding shares of a personnel cost (State, Region) must add up to the cost. */
export function fundingSharesMustCoverCost(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const cost of evaluation.personnelCosts) {
        const shares = cost.fundingShares;
        const last = shares.at(-1);
        if (!last || !cost.complete || cost.sharesDifference === 0n) {
            continue;
        }
        reporter.report('cofinancing-mismatch', {
            shares: shares.map(s => `${s.payer} ${formatMoney(s.amount ?? 0n)}`).join(' + '),
            sum: formatMoney(cost.shares),
            cost: formatMoney(cost.total),
            difference: formatMoney(cost.sharesDifference)
        }, { node: last.node.amount }, { data: { cost: cost.total.toString(), shares: cost.shares.toString() } });
    }
}

/** The heads a category of the staff by function declares must be the sum of the functions it divides them among. */
export function functionRowsMustAddUpToCategory(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const figures of evaluation.functions) {
        for (const group of figures.groups) {
            if (group.count === undefined || group.rowsTotal === undefined || group.rowsTotal === group.count) {
                continue;
            }
            const safe = !evaluation.consistency.functionStaff.some(c => c.unsafeFixes.has(group.node));
            reporter.report('function-total-mismatch', {
                category: group.category,
                office: figures.office,
                declared: formatInteger(group.count),
                computed: formatInteger(group.rowsTotal),
                difference: formatInteger(group.count - group.rowsTotal)
            }, { node: group.node.count }, { data: { computed: String(group.rowsTotal), replacement: safe ? formatInteger(group.rowsTotal) : undefined } });
        }
    }
}
