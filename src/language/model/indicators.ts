/**
 * Indicators: yearly values, whether a cumulative one decreases, and how far the latest value
 * has gone towards the target.
 */
import type { Indicator, Plan } from '../generated/ast.js';
import { elementsOf } from './elements.js';
import type { IndicatorFigures } from './figures.js';
import { compareDecimals, percentOfWay, type Decimal } from './numbers.js';
import { decimal } from './reader.js';

/** Every indicator of the plan (of areas, their activities and results), in document order. */
function indicatorsOf(plan: Plan): Indicator[] {
    return elementsOf(plan, 'Area').flatMap(area => [
        ...area.indicators,
        ...area.activities.flatMap(activity => [...activity.indicators, ...activity.results.flatMap(result => result.indicators)])
    ]);
}

export function evaluateIndicators(plan: Plan): IndicatorFigures[] {
    return indicatorsOf(plan).map(indicator => {
        const values = indicator.values.flatMap(node => {
            const value = decimal(node.value);
            return value ? [{ node, value }] : [];
        });
        const decreasing = indicator.cumulative
            ? values.filter((v, i) => i > 0 && compareDecimals(v.value, values[i - 1].value) < 0).map(v => v.node)
            : [];
        const baseline = decimal(indicator.baseline);
        const target = decimal(indicator.target);
        const last = values.at(-1);
        let progress: Decimal | undefined;
        if (last && indicator.target && last.node.value.percent === indicator.target.percent) {
            progress = target ? percentOfWay(baseline, last.value, target) : undefined;
        } else if (last?.node.value.percent) {
            progress = last.value; // yearly shares of a count target: the latest share is the progress
        }
        return { indicator, baseline, target, values, decreasing, progress };
    });
}
