/**
 * The plan document as a Word file, through the `docx` library: A4, Italian, a cover, the
 * contents, headings Word can index, tables whose header row repeats on every page, page
 * numbers in the footer. Its own bundle (out/docx.cjs), loaded only when a DOCX is written.
 */
import {
    AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table as DocxTable,
    TableCell, TableRow as DocxRow, TextRun, WidthType
} from 'docx';
import { formatCell } from '../render.js';
import type { Table } from '../table-model.js';
import { draftLine, type Block, type ListEntry, type PlanDocument } from './document-model.js';

const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const borders = { top: border, bottom: border, left: border, right: border };

function cellParagraphs(table: Table, rowIndex: number, column: number, bold: boolean): Paragraph[] {
    const row = table.rows[rowIndex];
    const cell = row?.cells[column];
    const numeric = table.columns[column]?.kind !== 'text';
    const runs = [new TextRun({ text: cell ? formatCell(cell) : '', bold, size: 17 })];
    const declared = row?.declared?.get(column);
    const limit = row?.exceeds?.get(column);
    if (declared) {
        runs.push(new TextRun({ text: `dichiarato ${formatCell(declared)}`, break: 1, size: 14, color: 'A4261B' }));
    }
    if (limit) {
        runs.push(new TextRun({ text: `oltre l'assegnato di ${formatCell(limit)}`, break: 1, size: 14, color: 'A4261B' }));
    }
    return [new Paragraph({ children: runs, alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { before: 0, after: 0 } })];
}

function docxTable(table: Table): (Paragraph | DocxTable)[] {
    const header = new DocxRow({
        tableHeader: true,
        cantSplit: true,
        children: table.columns.map(c => new TableCell({
            borders,
            shading: { type: ShadingType.CLEAR, fill: 'E8EDF3', color: 'auto' },
            children: [new Paragraph({ children: [new TextRun({ text: c.header, bold: true, size: 17 })], alignment: c.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT })]
        }))
    });
    const rows = table.rows.map((row, r) => new DocxRow({
        cantSplit: true,
        children: row.cells.map((_, c) => new TableCell({
            borders,
            shading: row.role === 'heading' ? { type: ShadingType.CLEAR, fill: 'F4F6F8', color: 'auto' } : undefined,
            children: cellParagraphs(table, r, c, row.role !== 'item')
        }))
    }));
    return [
        new Paragraph({ children: [new TextRun({ text: table.title, bold: true })], keepNext: true, spacing: { before: 160, after: 60 } }),
        new DocxTable({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })
    ];
}

function listParagraphs(items: readonly ListEntry[], numbered: boolean, level: number): Paragraph[] {
    return items.flatMap((item, i) => [
        numbered
            ? new Paragraph({ text: `${i + 1}. ${item.text}`, indent: { left: 360 * (level + 1), hanging: 360 } })
            : new Paragraph({ text: item.text, bullet: { level } }),
        ...listParagraphs(item.items, false, level + 1)
    ]);
}

function blockParagraphs(block: Block): (Paragraph | DocxTable)[] {
    switch (block.kind) {
        case 'heading':
            return [new Paragraph({ text: block.title, heading: headings[Math.min(block.level, 6) - 1], keepNext: true })];
        case 'paragraph':
            return [new Paragraph({
                children: [new TextRun({ text: block.text, italics: block.style === 'note', bold: block.style === 'label' })],
                alignment: AlignmentType.JUSTIFIED
            })];
        case 'list':
            return [
                ...block.title ? [new Paragraph({ children: [new TextRun({ text: block.title, bold: true })] })] : [],
                ...listParagraphs(block.items, block.numbered, 0)
            ];
        case 'table':
            return [
                ...docxTable(block.table),
                ...block.notes.map(note => new Paragraph({ children: [new TextRun({ text: note, italics: true, size: 17 })] }))
            ];
    }
}

/** The DOCX file of the plan document. */
export async function renderDocx(document: PlanDocument): Promise<Buffer> {
    const { cover } = document;
    const centered = (text: string, size: number, options: { bold?: boolean; color?: string; before?: number } = {}) => new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: options.before ?? 240 },
        children: [new TextRun({ text, size, bold: options.bold, color: options.color })]
    });
    const coverPage = [
        centered(`Regione ${cover.region}`, 52, { bold: true, before: 3600 }),
        ...cover.title ? [centered(cover.title, 30)] : [],
        ...cover.period ? [centered(`Periodo ${cover.period}`, 24)] : [],
        ...cover.approvedBy ? [centered(cover.approvedBy, 22)] : [],
        ...cover.problems > 0 ? [centered(draftLine(cover.problems), 36, { bold: true, color: 'A4261B', before: 1200 })] : []
    ];
    const contents = [
        new Paragraph({ text: 'Indice', heading: HeadingLevel.TITLE, pageBreakBefore: true }),
        ...document.contents.map(entry => new Paragraph({ text: entry.title, indent: { left: 360 * (entry.level - 1) }, spacing: { after: 40 } }))
    ];
    const body = document.blocks.flatMap(blockParagraphs);
    const first = body[0];
    const doc = new Document({
        creator: 'cpiplan',
        title: `${cover.region}${cover.title ? ` — ${cover.title}` : ''}`,
        styles: { default: { document: { run: { font: 'Arial', size: 21, language: { value: 'it-IT' } } } } },
        sections: [{
            properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1247, left: 1020, right: 1020 } } },
            footers: {
                default: new Footer({
                    children: [new Paragraph({
                        alignment: AlignmentType.CENTER,
                        children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' di ', PageNumber.TOTAL_PAGES], size: 18 })]
                    })]
                })
            },
            children: [...coverPage, ...contents, ...(first instanceof Paragraph ? [new Paragraph({ text: '', pageBreakBefore: true })] : []), ...body]
        }]
    });
    return Packer.toBuffer(doc);
}
