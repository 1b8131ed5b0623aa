/** Rules on money: caps, allocation against assigned amounts, item splits. */
import { formatMoney, formatPercentage } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/figures.js';
import { severityFromRule, type IssueReporter } from './reporter.js';

/** The part of a line charged to a source must not exceed the rule set's cap for that line and source. */
export function lineChargeMustNotExceedCap(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const cap of evaluation.caps) {
        if (cap.headroom >= 0n) {
            continue;
        }
        reporter.report('cap-exceeded', {
            line: cap.line.code ?? cap.line.title,
            source: cap.source.label,
            charged: formatMoney(cap.charged),
            cap: formatMoney(cap.cap),
            rate: formatPercentage(cap.rate),
            excess: formatMoney(-cap.headroom)
        }, { node: cap.line, property: 'code' }, {
            severity: severityFromRule(cap.severity),
            data: { cap: cap.cap.toString(), charged: cap.charged.toString(), source: cap.source.source.name }
        });
    }
}

/** What is programmed on a source must not exceed what was assigned. */
export function sourceMustNotBeOverAllocated(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const source of evaluation.sources) {
        const { assigned, remaining } = source;
        if (assigned === undefined || remaining === undefined || remaining >= 0n || !source.complete) {
            continue;
        }
        reporter.report('over-allocated', {
            source: source.label,
            programmed: formatMoney(source.programmed),
            assigned: formatMoney(assigned),
            excess: formatMoney(-remaining)
        }, { node: source.source, property: 'name' }, {
            data: { programmed: source.programmed.toString(), assigned: assigned.toString() }
        });
    }
}

/** Money assigned but not programmed is legal, but the plans commit to spend everything. */
export function sourceShouldBeFullyProgrammed(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    if (evaluation.lines.length === 0) {
        return; // the document has no financial framework (Puglia's technical-assistance plan)
    }
    for (const source of evaluation.sources) {
        const { assigned, remaining } = source;
        if (assigned === undefined || remaining === undefined || remaining <= 0n || !source.complete) {
            continue;
        }
        reporter.report('under-allocated', {
            source: source.label,
            programmed: formatMoney(source.programmed),
            assigned: formatMoney(assigned),
            remaining: formatMoney(remaining)
        }, { node: source.source, property: 'name' }, {
            data: { programmed: source.programmed.toString(), assigned: assigned.toString() }
        });
    }
}

/** An item split across sources must have parts that add up to its amount. */
export function itemPartsMustMatchAmount(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const line of evaluation.lines) {
        for (const item of line.items) {
            const { amount, partsTotal, partsDifference, balancingLastPart } = item;
            if (amount === undefined || partsTotal === undefined || partsDifference === undefined || partsDifference === 0n) {
                continue;
            }
            reporter.report('split-mismatch', {
                parts: formatMoney(partsTotal),
                amount: formatMoney(amount),
                difference: formatMoney(partsDifference)
            }, { node: item.item.amount }, {
                data: {
                    parts: partsTotal.toString(), amount: amount.toString(), amountReplacement: formatMoney(partsTotal),
                    ...balancingLastPart === undefined || balancingLastPart < 0n
                        ? { lastPart: 'unbalanceable' as const }
                        : { lastPart: 'balancing' as const, lastPartReplacement: formatMoney(balancingLastPart) }
                }
            });
        }
    }
}

/** With several sources, every item says which one it is charged to. */
export function itemMustNameItsSource(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const names = evaluation.sources.map(s => s.source.name).join(', ');
    for (const line of evaluation.lines) {
        for (const item of line.items) {
            if (item.unassigned) {
                reporter.report('unassigned-item', { sources: names }, { node: item.item, property: 'title' });
            }
        }
    }
}
