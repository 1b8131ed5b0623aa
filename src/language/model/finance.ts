/**
 * Finance: funding sources, intervention lines and their items, the declared money totals of
 * lines and of the plan, and the caps the rule book sets on lines.
 */
import type { FundingSource, InterventionLine, Plan } from '../generated/ast.js';
import { reductionOf } from './cap-reduction.js';
import { noDamage, type Damage } from './damage.js';
import { elementsOf } from './elements.js';
import type { AnyItem, CapFigures, Check, FinanceFigures, ItemFigures, ItemGroupFigures, LineFigures, SourceFigures } from './figures.js';
import { percentageOf, shareOf, type Decimal } from './numbers.js';
import { money } from './reader.js';
import type { LineCap, RuleBook } from './rule-book.js';
import { Sum } from './sum.js';


/** The label of a line in messages: its code, or the title of a regional extra line. */
export function lineLabel(line: InterventionLine): string {
    return line.code ?? `"${line.title}"`;
}

function sourceLabel(source: FundingSource): string {
    return source.title ?? source.name;
}

/** `damage`: where syntax errors left text unread; the sums that could include it are incomplete. */
export function evaluateFinance(plan: Plan, rules: RuleBook, damage: Damage = noDamage): FinanceFigures {
    // A source whose name the parser lost (`fonte "…"` read out of a text that lost its closing
    // quote) can be named by nothing: its syntax error says so, and it is no source of the plan.
    const sourceNodes = elementsOf(plan, 'FundingSource').filter(source => Boolean(source.name));
    const lines: LineFigures[] = [];
    const programmed = new Map<FundingSource, Sum>(sourceNodes.map(s => [s, new Sum()]));
    const grand = new Sum();
    if (damage.moneyBetweenElements) {
        grand.complete = false;
        for (const sum of programmed.values()) {
            sum.complete = false;
        }
    }
    for (const line of elementsOf(plan, 'InterventionLine')) {
        const figures = evaluateLine(line, sourceNodes, rules, damage.inBody(line));
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
        const sum = programmed.get(source) ?? new Sum();
        return {
            source,
            label: sourceLabel(source),
            assigned,
            programmed: sum.value,
            complete: sum.complete,
            remaining: assigned === undefined ? undefined : assigned - sum.value
        };
    });
    const sourceFigures = new Map(sources.map(s => [s.source, s]));
    const checks = [...lineChecks(lines), ...groupChecks(lines), ...planChecks(plan, sourceFigures, grand)];

    const caps: CapFigures[] = [];
    const finishedLines = lines.map(figures => {
        const lineCaps = damage.within(figures.line) ? [] : capsOf(figures, rules.capOf(figures.line.code), sources, checks);
        caps.push(...lineCaps);
        const shareOfAssigned = new Map<FundingSource, Decimal>();
        for (const [source, amount] of figures.bySource) {
            const share = shareOf(amount, sourceFigures.get(source)?.assigned ?? 0n);
            if (share) {
                shareOfAssigned.set(source, share);
            }
        }
        const items = figures.items.map(item => item.amount === undefined ? item : new ItemWithShares(item, item.amount, figures.total, grand.value));
        const groups = figures.groups.map(g => ({ ...g, items: items.filter(i => i.item.$container === g.group) }));
        return { ...figures, items, groups, caps: lineCaps, shareOfPlan: shareOf(figures.total, grand.value), shareOfAssigned };
    });
    const lineFigures = new Map(finishedLines.map(l => [l.line, l]));
    let totalAssigned: bigint | undefined = sources.length > 0 ? 0n : undefined;
    for (const source of sources) {
        totalAssigned = totalAssigned === undefined || source.assigned === undefined ? undefined : totalAssigned + source.assigned;
    }
    return {
        sources,
        lines: finishedLines,
        grandTotal: grand.value,
        totalAssigned,
        grandTotalComplete: grand.complete,
        caps,
        checks,
        lineOf: line => lineFigures.get(line),
        sourceOf: source => sourceFigures.get(source)
    };
}

/**
 * An item's figures with its shares of its line and of the plan, worked out when read (a hover):
 * a keystroke's evaluation never reads them, and on a plan of 10,000 lines they were a tenth of it.
 */
class ItemWithShares implements ItemFigures {
    readonly item: ItemFigures['item'];
    readonly amount: bigint;
    readonly parts: ItemFigures['parts'];
    readonly partsTotal?: bigint;
    readonly unassigned: boolean;
    readonly complete: boolean;
    readonly partsDifference?: bigint;
    readonly balancingLastPart?: bigint;
    readonly #lineTotal: bigint;
    readonly #planTotal: bigint;

    constructor(figures: ItemFigures, amount: bigint, lineTotal: bigint, planTotal: bigint) {
        this.item = figures.item;
        this.amount = amount;
        this.parts = figures.parts;
        this.partsTotal = figures.partsTotal;
        this.unassigned = figures.unassigned;
        this.complete = figures.complete;
        this.partsDifference = figures.partsDifference;
        this.balancingLastPart = figures.balancingLastPart;
        this.#lineTotal = lineTotal;
        this.#planTotal = planTotal;
    }

    get shareOfLine(): Decimal | undefined {
        return shareOf(this.amount, this.#lineTotal);
    }

    get shareOfPlan(): Decimal | undefined {
        return shareOf(this.amount, this.#planTotal);
    }
}

/** The declared totals of each line, overall and per source. */
function lineChecks(lines: readonly LineFigures[]): Check[] {
    const checks: Check[] = [];
    for (const figures of lines) {
        for (const declared of figures.line.totals) {
            const amount = money(declared.amount);
            const source = declared.source?.ref;
            if (amount === undefined || (declared.source && !source) || !(source ? figures.sourcesComplete : figures.totalComplete)) {
                continue;
            }
            const computed = source ? figures.bySource.get(source) ?? 0n : figures.total;
            checks.push({
                unit: 'money', node: declared.amount, declared: amount, computed, line: figures.line, source,
                subject: source ? { of: 'line-source', line: figures.label, source: sourceLabel(source) } : { of: 'line', line: figures.label }
            });
        }
    }
    return checks;
}

/** The declared subtotal of each group of items. */
function groupChecks(lines: readonly LineFigures[]): Check[] {
    return lines.flatMap(figures => figures.groups.flatMap((group): Check[] =>
        group.declared !== undefined && group.complete && group.group.subtotal
            ? [{
                unit: 'money', node: group.group.subtotal, declared: group.declared, computed: group.total,
                subject: { of: 'item-group', line: figures.label, group: `"${group.group.title}"` }
            }]
            : []));
}

/** The plan's declared totals, overall and per source. */
function planChecks(plan: Plan, sources: ReadonlyMap<FundingSource, SourceFigures>, grand: Sum): Check[] {
    const checks: Check[] = [];
    for (const declared of elementsOf(plan, 'DeclaredTotal')) {
        const amount = money(declared.amount);
        const source = declared.source?.ref;
        if (amount === undefined || (declared.source && !source)) {
            continue;
        }
        if (source) {
            const sum = sources.get(source);
            if (sum?.complete) {
                checks.push({
                    unit: 'money', node: declared.amount, declared: amount, source, computed: sum.programmed,
                    subject: { of: 'plan-source', source: sourceLabel(source) }
                });
            }
        } else if (grand.complete) {
            checks.push({ unit: 'money', node: declared.amount, declared: amount, computed: grand.value, subject: { of: 'plan' } });
        }
    }
    return checks;
}

/** `damaged`: the line has text a syntax error left unread, so its sums are incomplete. */
function evaluateLine(line: InterventionLine, sources: FundingSource[], rules: RuleBook, damaged: boolean): LineFigures {
    const total = new Sum();
    const bySource = new Map<FundingSource, bigint>();
    let sourcesComplete = true;
    const written: AnyItem[] = [...line.items, ...line.groups.flatMap(g => g.items)]
        .sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
    const items = written.map(item => {
        // In a line with skipped text, an item's `su …` or a part may be what was skipped: neither its
        // sources nor its split are judged.
        const read = evaluateItem(item, sources);
        const figures = damaged ? { ...read, unassigned: false, partsDifference: undefined, balancingLastPart: undefined } : read;
        total.add(figures.amount);
        sourcesComplete &&= figures.complete;
        for (const [source, part] of figures.parts) {
            bySource.set(source, (bySource.get(source) ?? 0n) + part);
        }
        return figures;
    });
    const groups = line.groups.map((group): ItemGroupFigures => {
        const members = items.filter(i => i.item.$container === group);
        const sum = new Sum();
        const groupBySource = new Map<FundingSource, bigint>();
        for (const member of members) {
            sum.add(member.amount);
            for (const [source, part] of member.parts) {
                groupBySource.set(source, (groupBySource.get(source) ?? 0n) + part);
            }
        }
        return {
            group, items: members, total: sum.value, complete: sum.complete && !damaged, bySource: groupBySource,
            sourcesComplete: sum.complete && !damaged && members.every(i => i.complete), declared: money(group.subtotal)
        };
    });
    return {
        line, label: lineLabel(line), rule: rules.lineRule(line.code), total: total.value, bySource, shareOfAssigned: new Map(),
        totalComplete: total.complete && !damaged, sourcesComplete: sourcesComplete && total.complete && !damaged, items, groups, caps: []
    };
}

/**
 * The parts of an item charged whole to one source, the common case: a read-only map of that one
 * entry, without a hash table per item (a plan's items held one each: a tenth of a parsed plan).
 */
class WholeCharge implements ReadonlyMap<FundingSource, bigint> {
    readonly #source: FundingSource;
    readonly #amount: bigint;

    constructor(source: FundingSource, amount: bigint) {
        this.#source = source;
        this.#amount = amount;
    }

    get size(): number {
        return 1;
    }

    get(source: FundingSource): bigint | undefined {
        return source === this.#source ? this.#amount : undefined;
    }

    has(source: FundingSource): boolean {
        return source === this.#source;
    }

    forEach(callback: (amount: bigint, source: FundingSource, map: ReadonlyMap<FundingSource, bigint>) => void, thisArg?: unknown): void {
        callback.call(thisArg, this.#amount, this.#source, this);
    }

    entries(): MapIterator<[FundingSource, bigint]> {
        return [[this.#source, this.#amount] as [FundingSource, bigint]].values();
    }

    keys(): MapIterator<FundingSource> {
        return [this.#source].values();
    }

    values(): MapIterator<bigint> {
        return [this.#amount].values();
    }

    [Symbol.iterator](): MapIterator<[FundingSource, bigint]> {
        return this.entries();
    }
}

/** An item charged to no source (yet): one empty map for all of them. */
const noParts: ReadonlyMap<FundingSource, bigint> = new Map();

/** What an item charges to `source` when it charges all of it there; no part when its amount is not read. */
function whole(source: FundingSource | undefined, amount: bigint | undefined): ReadonlyMap<FundingSource, bigint> {
    return source !== undefined && amount !== undefined ? new WholeCharge(source, amount) : noParts;
}

function evaluateItem(item: AnyItem, sources: FundingSource[]): ItemFigures {
    const amount = money(item.amount);
    let complete = amount !== undefined;
    if (item.charges.length === 0) {
        if (sources.length === 1) {
            return { item, amount, parts: whole(sources[0], amount), unassigned: false, complete };
        }
        return { item, amount, parts: noParts, unassigned: sources.length > 1, complete: complete && sources.length === 0 };
    }
    if (item.charges.length === 1 && !item.charges[0].amount) {
        const source = item.charges[0].source?.ref;
        return { item, amount, parts: whole(source, amount), unassigned: false, complete: complete && source !== undefined };
    }
    const parts = new Map<FundingSource, bigint>();
    // A split: each part has its amount; one part without an amount takes the rest.
    const explicit = new Sum();
    let rest: FundingSource | undefined;
    let restCount = 0;
    let unresolved = false;
    for (const charge of item.charges) {
        const source = charge.source?.ref;
        if (!source) {
            complete = false;
            unresolved = true;
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
    // A part on a source that does not resolve (a typo, or a source lost to a syntax error) is unknown: the split is not judged.
    const partsTotal = restCount === 0 && explicit.complete && !unresolved ? explicit.value : undefined;
    const last = money(item.charges.at(-1)?.amount);
    const balancingLastPart = partsTotal !== undefined && amount !== undefined && last !== undefined && partsTotal !== amount
        ? amount - (partsTotal - last) : undefined;
    const partsDifference = partsTotal !== undefined && amount !== undefined ? partsTotal - amount : undefined;
    return { item, amount, parts, partsTotal, partsDifference, balancingLastPart, unassigned: false, complete };
}

/** The caps the line's rule sets, one per source of the capped kind that has an assigned amount. */
function capsOf(figures: LineFigures, lineCap: LineCap | undefined, sources: readonly SourceFigures[], checks: readonly Check[]): CapFigures[] {
    if (!lineCap) {
        return [];
    }
    const { rule, rate, kind } = lineCap;
    return sources.flatMap(source => {
        if (source.source.kind?.ref !== kind || source.assigned === undefined) {
            return [];
        }
        const cap = percentageOf(source.assigned, rate);
        const charged = figures.bySource.get(source.source) ?? 0n;
        return [{
            line: figures.line, rule, source, rate, cap, charged,
            headroom: cap - charged,
            usage: shareOf(charged, cap),
            severity: rule.severity,
            reduction: charged > cap ? reductionOf(figures, source.source, charged - cap, checks) : undefined
        }];
    });
}
