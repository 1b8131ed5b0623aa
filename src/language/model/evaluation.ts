/**
 * The evaluation layer: every figure of a plan, computed once from the AST.
 *
 * Validation, hover, inlay hints, code lens, tables and the CLI read figures from a
 * `PlanEvaluation`; none of them adds up anything itself. Sums keep a `complete` flag: when
 * a part is unreadable (an invalid number, an unresolved source) the sum is not compared
 * with a declared total, so one typo yields one diagnostic, not a cascade.
 */
import type { AstNode } from 'langium';
import type {
    CategoryCount, Count, Declaration, Profile, DeclarationRule, DeclaredTotal, FundingSource, HiringPlan, Indicator,
    InterventionLine, Item, LineRule, Money, Movements, OfficeStaff, PersonnelCost, Plan, RuleSet, Severity,
    StaffTable, StatisticsGroup, StatisticsRow, StatisticsTable, StatisticsTotal, CategorySummary, YearValue, CostRow, StaffRow, HiringPeriod
} from '../generated/ast.js';
import { compareDecimals, percentageOf, shareOf, subtractDecimals, type Decimal } from './numbers.js';
import { count, decimal, money } from './reader.js';

/** What a declared total is the total of; the issue catalogue words it per locale. */
export type Subject =
    | { readonly of: 'line'; readonly line: string }
    | { readonly of: 'line-source'; readonly line: string; readonly source: string }
    | { readonly of: 'plan' }
    | { readonly of: 'plan-source'; readonly source: string }
    | { readonly of: 'office-staff'; readonly office: string; readonly category?: string }
    | { readonly of: 'staff-row'; readonly office: string; readonly profile: string }
    | { readonly of: 'staff-table'; readonly category?: string }
    | { readonly of: 'summary'; readonly date: string }
    | { readonly of: 'movements' }
    | { readonly of: 'hiring-period'; readonly period: string }
    | { readonly of: 'personnel-cost'; readonly year: string }
    | { readonly of: 'statistics-row'; readonly row: string }
    | { readonly of: 'statistics-column'; readonly column: string; readonly group?: string }
    | { readonly of: 'statistics-grand'; readonly group?: string };

/** A total the document declares, next to the one computed from its parts. */
export interface TotalCheck {
    readonly unit: 'money' | 'count';
    /** The node whose text is the declared figure (a Money or Count node). */
    readonly node: Money | Count;
    readonly declared: bigint;
    readonly computed: bigint;
    /** declared − computed. */
    readonly difference: bigint;
    readonly subject: Subject;
    /** For a money total: the line it totals (undefined at plan level) and the source it is restricted to. */
    readonly line?: InterventionLine;
    readonly source?: FundingSource;
}

/** A check as the evaluation first records it; the difference is added once all are known. */
type Check = Omit<TotalCheck, 'difference'>;

/**
 * How to bring a line back within its cap: the last item whose part on the source covers the
 * excess loses it, and the declared totals that agreed with the old figures follow.
 */
export interface CapReduction {
    readonly item: Item;
    /** The item's amount after the reduction. */
    readonly amount: bigint;
    /** The item's explicit part on the source after the reduction, when it has one. */
    readonly part?: { readonly node: Money; readonly amount: bigint };
    readonly totals: readonly { readonly node: Money | Count; readonly amount: bigint }[];
}

export interface SourceFigures {
    readonly source: FundingSource;
    /** How messages name the source: its title, or its name. */
    readonly label: string;
    readonly assigned?: bigint;
    /** Sum of every charge on this source across all lines. */
    readonly programmed: bigint;
    readonly complete: boolean;
    /** assigned − programmed; negative when over-allocated. */
    readonly remaining?: bigint;
}

export interface ItemFigures {
    readonly item: Item;
    readonly amount?: bigint;
    /** The part charged to each source. */
    readonly parts: ReadonlyMap<FundingSource, bigint>;
    /** Sum of the parts, when the item is split with explicit amounts. */
    readonly partsTotal?: bigint;
    /** True when the item names no source and the plan has more than one. */
    readonly unassigned: boolean;
    readonly complete: boolean;
    /** For a split whose parts do not add up: partsTotal − amount, and the last part that would make them add up. */
    readonly partsDifference?: bigint;
    readonly balancingLastPart?: bigint;
    /** amount / line total and amount / grand total, percentages with two decimals. */
    readonly shareOfLine?: Decimal;
    readonly shareOfPlan?: Decimal;
}

export interface CapFigures {
    readonly line: InterventionLine;
    readonly rule: LineRule;
    readonly source: SourceFigures;
    readonly rate: Decimal;
    /** rate × assigned, rounded half-up to the cent. */
    readonly cap: bigint;
    /** The part of the line charged to the source. */
    readonly charged: bigint;
    /** cap − charged: negative when the cap is exceeded. */
    readonly headroom: bigint;
    /** charged / cap, as a percentage with two decimals. */
    readonly usage?: Decimal;
    readonly severity?: Severity;
    /** When the cap is exceeded and one item can absorb the excess: how to reduce the line to the cap. */
    readonly reduction?: CapReduction;
}

export interface LineFigures {
    readonly line: InterventionLine;
    /** `3.1`, or the title of a regional extra line. */
    readonly label: string;
    readonly rule?: LineRule;
    readonly total: bigint;
    readonly bySource: ReadonlyMap<FundingSource, bigint>;
    /** Every item amount was readable, so `total` can be compared with a declared total. */
    readonly totalComplete: boolean;
    /** Every item's part on each source is known, so `bySource` can be compared too. */
    readonly sourcesComplete: boolean;
    readonly items: readonly ItemFigures[];
    readonly caps: readonly CapFigures[];
    /** total / grand total, percentage with two decimals. */
    readonly shareOfPlan?: Decimal;
    /** Each source's part / that source's assigned total, percentage with two decimals. */
    readonly shareOfAssigned: ReadonlyMap<FundingSource, Decimal>;
}

export interface DeclarationFigures {
    readonly rule: DeclarationRule;
    readonly present?: Declaration;
    /** Where the declaration belongs and is reported when missing: a line, a section or the plan. */
    readonly anchor: AstNode;
    readonly placement: { readonly line?: string; readonly section?: string };
}

export interface StaffRowFigures {
    readonly row: StaffRow;
    readonly total: number;
    readonly byCategory: ReadonlyMap<string, number>;
}

export interface OfficeStaffFigures {
    readonly node: OfficeStaff;
    /** The office's title, or the name written when it does not resolve. */
    readonly label: string;
    readonly rows: readonly StaffRowFigures[];
    readonly total: number;
    readonly byCategory: ReadonlyMap<string, number>;
}

export interface SummaryFigures {
    readonly node: CategorySummary;
    readonly totalFrom: number;
    readonly totalTo: number;
}

export interface HiringFigures {
    readonly node: HiringPlan;
    readonly periods: readonly { readonly node: HiringPeriod; readonly total: number }[];
}

export interface StatisticsRowFigures {
    readonly row: StatisticsRow;
    readonly label: string;
    /** One value per cell; undefined for an empty (`-`) or unreadable cell. */
    readonly cells: readonly (number | undefined)[];
    readonly total: number;
}

export interface StatisticsBlockFigures {
    /** The group, and its title; undefined for rows outside any group. */
    readonly group?: StatisticsGroup;
    readonly title?: string;
    readonly rows: readonly StatisticsRowFigures[];
    readonly columnTotals: readonly number[];
    readonly grand: number;
}

export interface StatisticsFigures {
    readonly table: StatisticsTable;
    /** The groups, then the rows outside any group as a block without title. */
    readonly blocks: readonly StatisticsBlockFigures[];
    readonly columnTotals: readonly number[];
    readonly grand: number;
}

export interface StaffTableFigures {
    readonly table: StaffTable;
    readonly offices: readonly OfficeStaffFigures[];
    readonly total: number;
    readonly byCategory: ReadonlyMap<string, number>;
    /** Heads per profile across all offices. */
    readonly byProfile: ReadonlyMap<Profile, number>;
}

export interface MovementFigures {
    readonly node: Movements;
    readonly entries: number;
    readonly exits: number;
    readonly progressions: number;
    /** entries − exits; progressions change category, not headcount. */
    readonly net: number;
}

export interface PersonnelCostFigures {
    readonly node: PersonnelCost;
    /** Per row: heads × unit cost, the declared cost, and declared − expected. */
    readonly rows: readonly { readonly row: CostRow; readonly expected?: bigint; readonly declared?: bigint; readonly difference?: bigint }[];
    /** Sum of the rows' declared costs. */
    readonly total: bigint;
    readonly shares: bigint;
    /** shares − total. */
    readonly sharesDifference: bigint;
    readonly complete: boolean;
}

export interface IndicatorFigures {
    readonly indicator: Indicator;
    readonly baseline?: Decimal;
    readonly target?: Decimal;
    readonly values: readonly { readonly node: YearValue; readonly value: Decimal }[];
    /** Yearly values of a cumulative indicator that are lower than the one before. */
    readonly decreasing: readonly YearValue[];
    /** How far the latest value has gone from the baseline (or zero) to the target, in percent. */
    readonly progress?: Decimal;
}

/** Every figure of one plan. */
export interface PlanEvaluation {
    readonly plan: Plan;
    readonly ruleSet?: RuleSet;
    readonly sources: readonly SourceFigures[];
    readonly lines: readonly LineFigures[];
    /** Sum of all line totals. */
    readonly grandTotal: bigint;
    /** Sum of the amounts assigned to the sources, when every source has one. */
    readonly totalAssigned?: bigint;
    readonly grandTotalComplete: boolean;
    readonly caps: readonly CapFigures[];
    readonly declarations: readonly DeclarationFigures[];
    readonly staffTables: readonly StaffTableFigures[];
    readonly summaries: readonly SummaryFigures[];
    readonly movements: readonly MovementFigures[];
    readonly hiring: readonly HiringFigures[];
    readonly statistics: readonly StatisticsFigures[];
    readonly personnelCosts: readonly PersonnelCostFigures[];
    readonly indicators: readonly IndicatorFigures[];
    /** Every declared total of the plan with its computed counterpart, in document order. */
    readonly totals: readonly TotalCheck[];
    /** The figures of a line, by node. */
    lineOf(line: InterventionLine): LineFigures | undefined;
    /** The check of a declared total, by the node of its declared figure. */
    totalOf(node: AstNode): TotalCheck | undefined;
    sourceOf(source: FundingSource): SourceFigures | undefined;
}

/** Sum with a flag telling whether every part was readable. */
class Sum {
    value = 0n;
    complete = true;
    add(part: bigint | number | undefined): void {
        if (part === undefined) {
            this.complete = false;
        } else {
            this.value += BigInt(part);
        }
    }
}

/** Evaluates a plan against its rule set. Pure: same AST, same figures. */
export function evaluatePlan(plan: Plan): PlanEvaluation {
    const ruleSet = plan.ruleSet?.ref;
    const totals: Check[] = [];
    const sourceNodes = plan.elements.filter(e => e.$type === 'FundingSource') as FundingSource[];
    const lineNodes = plan.elements.filter(e => e.$type === 'InterventionLine') as InterventionLine[];

    const lines: LineFigures[] = [];
    const programmed = new Map<FundingSource, Sum>(sourceNodes.map(s => [s, new Sum()]));
    const grand = new Sum();
    for (const line of lineNodes) {
        const figures = evaluateLine(line, sourceNodes, ruleSet);
        lines.push(figures);
        grand.add(figures.totalComplete ? figures.total : undefined);
        for (const [source, amount] of figures.bySource) {
            programmed.get(source)?.add(amount);
        }
        if (!figures.sourcesComplete) {
            for (const sum of programmed.values()) {
                sum.complete = false;
            }
        }
    }

    const sources: SourceFigures[] = sourceNodes.map(source => {
        const assigned = money(source.assigned);
        const sum = programmed.get(source)!;
        return {
            source,
            label: source.title ?? source.name,
            assigned,
            programmed: sum.value,
            complete: sum.complete,
            remaining: assigned === undefined ? undefined : assigned - sum.value
        };
    });
    const sourceFigures = new Map(sources.map(s => [s.source, s]));

    for (const figures of lines) {
        for (const declared of figures.line.totals) {
            const amount = money(declared.amount);
            const source = declared.source?.ref;
            if (amount === undefined || (declared.source && !source) || !(source ? figures.sourcesComplete : figures.totalComplete)) {
                continue;
            }
            const computed = source ? figures.bySource.get(source) ?? 0n : figures.total;
            totals.push({
                unit: 'money', node: declared.amount, declared: amount, computed, line: figures.line, source,
                subject: source ? { of: 'line-source', line: figures.label, source: sourceLabel(source) } : { of: 'line', line: figures.label }
            });
        }
    }
    for (const declared of plan.elements.filter(e => e.$type === 'DeclaredTotal') as DeclaredTotal[]) {
        const amount = money(declared.amount);
        const source = declared.source?.ref;
        if (amount === undefined || (declared.source && !source)) {
            continue;
        }
        const sum = source ? sourceFigures.get(source) : undefined;
        const complete = source ? sum?.complete : grand.complete;
        if (!complete) {
            continue;
        }
        totals.push({
            unit: 'money', node: declared.amount, declared: amount, source,
            computed: source ? sum!.programmed : grand.value,
            subject: source ? { of: 'plan-source', source: sourceLabel(source) } : { of: 'plan' }
        });
    }

    const caps: CapFigures[] = [];
    const finishedLines = lines.map(figures => {
        const lineCaps = capsOf(figures, sources, totals);
        caps.push(...lineCaps);
        const shareOfAssigned = new Map<FundingSource, Decimal>();
        for (const [source, amount] of figures.bySource) {
            const share = shareOf(amount, sourceFigures.get(source)?.assigned ?? 0n);
            if (share) {
                shareOfAssigned.set(source, share);
            }
        }
        const items = figures.items.map(item => item.amount === undefined ? item : {
            ...item, shareOfLine: shareOf(item.amount, figures.total), shareOfPlan: shareOf(item.amount, grand.value)
        });
        return { ...figures, items, caps: lineCaps, shareOfPlan: shareOf(figures.total, grand.value), shareOfAssigned };
    });
    const lineFigures = new Map(finishedLines.map(l => [l.line, l]));

    const staffTables = plan.elements.filter(e => e.$type === 'StaffTable').map(t => evaluateStaffTable(t as StaffTable, totals));
    const summaries = plan.elements.filter(e => e.$type === 'CategorySummary').map(s => evaluateSummary(s as CategorySummary, totals));
    const movements = plan.elements.filter(e => e.$type === 'Movements').map(m => evaluateMovements(m as Movements, totals));
    const hiring = plan.elements.filter(e => e.$type === 'HiringPlan').map(h => evaluateHiring(h as HiringPlan, totals));
    const personnelCosts = plan.elements.filter(e => e.$type === 'PersonnelCost').map(c => evaluatePersonnelCost(c as PersonnelCost, totals));
    const statistics = plan.elements.filter(e => e.$type === 'StatisticsTable').map(t => evaluateStatistics(t as StatisticsTable, totals));
    const indicators = evaluateIndicators(plan);

    const checks: TotalCheck[] = totals.map(check => ({ ...check, difference: check.declared - check.computed }));
    const checkOf = new Map<AstNode, TotalCheck>(checks.map(check => [check.node, check]));
    return {
        plan,
        ruleSet,
        sources,
        lines: finishedLines,
        grandTotal: grand.value,
        totalAssigned: sources.length > 0 && sources.every(s => s.assigned !== undefined)
            ? sources.reduce((sum, s) => sum + s.assigned!, 0n) : undefined,
        grandTotalComplete: grand.complete,
        caps,
        declarations: ruleSet ? evaluateDeclarations(plan, ruleSet, lineNodes) : [],
        staffTables,
        summaries,
        movements,
        hiring,
        statistics,
        personnelCosts,
        indicators,
        totals: checks,
        totalOf: node => checkOf.get(node),
        lineOf: line => lineFigures.get(line),
        sourceOf: source => sourceFigures.get(source)
    };
}

function sourceLabel(source: FundingSource): string {
    return source.title ?? source.name;
}

/** The label of a line in messages: its code, or the title of a regional extra line. */
export function lineLabel(line: InterventionLine): string {
    return line.code ?? `"${line.title}"`;
}

function evaluateLine(line: InterventionLine, sources: FundingSource[], ruleSet: RuleSet | undefined): LineFigures {
    const total = new Sum();
    const bySource = new Map<FundingSource, bigint>();
    let sourcesComplete = true;
    const items = line.items.map(item => {
        const figures = evaluateItem(item, sources);
        total.add(figures.amount);
        sourcesComplete &&= figures.complete;
        for (const [source, part] of figures.parts) {
            bySource.set(source, (bySource.get(source) ?? 0n) + part);
        }
        return figures;
    });
    const rule = line.code === undefined ? undefined : ruleSet?.lines.find(r => r.code === line.code);
    return {
        line, label: lineLabel(line), rule, total: total.value, bySource, shareOfAssigned: new Map(),
        totalComplete: total.complete, sourcesComplete: sourcesComplete && total.complete, items, caps: []
    };
}

function evaluateItem(item: Item, sources: FundingSource[]): ItemFigures {
    const amount = money(item.amount);
    const parts = new Map<FundingSource, bigint>();
    let complete = amount !== undefined;
    if (item.charges.length === 0) {
        if (sources.length === 1) {
            if (amount !== undefined) {
                parts.set(sources[0], amount);
            }
            return { item, amount, parts, unassigned: false, complete };
        }
        return { item, amount, parts, unassigned: sources.length > 1, complete: complete && sources.length === 0 };
    }
    if (item.charges.length === 1 && !item.charges[0].amount) {
        const source = item.charges[0].source?.ref;
        if (source && amount !== undefined) {
            parts.set(source, amount);
        }
        return { item, amount, parts, unassigned: false, complete: complete && source !== undefined };
    }
    // A split: each part has its amount; one part without an amount takes the rest.
    const explicit = new Sum();
    let rest: FundingSource | undefined;
    let restCount = 0;
    for (const charge of item.charges) {
        const source = charge.source?.ref;
        if (!source) {
            complete = false;
            continue;
        }
        if (!charge.amount) {
            rest = source;
            restCount++;
            continue;
        }
        const part = money(charge.amount);
        explicit.add(part);
        if (part !== undefined) {
            parts.set(source, (parts.get(source) ?? 0n) + part);
        }
    }
    complete &&= explicit.complete && restCount <= 1;
    if (rest && restCount === 1 && amount !== undefined && explicit.complete) {
        parts.set(rest, (parts.get(rest) ?? 0n) + amount - explicit.value);
        return { item, amount, parts, unassigned: false, complete };
    }
    const partsTotal = restCount === 0 && explicit.complete ? explicit.value : undefined;
    const last = money(item.charges.at(-1)?.amount);
    const balancingLastPart = partsTotal !== undefined && amount !== undefined && last !== undefined && partsTotal !== amount
        ? amount - (partsTotal - last) : undefined;
    const partsDifference = partsTotal !== undefined && amount !== undefined ? partsTotal - amount : undefined;
    return { item, amount, parts, partsTotal, partsDifference, balancingLastPart, unassigned: false, complete };
}

function capsOf(figures: LineFigures, sources: SourceFigures[], totals: readonly Check[]): CapFigures[] {
    const rule = figures.rule;
    const rate = decimal(rule?.cap);
    const kind = rule?.source?.ref;
    if (!rule || !rate || !kind) {
        return [];
    }
    return sources
        .filter(s => s.source.kind?.ref === kind && s.assigned !== undefined)
        .map(source => {
            const cap = percentageOf(source.assigned!, rate);
            const charged = figures.bySource.get(source.source) ?? 0n;
            return {
                line: figures.line, rule, source, rate, cap, charged,
                headroom: cap - charged,
                usage: shareOf(charged, cap),
                severity: rule.severity,
                reduction: charged > cap ? reductionOf(figures, source.source, charged - cap, totals) : undefined
            };
        });
}

/** Takes the excess off the last item whose part on the source covers it, and off the declared totals that agreed. */
function reductionOf(figures: LineFigures, source: FundingSource, excess: bigint, totals: readonly Check[]): CapReduction | undefined {
    const item = [...figures.items].reverse().find(i => i.amount !== undefined && (i.parts.get(source) ?? 0n) >= excess);
    if (!item?.item.amount) {
        return undefined;
    }
    const charge = item.item.charges.find(c => c.source?.ref === source && c.amount);
    const part = money(charge?.amount);
    const affected = totals.filter(t => t.unit === 'money' && t.declared === t.computed
        && (t.line === figures.line || ((t.subject.of === 'plan' || t.subject.of === 'plan-source') && t.line === undefined))
        && (t.source === undefined || t.source === source));
    return {
        item: item.item,
        amount: item.amount! - excess,
        part: charge?.amount && part !== undefined ? { node: charge.amount, amount: part - excess } : undefined,
        totals: affected.map(t => ({ node: t.node, amount: t.declared - excess }))
    };
}

function evaluateDeclarations(plan: Plan, ruleSet: RuleSet, lines: InterventionLine[]): DeclarationFigures[] {
    const result: DeclarationFigures[] = [];
    const planLevel = plan.elements.filter(e => e.$type === 'Declaration') as Declaration[];
    for (const rule of ruleSet.declarations) {
        if (rule.lineCode !== undefined) {
            for (const line of lines.filter(l => l.code === rule.lineCode)) {
                result.push({
                    rule, anchor: line, placement: { line: rule.lineCode },
                    present: line.declarations.find(d => d.key === rule.key)
                });
            }
        } else if (rule.sectionCode !== undefined) {
            const sections = plan.elements.filter(e => e.$type === 'Section' && e.code === rule.sectionCode);
            const inSection = sections.flatMap(s => s.$type === 'Section' ? s.declarations : []).find(d => d.key === rule.key);
            result.push({
                rule, anchor: sections[0] ?? plan, placement: { section: rule.sectionCode },
                present: inSection ?? planLevel.find(d => d.key === rule.key)
            });
        } else {
            const anywhere = [...planLevel, ...plan.elements.flatMap(e => e.$type === 'Section' || e.$type === 'InterventionLine' ? e.declarations : [])];
            result.push({ rule, anchor: plan, placement: {}, present: anywhere.find(d => d.key === rule.key) });
        }
    }
    return result;
}

function pushCount(totals: Check[], node: Count | undefined, sum: Sum, subject: Subject): void {
    const declared = count(node);
    if (node && declared !== undefined && sum.complete) {
        totals.push({ unit: 'count', node, declared: BigInt(declared), computed: sum.value, subject });
    }
}

function addCategories(into: Map<string, Sum>, counts: CategoryCount[]): void {
    for (const entry of counts) {
        if (!into.has(entry.category)) {
            into.set(entry.category, new Sum());
        }
        into.get(entry.category)!.add(count(entry.count));
    }
}

function checkStaffTotal(totals: Check[], declared: { total: Count; byCategory: CategoryCount[] } | undefined,
    total: Sum, byCategory: Map<string, Sum>, subject: (category?: string) => Subject): void {
    if (!declared) {
        return;
    }
    for (const entry of declared.byCategory) {
        pushCount(totals, entry.count, byCategory.get(entry.category) ?? new Sum(), subject(entry.category));
    }
    pushCount(totals, declared.total, total, subject());
}

function evaluateStaffTable(table: StaffTable, totals: Check[]): StaffTableFigures {
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
            pushCount(totals, row.total, rowTotal, { of: 'staff-row', office: name, profile: row.profile?.ref?.title ?? row.profile?.$refText ?? '' });
            const profile = row.profile?.ref;
            if (profile) {
                byProfile.set(profile, (byProfile.get(profile) ?? 0) + Number(rowTotal.value));
            }
            return { row, total: Number(rowTotal.value), byCategory: values(rowByCategory) };
        });
        checkStaffTotal(totals, office.total, total, byCategory, category => ({ of: 'office-staff', office: name, category }));
        return { node: office, label: name, rows, total: Number(total.value), byCategory: values(byCategory) };
    });
    checkStaffTotal(totals, table.total, tableTotal, tableByCategory, category => ({ of: 'staff-table', category }));
    return { table, offices, total: Number(tableTotal.value), byCategory: values(tableByCategory), byProfile };
}

function values(sums: Map<string, Sum>): Map<string, number> {
    return new Map([...sums].map(([key, sum]) => [key, Number(sum.value)]));
}

function evaluateSummary(summary: CategorySummary, totals: Check[]): SummaryFigures {
    const from = new Sum();
    const to = new Sum();
    for (const row of summary.rows) {
        from.add(count(row.from));
        to.add(count(row.to));
    }
    pushCount(totals, summary.totalFrom, from, { of: 'summary', date: summary.fromDate });
    pushCount(totals, summary.totalTo, to, { of: 'summary', date: summary.toDate });
    return { node: summary, totalFrom: Number(from.value), totalTo: Number(to.value) };
}

function evaluateMovements(node: Movements, totals: Check[]): MovementFigures {
    const entries = new Sum();
    const exits = new Sum();
    const progressions = new Sum();
    for (const row of node.rows) {
        const target = row.kind === 'ingresso' ? entries : row.kind === 'uscita' ? exits : progressions;
        target.add(count(row.count));
    }
    const net = new Sum();
    net.add(entries.complete ? entries.value : undefined);
    net.add(exits.complete ? -exits.value : undefined);
    const declared = count(node.net);
    if (node.net && declared !== undefined && net.complete) {
        totals.push({
            unit: 'count', node: node.net, declared: BigInt(node.negative ? -declared : declared),
            computed: net.value, subject: { of: 'movements' }
        });
    }
    return {
        node, entries: Number(entries.value), exits: Number(exits.value),
        progressions: Number(progressions.value), net: Number(net.value)
    };
}

function evaluateHiring(hiring: HiringPlan, totals: Check[]): HiringFigures {
    return {
        node: hiring,
        periods: hiring.periods.map(period => {
            const sum = new Sum();
            for (const hire of period.hires) {
                sum.add(count(hire.count));
            }
            pushCount(totals, period.total, sum, { of: 'hiring-period', period: period.period });
            return { node: period, total: Number(sum.value) };
        })
    };
}

function evaluatePersonnelCost(node: PersonnelCost, totals: Check[]): PersonnelCostFigures {
    const total = new Sum();
    const rows = node.rows.map(row => {
        const declared = money(row.cost);
        const unitCost = money(row.profile?.ref?.unitCost);
        const heads = count(row.heads);
        total.add(declared);
        const expected = unitCost !== undefined && heads !== undefined ? unitCost * BigInt(heads) : undefined;
        return { row, declared, expected, difference: expected !== undefined && declared !== undefined ? declared - expected : undefined };
    });
    const declaredTotal = money(node.total);
    if (node.total && declaredTotal !== undefined && total.complete) {
        totals.push({ unit: 'money', node: node.total, declared: declaredTotal, computed: total.value, subject: { of: 'personnel-cost', year: node.year } });
    }
    const shares = new Sum();
    for (const share of node.shares) {
        shares.add(money(share.amount));
    }
    return { node, rows, total: total.value, shares: shares.value, sharesDifference: shares.value - total.value, complete: total.complete && shares.complete };
}

function rowLabel(row: StatisticsRow): string {
    return row.office?.ref?.title ?? row.office?.$refText ?? row.label ?? '';
}

function evaluateStatistics(table: StatisticsTable, totals: Check[]): StatisticsFigures {
    const rowFigures = (rows: StatisticsRow[]): StatisticsRowFigures[] => rows.map(row => {
        const sum = new Sum();
        const cells = row.cells.map(cell => {
            const value = cell.empty ? undefined : count(cell.value);
            if (!cell.empty) {
                sum.add(value);
            }
            return value;
        });
        pushCount(totals, row.total, sum, { of: 'statistics-row', row: rowLabel(row) });
        return { row, label: rowLabel(row), cells, total: Number(sum.value) };
    });
    /** Column totals and grand total of some rows, checked against what the document declares. */
    const block = (rows: StatisticsRow[], figures: StatisticsRowFigures[], declared: StatisticsTotal | undefined, node?: StatisticsGroup) => {
        const group = node?.title;
        const sums: Sum[] = [];
        for (const row of rows) {
            row.cells.forEach((cell, i) => {
                sums[i] ??= new Sum();
                if (!cell.empty) {
                    sums[i].add(count(cell.value));
                }
            });
        }
        const grand = new Sum();
        for (const sum of sums) {
            grand.add(sum.complete ? sum.value : undefined);
        }
        if (declared && rows.length === 0) {
            // Only totals are given: the grand total must be the sum of the column totals.
            const declaredColumns = new Sum();
            for (const column of declared.columns) {
                declaredColumns.add(count(column));
            }
            pushCount(totals, declared.grand, declaredColumns, { of: 'statistics-grand', group });
        } else if (declared) {
            declared.columns.forEach((column, i) => {
                pushCount(totals, column, sums[i] ?? new Sum(), { of: 'statistics-column', column: table.columns[i] ?? String(i + 1), group });
            });
            pushCount(totals, declared.grand, grand, { of: 'statistics-grand', group });
        }
        return { group: node, title: group, rows: figures, columnTotals: sums.map(sum => Number(sum.value)), grand: Number(grand.value) };
    };
    const blocks = table.groups.map(group => block(group.rows, rowFigures(group.rows), group.total, group));
    const loose = rowFigures(table.rows);
    const all = [...table.groups.flatMap(g => g.rows), ...table.rows];
    const whole = block(all, [], table.total);
    if (loose.length > 0 || blocks.length === 0) {
        blocks.push(block(table.rows, loose, undefined));
    }
    return { table, blocks, columnTotals: whole.columnTotals, grand: whole.grand };
}

function evaluateIndicators(plan: Plan): IndicatorFigures[] {
    const indicators: IndicatorFigures[] = [];
    const all: Indicator[] = [];
    for (const area of plan.elements) {
        if (area.$type !== 'Area') {
            continue;
        }
        all.push(...area.indicators);
        for (const activity of area.activities) {
            all.push(...activity.indicators);
            for (const result of activity.results) {
                all.push(...result.indicators);
            }
        }
    }
    for (const indicator of all) {
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
            progress = progressOf(baseline, last.value, target);
        } else if (last?.node.value.percent) {
            progress = last.value; // yearly shares of a count target: the latest share is the progress
        }
        indicators.push({ indicator, baseline, target, values, decreasing, progress });
    }
    return indicators;
}

function progressOf(baseline: Decimal | undefined, latest: Decimal | undefined, target: Decimal | undefined): Decimal | undefined {
    if (!latest || !target) {
        return undefined;
    }
    const start = baseline ?? { units: 0n, scale: 0 };
    const done = subtractDecimals(latest, start);
    const whole = subtractDecimals(target, start);
    const scale = Math.max(done.scale, whole.scale);
    const d = done.units * 10n ** BigInt(scale - done.scale);
    const w = whole.units * 10n ** BigInt(scale - whole.scale);
    return w === 0n ? undefined : shareOf(d, w);
}
