/**
 * Consistency across tables: the figures that must agree between one table and another (the
 * category summary and the staff table at the same date, the movements and the summary's change,
 * the hires and the heads in the personnel cost, an office's own figures and a statistics table
 * giving the same quantity), and the entries a table gives twice or without what they need.
 * Computed once here; the rules in validation/consistency-rules.ts only read them.
 */
import type {
    Count, CostRow, FunctionGroup, Hire, HiringPeriod, Office, OfficeStaff, Plan, Profile, StatisticsRow, StatisticsTable
} from '../generated/ast.js';
import { elementsOf } from './elements.js';
import type {
    HiringFigures, MovementFigures, OfficeStaffFigures, PersonnelCostFigures, StaffByFunctionFigures, StaffTableFigures, StatisticsFigures,
    SummaryFigures, StaffingFigures
} from './figures.js';
import { count } from './reader.js';
import type { RuleBook } from './rule-book.js';
import { CategoryCounting } from './staffing.js';

/** One category where the category summary and the staff table at the same date disagree. */
export interface SummaryStaffDifference {
    readonly summary: SummaryFigures;
    readonly table: StaffTableFigures;
    /** The date both tables give, as the summary writes it. */
    readonly date: string;
    readonly category: string;
    readonly inSummary: number;
    readonly inStaff: number;
    /** The summary's figure for the category at that date, when it has a row for it. */
    readonly node?: Count;
}

/**
 * The staff by function of an office against the staff table at the same date listing that
 * office once: category by category, as the staff table counts them (positions in their
 * category, merged categories under the one they are counted in).
 */
export interface FunctionStaffComparison {
    readonly functions: StaffByFunctionFigures;
    readonly table: StaffTableFigures;
    readonly office: OfficeStaffFigures;
    /** The categories on which the two disagree. */
    readonly differences: readonly FunctionStaffDifference[];
    /** The categories of the staff by function whose functions' sum, written as their heads, would leave their counted category disagreeing with the staff table. */
    readonly unsafeFixes: ReadonlySet<FunctionGroup>;
}

/** One counted category where the staff by function and the staff table disagree. */
export interface FunctionStaffDifference {
    readonly category: string;
    readonly inFunctions: number;
    readonly inStaff: number;
    /** The heads of the first category of the staff by function counted under it, when it has one. */
    readonly node?: Count;
}

/** Movements whose net change differs from the change of the summary between the same two dates. */
export interface MovementsSummaryDifference {
    readonly movements: MovementFigures;
    readonly summary: SummaryFigures;
    /** Entries − exits. */
    readonly net: number;
    readonly from: number;
    readonly to: number;
}

/** Heads in a year's personnel cost against the heads hired up to that year. */
export interface HiresCostDifference {
    readonly cost: PersonnelCostFigures;
    readonly year: number;
    /** The cost row of the profile; undefined when the profile is hired but has no row, or when hires name no profile (then totals are compared). */
    readonly row?: CostRow;
    /** The profile's title; undefined when the totals are compared. */
    readonly profile?: string;
    readonly heads: number;
    readonly hired: number;
}

/** A hire in a category other than its profile's. */
export interface HireCategoryDifference {
    readonly hire: Hire;
    readonly profile: Profile;
    readonly category: string;
    readonly profileCategory: string;
}

/** What a statistics table's office rows can give that an office also states. */
export type OfficeMeasure = 'iscritti' | 'residenti';

/** An office's own figure against a statistics row giving the same quantity. */
export interface OfficeStatisticsDifference {
    readonly office: Office;
    readonly measure: OfficeMeasure;
    readonly table: StatisticsTable;
    readonly row: StatisticsRow;
    readonly inOffice: number;
    readonly inStatistics: number;
}

/** An office listed again in a staff table, and the CPI the table leaves out. */
export interface DuplicateOfficeStaff {
    readonly table: StaffTableFigures;
    readonly node: OfficeStaff;
    readonly office: Office;
    readonly missing: readonly Office[];
}

/** A hiring period given again in the same hiring plan. */
export interface DuplicateHiringPeriod {
    readonly hiring: HiringFigures;
    readonly node: HiringPeriod;
}

/** A personnel cost row for a profile that states no unit cost. */
export interface MissingUnitCost {
    readonly row: CostRow;
    readonly profile: Profile;
    /** The row's cost ÷ its heads, in cents, when it divides exactly: the unit cost the row implies. */
    readonly implied?: bigint;
}

export interface ConsistencyFigures {
    readonly summaryStaff: readonly SummaryStaffDifference[];
    readonly movementsSummary: readonly MovementsSummaryDifference[];
    readonly hiresCost: readonly HiresCostDifference[];
    readonly hireCategories: readonly HireCategoryDifference[];
    readonly officeStatistics: readonly OfficeStatisticsDifference[];
    readonly duplicateOffices: readonly DuplicateOfficeStaff[];
    readonly duplicatePeriods: readonly DuplicateHiringPeriod[];
    readonly missingUnitCosts: readonly MissingUnitCost[];
    readonly functionStaff: readonly FunctionStaffComparison[];
}

/** What the checks across tables read: the staffing concern's figures and the statistics. */
export interface ConsistencyInputs extends Omit<StaffingFigures, 'checks'> {
    readonly statistics: readonly StatisticsFigures[];
}

/** A date as `yyyy-mm-dd`, from `24/11/2020` or `2020-11-24`, to compare dates however written. */
export function dateKey(date: string | undefined): string | undefined {
    if (date === undefined) {
        return undefined;
    }
    const italian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
    return italian ? `${italian[3]}-${italian[2].padStart(2, '0')}-${italian[1].padStart(2, '0')}` : date;
}

/** The last year a period names (`2021`, `"dal 2021"` → 2021, `"2021/2022"` → 2022), if any. */
export function yearOf(period: string | undefined): number | undefined {
    const years = period?.match(/\b\d{4}\b/g);
    return years ? Number(years[years.length - 1]) : undefined;
}

export function evaluateConsistency(plan: Plan, rules: RuleBook, figures: ConsistencyInputs): ConsistencyFigures {
    return {
        summaryStaff: summaryAgainstStaff(rules, figures),
        movementsSummary: movementsAgainstSummary(figures),
        hiresCost: hiresAgainstCost(figures),
        hireCategories: hireCategories(rules, figures.hiring),
        officeStatistics: officesAgainstStatistics(figures.statistics),
        duplicateOffices: duplicateOffices(plan, figures.staffTables),
        duplicatePeriods: duplicatePeriods(figures.hiring),
        missingUnitCosts: missingUnitCosts(figures.personnelCosts),
        functionStaff: functionsAgainstStaff(rules, figures)
    };
}

/**
 * The summary at a date against the staff table at the same date, category by category, each
 * counted the way both tables allow: positions in their category, and a category either table
 * counts under another (Marche Tab. 1: `conta Dirigente in D`) under that one in both.
 */
function summaryAgainstStaff(rules: RuleBook, figures: ConsistencyInputs): SummaryStaffDifference[] {
    const differences: SummaryStaffDifference[] = [];
    for (const summary of figures.summaries) {
        if (!summary.complete) {
            continue;
        }
        const dates = [
            { date: summary.node.fromDate, counted: summary.countedFrom, node: (category: string) => summary.rows.find(r => r.category === category)?.node.from },
            { date: summary.node.toDate, counted: summary.countedTo, node: (category: string) => summary.rows.find(r => r.category === category)?.node.to }
        ];
        for (const { date, counted, node } of dates) {
            const key = dateKey(date);
            for (const table of figures.staffTables.filter(t => t.complete && key !== undefined && dateKey(t.table.date) === key)) {
                const both = new CategoryCounting(rules, [...summary.node.merges, ...table.table.merges]);
                const inSummary = both.count(counted);
                const inStaff = both.count(table.counted);
                for (const category of new Set([...inSummary.keys(), ...inStaff.keys()])) {
                    const a = inSummary.get(category) ?? 0;
                    const b = inStaff.get(category) ?? 0;
                    if (a !== b) {
                        const row = summary.rows.find(r => both.countedUnder(r.category) === category);
                        differences.push({ summary, table, date, category, inSummary: a, inStaff: b, node: row ? node(row.category) : undefined });
                    }
                }
            }
        }
    }
    return differences;
}

/** The net of the movements against the summary's change between the same two dates. */
function movementsAgainstSummary(figures: ConsistencyInputs): MovementsSummaryDifference[] {
    return figures.movements.flatMap(movements => {
        const complete = movements.rows.every(r => r.count !== undefined);
        const summary = movements.node.fromDate === undefined || movements.node.toDate === undefined ? undefined : figures.summaries.find(s => s.complete
            && dateKey(s.node.fromDate) === dateKey(movements.node.fromDate) && dateKey(s.node.toDate) === dateKey(movements.node.toDate));
        if (!complete || !summary || summary.totalTo - summary.totalFrom === movements.net) {
            return [];
        }
        return [{ movements, summary, net: movements.net, from: summary.totalFrom, to: summary.totalTo }];
    });
}

/**
 * The heads in each year's personnel cost against the heads hired up to that year (a yearly
 * cost is the heads hired so far × their unit cost), in the hiring plans no other plan amends:
 * profile by profile when the hires name profiles, in total otherwise.
 */
function hiresAgainstCost(figures: ConsistencyInputs): HiresCostDifference[] {
    // A plan amending one that is not found (a linking error) leaves unknown which hires still count.
    if (figures.hiring.some(h => h.node.amends !== undefined && h.node.amends.ref === undefined)) {
        return [];
    }
    const amended = new Set(figures.hiring.flatMap(h => h.node.amends?.ref ? [h.node.amends.ref] : []));
    const periods = figures.hiring.filter(h => !amended.has(h.node)).flatMap(h => h.periods);
    if (periods.length === 0 || periods.some(p => yearOf(p.node.period) === undefined || p.hires.some(h => h.count === undefined))) {
        return [];
    }
    const differences: HiresCostDifference[] = [];
    for (const cost of figures.personnelCosts) {
        const year = yearOf(cost.node.year);
        // A row whose profile is not found (a linking error) cannot be matched with the hires.
        if (year === undefined || cost.rows.some(r => r.heads === undefined || (r.row.profile !== undefined && r.row.profile.ref === undefined))) {
            continue;
        }
        const hires = periods.filter(p => (yearOf(p.node.period) ?? Infinity) <= year).flatMap(p => p.hires);
        const byProfile = hires.every(h => h.node.profile?.ref);
        if (!byProfile) {
            const heads = cost.rows.reduce((sum, r) => sum + (r.heads ?? 0), 0);
            const hired = hires.reduce((sum, h) => sum + (h.count ?? 0), 0);
            if (heads !== hired) {
                differences.push({ cost, year, heads, hired });
            }
            continue;
        }
        const hiredOf = (profile: Profile | undefined) =>
            hires.filter(h => h.node.profile?.ref === profile).reduce((sum, h) => sum + (h.count ?? 0), 0);
        for (const row of cost.rows) {
            const hired = hiredOf(row.row.profile?.ref);
            if (row.heads !== undefined && row.heads !== hired) {
                differences.push({ cost, year, row: row.row, profile: row.profile, heads: row.heads, hired });
            }
        }
        const costed = new Set(cost.rows.map(r => r.row.profile?.ref));
        for (const profile of new Set(hires.map(h => h.node.profile?.ref))) {
            const hired = hiredOf(profile);
            if (profile && !costed.has(profile) && hired > 0) {
                differences.push({ cost, year, profile: profile.title, heads: 0, hired });
            }
        }
    }
    return differences;
}

/** Hires whose category (a position counts in its category) is not the one of their profile. */
function hireCategories(rules: RuleBook, hiring: readonly HiringFigures[]): HireCategoryDifference[] {
    return hiring.flatMap(h => h.periods.flatMap(p => p.hires.flatMap(({ node: hire }) => {
        const profile = hire.profile?.ref;
        if (!profile?.category) {
            return [];
        }
        const category = rules.categoryOf(hire.category);
        const profileCategory = rules.categoryOf(profile.category);
        return category === profileCategory ? [] : [{ hire, profile, category, profileCategory }];
    })));
}

/** Office rows of statistics tables that measure registered job seekers or residents, against the office's own figure. */
function officesAgainstStatistics(statistics: readonly StatisticsFigures[]): OfficeStatisticsDifference[] {
    return statistics.flatMap(table => {
        const measure = table.table.measure;
        if (measure !== 'iscritti' && measure !== 'residenti') {
            return [];
        }
        return table.blocks.flatMap(block => block.rows).flatMap(row => {
            const office = row.row.office?.ref;
            const inOffice = count(measure === 'iscritti' ? office?.registered : office?.residents);
            const readable = row.cells.every((cell, i) => cell !== undefined || row.row.cells[i]?.empty);
            const inStatistics = row.total;
            if (!office || inOffice === undefined || !readable || inStatistics === undefined || inStatistics === inOffice) {
                return [];
            }
            return [{ office, measure, table: table.table, row: row.row, inOffice, inStatistics }];
        });
    });
}

/** Offices a staff table lists more than once, with the CPI it leaves out. */
function duplicateOffices(plan: Plan, tables: readonly StaffTableFigures[]): DuplicateOfficeStaff[] {
    const cpis = elementsOf(plan, 'Office').filter(o => o.kind === 'cpi');
    return tables.flatMap(table => {
        const listed = new Set<Office>();
        const again: { node: OfficeStaff; office: Office }[] = [];
        for (const { node } of table.offices) {
            const office = node.office?.ref;
            if (office && listed.has(office)) {
                again.push({ node, office });
            } else if (office) {
                listed.add(office);
            }
        }
        const missing = cpis.filter(cpi => !listed.has(cpi));
        return again.map(entry => ({ table, ...entry, missing }));
    });
}

/** Periods a hiring plan gives twice (`anno 2020` … `anno 2020`). */
function duplicatePeriods(hiring: readonly HiringFigures[]): DuplicateHiringPeriod[] {
    return hiring.flatMap(h => {
        const seen = new Set<string>();
        return h.periods.flatMap(({ node }) => {
            if (node.period === undefined) {
                return [];
            }
            const key = node.period.replace(/\s+/g, ' ').trim().toLowerCase();
            if (seen.has(key)) {
                return [{ hiring: h, node }];
            }
            seen.add(key);
            return [];
        });
    });
}

/** Cost rows whose profile has no unit cost, so heads × unit cost cannot be checked. */
function missingUnitCosts(costs: readonly PersonnelCostFigures[]): MissingUnitCost[] {
    return costs.flatMap(cost => cost.rows.flatMap(({ row, heads, declared }) => {
        const profile = row.profile?.ref;
        if (!profile || profile.unitCost) {
            return [];
        }
        const exact = heads !== undefined && heads > 0 && declared !== undefined && declared % BigInt(heads) === 0n;
        return [{ row, profile, implied: exact ? declared / BigInt(heads) : undefined }];
    }));
}

/**
 * Each staff by function with a date against every complete staff table at the same date that
 * lists its office once (a twice-listed office is duplicate-office-staff's concern).
 */
function functionsAgainstStaff(rules: RuleBook, figures: ConsistencyInputs): FunctionStaffComparison[] {
    const comparisons: FunctionStaffComparison[] = [];
    for (const functions of figures.functions) {
        const office = functions.node.office?.ref;
        const key = dateKey(functions.node.date);
        if (!office || key === undefined || !functions.complete) {
            continue;
        }
        for (const table of figures.staffTables.filter(t => t.complete && dateKey(t.table.date) === key)) {
            const listed = table.offices.filter(o => o.node.office?.ref === office);
            const staff = listed.length === 1 ? listed[0] : undefined;
            if (!staff) {
                continue;
            }
            const counting = new CategoryCounting(rules, table.table.merges);
            const inFunctions = counting.count(new Map(functions.groups.map(g => [g.category, g.count])));
            const differences: FunctionStaffDifference[] = [];
            for (const category of new Set([...inFunctions.keys(), ...staff.counted.keys()])) {
                const a = inFunctions.get(category) ?? 0;
                const b = staff.counted.get(category) ?? 0;
                if (a !== b) {
                    const group = functions.groups.find(g => counting.countedUnder(g.category) === category);
                    differences.push({ category, inFunctions: a, inStaff: b, node: group?.node.count });
                }
            }
            const unsafeFixes = new Set(functions.groups.flatMap(group => {
                if (group.count === undefined || group.rowsTotal === undefined) {
                    return [];
                }
                const category = counting.countedUnder(group.category);
                const after = (inFunctions.get(category) ?? 0) - group.count + group.rowsTotal;
                return after === (staff.counted.get(category) ?? 0) ? [] : [group.node];
            }));
            comparisons.push({ functions, table, office: staff, differences, unsafeFixes });
        }
    }
    return comparisons;
}
