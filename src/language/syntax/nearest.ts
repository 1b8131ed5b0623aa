/** The known word nearest to a misspelt one: `linee` → `linea`, `vocce` → `voce`, `totle` → `totale`. */

/** Edit distance with transpositions (optimal string alignment): insertions, deletions, substitutions, swaps of neighbours. */
export function editDistance(a: string, b: string): number {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i === 0 ? j : j === 0 ? i : 0));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    return rows[a.length][b.length];
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
        const distance = candidate === written ? Infinity : editDistance(target, candidate.toLowerCase());
        if (distance <= limit && (!best || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}
