/**
 * Renders the table model as an Excel workbook (exceljs): one sheet per table, amounts stored
 * as numbers with a euro format, totals as SUM formulas so the sheet stays live, frozen header.
 */
import ExcelJS from 'exceljs';
import type { CellValue, PlanTables, Table } from './table-model.js';
import { declaredNote, formatCell } from './render.js';

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

function sheetName(title: string, used: Set<string>): string {
    const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Tabella';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
        name = `${base.slice(0, 27 - String(i).length)} ${i}`;
    }
    used.add(name.toLowerCase());
    return name;
}

function numberOf(cell: CellValue): number | undefined {
    switch (cell.kind) {
        case 'money': return Number(cell.cents) / 100;
        case 'count': return cell.value;
        case 'percent': return Number(cell.value.units) / 10 ** cell.value.scale / 100;
        default: return undefined;
    }
}

/** `SUM(B3:B5,B7)-SUM(B6)` for the rows a total adds up, in spreadsheet rows. */
function sumFormula(column: string, rows: readonly { row: number; sign: 1 | -1 }[]): string {
    const ranges = (sign: 1 | -1) => {
        const numbers = rows.filter(r => r.sign === sign).map(r => r.row + 2).sort((a, b) => a - b);
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

function addSheet(workbook: ExcelJS.Workbook, table: Table, used: Set<string>): void {
    const sheet = workbook.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const check = table.rows.some(r => r.declared);
    const header = sheet.addRow([...table.columns.map(c => c.header), ...(check ? ['Verifica'] : [])]);
    header.font = { bold: true };
    table.columns.forEach((column, i) => {
        const sheetColumn = sheet.getColumn(i + 1);
        sheetColumn.width = column.kind === 'text' ? Math.min(60, Math.max(12, column.header.length + 2)) : 16;
        sheetColumn.numFmt = column.kind === 'money' ? MONEY_FORMAT : column.kind === 'count' ? COUNT_FORMAT : column.kind === 'percent' ? PERCENT_FORMAT : '@';
    });
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
        if (check && row.declared) {
            added.getCell(table.columns.length + 1).value = declaredNote(table, row);
        }
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
