/**
 * Renders the plan document as Markdown (the golden text the tests compare) and as a
 * print-ready HTML page (A4, table headers repeated on every page, page numbers). Pure.
 */
import escapeHtml from 'escape-html';
import { formatCell } from '../render.js';
import type { Table } from '../table-model.js';
import { draftLine, type Block, type ListEntry, type PlanDocument } from './document-model.js';

const oneLine = (value: string) => value.replace(/\r?\n/g, ' ');
const mdCell = (value: string) => oneLine(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

/** A figure with the declared one beside it when they differ, as every renderer shows it. */
function cellText(table: Table, row: number, column: number): string {
    const r = table.rows[row];
    const cell = r?.cells[column];
    if (!r || !cell) {
        return '';
    }
    const declared = r.declared?.get(column);
    const limit = r.exceeds?.get(column);
    return formatCell(cell)
        + (declared ? ` (dichiarato ${formatCell(declared)})` : '')
        + (limit ? ` (oltre l'assegnato di ${formatCell(limit)})` : '');
}

/** Markdown: the cover, the contents, then every block. */
export function renderDocumentMarkdown(document: PlanDocument): string {
    const { cover } = document;
    const out: string[] = [`# ${cover.region}`, ''];
    if (cover.title) { out.push(`**${cover.title}**`, ''); }
    if (cover.period) { out.push(`Periodo ${cover.period}`, ''); }
    if (cover.approvedBy) { out.push(cover.approvedBy, ''); }
    if (cover.problems > 0) { out.push(`**${draftLine(cover.problems)}**`, ''); }
    out.push('## Indice', '');
    for (const entry of document.contents) {
        out.push(`${'  '.repeat(entry.level - 1)}- ${oneLine(entry.title)}`);
    }
    out.push('');
    const list = (items: readonly ListEntry[], numbered: boolean, depth: number) => items.forEach((item, i) => {
        out.push(`${'  '.repeat(depth)}${numbered ? `${i + 1}.` : '-'} ${oneLine(item.text)}`);
        list(item.items, false, depth + 1);
    });
    for (const block of document.blocks) {
        switch (block.kind) {
            case 'heading':
                out.push(`${'#'.repeat(Math.min(block.level + 1, 6))} ${oneLine(block.title)}`, '');
                break;
            case 'paragraph':
                out.push(block.style === 'label' ? `**${oneLine(block.text)}**` : block.style === 'note' ? `_${oneLine(block.text)}_` : oneLine(block.text), '');
                break;
            case 'list':
                if (block.title) { out.push(`${oneLine(block.title)}:`, ''); }
                list(block.items, block.numbered, 0);
                out.push('');
                break;
            case 'table': {
                const t = block.table;
                out.push(`**${oneLine(t.title)}**`, '');
                out.push(`| ${t.columns.map(c => mdCell(c.header)).join(' | ')} |`);
                out.push(`|${t.columns.map(c => c.kind === 'text' ? ' --- ' : ' ---: ').join('|')}|`);
                t.rows.forEach((row, r) => {
                    const strong = row.role === 'subtotal' || row.role === 'total';
                    out.push(`| ${row.cells.map((_, c) => { const v = mdCell(cellText(t, r, c)); return strong && v ? `**${v}**` : v; }).join(' | ')} |`);
                });
                out.push('');
                block.notes.forEach(note => out.push(`_${oneLine(note)}_`, ''));
                break;
            }
        }
    }
    return out.join('\n');
}

const style = `
@page { size: A4; margin: 2cm 1.8cm 2.2cm 1.8cm;
  @bottom-center { content: "Pagina " counter(page) " di " counter(pages); font: 9pt "Titillium Web", Arial, sans-serif; color: #555; } }
body { font-family: "Titillium Web", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; hyphens: auto; }
.cover { page-break-after: always; text-align: center; padding-top: 6cm; }
.cover h1 { font-size: 26pt; margin: 0 0 1cm; } .cover .title { font-size: 15pt; } .cover .period, .cover .act { margin-top: .6cm; }
.cover .draft { margin-top: 2cm; font-size: 20pt; font-weight: bold; color: #a4261b; border: 3px solid #a4261b; display: inline-block; padding: .3cm .8cm; }
nav.toc { page-break-after: always; } nav.toc ol { list-style: none; padding-left: 1.2em; } nav.toc a { color: inherit; text-decoration: none; }
h2 { font-size: 15pt; margin-top: 1.2em; page-break-after: avoid; } h3 { font-size: 12.5pt; page-break-after: avoid; } h4, h5, h6 { font-size: 11pt; page-break-after: avoid; }
p { text-align: justify; margin: .4em 0; } p.note { font-style: italic; font-size: 9.5pt; } p.label { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: .6em 0 1em; page-break-inside: auto; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .3em; }
thead { display: table-header-group; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #888; padding: 2pt 4pt; vertical-align: top; }
th { background: #e8edf3; text-align: left; } td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.subtotal td, tr.total td, tr.heading td { font-weight: bold; } tr.heading td { background: #f4f6f8; } tr.total td { border-top: 2px solid #333; }
.declared { display: block; font-weight: normal; font-size: 7.5pt; color: #a4261b; }
.table-note { font-size: 8.5pt; font-style: italic; margin-top: -.6em; }
body.draft::before { content: "BOZZA"; position: fixed; top: 40%; left: 15%; font-size: 110pt; color: rgba(164, 38, 27, .08); transform: rotate(-30deg); z-index: -1; }`;

function htmlTable(table: Table): string {
    const head = table.columns.map(c => `<th${c.kind === 'text' ? '' : ' class="num"'}>${escapeHtml(c.header)}</th>`).join('');
    const body = table.rows.map(row => `<tr class="${row.role}">${row.cells.map((cell, i) => {
        const declared = row.declared?.get(i);
        const limit = row.exceeds?.get(i);
        const note = (declared ? `<span class="declared">dichiarato ${escapeHtml(formatCell(declared))}</span>` : '')
            + (limit ? `<span class="declared">oltre l'assegnato di ${escapeHtml(formatCell(limit))}</span>` : '');
        return `<td${table.columns[i]?.kind !== 'text' ? ' class="num"' : ''}>${escapeHtml(formatCell(cell))}${note}</td>`;
    }).join('')}</tr>`).join('\n');
    return `<table id="${escapeHtml(table.id)}">\n<caption>${escapeHtml(table.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function htmlList(items: readonly ListEntry[], numbered: boolean): string {
    const tag = numbered ? 'ol' : 'ul';
    return `<${tag}>${items.map(i => `<li>${escapeHtml(i.text)}${i.items.length > 0 ? htmlList(i.items, false) : ''}</li>`).join('')}</${tag}>`;
}

function htmlBlock(block: Block): string {
    switch (block.kind) {
        case 'heading': {
            const level = Math.min(block.level + 1, 6);
            return `<h${level} id="${block.id}">${escapeHtml(block.title)}</h${level}>`;
        }
        case 'paragraph': return `<p${block.style ? ` class="${block.style}"` : ''}>${escapeHtml(block.text)}</p>`;
        case 'list': return `${block.title ? `<p class="label">${escapeHtml(block.title)}</p>` : ''}${htmlList(block.items, block.numbered)}`;
        case 'table': return htmlTable(block.table) + block.notes.map(n => `<p class="table-note">${escapeHtml(n)}</p>`).join('');
    }
}

/** A standalone HTML page ready to print (or to turn into PDF): cover, contents, the plan. */
export function renderDocumentHtml(document: PlanDocument): string {
    const { cover } = document;
    const title = `${cover.region}${cover.title ? ` — ${cover.title}` : ''}`;
    const contents = (() => {
        const html: string[] = [];
        let depth = 0;
        for (const entry of document.contents) {
            while (depth < entry.level) { html.push('<ol>'); depth++; }
            while (depth > entry.level) { html.push('</ol>'); depth--; }
            html.push(`<li><a href="#${entry.id}">${escapeHtml(entry.title)}</a></li>`);
        }
        while (depth > 0) { html.push('</ol>'); depth--; }
        return html.join('');
    })();
    return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${style}
</style>
</head>
<body${cover.problems > 0 ? ' class="draft"' : ''}>
<section class="cover">
<h1>Regione ${escapeHtml(cover.region)}</h1>
${cover.title ? `<div class="title">${escapeHtml(cover.title)}</div>` : ''}
${cover.period ? `<div class="period">Periodo ${escapeHtml(cover.period)}</div>` : ''}
${cover.approvedBy ? `<div class="act">${escapeHtml(cover.approvedBy)}</div>` : ''}
${cover.problems > 0 ? `<div class="draft">${escapeHtml(draftLine(cover.problems))}</div>` : ''}
</section>
<nav class="toc"><h2>Indice</h2>${contents}</nav>
<main>
${document.blocks.map(htmlBlock).join('\n')}
</main>
</body>
</html>
`;
}
