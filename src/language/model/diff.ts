/**
 * The reprogramming diff: what changed between two versions of a plan, per line, item and
 * source, with each cap before and after. Computed from the two evaluations only.
 */
import type { LineFigures, PlanEvaluation } from './figures.js';
import type { Decimal } from './numbers.js';

/** A figure before and after; `change` is after − before (missing counts as zero). */
export interface Change {
    readonly before?: bigint;
    readonly after?: bigint;
    readonly change: bigint;
}

export type DiffStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'moved';

export interface ItemDiff {
    readonly title: string;
    readonly status: DiffStatus;
    /** For a moved item: the line it came from. */
    readonly movedFrom?: string;
    readonly amount: Change;
    readonly bySource: ReadonlyMap<string, Change>;
}

export interface CapDiff {
    readonly source: string;
    readonly rate: Decimal;
    readonly cap: Change;
    readonly charged: Change;
    readonly headroom: Change;
}

export interface LineDiff {
    /** The line's code, or its title for a regional extra line. */
    readonly key: string;
    readonly title: string;
    readonly status: DiffStatus;
    readonly total: Change;
    readonly bySource: ReadonlyMap<string, Change>;
    readonly items: readonly ItemDiff[];
    readonly caps: readonly CapDiff[];
}

export interface SourceDiff {
    readonly name: string;
    readonly label: string;
    readonly assigned: Change;
    readonly programmed: Change;
}

export interface PlanDiff {
    readonly before: PlanEvaluation;
    readonly after: PlanEvaluation;
    /** Source names in order of appearance, old plan first. */
    readonly sourceNames: readonly string[];
    readonly sources: readonly SourceDiff[];
    readonly lines: readonly LineDiff[];
    readonly grandTotal: Change;
}

function change(before: bigint | undefined, after: bigint | undefined): Change {
    return { before, after, change: (after ?? 0n) - (before ?? 0n) };
}

/** A line's key: its code, or its title; empty while half-typed (no code, no title yet). */
const lineKey = (line: LineFigures) => line.line.code ?? line.line.title ?? '';
/** An item's title, empty while half-typed: the parser leaves a missing title undefined whatever the AST type says. */
const itemTitle = (item: { readonly item: { readonly title?: string } }) => item.item.title ?? '';

function partsByName(parts: ReadonlyMap<{ name: string }, bigint>): Map<string, bigint> {
    return new Map([...parts].map(([source, amount]) => [source.name, amount]));
}

function changesBySource(names: readonly string[], before: Map<string, bigint> | undefined, after: Map<string, bigint> | undefined): Map<string, Change> {
    const result = new Map<string, Change>();
    for (const name of names) {
        const b = before?.get(name);
        const a = after?.get(name);
        if (b !== undefined || a !== undefined) {
            result.set(name, change(b, a));
        }
    }
    return result;
}

function statusOf(before: unknown, after: unknown, changes: Change[]): DiffStatus {
    if (before === undefined) {
        return 'added';
    }
    if (after === undefined) {
        return 'removed';
    }
    return changes.some(c => c.change !== 0n || (c.before === undefined) !== (c.after === undefined)) ? 'changed' : 'unchanged';
}

/** Compares two versions of a plan. */
export function diffPlans(before: PlanEvaluation, after: PlanEvaluation): PlanDiff {
    const sourceNames = [...new Set([...before.sources, ...after.sources].map(s => s.source.name))];
    const sources = sourceNames.flatMap(name => {
        const b = before.sources.find(s => s.source.name === name);
        const a = after.sources.find(s => s.source.name === name);
        const either = a ?? b;
        return either ? [{
            name, label: either.label,
            assigned: change(b?.assigned, a?.assigned),
            programmed: change(b?.programmed, a?.programmed)
        }] : [];
    });

    const beforeLines = new Map(before.lines.map(l => [lineKey(l), l]));
    const afterLines = new Map(after.lines.map(l => [lineKey(l), l]));
    const keys = [...new Set([...afterLines.keys(), ...beforeLines.keys()])];
    // An item whose title leaves one line and appears in another has moved.
    const removedFrom = new Map<string, string>();
    const addedTo = new Map<string, string>();
    for (const key of keys) {
        const b = beforeLines.get(key);
        const a = afterLines.get(key);
        const beforeTitles = new Set(b?.items.map(itemTitle) ?? []);
        const afterTitles = new Set(a?.items.map(itemTitle) ?? []);
        beforeTitles.forEach(t => !afterTitles.has(t) && removedFrom.set(t, key));
        afterTitles.forEach(t => !beforeTitles.has(t) && addedTo.set(t, key));
    }
    const moved = new Set([...addedTo.keys()].filter(t => removedFrom.has(t)));

    const lines = keys.map(key => {
        const b = beforeLines.get(key);
        const a = afterLines.get(key);
        const titles = [...new Set([...(a?.items ?? []), ...(b?.items ?? [])].map(itemTitle))];
        const items: ItemDiff[] = [];
        for (const title of titles) {
            const ib = b?.items.find(i => itemTitle(i) === title);
            const ia = a?.items.find(i => itemTitle(i) === title);
            if (!ia && moved.has(title)) {
                continue; // reported once, in the line it moved to
            }
            const origin = !ib && moved.has(title) ? before.lines.find(l => lineKey(l) === removedFrom.get(title)) : undefined;
            const previous = ib ?? origin?.items.find(i => itemTitle(i) === title);
            const amount = change(previous?.amount, ia?.amount);
            const bySource = changesBySource(sourceNames, previous && partsByName(previous.parts), ia && partsByName(ia.parts));
            items.push({
                title,
                status: origin ? 'moved' : statusOf(ib, ia, [amount, ...bySource.values()]),
                movedFrom: origin ? removedFrom.get(title) : undefined,
                amount,
                bySource
            });
        }
        const total = change(b?.total, a?.total);
        const bySource = changesBySource(sourceNames, b && partsByName(b.bySource), a && partsByName(a.bySource));
        const capSources = [...new Set([...(b?.caps ?? []), ...(a?.caps ?? [])].map(c => c.source.source.name))];
        const caps = capSources.flatMap(name => {
            const cb = b?.caps.find(c => c.source.source.name === name);
            const ca = a?.caps.find(c => c.source.source.name === name);
            const either = ca ?? cb;
            return either ? [{
                source: either.source.label,
                rate: either.rate,
                cap: change(cb?.cap, ca?.cap),
                charged: change(cb?.charged, ca?.charged),
                headroom: change(cb?.headroom, ca?.headroom)
            }] : [];
        });
        const itemsChanged = items.some(i => i.status !== 'unchanged');
        const status = statusOf(b, a, [total, ...bySource.values()]);
        return {
            key,
            title: a?.line.title ?? b?.line.title ?? '',
            status: status === 'unchanged' && itemsChanged ? 'changed' as const : status,
            total, bySource, items, caps
        };
    });
    return { before, after, sourceNames, sources, lines, grandTotal: change(before.grandTotal, after.grandTotal) };
}
