/**
 * Context statistics (Marche Tab. 5–8): row totals, group and table column totals, grand
 * totals, each checked against what the document declares.
 */
import type { Plan, StatisticsGroup, StatisticsRow, StatisticsTable, StatisticsTotal } from '../generated/ast.js';
import { elementsOf } from './elements.js';
import type { Check, StatisticsBlockFigures, StatisticsFigures, StatisticsRowFigures } from './figures.js';
import { count } from './reader.js';
import { countCheck, Sum } from './sum.js';

export function evaluateStatistics(plan: Plan): { statistics: StatisticsFigures[]; checks: Check[] } {
    const checks: Check[] = [];
    const statistics = elementsOf(plan, 'StatisticsTable').map(table => evaluateTable(table, checks));
    return { statistics, checks };
}

function rowLabel(row: StatisticsRow): string {
    return row.office?.ref?.title ?? row.office?.$refText ?? row.label ?? '';
}

/** A sum as a figure to show: undefined when a part is unreadable. */
function figureOf(sum: Sum): number | undefined {
    return sum.complete ? Number(sum.value) : undefined;
}

function evaluateTable(table: StatisticsTable, checks: Check[]): StatisticsFigures {
    const rowFigures = (rows: StatisticsRow[]): StatisticsRowFigures[] => rows.map(row => {
        const sum = new Sum();
        const cells = row.cells.map(cell => {
            const value = cell.empty ? undefined : count(cell.value);
            if (!cell.empty) {
                sum.add(value);
            }
            return value;
        });
        checks.push(...countCheck(row.total, sum, { of: 'statistics-row', row: rowLabel(row) }));
        return { row, label: rowLabel(row), cells, total: figureOf(sum) };
    });
    /** Column totals and grand total of some rows, checked against what the document declares. */
    const block = (rows: StatisticsRow[], figures: StatisticsRowFigures[], declared: StatisticsTotal | undefined, node?: StatisticsGroup): StatisticsBlockFigures => {
        const group = node?.title;
        const sums: Sum[] = [];
        for (const row of rows) {
            row.cells.forEach((cell, i) => {
                sums[i] ??= new Sum();
                if (!cell.empty) {
                    sums[i].add(count(cell.value));
                }
            });
        }
        if (declared && rows.length === 0) {
            // Only totals are given: they are the figures, and the grand total must be the sum of the column totals.
            const columns = declared.columns.map(column => count(column));
            const declaredColumns = new Sum();
            columns.forEach(column => declaredColumns.add(column));
            checks.push(...countCheck(declared.grand, declaredColumns, { of: 'statistics-grand', group }));
            return { group: node, title: group, rows: figures, columnTotals: columns, grand: figureOf(declaredColumns) };
        }
        const grand = new Sum();
        for (const sum of sums) {
            grand.add(sum.complete ? sum.value : undefined);
        }
        if (declared) {
            declared.columns.forEach((column, i) => {
                checks.push(...countCheck(column, sums[i] ?? new Sum(), { of: 'statistics-column', column: table.columns[i] ?? String(i + 1), group }));
            });
            checks.push(...countCheck(declared.grand, grand, { of: 'statistics-grand', group }));
        }
        return { group: node, title: group, rows: figures, columnTotals: sums.map(figureOf), grand: figureOf(grand) };
    };
    const blocks = table.groups.map(group => block(group.rows, rowFigures(group.rows), group.total, group));
    const loose = rowFigures(table.rows);
    const all = [...table.groups.flatMap(g => g.rows), ...table.rows];
    const whole = block(all, [], table.total);
    if (loose.length > 0 || blocks.length === 0) {
        blocks.push(block(table.rows, loose, undefined));
    }
    return { table, blocks, columnTotals: whole.columnTotals, grand: whole.grand };
}
