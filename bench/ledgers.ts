/**
 * Ledgers of plain-text accounting for the side-by-side benchmark: the same transactions as a
 * Beancount file (`bean-check -C`) and as a Ledger journal (`ledger bal`, `hledger check`), each
 * exactly `targetLines` lines long, shaped like a synthetic plan: offices, sources, items.
 */

const sources = ['B', 'C', 'R'];
const items = 20;

function offices(targetLines: number): number {
    return Math.max(2, Math.round(targetLines / 100));
}

function date(n: number): string {
    const day = new Date(Date.UTC(2019, 0, 1) + (n % 1000) * 86_400_000);
    return day.toISOString().slice(0, 10);
}

/** Pads with comment lines (`;` is a comment in all three) up to exactly `targetLines`. */
function finish(out: string[], targetLines: number): string {
    while (out.length < targetLines) {
        out.push(';');
    }
    return out.join('\n') + '\n';
}

/** A Beancount file: `open` directives, then transactions of four lines (date, two postings, blank). */
export function beancountLedger(targetLines: number): string {
    const out: string[] = ['option "operating_currency" "EUR"'];
    for (const s of sources) {
        out.push(`2019-01-01 open Assets:Fondo:${s} EUR`);
    }
    for (let o = 0; o < offices(targetLines); o++) {
        out.push(`2019-01-01 open Expenses:Ufficio${o} EUR`);
    }
    out.push(`2019-01-01 open Equity:Apertura EUR`);
    for (const s of sources) {
        out.push(`2019-01-01 * "Assegnazione ${s}"`, `  Assets:Fondo:${s}  900000000.00 EUR`, '  Equity:Apertura', '');
    }
    let n = 0;
    while (out.length + 4 <= targetLines) {
        const office = n % offices(targetLines);
        out.push(`${date(n)} * "Voce ${Math.floor(n / items)}.${n % items}"`,
            `  Expenses:Ufficio${office}  1234.50 EUR`,
            `  Assets:Fondo:${sources[n % 3]}  -1234.50 EUR`,
            '');
        n++;
    }
    return finish(out, targetLines);
}

/** A Ledger journal (read by ledger and hledger alike) with the same transactions. */
export function ledgerJournal(targetLines: number): string {
    const out: string[] = ['; cpiplan benchmark journal'];
    for (const s of sources) {
        out.push(`account Assets:Fondo:${s}`);
    }
    for (let o = 0; o < offices(targetLines); o++) {
        out.push(`account Expenses:Ufficio${o}`);
    }
    out.push('account Equity:Apertura');
    for (const s of sources) {
        out.push(`2019-01-01 Assegnazione ${s}`, `    Assets:Fondo:${s}  900000000.00 EUR`, '    Equity:Apertura', '');
    }
    let n = 0;
    while (out.length + 4 <= targetLines) {
        const office = n % offices(targetLines);
        out.push(`${date(n)} Voce ${Math.floor(n / items)}.${n % items}`,
            `    Expenses:Ufficio${office}  1234.50 EUR`,
            `    Assets:Fondo:${sources[n % 3]}  -1234.50 EUR`,
            '');
        n++;
    }
    return finish(out, targetLines);
}
