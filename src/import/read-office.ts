/**
 * Reads spreadsheets (exceljs) and Word files (mammoth) into grids and prose. Its own bundle
 * (out/import.cjs), loaded only by `cpiplan import` on such a file.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { cellOf, type GridCell, type GridRow } from './grid.js';
import { euro } from './write-plan.js';

function cellText(value: ExcelJS.CellValue): string {
    if (value === null || value === undefined) {
        return '';
    }
    if (typeof value === 'number') {
        return Number.isInteger(value) && Math.abs(value) < 10_000 ? String(value) : euro(BigInt(Math.round(value * 100)));
    }
    if (typeof value === 'object' && 'result' in value) {
        return cellText(value.result as ExcelJS.CellValue);
    }
    if (typeof value === 'object' && 'richText' in value) {
        return value.richText.map(r => r.text).join('');
    }
    if (typeof value === 'object' && !(value instanceof Date)) {
        // A formula without a stored result, an error, a hyperlink: its text when it has one.
        return 'text' in value && typeof value.text === 'string' ? value.text : '';
    }
    return String(value);
}

/** The first worksheet holding amounts, as a grid (bold kept). */
export async function gridOfXlsx(buffer: Buffer): Promise<GridRow[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: GridRow[] = [];
    sheet?.eachRow({ includeEmpty: true }, row => {
        const cells: GridCell[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
            const cell = row.getCell(c);
            cells.push({ text: cellText(cell.value).trim(), bold: cell.font?.bold === true });
        }
        rows.push(cells);
    });
    return rows;
}

const decode = (html: string) => html.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

export interface WordContent {
    readonly grid: GridRow[];
    /** Headings and paragraphs outside tables, in order. */
    readonly prose: { readonly heading?: number; readonly text: string }[];
}

/** A DOCX's tables (as one grid, a blank row between tables) and its prose. */
export async function readDocx(buffer: Buffer): Promise<WordContent> {
    const { value: html } = await mammoth.convertToHtml({ buffer });
    const grid: GridRow[] = [];
    const prose: { heading?: number; text: string }[] = [];
    const parts = html.split(/(<table>[\s\S]*?<\/table>)/);
    for (const part of parts) {
        if (part.startsWith('<table>')) {
            for (const tr of part.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
                grid.push((tr.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/g) ?? []).map(td => {
                    const bold = /<strong>/.test(td);
                    return { ...cellOf(decode(td)), bold };
                }));
            }
            grid.push([]);
        } else {
            for (const match of part.matchAll(/<(h[1-6]|p|li)>([\s\S]*?)<\/\1>/g)) {
                const text = decode(match[2] ?? '');
                if (text !== '') {
                    const level = /^h(\d)$/.exec(match[1] ?? '')?.[1];
                    prose.push({ heading: level ? Number(level) : undefined, text });
                }
            }
        }
    }
    return { grid, prose };
}
