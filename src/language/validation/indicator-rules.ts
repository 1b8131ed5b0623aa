/** Rules on indicators: well-formed percentages and cumulative milestones. */
import { compareDecimals, formatMeasure, formatPercentage } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/figures.js';
import { decimal } from '../model/reader.js';
import type { IssueReporter } from './reporter.js';
import type { Percentage, Measure } from '../generated/ast.js';

const ZERO = { units: 0n, scale: 0 };
const HUNDRED = { units: 100n, scale: 0 };

/** A share is between 0% and 100%. */
export function percentageMustBeWithinRange(node: Percentage | Measure, reporter: IssueReporter): void {
    const value = decimal(node);
    if (value && (compareDecimals(value, ZERO) < 0 || compareDecimals(value, HUNDRED) > 0)) {
        reporter.report('percentage-out-of-range', { value: formatPercentage(value) }, { node });
    }
}

/** Cumulative yearly values never go down. */
export function cumulativeValuesMustNotDecrease(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const figures of evaluation.indicators) {
        for (const node of figures.decreasing) {
            const index = figures.values.findIndex(v => v.node === node);
            const current = figures.values[index];
            const previous = figures.values[index - 1];
            reporter.report('milestones-decreasing', {
                value: formatMeasure(current.value, current.node.value.percent),
                period: current.node.period,
                previous: formatMeasure(previous.value, previous.node.value.percent),
                previousPeriod: previous.node.period
            }, { node: node.value });
        }
    }
}
