/**
 * Hover: the figures of whatever is under the cursor — a line, an item, a source, an office,
 * a staff table, a profile, an indicator, a declared total — read from the plan's evaluation.
 */
import { CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import type {
    Area, CategorySummary, FundingShare, FundingSource, GroupedItem, HiringPlan, Indicator, InterventionLine, Item, Office, PersonnelCost, Plan, Profile, StaffTable
} from '../generated/ast.js';
import type { PlanEvaluation } from '../model/figures.js';
import { alignDecimals, formatInteger, formatMeasure, formatMoney, formatPercentage, shareOf, type Decimal } from '../model/numbers.js';
import { money as readMoney } from '../model/reader.js';
import type { Locale } from '../i18n/locale.js';
import { word } from '../i18n/words.js';
import { outlineHover } from './outline-hover.js';

const pct = (value: Decimal | undefined) => value ? formatPercentage(value) : '—';

/**
 * `part` as a percentage of `whole`, shown next to a limit (a cap's rate, or 100% of a cap) with
 * as many decimals as it takes for the rounded figure to stand on the same side of the limit as
 * the exact one: 1,996% of the assigned total is not "2%" next to "max 2%".
 */
export function shareBeside(part: bigint, whole: bigint, limit: Decimal): string {
    const side = (a: bigint, b: bigint) => (a > b ? 1 : a < b ? -1 : 0);
    const exact = side(part * 100n * 10n ** BigInt(limit.scale), limit.units * whole);
    for (let decimals = 2; decimals <= 6; decimals++) {
        const share = shareOf(part, whole, decimals);
        if (!share) {
            return '—';
        }
        const { left, right } = alignDecimals(share, limit);
        if (side(left, right) === exact || decimals === 6) {
            return formatPercentage(share);
        }
    }
    return '—';
}

const hundred: Decimal = { units: 100n, scale: 0 };

export class CpiplanHoverProvider implements HoverProvider {
    constructor(private readonly services: CpiplanServices) { }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value;
        if (root?.$type !== 'Plan' || !root.$cstNode) {
            return undefined;
        }
        const leaf = CstUtils.findLeafNodeAtOffset(root.$cstNode, document.textDocument.offsetAt(params.position));
        if (!leaf) {
            return undefined;
        }
        const evaluation = this.services.model.PlanEvaluator.evaluate(root as Plan);
        const locale = this.services.i18n.Locale.current;
        const target = this.services.references.References.findDeclarations(leaf)[0] ?? leaf.astNode;
        const value = this.describe(target, evaluation, locale);
        return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
    }

    /** Walks up from the node to the nearest thing that has figures. */
    private describe(start: AstNode, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const total = evaluation.totalOf(start) ?? (start.$container && evaluation.totalOf(start.$container));
        if (total) {
            const format = total.unit === 'money' ? formatMoney : formatInteger;
            const state = total.difference === 0n ? `✓ ${word('matches', locale)}` : `≠ ${word('computed', locale)} ${format(total.computed)}`;
            return `**${word('declared', locale)}** ${format(total.declared)} · ${state}`;
        }
        for (let node: AstNode | undefined = start; node; node = node.$container) {
            switch (node.$type) {
                case 'Item': return this.item(node as Item, evaluation, locale);
                case 'GroupedItem': return this.item(node as GroupedItem, evaluation, locale);
                case 'InterventionLine': return this.line(node as InterventionLine, evaluation, locale);
                case 'FundingSource': return this.source(node as FundingSource, evaluation, locale);
                case 'Office': return this.office(node as Office, evaluation, locale);
                case 'OfficeStaff': {
                    const office = (node as { office?: { ref?: Office } }).office?.ref;
                    return office ? this.office(office, evaluation, locale) : undefined;
                }
                case 'StaffTable': return this.staffTable(node as StaffTable, evaluation, locale);
                case 'Profile': return this.profile(node as Profile, evaluation, locale);
                case 'Indicator': return this.indicator(node as Indicator, evaluation, locale);
                case 'FundingShare': return this.fundingShare(node as FundingShare, evaluation, locale);
                case 'PersonnelCost': return this.personnelCost(node as PersonnelCost, evaluation, locale);
                case 'HiringPlan': return this.hiringPlan(node as HiringPlan, evaluation, locale);
                case 'CategorySummary': return this.summary(node as CategorySummary, evaluation, locale);
                case 'Area': return this.area(node as Area, evaluation, locale);
                case 'Plan': return undefined;
                default: {
                    const outline = outlineHover(node, evaluation, locale);
                    if (outline) {
                        return outline;
                    }
                }
            }
        }
        return undefined;
    }

    private line(line: InterventionLine, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.lineOf(line);
        if (!figures) {
            return undefined;
        }
        const heading = line.code ? `**${word('line', locale)} ${line.code}** ${line.title ?? ''}` : `**${line.title ?? ''}**`;
        const out = [heading, '',
            `${word('total', locale)}: **${figures.totalComplete ? formatMoney(figures.total) : '—'}** (${pct(figures.shareOfPlan)} ${word('ofPlan', locale)})`];
        if (figures.bySource.size > 0) {
            out.push('', `${word('bySource', locale)}:`);
            for (const [source, amount] of figures.bySource) {
                const cap = figures.caps.find(c => c.source.source === source);
                const assigned = evaluation.sourceOf(source)?.assigned;
                const share = cap && assigned ? shareBeside(amount, assigned, cap.rate) : pct(figures.shareOfAssigned.get(source));
                out.push(`- ${source.title ?? source.name}: ${formatMoney(amount)} (${share} ${word('ofAssigned', locale)})`);
            }
        }
        for (const cap of figures.caps) {
            const rest = cap.headroom >= 0n
                ? `${word('headroom', locale)} ${formatMoney(cap.headroom)}`
                : `**${word('excess', locale)} ${formatMoney(-cap.headroom)}**`;
            out.push('', `${word('cap', locale)}: max ${formatPercentage(cap.rate)} ${cap.source.label} = ${formatMoney(cap.cap)} · ${rest} (${cap.cap > 0n ? shareBeside(cap.charged, cap.cap, hundred) : pct(cap.usage)} ${word('ofCap', locale)})`);
        }
        return out.join('\n');
    }

    private item(item: Item | GroupedItem, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const line = item.$type === 'Item' ? item.$container : item.$container.$container;
        const figures = evaluation.lineOf(line)?.items.find(i => i.item === item);
        if (!figures || figures.amount === undefined) {
            return undefined;
        }
        const out = [`**${word('item', locale)}** ${item.title ?? ''}`, '',
            `${word('amount', locale)}: **${formatMoney(figures.amount)}** · ${pct(figures.shareOfLine)} ${word('ofLine', locale)} · ${pct(figures.shareOfPlan)} ${word('ofPlan', locale)}`];
        if (figures.parts.size > 1) {
            out.push('', ...[...figures.parts].map(([source, part]) => `- ${source.title ?? source.name}: ${formatMoney(part)}`));
        }
        return out.join('\n');
    }

    private source(source: FundingSource, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.sourceOf(source);
        if (!figures) {
            return undefined;
        }
        const out: string[] = [];
        if (figures.assigned !== undefined) {
            out.push(`${word('assigned', locale)}: ${formatMoney(figures.assigned)}`);
        }
        out.push(`${word('programmed', locale)}: ${figures.complete ? formatMoney(figures.programmed) : '—'}`);
        if (figures.remaining !== undefined) {
            out.push(figures.remaining >= 0n
                ? `${word('remaining', locale)}: ${formatMoney(figures.remaining)}`
                : `**${word('overAllocated', locale)}: ${formatMoney(-figures.remaining)}**`);
        }
        return `**${word('source', locale)} ${source.name}** ${source.title ?? ''}\n\n${out.join('  \n')}`;
    }

    private office(office: Office, evaluation: PlanEvaluation, locale: Locale): string {
        const out = [`**${word('office', locale)}** ${office.title ?? office.name}`];
        if (office.residents?.value) {
            out.push(`${word('residents', locale)}: ${office.residents.value}`);
        }
        if (office.registered?.value) {
            out.push(`${word('registered', locale)}: ${office.registered.value}`);
        }
        for (const table of evaluation.staffTables) {
            const staff = table.offices.find(o => o.node.office?.ref === office);
            if (staff) {
                const categories = [...staff.byCategory].map(([c, n]) => `${c} ${formatInteger(n)}`).join(', ');
                out.push(`${word('staff', locale)} (${table.table.date}): **${formatInteger(staff.total)}** — ${categories}`);
            }
        }
        return out.join('  \n');
    }

    private staffTable(table: StaffTable, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.staffTables.find(t => t.table === table);
        if (!figures) {
            return undefined;
        }
        const categories = [...figures.byCategory].map(([c, n]) => `${word('category', locale)} ${c}: ${formatInteger(n)}`);
        return `**${word('staffTable', locale)}** ${table.title ?? table.date}\n\n`
            + [`${word('total', locale)}: **${formatInteger(figures.total)}**`, ...categories].join('  \n');
    }

    private profile(profile: Profile, evaluation: PlanEvaluation, locale: Locale): string {
        const unitCost = readMoney(profile.unitCost);
        const out = [`**${word('profile', locale)}** ${profile.title ?? profile.name} (${word('category', locale)} ${profile.category ?? ''})`];
        if (unitCost !== undefined) {
            out.push(`${word('unitCost', locale)}: ${formatMoney(unitCost)}`);
        }
        for (const table of evaluation.staffTables) {
            const heads = table.byProfile.get(profile);
            if (heads !== undefined) {
                out.push(`${word('inService', locale)} (${table.table.date}): ${formatInteger(heads)}`);
            }
        }
        for (const cost of evaluation.personnelCosts) {
            for (const row of cost.rows.filter(r => r.row.profile?.ref === profile)) {
                out.push(`${word('yearlyCost', locale)} ${cost.node.year}: ${row.heads !== undefined ? formatInteger(row.heads) : '—'} × ${row.unitCost !== undefined ? formatMoney(row.unitCost) : '—'} = ${row.expected !== undefined ? formatMoney(row.expected) : '—'}`);
            }
        }
        return out.join('  \n');
    }

    private indicator(indicator: Indicator, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.indicators.find(i => i.indicator === indicator);
        if (!figures) {
            return undefined;
        }
        const show = (value: Decimal | undefined, percent: boolean | undefined) => value === undefined ? '—' : formatMeasure(value, percent);
        const out: string[] = [];
        if (figures.baseline) {
            out.push(`${word('baseline', locale)}: ${show(figures.baseline, indicator.baseline?.percent)}${indicator.baselineYear ? ` (${indicator.baselineYear})` : ''}`);
        }
        if (figures.values.length > 0) {
            out.push(`${word('yearly', locale)}: ${figures.values.map(v => `${v.node.period} ${show(v.value, v.node.value.percent)}`).join(' · ')}`);
        }
        if (figures.target) {
            out.push(`${word('target', locale)}: ${indicator.atLeast ? `${word('atLeast', locale)} ` : ''}${show(figures.target, indicator.target?.percent)}`);
        }
        if (figures.progress) {
            out.push(`${word('progress', locale)}: **${formatPercentage(figures.progress)}**`);
        }
        return `**${word('indicator', locale)}** ${indicator.title ?? ''}\n\n${out.join('  \n')}`;
    }

    private personnelCost(cost: PersonnelCost, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.personnelCosts.find(c => c.node === cost);
        if (!figures) {
            return undefined;
        }
        const out = [`${word('rowsTotal', locale)}: **${formatMoney(figures.total)}**`];
        if (figures.fundingShares.length > 0) {
            const state = figures.sharesDifference === 0n ? `✓ ${word('matches', locale)}` : `≠ ${word('difference', locale)} ${formatMoney(figures.sharesDifference)}`;
            out.push(`${word('sharesTotal', locale)}: ${formatMoney(figures.shares)} · ${state}`);
            out.push(...figures.fundingShares.map(share => `- ${share.payer}: ${share.amount !== undefined ? formatMoney(share.amount) : '—'}`));
        }
        return `**${word('personnelCost', locale)} ${cost.year ?? ''}**\n\n${out.join('  \n')}`;
    }

    private fundingShare(share: FundingShare, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const cost = evaluation.personnelCosts.find(c => c.fundingShares.some(f => f.node === share));
        const figures = cost?.fundingShares.find(f => f.node === share);
        if (!cost || !figures || figures.amount === undefined) {
            return undefined;
        }
        return `**${word('share', locale)} ${figures.payer}**\n\n${word('amount', locale)}: **${formatMoney(figures.amount)}** · `
            + `${pct(shareOf(figures.amount, cost.total))} ${word('ofCost', locale)} (${formatMoney(cost.total)})`;
    }

    private hiringPlan(plan: HiringPlan, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.hiring.find(h => h.node === plan);
        if (!figures) {
            return undefined;
        }
        const out = figures.periods.map(period => `${period.node.period ?? ''}: **${formatInteger(period.total)}** ${word('hires', locale)}`);
        const amends = plan.amends?.ref ? ` (${word('amends', locale)} "${plan.amends.ref.name}")` : '';
        return `**${word('hiringPlan', locale)}** ${plan.name ?? ''}${amends}\n\n${out.join('  \n')}`;
    }

    private summary(summary: CategorySummary, evaluation: PlanEvaluation, locale: Locale): string | undefined {
        const figures = evaluation.summaries.find(s => s.node === summary);
        if (!figures) {
            return undefined;
        }
        const change = figures.totalTo - figures.totalFrom;
        const rows = figures.rows.map(row => `- ${row.category}: ${row.from !== undefined ? formatInteger(row.from) : '—'} → ${row.to !== undefined ? formatInteger(row.to) : '—'}`);
        return `**${word('summary', locale)}** ${summary.title ?? ''}\n\n`
            + [`${word('total', locale)}: **${formatInteger(figures.totalFrom)} → ${formatInteger(figures.totalTo)}** (${word('change', locale)} ${change > 0 ? '+' : ''}${formatInteger(change)})`, ...rows].join('  \n');
    }

    private area(area: Area, evaluation: PlanEvaluation, locale: Locale): string {
        const indicators = [...area.indicators, ...area.results.flatMap(r => r.indicators), ...area.activities.flatMap(a => [...a.indicators, ...a.results.flatMap(r => r.indicators)])];
        const out = [
            `${word('activities', locale)}: ${formatInteger(area.activities.length)} · ${word('results', locale)}: ${formatInteger(area.results.length + area.activities.reduce((n, a) => n + a.results.length, 0))} · ${word('indicators', locale)}: ${formatInteger(indicators.length)}`
        ];
        for (const indicator of indicators) {
            const progress = evaluation.indicators.find(i => i.indicator === indicator)?.progress;
            if (progress) {
                out.push(`- ${indicator.title ?? ''}: ${word('progress', locale)} ${formatPercentage(progress)}`);
            }
        }
        return `**${word('area', locale)} ${area.name ?? ''}** ${area.title ?? ''}\n\n${out.join('  \n')}`;
    }
}
