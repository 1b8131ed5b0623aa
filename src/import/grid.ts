/**
 * Tables as an analyst pastes them out of Word or a PDF, or as a spreadsheet holds them: rows of
 * cells, each with its text and whether it was bold. Euro signs in a cell of their own are
 * merged with the figure beside them; `<b>`/`<i>` markers are read and dropped; blank cells kept.
 */
export interface GridCell {
    readonly text: string;
    readonly bold: boolean;
}
export type GridRow = readonly GridCell[];

const markup = /<\/?(b|i|strong|em|u)>/gi;

/** One cell of pasted text. */
export function cellOf(raw: string): GridCell {
    const bold = /<(b|strong)>/i.test(raw);
    return { text: raw.replace(markup, '').replace(/\u00a0/g, ' ').trim(), bold };
}

/** Merges a lone `€` with the figure in the next non-empty cell (`€\t450.000,00`) and drops the empty cell it leaves. */
export function mergeEuroCells(row: GridRow): GridRow {
    const out: GridCell[] = [];
    for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        if (cell && cell.text === '€') {
            const next = row.slice(i + 1).findIndex(c => c.text !== '');
            const target = next >= 0 ? row[i + 1 + next] : undefined;
            if (target && amountOf(target.text) !== undefined) {
                out.push({ text: `€ ${target.text}`, bold: cell.bold || target.bold });
                i += next + 1;
                continue;
            }
        }
        if (cell) {
            out.push(cell);
        }
    }
    return out;
}

/** Tab-separated text (Word, a PDF, a spreadsheet's clipboard) as rows; blank lines are kept as empty rows. */
export function gridOfText(text: string): GridRow[] {
    return text.replace(/^\ufeff/, '').split(/\r?\n/).map(line => line.split('\t').map(cellOf));
}

/**
 * A money figure as the plans print it, in cents: `€ 1.640.250,18`, `70.000,00 €`, `24600,00`
 * (a CSV of `cpiplan tables`), `€ 4.000.000`. Undefined when the text is not one.
 */
export function amountOf(raw: string): bigint | undefined {
    const text = raw.replace(/€|euro/gi, '').replace(/\s+/g, '').trim();
    let match = /^(-?)(\d{1,3}(?:\.\d{3})*|\d+),(\d{1,2})$/.exec(text);
    if (match) {
        const [, sign, whole = '0', cents = '0'] = match;
        const value = BigInt(whole.replace(/\./g, '')) * 100n + BigInt(cents.padEnd(2, '0'));
        return sign ? -value : value;
    }
    match = /^(-?)(\d{1,3}(?:\.\d{3})+)$/.exec(text);
    if (match && /€/.test(raw)) {
        const [, sign, whole = '0'] = match;
        const value = BigInt(whole.replace(/\./g, '')) * 100n;
        return sign ? -value : value;
    }
    match = /^(-?)(\d+)$/.exec(text);
    if (match && /€/.test(raw)) {
        const [, sign, whole = '0'] = match;
        return sign ? -BigInt(whole) * 100n : BigInt(whole) * 100n;
    }
    return undefined;
}
