/**
 * The remedy for an exceeded cap: how to bring a line back within it. The quick fix applies
 * what this computes; it never recomputes.
 */
import type { FundingSource } from '../generated/ast.js';
import type { CapReduction, Check, LineFigures } from './figures.js';
import { money } from './reader.js';

/** Takes the excess off the last item whose part on the source covers it, and off the declared totals that agreed: its group's subtotal, its line's and the plan's. */
export function reductionOf(figures: LineFigures, source: FundingSource, excess: bigint, checks: readonly Check[]): CapReduction | undefined {
    const item = [...figures.items].reverse().find(i => i.amount !== undefined && (i.parts.get(source) ?? 0n) >= excess);
    if (item?.amount === undefined || !item.item.amount) {
        return undefined;
    }
    const charge = item.item.charges.find(c => c.source?.ref === source && c.amount);
    const part = money(charge?.amount);
    // The item's group, when it has one, declares a subtotal the reduction lowers too.
    const group = figures.groups.find(g => g.items.some(i => i.item === item.item));
    const affected = checks.filter(t => t.unit === 'money' && t.declared === t.computed
        && (t.line === figures.line || ((t.subject.of === 'plan' || t.subject.of === 'plan-source') && t.line === undefined)
            || (group !== undefined && t.node === group.group.subtotal))
        && (t.source === undefined || t.source === source));
    return {
        item: item.item,
        amount: item.amount - excess,
        part: charge?.amount && part !== undefined ? { node: charge.amount, amount: part - excess } : undefined,
        totals: affected.map(t => ({ node: t.node, amount: t.declared - excess }))
    };
}
