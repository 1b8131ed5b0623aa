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
        return { row, label: rowLabel(row), cells, total: Number(sum.value) };
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
        const grand = new Sum();
        for (const sum of sums) {
            grand.add(sum.complete ? sum.value : undefined);
        }
        if (declared && rows.length === 0) {
            // Only totals are given: the grand total must be the sum of the column totals.
            const declaredColumns = new Sum();
            for (const column of declared.columns) {
                declaredColumns.add(count(column));
            }
            checks.push(...countCheck(declared.grand, declaredColumns, { of: 'statistics-grand', group }));
        } else if (declared) {
            declared.columns.forEach((column, i) => {
                checks.push(...countCheck(column, sums[i] ?? new Sum(), { of: 'statistics-column', column: table.columns[i] ?? String(i + 1), group }));
            });
            checks.push(...countCheck(declared.grand, grand, { of: 'statistics-grand', group }));
        }
        return { group: node, title: group, rows: figures, columnTotals: sums.map(sum => Number(sum.value)), grand: Number(grand.value) };
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
