/**
 * Renders the table model as an Excel workbook (exceljs): one sheet per table, amounts stored
 * as numbers with a euro format, totals as SUM formulas so the sheet stays live. Ready to print:
 * a title row, columns as wide as their content, wrapped text, landscape A4 fitted to the page
 * width, title and header repeated on every page.
 */
import ExcelJS from 'exceljs';
import { spreadsheetFraction, spreadsheetMoney } from '../language/model/numbers.js';
import type { CellValue, PlanTables, Table } from './table-model.js';
import { declaredNote, formatCell, hasDeclared } from './render.js';

const MONEY_FORMAT = '[$€-410] #,##0.00';
const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0#%';

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
    let letters = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    }
    return letters;
}

/** The first data row: row 1 holds the title, row 2 the header. */
const FIRST_DATA_ROW = 3;
/** Excel's limit on a sheet name is 31 characters; room is left for a " 2" when names repeat. */
const SHEET_NAME_LENGTH = 28;

/** A sheet name from a title, cut at a word boundary (the whole title is in the sheet's first row). */
function sheetName(title: string, used: Set<string>): string {
    const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
    const cut = clean.length <= SHEET_NAME_LENGTH ? clean : clean.slice(0, SHEET_NAME_LENGTH + 1).replace(/\s+\S*$/, '').replace(/[\s–—-]+$/, '');
    const base = cut || clean.slice(0, SHEET_NAME_LENGTH) || 'Tabella';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
        name = `${base.slice(0, 27 - String(i).length)} ${i}`;
    }
    used.add(name.toLowerCase());
    return name;
}

function numberOf(cell: CellValue): number | undefined {
    switch (cell.kind) {
        case 'money': return spreadsheetMoney(cell.cents);
        case 'count': return cell.value;
        case 'percent': return spreadsheetFraction(cell.value);
        default: return undefined;
    }
}

/** `SUM(B3:B5,B7)-SUM(B6)` for the rows a total adds up, in spreadsheet rows. */
function sumFormula(column: string, rows: readonly { row: number; sign: 1 | -1 }[]): string {
    const ranges = (sign: 1 | -1) => {
        const numbers = rows.filter(r => r.sign === sign).map(r => r.row + FIRST_DATA_ROW).sort((a, b) => a - b);
        const parts: string[] = [];
        for (let i = 0; i < numbers.length; i++) {
            let j = i;
            while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) {
                j++;
            }
            parts.push(i === j ? `${column}${numbers[i]}` : `${column}${numbers[i]}:${column}${numbers[j]}`);
            i = j;
        }
        return parts;
    };
    const positive = ranges(1);
    const negative = ranges(-1);
    return `${positive.length ? `SUM(${positive.join(',')})` : '0'}${negative.length ? `-SUM(${negative.join(',')})` : ''}`;
}

/** How wide a column must be to show its header and every cell whole (text wraps past 60 characters). */
function columnWidth(table: Table, index: number, check: boolean): number {
    const column = table.columns[index];
    const texts = [column?.header ?? 'Verifica', ...table.rows.map(row => index < table.columns.length
        ? formatCell(row.cells[index] ?? { kind: 'empty' }) : check ? declaredNote(table, row) : '')];
    const longest = Math.max(...texts.map(text => text.length));
    return column === undefined || column.kind === 'text' ? Math.min(60, Math.max(12, longest + 2)) : Math.max(12, longest + 3);
}

/** Spreadsheets do not grow a row for wrapped text they did not lay out themselves: give it the lines it needs. */
function fitHeight(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, width: number): void {
    let lines = 1;
    for (let i = 1; i <= width; i++) {
        const value = row.getCell(i).value;
        if (typeof value === 'string') {
            // Counted in wide characters: a row may get a line more than it needs, never one less (bold headings).
            const room = Math.max(1, (sheet.getColumn(i).width ?? 12) - 2);
            lines = Math.max(lines, Math.ceil(value.length / room));
        }
    }
    if (lines > 1) {
        row.height = 15 * lines;
    }
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, used: Set<string>): void {
    const check = hasDeclared(table);
    const width = table.columns.length + (check ? 1 : 0);
    const sheet = workbook.addWorksheet(sheetName(table.title, used), {
        views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }],
        pageSetup: {
            paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
            printTitlesRow: `1:${FIRST_DATA_ROW - 1}`,
            margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 }
        },
        headerFooter: { oddFooter: '&L&A&RPagina &P di &N' }
    });
    const title = sheet.addRow([table.title]);
    title.font = { bold: true, size: 13 };
    sheet.mergeCells(1, 1, 1, width);
    const header = sheet.addRow([...table.columns.map(c => c.header), ...(check ? ['Verifica'] : [])]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.eachCell(cell => {
        cell.border = { bottom: { style: 'thin' } };
    });
    for (let i = 0; i < width; i++) {
        const column = table.columns[i];
        const sheetColumn = sheet.getColumn(i + 1);
        sheetColumn.width = columnWidth(table, i, check);
        if (column) {
            sheetColumn.numFmt = column.kind === 'money' ? MONEY_FORMAT : column.kind === 'count' ? COUNT_FORMAT : column.kind === 'percent' ? PERCENT_FORMAT : '@';
            // Figures on the first line of their row, beside the title they belong to.
            sheetColumn.alignment = { vertical: 'top' };
        }
        if (!column || column.kind === 'text') {
            sheetColumn.alignment = { wrapText: true, vertical: 'top' };
        }
    }
    table.rows.forEach(row => {
        const added = sheet.addRow([]);
        row.cells.forEach((cell, i) => {
            const target = added.getCell(i + 1);
            const value = numberOf(cell);
            const column = table.columns[i];
            if (value !== undefined && row.sumOf && row.sumOf.length > 0 && (column.kind === 'money' || column.kind === 'count')) {
                target.value = { formula: sumFormula(columnLetter(i), row.sumOf), result: value };
            } else if (value !== undefined) {
                target.value = value;
            } else if (cell.kind === 'text') {
                target.value = formatCell(cell);
            }
        });
        if (check && (row.declared || row.exceeds)) {
            added.getCell(table.columns.length + 1).value = declaredNote(table, row);
        }
        // A declared figure that differs, as the HTML marks it; a limit exceeded, darker, as the over-allocation.
        for (const column of row.declared?.keys() ?? []) {
            added.getCell(column + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } };
        }
        for (const column of row.exceeds?.keys() ?? []) {
            added.getCell(column + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBD3CF' } };
        }
        fitHeight(sheet, added, width);
        if (row.role !== 'item') {
            added.font = { bold: true };
        }
    });
}

/** The workbook as a buffer; only the CLI and the extension write it to a file. */
export async function renderXlsx(tables: PlanTables): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'cpiplan';
    workbook.title = tables.title ?? tables.plan;
    const used = new Set<string>();
    for (const table of tables.tables) {
        addSheet(workbook, table, used);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
