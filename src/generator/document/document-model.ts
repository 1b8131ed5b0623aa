/**
 * The plan document as the Region approves it: a cover, a table of contents and blocks in the
 * Ministry's outline (headings, prose, lists, tables). Built from the evaluation and the AST's
 * prose by build-document.ts, rendered as Markdown (golden text), HTML (print) and DOCX.
 * No figure is computed here: tables come from build-tables.ts and outline-tables.ts, the
 * same tables `cpiplan tables` writes.
 */
import type { Table } from '../table-model.js';

export interface ListEntry {
    readonly text: string;
    readonly items: readonly ListEntry[];
}

export type Block =
    | { readonly kind: 'heading'; readonly level: number; readonly id: string; readonly title: string }
    | { readonly kind: 'paragraph'; readonly text: string; readonly style?: 'note' | 'label' }
    | { readonly kind: 'list'; readonly numbered: boolean; readonly title?: string; readonly items: readonly ListEntry[] }
    | { readonly kind: 'table'; readonly table: Table; readonly notes: readonly string[] };

export interface Cover {
    readonly region: string;
    readonly title?: string;
    /** `2019–2021`. */
    readonly period?: string;
    /** The act approving the plan and the ones amending it, as the cover cites them. */
    readonly approvedBy?: string;
    /** Open errors: a plan with errors is a draft (BOZZA). */
    readonly problems: number;
}

export interface ContentsEntry {
    readonly level: number;
    readonly id: string;
    readonly title: string;
}

export interface PlanDocument {
    readonly cover: Cover;
    readonly contents: readonly ContentsEntry[];
    readonly blocks: readonly Block[];
}

/** Whether the document is a draft: the plan has open errors. */
export const isDraft = (document: PlanDocument) => document.cover.problems > 0;

/** The cover's draft line: `BOZZA – 5 problemi aperti`. */
export function draftLine(problems: number): string {
    return `BOZZA – ${problems} ${problems === 1 ? 'problema aperto' : 'problemi aperti'}`;
}
