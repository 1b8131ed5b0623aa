/** Rules on personnel costs and their funding. */
import { formatInteger, formatMoney } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/evaluation.js';
import { count, money } from '../model/reader.js';
import type { IssueReporter } from './reporter.js';

/** A declared personnel cost must equal heads × the profile's unit cost. */
export function personnelCostMustBeHeadsTimesUnitCost(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const cost of evaluation.personnelCosts) {
        for (const { row, expected, declared, difference } of cost.rows) {
            if (expected === undefined || declared === undefined || difference === undefined || difference === 0n) {
                continue;
            }
            const profile = row.profile?.ref;
            if (!profile) {
                continue;
            }
            reporter.report('cost-mismatch', {
                heads: formatInteger(count(row.heads) ?? 0),
                profile: profile.title,
                unitCost: formatMoney(money(profile.unitCost) ?? 0n),
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
        const shares = cost.node.shares;
        const last = shares.at(-1);
        if (!last || !cost.complete || cost.sharesDifference === 0n) {
            continue;
        }
        reporter.report('cofinancing-mismatch', {
            shares: shares.map(s => `${s.payer} ${formatMoney(money(s.amount) ?? 0n)}`).join(' + '),
            sum: formatMoney(cost.shares),
            cost: formatMoney(cost.total),
            difference: formatMoney(cost.sharesDifference)
        }, { node: last.amount }, { data: { cost: cost.total.toString(), shares: cost.shares.toString() } });
    }
}
