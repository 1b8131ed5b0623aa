/** The reprogramming diff as tables (Markdown and the other renderers) and as JSON. */
import type { Change, DiffStatus, PlanDiff } from '../language/model/diff.js';
import { movesAgainstDiff, type MoveAgreement } from '../language/model/diff-moves.js';
import { formatMoney, formatPercentage } from '../language/model/numbers.js';
import { empty, money, text, type PlanTables, type Table, type TableRow } from './table-model.js';

const statusWords: Record<DiffStatus, string> = {
    unchanged: 'invariata', changed: 'modificata', added: 'aggiunta', removed: 'eliminata', moved: 'spostata'
};

const arrow = (c: Change | undefined) => c === undefined ? '' : `${c.before === undefined ? '—' : formatMoney(c.before)} → ${c.after === undefined ? '—' : formatMoney(c.after)}`;
const moneyCells = (c: Change) => [money(c.before), money(c.after), money(c.change)];

/** The diff as tables: sources, lines and items, caps. */
export function diffTables(diff: PlanDiff): PlanTables {
    const sources: Table = {
        id: 'fonti', group: 'finance', title: 'Fonti di finanziamento',
        columns: [
            { header: 'Fonte', kind: 'text' },
            { header: 'Assegnato prima', kind: 'money' }, { header: 'Assegnato dopo', kind: 'money' }, { header: 'Variazione', kind: 'money' },
            { header: 'Programmato prima', kind: 'money' }, { header: 'Programmato dopo', kind: 'money' }, { header: 'Variazione', kind: 'money' }
        ],
        rows: diff.sources.map(s => ({ role: 'item', cells: [text(s.label), ...moneyCells(s.assigned), ...moneyCells(s.programmed)] }))
    };
    const rows: TableRow[] = [];
    for (const line of diff.lines) {
        const label = /^\d/.test(line.key) ? `${line.key} - ${line.title}` : line.title;
        rows.push({
            role: 'subtotal',
            cells: [text(label), text(statusWords[line.status]), ...moneyCells(line.total), ...diff.sourceNames.map(n => text(arrow(line.bySource.get(n))))]
        });
        for (const item of line.items) {
            const status = item.movedFrom ? `${statusWords[item.status]} da ${item.movedFrom}` : statusWords[item.status];
            rows.push({
                role: 'item',
                cells: [text(item.title), text(status), ...moneyCells(item.amount), ...diff.sourceNames.map(n => text(arrow(item.bySource.get(n))))]
            });
        }
    }
    rows.push({
        role: 'total',
        cells: [text('Totale generale'), empty, ...moneyCells(diff.grandTotal),
            ...diff.sourceNames.map(n => text(arrow(diff.sources.find(s => s.name === n)?.programmed)))]
    });
    const lines: Table = {
        id: 'linee', group: 'finance', title: 'Linee di intervento e voci',
        columns: [
            { header: 'Linea / voce', kind: 'text' }, { header: 'Stato', kind: 'text' },
            { header: 'Prima', kind: 'money' }, { header: 'Dopo', kind: 'money' }, { header: 'Variazione', kind: 'money' },
            ...diff.sourceNames.map(n => ({ header: `Su ${n}`, kind: 'text' as const }))
        ],
        rows
    };
    const caps: Table = {
        id: 'tetti', group: 'finance', title: 'Tetti di spesa',
        columns: [
            { header: 'Linea', kind: 'text' }, { header: 'Tetto', kind: 'text' },
            { header: 'Tetto prima', kind: 'money' }, { header: 'Tetto dopo', kind: 'money' },
            { header: 'Imputato prima', kind: 'money' }, { header: 'Imputato dopo', kind: 'money' },
            { header: 'Margine prima', kind: 'money' }, { header: 'Margine dopo', kind: 'money' }
        ],
        rows: diff.lines.flatMap(line => line.caps.map(cap => ({
            role: 'item' as const,
            cells: [text(line.key), text(`Max ${formatPercentage(cap.rate)} su ${cap.source}`),
                money(cap.cap.before), money(cap.cap.after), money(cap.charged.before), money(cap.charged.after),
                money(cap.headroom.before), money(cap.headroom.after)]
        })))
    };
    const moves = movesTable(movesAgainstDiff(diff));
    return {
        plan: diff.before.plan.region === diff.after.plan.region ? diff.after.plan.region ?? '' : `${diff.before.plan.region ?? ''} → ${diff.after.plan.region ?? ''}`,
        title: 'Riprogrammazione delle risorse',
        tables: [sources, lines, ...(caps.rows.length > 0 ? [caps] : []), ...(moves ? [moves] : [])]
    };
}

const agreementLabel = (a: MoveAgreement) => 'line' in a.what ? `Linea ${a.what.line}` : `Fonte ${a.what.source}`;

/**
 * The moves the older version declares against the diff: per line and source the change they
 * make and the change found, a disagreement marked as a declared figure that differs. None
 * when the older version moves nothing.
 */
function movesTable(agreements: readonly MoveAgreement[]): Table | undefined {
    if (agreements.length === 0) {
        return undefined;
    }
    const wrong = agreements.filter(a => !a.agrees).length;
    return {
        id: 'spostamenti-dichiarati', group: 'reprogramming', title: 'Spostamenti dichiarati nella versione precedente e differenze trovate',
        columns: [
            { header: 'Linea / fonte', kind: 'text' }, { header: 'Variazione dichiarata', kind: 'money' },
            { header: 'Variazione trovata', kind: 'money' }, { header: 'Esito', kind: 'text' }
        ],
        rows: [
            ...agreements.map((a): TableRow => ({
                role: 'item',
                cells: [text(agreementLabel(a)), money(a.declared), money(a.found), text(a.agrees ? 'concorda' : 'non concorda')],
                declared: a.agrees ? undefined : new Map([[2, money(a.declared)]])
            })),
            {
                role: 'total',
                cells: [text('Esito'), empty, empty, text(wrong === 0 ? 'le differenze concordano con gli spostamenti dichiarati'
                    : `non concorda su ${wrong} ${wrong === 1 ? 'cifra' : 'cifre'}`)]
            }
        ]
    };
}

const jsonChange = (c: Change) => ({
    before: c.before?.toString() ?? null, after: c.after?.toString() ?? null, change: c.change.toString()
});

/** The diff as JSON, amounts in cents as strings. */
export function diffJson(diff: PlanDiff): string {
    const bySource = (map: ReadonlyMap<string, Change>) => Object.fromEntries([...map].map(([k, v]) => [k, jsonChange(v)]));
    const agreements = movesAgainstDiff(diff);
    return JSON.stringify({
        sources: diff.sources.map(s => ({ name: s.name, label: s.label, assigned: jsonChange(s.assigned), programmed: jsonChange(s.programmed) })),
        lines: diff.lines.map(l => ({
            key: l.key, title: l.title, status: l.status, total: jsonChange(l.total), bySource: bySource(l.bySource),
            items: l.items.map(i => ({ title: i.title, status: i.status, movedFrom: i.movedFrom ?? null, amount: jsonChange(i.amount), bySource: bySource(i.bySource) })),
            caps: l.caps.map(c => ({ source: c.source, rate: formatPercentage(c.rate), cap: jsonChange(c.cap), charged: jsonChange(c.charged), headroom: jsonChange(c.headroom) }))
        })),
        grandTotal: jsonChange(diff.grandTotal),
        // The moves the older version declares against the changes found; null when it declares none.
        moves: agreements.length === 0 ? null : {
            agrees: agreements.every(a => a.agrees),
            figures: agreements.map(a => ({
                ...'line' in a.what ? { line: a.what.line } : { source: a.what.source },
                declared: a.declared.toString(), found: a.found.toString(), agrees: a.agrees
            }))
        }
    }, null, 2) + '\n';
}
