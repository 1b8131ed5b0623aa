/** Renders the table model as Markdown, HTML, CSV and JSON. Pure: returns strings. */
import escapeHtml from 'escape-html';
import { stringify } from 'csv-stringify/sync';
import { csvMoney, csvPercentage, formatInteger, formatMoney, formatPercentage, jsonPercentage } from '../language/model/numbers.js';
import type { CapChart, CellValue, PlanTables, Table, TableRow } from './table-model.js';

/** A cell written the Italian way: `€ 1.640.250,18`, `12.449`, `1,5%`. */
export function formatCell(cell: CellValue): string {
    switch (cell.kind) {
        case 'text': return cell.text;
        case 'money': return formatMoney(cell.cents);
        case 'count': return formatInteger(cell.value);
        case 'percent': return formatPercentage(cell.value);
        case 'empty': return '';
    }
}

/** What a row's check column says: the declared figures that differ from the computed ones, the limits exceeded. */
export function declaredNote(table: Table, row: TableRow): string {
    const header = (column: number) => table.columns[column]?.header ? `${table.columns[column].header}: ` : '';
    return [
        ...[...row.declared ?? []].map(([column, value]) => `${header(column)}dichiarato ${formatCell(value)}, calcolato ${formatCell(row.cells[column])}`),
        ...[...row.exceeds ?? []].map(([column, limit]) => `${header(column)}${formatCell(row.cells[column])} oltre l'assegnato di ${formatCell(limit)}`)
    ].join('; ');
}

/** Whether a table needs a check column: some row declares a figure that differs or exceeds a limit. */
export const hasDeclared = (table: Table) => table.rows.some(r => r.declared || r.exceeds);

function markdownCell(value: string): string {
    return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** GitHub-flavoured Markdown: a heading and a table per table; totals in bold; declared figures that differ next to the computed ones. */
export function renderMarkdown(tables: PlanTables): string {
    const out: string[] = [`# ${markdownCell(tables.plan)}${tables.title ? ` — ${markdownCell(tables.title)}` : ''}`, ''];
    for (const table of tables.tables) {
        out.push(`## ${markdownCell(table.title)}`, '');
        out.push(`| ${table.columns.map(c => markdownCell(c.header)).join(' | ')} |`);
        out.push(`|${table.columns.map(c => c.kind === 'text' ? ' --- ' : ' ---: ').join('|')}|`);
        for (const row of table.rows) {
            const cells = row.cells.map((cell, i) => {
                let value = markdownCell(formatCell(cell));
                const declared = row.declared?.get(i);
                if (declared) {
                    value += ` (dichiarato ${markdownCell(formatCell(declared))})`;
                }
                const limit = row.exceeds?.get(i);
                if (limit) {
                    value += ` (oltre l'assegnato di ${markdownCell(formatCell(limit))})`;
                }
                const strong = value !== '' && (row.role === 'subtotal' || row.role === 'total' || (row.role === 'heading' && i === 0));
                return strong ? `**${value}**` : value;
            });
            out.push(`| ${cells.join(' | ')} |`);
        }
        out.push('');
    }
    return out.join('\n');
}

const htmlStyle = `
body { font-family: "Titillium Web", "Segoe UI", Arial, sans-serif; margin: 2rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin-bottom: 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #e8edf3; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.heading td { font-weight: bold; background: #f4f6f8; }
tr.subtotal td, tr.total td { font-weight: bold; }
tr.total td { border-top: 2px solid #333; }
td.mismatch { background: #fdecea; }
td.over { background: #fbd3cf; color: #8a1c12; }
.declared { display: block; font-weight: normal; font-size: 0.8rem; color: #a4261b; }
@media print { body { margin: 0; } section { break-inside: avoid; } th { background: none; } }`;

/** A standalone, print-friendly HTML page; every piece of plan text is escaped. */
export function renderHtml(tables: PlanTables): string {
    const title = `${tables.plan}${tables.title ? ` — ${tables.title}` : ''}`;
    return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${htmlStyle}
</style>
</head>
<body>
${renderHtmlSections(tables)}
</body>
</html>
`;
}

/** The page's body alone — heading and one section per table — for a page with its own head (the editor preview). */
export function renderHtmlSections(tables: PlanTables): string {
    const title = `${tables.plan}${tables.title ? ` — ${tables.title}` : ''}`;
    const sections = tables.tables.map(table => {
        const head = table.columns.map(c => `<th${c.kind === 'text' ? '' : ' class="num"'}>${escapeHtml(c.header)}</th>`).join('');
        const body = table.rows.map(row => {
            const cells = row.cells.map((cell, i) => {
                const declared = row.declared?.get(i);
                const limit = row.exceeds?.get(i);
                const classes = [table.columns[i]?.kind !== 'text' ? 'num' : '', declared ? 'mismatch' : '', limit ? 'over' : ''].filter(Boolean).join(' ');
                const note = (declared ? `<span class="declared">dichiarato ${escapeHtml(formatCell(declared))}</span>` : '')
                    + (limit ? `<span class="declared">oltre l'assegnato di ${escapeHtml(formatCell(limit))}</span>` : '');
                return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(formatCell(cell))}${note}</td>`;
            }).join('');
            return `<tr class="${row.role}">${cells}</tr>`;
        }).join('\n');
        return `<section id="${escapeHtml(table.id)}">\n<h2>${escapeHtml(table.title)}</h2>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</section>`;
    }).join('\n');
    return `<h1>${escapeHtml(title)}</h1>\n${sections}`;
}

/** A number as Italian Excel reads it from CSV: decimal comma, no thousands separator. */
function csvNumber(cell: CellValue): string {
    switch (cell.kind) {
        case 'money': return csvMoney(cell.cents);
        case 'count': return String(cell.value);
        case 'percent': return csvPercentage(cell.value);
        default: return formatCell(cell);
    }
}

/** CSV for Italian Excel: `;` separator, UTF-8 with BOM, decimal comma; tables one after another, each under its title. */
export function renderCsv(tables: PlanTables): string {
    const records: string[][] = [];
    tables.tables.forEach((table, index) => {
        if (index > 0) {
            records.push([]);
        }
        const check = hasDeclared(table);
        records.push([table.title]);
        records.push([...table.columns.map(c => c.header), ...(check ? ['Verifica'] : [])]);
        for (const row of table.rows) {
            records.push([...row.cells.map(csvNumber), ...(check ? [declaredNote(table, row)] : [])]);
        }
    });
    return '\ufeff' + stringify(records, { delimiter: ';', record_delimiter: 'windows' });
}

function jsonCell(cell: CellValue): unknown {
    switch (cell.kind) {
        case 'money': return { kind: 'money', cents: cell.cents.toString(), text: formatCell(cell) };
        case 'percent': return { kind: 'percent', value: jsonPercentage(cell.value), text: formatCell(cell) };
        case 'count': return cell.value;
        case 'text': return cell.text;
        case 'empty': return null;
    }
}

/** JSON: exact amounts as strings of cents, with their Italian text. */
export function renderJson(tables: PlanTables): string {
    return JSON.stringify({
        plan: tables.plan,
        title: tables.title ?? null,
        tables: tables.tables.map(table => ({
            id: table.id,
            group: table.group,
            title: table.title,
            columns: table.columns,
            rows: table.rows.map(row => ({
                role: row.role,
                cells: row.cells.map(jsonCell),
                ...(row.declared ? { declared: Object.fromEntries([...row.declared].map(([i, v]) => [String(i), jsonCell(v)])) } : {}),
                ...(row.exceeds ? { exceeds: Object.fromEntries([...row.exceeds].map(([i, v]) => [String(i), jsonCell(v)])) } : {})
            }))
        }))
    }, null, 2) + '\n';
}

/** The stylesheet of the HTML tables, for a page that embeds them. */
export const tableStyle = htmlStyle;

/** An SVG bar chart per source: charged (bar) against the cap (line), each line's label and figures escaped. */
export function renderCapCharts(charts: readonly CapChart[]): string {
    return charts.map(chart => {
        const height = 28 * chart.bars.length + 30;
        const max = chart.bars.flatMap(b => [b.cap, b.charged]).reduce((m, v) => (v > m ? v : m), 1n);
        const scale = (v: bigint) => Math.round(Number((v * 1000n) / max) * 0.36);
        const bars = chart.bars.map((bar, i) => {
            const y = 20 + i * 28;
            const over = bar.charged > bar.cap;
            return `<text x="0" y="${y + 14}" class="label">${escapeHtml(bar.line)}</text>`
                + `<rect x="60" y="${y}" width="${scale(bar.charged)}" height="18" class="${over ? 'over' : 'charged'}"><title>${escapeHtml(formatMoney(bar.charged))}</title></rect>`
                + `<line x1="${60 + scale(bar.cap)}" x2="${60 + scale(bar.cap)}" y1="${y - 3}" y2="${y + 21}" class="cap"><title>${escapeHtml(formatMoney(bar.cap))}</title></line>`
                + `<text x="${70 + Math.max(scale(bar.charged), scale(bar.cap))}" y="${y + 14}" class="figures">${escapeHtml(`${formatMoney(bar.charged)} / ${formatMoney(bar.cap)}`)}</text>`;
        }).join('');
        return `<figure class="cap-chart"><figcaption>${escapeHtml(chart.source)}</figcaption>`
            + `<svg role="img" width="720" height="${height}" viewBox="0 0 720 ${height}">${bars}</svg></figure>`;
    }).join('\n');
}
