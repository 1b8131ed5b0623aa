/**
 * One table model, rendered many ways (Markdown, HTML, CSV, XLSX, JSON). Tables are built from
 * a plan's evaluation only: no figure is computed here.
 */
import type { Decimal } from '../language/model/numbers.js';
import type { TableGroup } from '../protocol.js';

export type CellValue =
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'money'; readonly cents: bigint }
    | { readonly kind: 'count'; readonly value: number }
    | { readonly kind: 'percent'; readonly value: Decimal }
    | { readonly kind: 'empty' };

/** `heading` introduces a block (a line, a group); `subtotal` and `total` add up other rows. */
export type RowRole = 'heading' | 'item' | 'subtotal' | 'total';

export interface TableRow {
    readonly role: RowRole;
    readonly cells: readonly CellValue[];
    /** The rows (indices in the table) a subtotal or total adds up, with their sign: a spreadsheet writes them as a formula. */
    readonly sumOf?: readonly { readonly row: number; readonly sign: 1 | -1 }[];
    /** The figures the document declares where they differ from the computed ones, by column. */
    readonly declared?: ReadonlyMap<number, CellValue>;
    /** The limits a figure exceeds, by column: what was assigned to a source that is over-allocated. */
    readonly exceeds?: ReadonlyMap<number, CellValue>;
}

export type ColumnKind = 'text' | 'money' | 'count' | 'percent';

export interface TableColumn {
    readonly header: string;
    readonly kind: ColumnKind;
}


export interface Table {
    readonly id: string;
    readonly group: TableGroup;
    readonly title: string;
    readonly columns: readonly TableColumn[];
    readonly rows: readonly TableRow[];
}

/** The tables of one plan. */
export interface PlanTables {
    readonly plan: string;
    readonly title?: string;
    readonly tables: readonly Table[];
}

export const text = (value: string | undefined): CellValue => value === undefined || value === '' ? empty : { kind: 'text', text: value };
export const money = (cents: bigint | undefined): CellValue => cents === undefined ? empty : { kind: 'money', cents };
export const count = (value: number | undefined): CellValue => value === undefined ? empty : { kind: 'count', value };
export const percent = (value: Decimal | undefined): CellValue => value === undefined ? empty : { kind: 'percent', value };
export const empty: CellValue = { kind: 'empty' };

/** A bar chart per funding source: for each capped line, what is charged and the cap. */
export interface CapChart {
    readonly source: string;
    readonly bars: readonly { readonly line: string; readonly charged: bigint; readonly cap: bigint }[];
}
