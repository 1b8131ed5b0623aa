/**
 * The figures of an evaluated plan: types only, apart from the code that computes them
 * (one module per concern, composed by evaluate-plan.ts).
 *
 * Sums keep a `complete` flag: when a part is unreadable (an invalid number, an unresolved
 * source) the sum is not compared with a declared total, so one typo yields one diagnostic,
 * not a cascade.
 */
import type { Damage } from './damage.js';
import type { AstNode } from 'langium';
import type {
    Count, Declaration, Profile, DeclarationRule, FundingSource, FundingShare, Hire, HiringPlan, Indicator,
    GroupedItem, InterventionLine, Item, ItemGroup, LineRule, Money, Movement, Movements, OfficeStaff, PersonnelCost, Plan, RuleSet, Severity,
    StaffTable, StaffByFunction, StaffingNeeds, StaffingNeed, FunctionGroup, FunctionRow, Municipalities, Office, StatisticsGroup, StatisticsRow, StatisticsTable, CategorySummary, SummaryRow, YearValue, CostRow, StaffRow, HiringPeriod
} from '../generated/ast.js';
import type { Decimal } from './numbers.js';
import type { RuleBook } from './rule-book.js';
import type { ConsistencyFigures } from './consistency.js';
import type { OutlineFigures } from './outline.js';


/** What a declared total is the total of: defined where the issue catalogue words it per locale. */
export type { TotalSubject as Subject } from '../i18n/issue-messages.js';
import type { TotalSubject as Subject } from '../i18n/issue-messages.js';

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

/** A check as a concern records it; the orchestrator adds the difference and puts all in document order (by the offset of the declared figure). */
export type Check = Omit<TotalCheck, 'difference'>;

/**
 * How to bring a line back within its cap: the last item whose part on the source covers the
 * excess loses it, and the declared totals that agreed with the old figures follow.
 */
export interface CapReduction {
    readonly item: AnyItem;
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

/** An item of a line: written in the line, or inside one of its groups. */
export type AnyItem = Item | GroupedItem;

export interface ItemFigures {
    readonly item: AnyItem;
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

/** A group of items with the subtotal the plan declares for it. */
export interface ItemGroupFigures {
    readonly group: ItemGroup;
    readonly items: readonly ItemFigures[];
    /** Sum of the group's items. */
    readonly total: bigint;
    readonly complete: boolean;
    /** Sum of the group's items' parts, per source. */
    readonly bySource: ReadonlyMap<FundingSource, bigint>;
    /** Every item's part on each source is known, so `bySource` is exact. */
    readonly sourcesComplete: boolean;
    /** The subtotal the plan writes. */
    readonly declared?: bigint;
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
    /** Every item of the line in document order, those inside its groups included. */
    readonly items: readonly ItemFigures[];
    readonly groups: readonly ItemGroupFigures[];
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
    /** The required phrases a present declaration's text leaves out, each as its alternatives. */
    readonly missing: readonly (readonly string[])[];
    /** The present declaration's text is empty. */
    readonly empty: boolean;
}

export interface StaffRowFigures {
    readonly row: StaffRow;
    /** The profile's title, or the name written when it does not resolve. */
    readonly profile: string;
    readonly total: number;
    readonly byCategory: ReadonlyMap<string, number>;
}

export interface OfficeStaffFigures {
    readonly node: OfficeStaff;
    /** The office's title, or the name written when it does not resolve. */
    readonly label: string;
    readonly rows: readonly StaffRowFigures[];
    readonly total: number;
    /** Heads per category or position as written. */
    readonly byCategory: ReadonlyMap<string, number>;
    /** Heads per category as the table counts them: positions in their category, merged categories in the one they are counted under. */
    readonly counted: ReadonlyMap<string, number>;
}

export interface SummaryRowFigures {
    readonly node: SummaryRow;
    readonly category: string;
    readonly from?: number;
    readonly to?: number;
}

export interface SummaryFigures {
    readonly node: CategorySummary;
    readonly rows: readonly SummaryRowFigures[];
    readonly totalFrom: number;
    readonly totalTo: number;
    /** Heads per category at each date as the summary counts them (positions in their category). */
    readonly countedFrom: ReadonlyMap<string, number>;
    readonly countedTo: ReadonlyMap<string, number>;
    /** Every figure of the summary was readable. */
    readonly complete: boolean;
}

export interface HireFigures {
    readonly node: Hire;
    readonly category: string;
    /** The profile's title, the name written when it does not resolve, or undefined when the hire names none. */
    readonly profile?: string;
    readonly count?: number;
}

export interface HiringPeriodFigures {
    readonly node: HiringPeriod;
    readonly hires: readonly HireFigures[];
    readonly total: number;
}

export interface HiringFigures {
    readonly node: HiringPlan;
    readonly periods: readonly HiringPeriodFigures[];
}

export interface StatisticsRowFigures {
    readonly row: StatisticsRow;
    readonly label: string;
    /** One value per cell; undefined for an empty (`-`) or unreadable cell. */
    readonly cells: readonly (number | undefined)[];
    /** The sum of the cells; undefined when a cell is unreadable (a partial sum is no figure of the text). */
    readonly total?: number;
}

export interface StatisticsBlockFigures {
    /** The group, and its title; undefined for rows outside any group. */
    readonly group?: StatisticsGroup;
    readonly title?: string;
    readonly rows: readonly StatisticsRowFigures[];
    /**
     * Per column, the sum of the rows; when the block has no rows but declares its totals (Valle
     * d'Aosta's job seekers by gender: `totale 3.933 3.526 = 7.459`), the declared column totals.
     * Undefined where a figure is unreadable.
     */
    readonly columnTotals: readonly (number | undefined)[];
    /** The sum of the column totals, undefined when one is unreadable. */
    readonly grand?: number;
}

export interface StatisticsFigures {
    readonly table: StatisticsTable;
    /** The groups, then the rows outside any group as a block without title. */
    readonly blocks: readonly StatisticsBlockFigures[];
    /** As a block's: the sums of every row, or the declared totals of a table that gives only those. */
    readonly columnTotals: readonly (number | undefined)[];
    readonly grand?: number;
}

export interface StaffTableFigures {
    readonly table: StaffTable;
    readonly offices: readonly OfficeStaffFigures[];
    readonly total: number;
    /** Heads per category or position as written. */
    readonly byCategory: ReadonlyMap<string, number>;
    /** Heads per profile across all offices. */
    readonly byProfile: ReadonlyMap<Profile, number>;
    /** Heads per category as the table counts them (see OfficeStaffFigures.counted). */
    readonly counted: ReadonlyMap<string, number>;
    /** Every head count of the table was readable. */
    readonly complete: boolean;
}

export interface MovementRowFigures {
    readonly node: Movement;
    readonly label: string;
    readonly kind: Movement['kind'];
    readonly count?: number;
}

export interface MovementFigures {
    readonly node: Movements;
    readonly rows: readonly MovementRowFigures[];
    readonly entries: number;
    readonly exits: number;
    readonly progressions: number;
    /** entries − exits; progressions change category, not headcount. */
    readonly net: number;
}

export interface CostRowFigures {
    readonly row: CostRow;
    /** The profile's title, or the name written when it does not resolve. */
    readonly profile: string;
    readonly heads?: number;
    /** The profile's yearly cost per head. */
    readonly unitCost?: bigint;
    /** heads × unit cost. */
    readonly expected?: bigint;
    /** The cost the row declares. */
    readonly declared?: bigint;
    /** declared − expected. */
    readonly difference?: bigint;
}

export interface FundingShareFigures {
    readonly node: FundingShare;
    readonly payer: string;
    readonly amount?: bigint;
}

export interface PersonnelCostFigures {
    readonly node: PersonnelCost;
    readonly rows: readonly CostRowFigures[];
    /** Sum of the rows' declared costs. */
    readonly total: bigint;
    /** Who pays what part of the cost. */
    readonly fundingShares: readonly FundingShareFigures[];
    /** Sum of the funding shares. */
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

/** The money of a plan: sources, lines, items and caps, with the checks of their declared totals. */
export interface FinanceFigures {
    readonly sources: readonly SourceFigures[];
    readonly lines: readonly LineFigures[];
    readonly grandTotal: bigint;
    readonly totalAssigned?: bigint;
    readonly grandTotalComplete: boolean;
    readonly caps: readonly CapFigures[];
    readonly checks: readonly Check[];
    lineOf(line: InterventionLine): LineFigures | undefined;
    sourceOf(source: FundingSource): SourceFigures | undefined;
}

/** Heads of one category and what they do: on one function, or divided among several (the rows). */
export interface FunctionGroupFigures {
    readonly node: FunctionGroup;
    readonly category: string;
    /** The heads the plan writes for the category. */
    readonly count?: number;
    /** How they divide among functions, each row's heads read once. */
    readonly rows: readonly { readonly node: FunctionRow; readonly count?: number }[];
    /** The sum of the rows' heads; undefined when the group has no rows, or one is unreadable. */
    readonly rowsTotal?: number;
}

/** What the staff of an office do (`funzioni di aosta`). */
export interface StaffByFunctionFigures {
    readonly node: StaffByFunction;
    /** The office's title, or the name written when it does not resolve. */
    readonly office: string;
    readonly groups: readonly FunctionGroupFigures[];
    /** The sum of the categories' heads. */
    readonly total: number;
    /** Every category's head count was readable. */
    readonly complete: boolean;
}

/** Staff still needed (`fabbisogno`): per office, and for every office it concerns. */
export interface StaffingNeedsFigures {
    readonly node: StaffingNeeds;
    /** The offices named, or every CPI of the plan for `per ogni cpi`. */
    readonly offices: readonly Office[];
    /** Each row with its heads read once. */
    readonly rows: readonly { readonly node: StaffingNeed; readonly count?: number }[];
    /** The heads one office needs: the sum of the rows. */
    readonly perOffice: number;
    /** perOffice × the number of offices. */
    readonly total: number;
    /** Every row's head count was readable. */
    readonly complete: boolean;
}

/** The municipalities a CPI serves. */
export interface MunicipalitiesFigures {
    readonly node: Municipalities;
    /** The office's title, or the name written when it does not resolve. */
    readonly office: string;
    readonly count: number;
}

/** The staff of a plan: staff tables, summaries, movements, hires and personnel costs, with their checks. */
export interface StaffingFigures {
    readonly staffTables: readonly StaffTableFigures[];
    readonly summaries: readonly SummaryFigures[];
    readonly movements: readonly MovementFigures[];
    readonly hiring: readonly HiringFigures[];
    readonly personnelCosts: readonly PersonnelCostFigures[];
    readonly functions: readonly StaffByFunctionFigures[];
    readonly needs: readonly StaffingNeedsFigures[];
    readonly municipalities: readonly MunicipalitiesFigures[];
    /** The municipalities of every CPI together (Valle d'Aosta: 74). */
    readonly municipalitiesTotal: number;
    readonly checks: readonly Check[];
}

/** Every figure of one plan: each concern's figures, and all their checks merged in document order. */
export interface PlanEvaluation extends Omit<FinanceFigures, 'checks'>, Omit<StaffingFigures, 'checks'> {
    readonly plan: Plan;
    /** Where syntax errors left text unread: a node with unread text is not judged on what it lacks. */
    readonly damage: Damage;
    readonly ruleSet?: RuleSet;
    /** The plan's rule set, read once; an empty book when the plan names none. */
    readonly rules: RuleBook;
    readonly declarations: readonly DeclarationFigures[];
    /** Required sections, the review's requests, names given by code, and the reprogramming moves. */
    readonly outline: OutlineFigures;
    readonly statistics: readonly StatisticsFigures[];
    readonly indicators: readonly IndicatorFigures[];
    /** Where tables disagree with each other, or give an entry twice or without what it needs. */
    readonly consistency: ConsistencyFigures;
    /** Every declared total of the plan with its computed counterpart, in document order. */
    readonly totals: readonly TotalCheck[];
    /** The check of a declared total, by the node of its declared figure. */
    totalOf(node: AstNode): TotalCheck | undefined;
}
