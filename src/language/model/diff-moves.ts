/**
 * Whether a diff between two versions agrees with the moves the older one declares: the
 * version that records a `riprogrammazione` and the next one, which consolidates the moves into
 * its items, must differ line by line and source by source by exactly what the moves say.
 */
import type { PlanDiff } from './diff.js';

/** One figure as the moves change it and as the diff finds it changed. */
export interface MoveAgreement {
    /** `linea 3.1`, `fonte B`. */
    readonly what: { readonly line: string } | { readonly source: string };
    /** The change the declared moves make. */
    readonly declared: bigint;
    /** The change between the two versions. */
    readonly found: bigint;
    readonly agrees: boolean;
}

/** The lines and sources the older version's moves change, or the diff changes, each with both figures; empty when the older version moves nothing. */
export function movesAgainstDiff(diff: PlanDiff): MoveAgreement[] {
    const after = diff.before.outline.afterMoves;
    if (!after) {
        return [];
    }
    const lines = diff.lines.map((line): MoveAgreement => {
        const declared = after.lines.find(l => (l.line.line.code ?? l.line.line.title) === line.key)?.change ?? 0n;
        return { what: { line: line.key }, declared, found: line.total.change, agrees: declared === line.total.change };
    });
    const sources = diff.sources.map((source): MoveAgreement => {
        const moved = after.sources.find(s => s.source.source.name === source.name);
        const declared = moved ? moved.after - moved.before : 0n;
        return { what: { source: source.name }, declared, found: source.programmed.change, agrees: declared === source.programmed.change };
    });
    return [...lines, ...sources].filter(a => a.declared !== 0n || a.found !== 0n);
}
