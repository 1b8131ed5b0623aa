/**
 * Staffing: staff in service per office, category summaries, movements, planned hires and
 * personnel costs, each with the declared totals it checks.
 */
import type {
    CategoryCount, CategoryMerge, CategorySummary, Count, HiringPlan, Movements, Office, PersonnelCost, Plan, Profile, StaffByFunction, StaffingNeeds, StaffTable,
    SummaryRow
} from '../generated/ast.js';
import { nearest } from '../syntax/nearest.js';
import { elementsOf } from './elements.js';
import type {
    Check, FunctionGroupFigures, HiringFigures, MovementFigures, StaffByFunctionFigures, StaffingNeedsFigures, OfficeStaffFigures, PersonnelCostFigures, StaffTableFigures, Subject, SummaryFigures, StaffingFigures
} from './figures.js';
import { count, money } from './reader.js';
import type { RuleBook } from './rule-book.js';
import { countCheck, moneyCheck, Sum, values } from './sum.js';


export function evaluateStaffing(plan: Plan, rules: RuleBook): StaffingFigures {
    const checks: Check[] = [];
    const keep = <T>(result: { figures: T; checks: readonly Check[] }): T => {
        checks.push(...result.checks);
        return result.figures;
    };
    const municipalities = elementsOf(plan, 'Municipalities').map(node => ({ node, office: officeLabel(node.office), count: node.names.length }));
    return {
        staffTables: elementsOf(plan, 'StaffTable').map(table => keep(evaluateStaffTable(table, rules))),
        summaries: elementsOf(plan, 'CategorySummary').map(summary => keep(evaluateSummary(summary, rules))),
        movements: elementsOf(plan, 'Movements').map(movements => keep(evaluateMovements(movements))),
        hiring: elementsOf(plan, 'HiringPlan').map(hiring => keep(evaluateHiring(hiring))),
        personnelCosts: elementsOf(plan, 'PersonnelCost').map(cost => keep(evaluatePersonnelCost(cost))),
        functions: elementsOf(plan, 'StaffByFunction').map(evaluateFunctions),
        needs: elementsOf(plan, 'StaffingNeeds').map(needs => evaluateNeeds(needs, elementsOf(plan, 'Office'))),
        municipalities,
        municipalitiesTotal: municipalities.reduce((sum, m) => sum + m.count, 0),
        checks
    };
}

/** An office as tables and hovers name it: its title, or the name written when it does not resolve. */
function officeLabel(reference: { ref?: Office; $refText: string } | undefined): string {
    return reference?.ref?.title ?? reference?.$refText ?? '';
}

function evaluateFunctions(node: StaffByFunction): StaffByFunctionFigures {
    const total = new Sum();
    const groups = node.groups.map((group): FunctionGroupFigures => {
        const heads = count(group.count);
        total.add(heads);
        const sum = new Sum();
        const rows = group.rows.map(row => ({ node: row, count: count(row.count) }));
        rows.forEach(row => sum.add(row.count));
        return { node: group, category: group.category, count: heads, rows, rowsTotal: rows.length > 0 && sum.complete ? Number(sum.value) : undefined };
    });
    return { node, office: officeLabel(node.office), groups, total: Number(total.value), complete: total.complete };
}

/** The heads each office needs, and for all of them: `per ogni cpi` concerns every CPI of the plan. */
function evaluateNeeds(node: StaffingNeeds, offices: readonly Office[]): StaffingNeedsFigures {
    const concerned = node.each ? offices.filter(o => o.kind === 'cpi') : node.offices.flatMap(o => o.ref ? [o.ref] : []);
    const perOffice = new Sum();
    const rows = node.rows.map(row => ({ node: row, count: count(row.count) }));
    rows.forEach(row => perOffice.add(row.count));
    return {
        node, offices: concerned, rows, perOffice: Number(perOffice.value),
        total: Number(perOffice.value) * concerned.length, complete: perOffice.complete
    };
}

/** A profile as tables and messages name it: its title, or the name written when it does not resolve. */
function profileLabel(reference: { ref?: Profile; $refText: string } | undefined): string {
    return reference?.ref?.title ?? reference?.$refText ?? '';
}

function addCategories(into: Map<string, Sum>, counts: CategoryCount[]): void {
    for (const entry of counts) {
        // `p 3` (no category) parses with the category missing: no column for it.
        if (entry.category === undefined) {
            continue;
        }
        const sum = into.get(entry.category) ?? new Sum();
        sum.add(count(entry.count));
        into.set(entry.category, sum);
    }
}

/**
 * How a table counts heads by category: a position counts in its category (`C2` in `C`, as the
 * rule set says), and a category the table counts under another (`conta Dirigente in D`) in that one.
 */
export class CategoryCounting {
    constructor(private readonly rules: RuleBook, private readonly merges: readonly CategoryMerge[]) { }

    /** The category a written category or position belongs to. */
    categoryOf(written: string): string {
        return this.rules.categoryOf(written);
    }

    /** The category the table counts a written category or position under. */
    countedUnder(written: string): string {
        const category = this.categoryOf(written);
        const merge = this.merges.find(m => this.categoryOf(m.category) === category);
        return merge ? this.categoryOf(merge.into) : category;
    }

    /** The heads per counted category of heads per written category or position. */
    count(written: ReadonlyMap<string, number | undefined>): Map<string, number> {
        const counted = new Map<string, number>();
        for (const [name, heads] of written) {
            const key = this.countedUnder(name);
            counted.set(key, (counted.get(key) ?? 0) + (heads ?? 0));
        }
        return counted;
    }

    /**
     * The sum a declared `di cui` entry is compared with: a position its own heads, a category
     * the table counts under another its own heads and positions, any other category every head
     * the table counts under it.
     */
    sumFor(declared: string, written: ReadonlyMap<string, Sum>): Sum {
        const sum = new Sum();
        const position = this.categoryOf(declared) !== declared;
        const mergedAway = !position && this.countedUnder(declared) !== declared;
        for (const [name, part] of written) {
            const matches = position ? name === declared
                : mergedAway ? this.categoryOf(name) === declared
                    : this.countedUnder(name) === declared;
            if (matches) {
                sum.add(part.complete ? part.value : undefined);
            }
        }
        return sum;
    }
}

function staffTotalChecks(declared: { total: Count; byCategory: CategoryCount[] } | undefined,
    total: Sum, byCategory: Map<string, Sum>, counting: CategoryCounting, subject: (category?: string) => Subject): Check[] {
    if (!declared) {
        return [];
    }
    return [
        ...declared.byCategory.flatMap(entry => countCheck(entry.count, counting.sumFor(entry.category, byCategory), subject(entry.category))),
        ...countCheck(declared.total, total, subject())
    ];
}

function evaluateStaffTable(table: StaffTable, rules: RuleBook): { figures: StaffTableFigures; checks: Check[] } {
    const checks: Check[] = [];
    const counting = new CategoryCounting(rules, table.merges);
    const tableTotal = new Sum();
    const tableByCategory = new Map<string, Sum>();
    const byProfile = new Map<Profile, number>();
    const offices: OfficeStaffFigures[] = table.offices.map(office => {
        const total = new Sum();
        const byCategory = new Map<string, Sum>();
        const name = office.office?.ref?.title ?? office.office?.$refText ?? '';
        const rows = office.rows.map(row => {
            const rowByCategory = new Map<string, Sum>();
            addCategories(rowByCategory, row.counts);
            addCategories(byCategory, row.counts);
            addCategories(tableByCategory, row.counts);
            const rowTotal = new Sum();
            for (const entry of row.counts) {
                rowTotal.add(count(entry.count));
                total.add(count(entry.count));
                tableTotal.add(count(entry.count));
            }
            const label = profileLabel(row.profile);
            checks.push(...countCheck(row.total, rowTotal, { of: 'staff-row', office: name, profile: label }));
            const profile = row.profile?.ref;
            if (profile) {
                byProfile.set(profile, (byProfile.get(profile) ?? 0) + Number(rowTotal.value));
            }
            return { row, profile: label, total: Number(rowTotal.value), byCategory: values(rowByCategory) };
        });
        checks.push(...staffTotalChecks(office.total, total, byCategory, counting, category => ({ of: 'office-staff', office: name, category })));
        return {
            node: office, label: name, rows, total: Number(total.value), byCategory: values(byCategory),
            counted: counting.count(values(byCategory))
        };
    });
    checks.push(...staffTotalChecks(table.total, tableTotal, tableByCategory, counting, category => ({ of: 'staff-table', category })));
    return {
        figures: {
            table, offices, total: Number(tableTotal.value), byCategory: values(tableByCategory), byProfile,
            counted: counting.count(values(tableByCategory)), complete: tableTotal.complete
        },
        checks
    };
}

/**
 * A summary row whose category is a slip for `totale` (`totalx 322 338`): a category is any
 * name, so the misspelt total is read as one more category. The summary's figures are then not
 * what the plan states (its total counted as a category, its own total missing): it is compared
 * with no other table, and the document validator reports the slip.
 */
export function misspeltTotal(row: SummaryRow): boolean {
    return nearest(row.category, ['totale']) !== undefined;
}

function evaluateSummary(summary: CategorySummary, rules: RuleBook): { figures: SummaryFigures; checks: Check[] } {
    const counting = new CategoryCounting(rules, summary.merges);
    const from = new Sum();
    const to = new Sum();
    const rows = summary.rows.map(node => {
        const row = { node, category: node.category, from: count(node.from), to: count(node.to) };
        from.add(row.from);
        to.add(row.to);
        return row;
    });
    return {
        figures: {
            node: summary, rows, totalFrom: Number(from.value), totalTo: Number(to.value),
            countedFrom: counting.count(new Map(rows.map(row => [row.category, row.from]))),
            countedTo: counting.count(new Map(rows.map(row => [row.category, row.to]))),
            complete: from.complete && to.complete && !summary.rows.some(misspeltTotal)
        },
        checks: [
            ...countCheck(summary.totalFrom, from, { of: 'summary', date: summary.fromDate }),
            ...countCheck(summary.totalTo, to, { of: 'summary', date: summary.toDate })
        ]
    };
}

function evaluateMovements(node: Movements): { figures: MovementFigures; checks: Check[] } {
    const entries = new Sum();
    const exits = new Sum();
    const progressions = new Sum();
    const rows = node.rows.map(row => {
        const figures = { node: row, label: row.label, kind: row.kind, count: count(row.count) };
        const target = row.kind === 'ingresso' ? entries : row.kind === 'uscita' ? exits : progressions;
        target.add(figures.count);
        return figures;
    });
    const net = new Sum();
    net.add(entries.complete ? entries.value : undefined);
    net.add(exits.complete ? -exits.value : undefined);
    const declared = count(node.net);
    const checks: Check[] = node.net && declared !== undefined && net.complete
        ? [{ unit: 'count', node: node.net, declared: BigInt(node.negative ? -declared : declared), computed: net.value, subject: { of: 'movements' } }]
        : [];
    return {
        figures: {
            node, rows, entries: Number(entries.value), exits: Number(exits.value),
            progressions: Number(progressions.value), net: Number(net.value)
        },
        checks
    };
}

function evaluateHiring(hiring: HiringPlan): { figures: HiringFigures; checks: Check[] } {
    const checks: Check[] = [];
    const periods = hiring.periods.map(period => {
        const sum = new Sum();
        const hires = period.hires.map(hire => {
            const figures = { node: hire, category: hire.category, profile: hire.profile ? profileLabel(hire.profile) : undefined, count: count(hire.count) };
            sum.add(figures.count);
            return figures;
        });
        checks.push(...countCheck(period.total, sum, { of: 'hiring-period', period: period.period }));
        return { node: period, hires, total: Number(sum.value) };
    });
    return { figures: { node: hiring, periods }, checks };
}

function evaluatePersonnelCost(node: PersonnelCost): { figures: PersonnelCostFigures; checks: Check[] } {
    const total = new Sum();
    const rows = node.rows.map(row => {
        const declared = money(row.cost);
        const unitCost = money(row.profile?.ref?.unitCost);
        const heads = count(row.heads);
        total.add(declared);
        const expected = unitCost !== undefined && heads !== undefined ? unitCost * BigInt(heads) : undefined;
        return {
            row, profile: profileLabel(row.profile), heads, unitCost, declared, expected,
            difference: expected !== undefined && declared !== undefined ? declared - expected : undefined
        };
    });
    const shares = new Sum();
    const fundingShares = node.shares.flatMap(share => {
        if (share.payer === undefined) {
            // A share the parser lost the payer of (its syntax error is reported): no share of the cost,
            // and the sum of the shares is not known (a table showed it as 'Quota undefined').
            shares.add(undefined);
            return [];
        }
        const figures = { node: share, payer: share.payer, amount: money(share.amount) };
        shares.add(figures.amount);
        return [figures];
    });
    return {
        figures: {
            node, rows, total: total.value, fundingShares, shares: shares.value,
            sharesDifference: shares.value - total.value, complete: total.complete && shares.complete
        },
        checks: node.total ? moneyCheck(node.total, money(node.total), total, { of: 'personnel-cost', year: node.year }) : []
    };
}
