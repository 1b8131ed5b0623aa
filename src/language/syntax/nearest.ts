/** The known word nearest to a misspelt one: `linee` → `linea`, `vocce` → `voce`, `totle` → `totale`. */

/**
 * Edit distance with transpositions (optimal string alignment): insertions, deletions,
 * substitutions, swaps of neighbours. With a `limit`, gives up as soon as the distance must
 * exceed it (and then answers `limit + 1`): three rows, no table.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) {
        return limit + 1;
    }
    let before = new Array<number>(b.length + 1).fill(0);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    let current = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let smallest = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, before[j - 2] + 1);
            }
            current[j] = best;
            smallest = Math.min(smallest, best);
        }
        if (smallest > limit) {
            return limit + 1;
        }
        [before, previous, current] = [previous, current, before];
    }
    return previous[b.length];
}

/**
 * The candidate nearest to `written`, when near enough to be a slip: one edit for short words
 * (up to four letters), two for longer ones, never half the word. A difference of case alone
 * (`Linea`) counts as a slip; the word itself does not.
 */
export function nearest(written: string, candidates: readonly string[]): string | undefined {
    const target = written.toLowerCase();
    const limit = Math.min(target.length <= 4 ? 1 : 2, Math.ceil(target.length / 2) - 1);
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        // The distance is at least the difference in length: most candidates need no table (a
        // file with thousands of unresolved names asks this once per name).
        if (candidate === written || Math.abs(candidate.length - target.length) > limit) {
            continue;
        }
        const distance = editDistance(target, candidate.toLowerCase(), limit);
        if (distance <= limit && (!best || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}
