/** Declared totals, wherever the document writes one, must equal the sum of their parts. */
import { formatInteger, formatMoney } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/figures.js';
import type { IssueReporter } from './reporter.js';

/** Every declared total (line, source, plan, staff, statistics, movements, hires, costs) must match. */
export function declaredTotalMustMatchComputed(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const check of evaluation.totals) {
        if (check.difference === 0n) {
            continue;
        }
        const format = check.unit === 'money' ? formatMoney : formatInteger;
        reporter.report('total-mismatch', {
            subject: check.subject,
            declared: format(check.declared),
            computed: format(check.computed),
            difference: format(check.difference)
        }, { node: check.node }, {
            data: { unit: check.unit, computed: check.computed.toString(), replacement: check.unit === 'money' ? formatMoney(check.computed) : formatInteger(check.computed) }
        });
    }
}
