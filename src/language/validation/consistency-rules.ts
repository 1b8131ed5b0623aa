/**
 * Rules across tables: figures two tables give for the same thing must agree, and a table must
 * not give an entry twice or without what it needs. They read the evaluation's consistency
 * figures; each has its own code, so a rule set can tune its severity.
 */
import { formatInteger, formatMoney } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/figures.js';
import { yearOf } from '../model/consistency.js';
import type { IssueReporter } from './reporter.js';

/** A signed change: `+16`, `-3`, `0`. */
function signed(value: number): string {
    return value > 0 ? `+${formatInteger(value)}` : formatInteger(value);
}

/** The category summary at a date must count, category by category, the staff table at the same date. */
export function summaryMustMatchStaffTable(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.summaryStaff) {
        reporter.report('summary-staff-mismatch', {
            summary: d.summary.node.title ?? '',
            date: d.date,
            category: d.category,
            inSummary: formatInteger(d.inSummary),
            table: d.table.table.title ?? '',
            inStaff: formatInteger(d.inStaff),
            difference: formatInteger(d.inSummary - d.inStaff)
        }, d.node ? { node: d.node } : { node: d.summary.node, property: d.date === d.summary.node.fromDate ? 'fromDate' : 'toDate' });
    }
}

/** An office's staff by function at a date must count, category by category, what the staff table at the same date counts for it. */
export function functionsMustMatchStaffTable(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const { functions, table, differences } of evaluation.consistency.functionStaff) {
        for (const d of differences) {
            reporter.report('function-staff-mismatch', {
                office: functions.office,
                date: functions.node.date ?? '',
                category: d.category,
                inFunctions: formatInteger(d.inFunctions),
                table: table.table.title ?? '',
                inStaff: formatInteger(d.inStaff),
                difference: formatInteger(d.inFunctions - d.inStaff)
            }, d.node ? { node: d.node } : { node: functions.node, property: 'office' });
        }
    }
}

/** The net of the movements between two dates must be the change of the summary between them. */
export function movementsMustMatchSummaryChange(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.movementsSummary) {
        const node = d.movements.node;
        reporter.report('movements-summary-mismatch', {
            from: node.fromDate,
            to: node.toDate,
            net: signed(d.net),
            summaryFrom: formatInteger(d.from),
            summaryTo: formatInteger(d.to),
            change: signed(d.to - d.from)
        }, node.net ? { node: node.net } : { node, property: 'fromDate' });
    }
}

/** The heads in a year's personnel cost must be the heads hired up to that year. */
export function personnelCostMustCountHires(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.hiresCost) {
        reporter.report('hires-cost-mismatch', {
            year: d.cost.node.year,
            upTo: String(d.year),
            profile: d.profile,
            heads: formatInteger(d.heads),
            hired: formatInteger(d.hired)
        }, d.row ? { node: d.row.heads } : { node: d.cost.node, property: 'year' });
    }
}

/** A hire must be in its profile's category (a position counts in its category). */
export function hireMustBeInProfileCategory(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.hireCategories) {
        reporter.report('hire-category-mismatch', {
            category: d.hire.category,
            profile: d.profile.title,
            profileCategory: d.profile.category
        }, { node: d.hire, property: 'category' });
    }
}

/** An office's registered job seekers (residents) must be those a statistics table measuring them gives it. */
export function officeFigureMustMatchStatistics(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.officeStatistics) {
        const node = d.measure === 'iscritti' ? d.office.registered : d.office.residents;
        reporter.report('office-statistics-mismatch', {
            office: d.office.title,
            measure: d.measure,
            inOffice: formatInteger(d.inOffice),
            table: d.table.title,
            inStatistics: formatInteger(d.inStatistics),
            difference: formatInteger(d.inOffice - d.inStatistics)
        }, node ? { node } : { node: d.row, property: 'office' });
    }
}

/** A cost row's profile must state its unit cost, or heads × unit cost goes unchecked. */
export function costRowMustHaveUnitCost(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.missingUnitCosts) {
        reporter.report('missing-unit-cost', { profile: d.profile.title }, { node: d.row, property: 'profile' }, {
            data: { profile: d.profile.name, unitCost: d.implied === undefined ? undefined : formatMoney(d.implied) }
        });
    }
}

/** A staff table lists each office once. */
export function officeMustBeListedOnce(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.duplicateOffices) {
        const only = d.missing.length === 1 ? d.missing[0] : undefined;
        reporter.report('duplicate-office-staff', {
            office: d.office.title,
            table: d.table.table.title ?? '',
            missing: d.missing.map(o => o.title)
        }, { node: d.node, property: 'office' }, { data: { replacement: only?.name } });
    }
}

/** A hiring plan gives each period once. */
export function hiringPeriodMustBeGivenOnce(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const d of evaluation.consistency.duplicatePeriods) {
        reporter.report('duplicate-hiring-period', {
            period: yearOf(d.node.period) !== undefined && /^\d{4}$/.test(d.node.period) ? d.node.period : `«${d.node.period}»`,
            hiring: d.hiring.node.name
        }, { node: d.node, property: 'period' });
    }
}
