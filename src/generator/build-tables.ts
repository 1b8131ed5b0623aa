/**
 * Builds the plan's official tables from its evaluation: the financial framework (section 2.2),
 * staff, hires, personnel costs, context statistics and indicators. Headers are in Italian, as
 * the tables go into the plan document.
 */
import type { AstNode } from 'langium';
import type { Activity, Area, Result } from '../language/generated/ast.js';
import type { ItemGroupFigures, PlanEvaluation, TotalCheck } from '../language/model/figures.js';
import { formatMeasure, formatMoney, formatPercentage } from '../language/model/numbers.js';
import { elementsOf } from '../language/model/elements.js';
import {
    count, empty, money, percent, text, type CapChart, type CellValue, type PlanTables, type Table, type TableColumn, type TableRow
} from './table-model.js';
import { tableGroups, type TableGroup } from '../protocol.js';
import {
    functionTables, governanceTable, municipalitiesTable, needsTables, objectivesTable, observatoryTable, reprogrammingTables, systemsTable, timelineTable
} from './outline-tables.js';

/** Collects rows and remembers their indices for subtotal formulas. */
class RowCollector {
    readonly rows: TableRow[] = [];
    add(row: TableRow): number {
        this.rows.push(row);
        return this.rows.length - 1;
    }
}

/** `3.1 - Title`, or what of the two is written: the parser leaves a missing title undefined whatever the AST type says. */
function lineHeading(code: string | undefined, title: string | undefined): string {
    return [code, title].filter(part => part !== undefined && part !== '').join(' - ');
}

/** `Personale in servizio al 31/12/2019`, or just `Personale in servizio` while the date is not written yet. */
function dated(words: string, preposition: string, value: string | undefined): string {
    return value ? [words, preposition, value].filter(part => part !== '').join(' ') : words;
}

const plus = (rows: number[]) => rows.map(row => ({ row, sign: 1 as const }));

function declaredCell(check: TotalCheck): CellValue {
    return check.unit === 'money' ? money(check.declared) : count(Number(check.declared));
}

/** The declared figures of a row that differ from the computed ones, from (column, declared node) pairs. */
function declaredOf(evaluation: PlanEvaluation, pairs: [number, AstNode | undefined][]): Map<number, CellValue> | undefined {
    const map = new Map<number, CellValue>();
    for (const [column, node] of pairs) {
        const check = node && evaluation.totalOf(node);
        if (check && check.difference !== 0n) {
            map.set(column, declaredCell(check));
        }
    }
    return map.size > 0 ? map : undefined;
}

/** Quadro finanziario: line → items, programmed amount, one column per source, the cap note. */
export function financeTable(evaluation: PlanEvaluation): Table | undefined {
    if (evaluation.lines.length === 0) {
        return undefined;
    }
    const sources = evaluation.sources;
    const columns: TableColumn[] = [
        { header: 'Linea di intervento', kind: 'text' },
        { header: 'Risorse programmate', kind: 'money' },
        ...sources.map(s => ({ header: `A valere su ${s.label}`, kind: 'money' as const })),
        { header: 'Note', kind: 'text' }
    ];
    const sourceColumn = (name: string) => 2 + sources.findIndex(s => s.source.name === name);
    const out = new RowCollector();
    const lineTotals: number[] = [];
    for (const line of evaluation.lines) {
        const title = lineHeading(line.line.code, line.line.title);
        const note = line.caps.map(cap => {
            const where = line.caps.length > 1 ? ` su ${cap.source.label}` : '';
            return `Max ${formatPercentage(cap.rate)} del totale assegnato${where} (${formatMoney(cap.cap)})`;
        }).join('; ');
        out.add({ role: 'heading', cells: [text(title), empty, ...sources.map(() => empty), text(note)] });
        // The line total adds up the items outside groups and each group's subtotal, written after its last item.
        const addends: number[] = [];
        const groupItems = new Map<ItemGroupFigures, number[]>();
        for (const item of line.items) {
            const at = out.add({
                role: 'item',
                cells: [text(item.item.title ?? ''), money(item.amount), ...sources.map(s => money(item.parts.get(s.source))), empty]
            });
            const group = line.groups.find(g => g.items.includes(item));
            if (!group) {
                addends.push(at);
                continue;
            }
            const rows = [...groupItems.get(group) ?? [], at];
            groupItems.set(group, rows);
            if (group.items.at(-1) === item) {
                addends.push(out.add({
                    role: 'subtotal',
                    cells: [text(`Subtotale ${group.group.title ?? ''}`.trimEnd()), money(group.complete ? group.total : undefined),
                        ...sources.map(s => money(group.sourcesComplete ? group.bySource.get(s.source) ?? 0n : undefined)), empty],
                    sumOf: plus(rows),
                    declared: declaredOf(evaluation, [[1, group.group.subtotal]])
                }));
            }
        }
        const label = line.line.code ? `Totale Linea ${line.line.code}` : `Totale ${line.line.title ?? ''}`.trimEnd();
        lineTotals.push(out.add({
            role: 'subtotal',
            cells: [text(label), money(line.totalComplete ? line.total : undefined),
                ...sources.map(s => money(line.sourcesComplete ? line.bySource.get(s.source) ?? 0n : undefined)), empty],
            sumOf: plus(addends),
            declared: declaredOf(evaluation, line.line.totals.map(t => [t.source ? sourceColumn(t.source.$refText) : 1, t.amount]))
        }));
    }
    const planTotals = elementsOf(evaluation.plan, 'DeclaredTotal');
    // A source programmed beyond its assignment: the over-allocation the Ministry sends plans back for.
    const over = sources.flatMap((s, i) => s.complete && s.assigned !== undefined && s.remaining !== undefined && s.remaining < 0n
        ? [[2 + i, money(s.assigned)] as [number, CellValue]] : []);
    out.add({
        role: 'total',
        cells: [text('Totale generale'), money(evaluation.grandTotalComplete ? evaluation.grandTotal : undefined),
            ...sources.map(s => money(s.complete ? s.programmed : undefined)), empty],
        sumOf: plus(lineTotals),
        declared: declaredOf(evaluation, planTotals.map(t => [t.source ? sourceColumn(t.source.$refText) : 1, t.amount])),
        exceeds: over.length > 0 ? new Map(over) : undefined
    });
    if (sources.some(s => s.assigned !== undefined)) {
        out.add({
            role: 'item',
            cells: [text('Totale assegnato'), money(evaluation.totalAssigned), ...sources.map(s => money(s.assigned)), empty]
        });
    }
    return { id: 'quadro-finanziario', group: 'finance', title: 'Linee di intervento e quadro finanziario', columns, rows: out.rows };
}

/** Staff in service per office × profile × category, with office and grand totals. */
export function staffTables(evaluation: PlanEvaluation): Table[] {
    const tables: Table[] = evaluation.staffTables.map((staff, index) => {
        const categories = [...staff.byCategory.keys()].sort((a, b) => a.localeCompare(b));
        const columns: TableColumn[] = [
            { header: 'Struttura', kind: 'text' },
            { header: 'Profilo', kind: 'text' },
            ...categories.map(c => ({ header: c, kind: 'count' as const })),
            { header: 'Totale', kind: 'count' }
        ];
        const totalColumn = columns.length - 1;
        const categoryColumn = (category: string) => 2 + categories.indexOf(category);
        const out = new RowCollector();
        const officeTotals: number[] = [];
        for (const office of staff.offices) {
            const rows = office.rows.map((row, i) => out.add({
                role: 'item',
                cells: [text(i === 0 ? office.label : ''), text(row.profile),
                    ...categories.map(c => count(row.byCategory.get(c))), count(row.total)],
                declared: declaredOf(evaluation, [[totalColumn, row.row.total]])
            }));
            officeTotals.push(out.add({
                role: 'subtotal',
                cells: [text(`${office.label} Totale`), empty, ...categories.map(c => count(office.byCategory.get(c) ?? 0)), count(office.total)],
                sumOf: plus(rows),
                declared: declaredOf(evaluation, [
                    [totalColumn, office.node.total?.total],
                    ...(office.node.total?.byCategory ?? []).map(e => [categoryColumn(e.category), e.count] as [number, AstNode])
                ])
            }));
        }
        out.add({
            role: 'total',
            cells: [text('Totale complessivo'), empty, ...categories.map(c => count(staff.byCategory.get(c) ?? 0)), count(staff.total)],
            sumOf: plus(officeTotals),
            declared: declaredOf(evaluation, [
                [totalColumn, staff.table.total?.total],
                ...(staff.table.total?.byCategory ?? []).map(e => [categoryColumn(e.category), e.count] as [number, AstNode])
            ])
        });
        const title = staff.table.title ?? dated('Personale in servizio', 'al', staff.table.date);
        return { id: `personale-${index + 1}`, group: 'staff' as const, title, columns, rows: out.rows };
    });
    evaluation.summaries.forEach((summary, index) => {
        const out = new RowCollector();
        const rows = summary.rows.map(row => out.add({
            role: 'item', cells: [text(row.category), count(row.from), count(row.to)]
        }));
        out.add({
            role: 'total', cells: [text('Totale'), count(summary.totalFrom), count(summary.totalTo)], sumOf: plus(rows),
            declared: declaredOf(evaluation, [[1, summary.node.totalFrom], [2, summary.node.totalTo]])
        });
        tables.push({
            id: `riepilogo-${index + 1}`, group: 'staff', title: summary.node.title ?? 'Riepilogo per categoria',
            columns: [
                { header: 'Categoria', kind: 'text' },
                { header: dated('Personale in servizio', 'al', summary.node.fromDate), kind: 'count' },
                { header: dated('Personale in servizio', 'al', summary.node.toDate), kind: 'count' }
            ],
            rows: out.rows
        });
    });
    evaluation.movements.forEach((movements, index) => {
        const out = new RowCollector();
        const kinds = { ingresso: 'Ingresso', uscita: 'Uscita', progressione: 'Progressione (non varia l\'organico)' } as const;
        const signed = movements.rows.flatMap(row => {
            const at = out.add({ role: 'item', cells: [text(row.label), text(kinds[row.kind] ?? row.kind), count(row.count)] });
            return row.kind === 'progressione' ? [] : [{ row: at, sign: row.kind === 'uscita' ? -1 as const : 1 as const }];
        });
        out.add({
            role: 'total', cells: [text('Saldo'), empty, count(movements.net)], sumOf: signed,
            declared: declaredOf(evaluation, [[2, movements.node.net]])
        });
        tables.push({
            id: `movimenti-${index + 1}`, group: 'staff',
            title: movements.node.title ?? dated(dated('Movimenti', 'dal', movements.node.fromDate), 'al', movements.node.toDate),
            columns: [{ header: 'Movimento', kind: 'text' }, { header: 'Tipo', kind: 'text' }, { header: 'N.', kind: 'count' }],
            rows: out.rows
        });
    });
    return tables;
}

/** Planned hires per year or period. */
export function hiringTables(evaluation: PlanEvaluation): Table[] {
    return evaluation.hiring.map((hiring, index) => {
        const out = new RowCollector();
        for (const period of hiring.periods) {
            const rows = period.hires.map((hire, i) => out.add({
                role: 'item',
                cells: [text(i === 0 ? period.node.period ?? '' : ''), text(hire.category), text(hire.profile), count(hire.count)]
            }));
            out.add({
                role: 'subtotal', cells: [text(dated('Totale', '', period.node.period)), empty, empty, count(period.total)], sumOf: plus(rows),
                declared: declaredOf(evaluation, [[3, period.node.total]])
            });
        }
        const amends = hiring.node.amends?.ref ? ` (modifica "${hiring.node.amends.ref.name}")` : '';
        return {
            id: `assunzioni-${index + 1}`, group: 'hires' as const, title: `${hiring.node.name ?? 'Assunzioni'}${amends}`,
            columns: [
                { header: 'Anno', kind: 'text' }, { header: 'Categoria', kind: 'text' },
                { header: 'Profilo', kind: 'text' }, { header: 'Unità', kind: 'count' }
            ],
            rows: out.rows
        };
    });
}

/** Personnel cost per year (heads × unit cost) and how it is funded. */
export function costTables(evaluation: PlanEvaluation): Table[] {
    return evaluation.personnelCosts.map((cost, index) => {
        const out = new RowCollector();
        const rows = cost.rows.map(({ profile, heads, unitCost, expected, declared }) => out.add({
            role: 'item',
            cells: [text(profile), count(heads), money(unitCost), money(declared)],
            declared: expected !== undefined && declared !== undefined && expected !== declared
                ? new Map([[3, money(expected)]]) : undefined
        }));
        out.add({
            role: 'total', cells: [text('Totale'), empty, empty, money(cost.total)], sumOf: plus(rows),
            declared: declaredOf(evaluation, [[3, cost.node.total]])
        });
        const shares = cost.fundingShares.map(share => out.add({
            role: 'item', cells: [text(`Quota ${share.payer}`), empty, empty, money(share.amount)]
        }));
        if (shares.length > 0) {
            out.add({ role: 'subtotal', cells: [text('Totale quote'), empty, empty, money(cost.shares)], sumOf: plus(shares) });
        }
        return {
            id: `costo-personale-${index + 1}`, group: 'costs' as const, title: dated('Costo del personale', '', cost.node.year),
            columns: [
                { header: 'Profilo', kind: 'text' }, { header: 'Unità', kind: 'count' },
                { header: 'Costo per unità', kind: 'money' }, { header: 'Costo', kind: 'money' }
            ],
            rows: out.rows
        };
    });
}

/** Context statistics (Marche Tab. 5–8) with their row, group and column totals. */
export function statisticsTables(evaluation: PlanEvaluation): Table[] {
    return evaluation.statistics.map((statistics, index) => {
        const table = statistics.table;
        const width = Math.max(table.columns.length, ...statistics.blocks.flatMap(b => b.rows.map(r => r.cells.length)));
        const headers = Array.from({ length: width }, (_, i) => table.columns[i] ?? String(i + 1));
        const withTotal = width > 1;
        const columns: TableColumn[] = [
            { header: '', kind: 'text' },
            ...headers.map(h => ({ header: h, kind: 'count' as const })),
            ...(withTotal ? [{ header: 'Totale', kind: 'count' as const }] : [])
        ];
        const out = new RowCollector();
        const allItems: number[] = [];
        const numbers = (values: readonly (number | undefined)[], total: number | undefined) =>
            [...headers.map((_, i) => count(values[i])), ...(withTotal ? [count(total)] : [])];
        for (const block of statistics.blocks) {
            if (block.title !== undefined) {
                out.add({ role: 'heading', cells: [text(block.title), ...numbers([], 0).map(() => empty)] });
            }
            const rows = block.rows.map(row => out.add({
                role: 'item', cells: [text(row.label), ...numbers(row.cells, row.total)],
                declared: declaredOf(evaluation, [[width + 1, row.row.total]])
            }));
            allItems.push(...rows);
            const group = block.group;
            if (group?.total) {
                out.add({
                    role: 'subtotal', cells: [text(`Totale ${block.title}`), ...numbers(block.columnTotals, block.grand)], sumOf: plus(rows),
                    declared: declaredOf(evaluation, [...group.total.columns.map((c, i) => [i + 1, c] as [number, AstNode]), [width + 1, group.total.grand]])
                });
            }
        }
        if (table.total || allItems.length > 0) {
            out.add({
                role: 'total', cells: [text('Totale'), ...numbers(statistics.columnTotals, statistics.grand)], sumOf: plus(allItems),
                declared: declaredOf(evaluation, [...(table.total?.columns ?? []).map((c, i) => [i + 1, c] as [number, AstNode]), [withTotal ? width + 1 : 1, table.total?.grand]])
            });
        }
        return { id: `statistica-${index + 1}`, group: 'stats' as const, title: table.title ?? '', columns, rows: out.rows };
    });
}

/** Area → activity → result → indicator, with baseline, yearly values, target and progress. */
export function indicatorTable(evaluation: PlanEvaluation): Table | undefined {
    if (evaluation.indicators.length === 0) {
        return undefined;
    }
    const rows: TableRow[] = evaluation.indicators.map(figures => {
        const indicator = figures.indicator;
        const result = indicator.$container.$type === 'Result' ? indicator.$container as Result : undefined;
        const activity = (result?.$container ?? (indicator.$container.$type === 'Activity' ? indicator.$container : undefined)) as Activity | undefined;
        const area = (activity?.$container ?? indicator.$container) as Area;
        const show = (value: typeof figures.target, isPercent: boolean | undefined) =>
            value === undefined ? '' : formatMeasure(value, isPercent);
        const baseline = show(figures.baseline, indicator.baseline?.percent) + (indicator.baselineYear ? ` (${indicator.baselineYear})` : '');
        const target = (indicator.atLeast ? 'almeno ' : '') + show(figures.target, indicator.target?.percent);
        const yearly = figures.values.map(v => `${v.node.period}: ${show(v.value, v.node.value.percent)}`).join('; ')
            + (indicator.cumulative && figures.values.length > 0 ? ' (cumulativo)' : '');
        return {
            role: 'item',
            cells: [text(area.title), text(activity?.title), text(result?.title), text(indicator.title), text(baseline.trim()),
                text(yearly), text(target.trim()), percent(figures.progress)]
        };
    });
    return {
        id: 'indicatori', group: 'indicators', title: 'Attività, risultati e indicatori',
        columns: [
            { header: 'Ambito', kind: 'text' }, { header: 'Attività', kind: 'text' }, { header: 'Risultato', kind: 'text' },
            { header: 'Indicatore', kind: 'text' }, { header: 'Base', kind: 'text' }, { header: 'Valori annuali', kind: 'text' },
            { header: 'Obiettivo', kind: 'text' }, { header: 'Avanzamento', kind: 'percent' }
        ],
        rows
    };
}

/** All tables of a plan, or those of the groups asked for, in document order of groups. */
export function buildTables(evaluation: PlanEvaluation, groups: readonly TableGroup[] = tableGroups): PlanTables {
    const builders: Record<TableGroup, () => (Table | undefined)[]> = {
        finance: () => [financeTable(evaluation)],
        staff: () => staffTables(evaluation),
        functions: () => functionTables(evaluation),
        needs: () => needsTables(evaluation),
        hires: () => hiringTables(evaluation),
        costs: () => costTables(evaluation),
        municipalities: () => [municipalitiesTable(evaluation)],
        stats: () => statisticsTables(evaluation),
        indicators: () => [indicatorTable(evaluation)],
        objectives: () => [objectivesTable(evaluation)],
        timeline: () => [timelineTable(evaluation)],
        governance: () => [governanceTable(evaluation)],
        systems: () => [systemsTable(evaluation)],
        observatory: () => [observatoryTable(evaluation)],
        reprogramming: () => reprogrammingTables(evaluation)
    };
    return {
        // `piano` with its name still to type parses with no region.
        plan: evaluation.plan.region ?? '',
        title: evaluation.plan.title,
        tables: groups.flatMap(group => builders[group]()).filter((t): t is Table => t !== undefined)
    };
}

/** One chart per funding source with caps: programmed against cap, line by line. */
export function capCharts(evaluation: PlanEvaluation): CapChart[] {
    const bySource = new Map<string, { line: string; charged: bigint; cap: bigint }[]>();
    for (const cap of evaluation.caps) {
        const bars = bySource.get(cap.source.label) ?? [];
        bars.push({ line: cap.line.code ?? cap.line.title, charged: cap.charged, cap: cap.cap });
        bySource.set(cap.source.label, bars);
    }
    return [...bySource].map(([source, bars]) => ({ source, bars }));
}
