/** Dates that exist, and periods that do not end before they start. */
import type { Act, CategorySummary, Movements, Plan, StaffTable } from '../generated/ast.js';
import { GrammarUtils } from 'langium';
import type { Damage } from '../model/damage.js';
import { compareDates, readDate, readYear } from '../model/dates.js';
import type { IssueReporter } from './reporter.js';

/** A node with dates. */
export type DatedNode = Act | StaffTable | CategorySummary | Movements;

/** A node's DATE properties, in the order they are written, with their text. */
function datesOf(node: DatedNode): readonly { readonly property: string; readonly text?: string }[] {
    switch (node.$type) {
        case 'Act':
        case 'StaffTable': return [{ property: 'date', text: node.date }];
        case 'CategorySummary':
        case 'Movements': return [{ property: 'fromDate', text: node.fromDate }, { property: 'toDate', text: node.toDate }];
    }
}

/** Every date is a day of the calendar: no 31/02/2020, no 32/13/2020, no 2020-02-30. */
export function dateMustExist(node: DatedNode, reporter: IssueReporter): void {
    for (const { property, text } of datesOf(node)) {
        if (text !== undefined && readDate(text) === undefined) {
            reporter.report('invalid-date', { text }, { node, property });
        }
    }
}

/** A summary at two dates and a span of movements run forward: `dal 24/11/2020 al 31/12/2019` is reversed. */
export function periodMustNotEndBeforeStart(node: CategorySummary | Movements, reporter: IssueReporter): void {
    const from = node.fromDate === undefined ? undefined : readDate(node.fromDate);
    const to = node.toDate === undefined ? undefined : readDate(node.toDate);
    if (from && to && node.fromDate !== undefined && node.toDate !== undefined && compareDates(to, from) < 0) {
        reporter.report('period-reversed', { start: node.fromDate, end: node.toDate }, { node, property: 'toDate' });
    }
}

/**
 * A plan's period is two years, the second not before the first: `periodo 2019-2021`. A year
 * after a character the lexer dropped on its line (`periodo §019-2021`) is that error's
 * consequence: one error on a line, as for parsing errors.
 */
export function planPeriodMustBeYearsInOrder(plan: Plan, reporter: IssueReporter, damage: Damage): void {
    const years = (['periodStart', 'periodEnd'] as const).map(property => {
        const text = plan[property];
        const year = text === undefined ? undefined : readYear(text);
        if (text !== undefined && year === undefined && !damage.onLineUpTo(plan.$cstNode && GrammarUtils.findNodeForProperty(plan.$cstNode, property))) {
            reporter.report('invalid-date', { text, year: true }, { node: plan, property });
        }
        return year;
    });
    const [start, end] = years;
    if (start !== undefined && end !== undefined && end < start && plan.periodStart !== undefined && plan.periodEnd !== undefined) {
        reporter.report('period-reversed', { start: plan.periodStart, end: plan.periodEnd }, { node: plan, property: 'periodEnd' });
    }
}
