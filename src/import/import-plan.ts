/**
 * `cpiplan import`: a file (XLSX, CSV, tab-separated text pasted out of Word or a PDF, DOCX)
 * into a .cpiplan plan. Pure but for reading office files, which happens in its own bundle.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { assignmentsOf, recogniseFramework, type ImportedFramework } from './framework.js';
import { cellOf, gridOfText, type GridRow } from './grid.js';
import { writeOutline, writePlan, type ProseBlock } from './write-plan.js';

export type ImportFormat = 'xlsx' | 'csv' | 'text' | 'docx';

export interface ImportResult {
    readonly text: string;
    readonly framework: ImportedFramework;
    readonly recognised: { readonly sources: number; readonly lines: number; readonly items: number; readonly totals: number };
    readonly keptAside: number;
}

/** The format of a file by its name. */
export function formatOf(file: string): ImportFormat | undefined {
    const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
    switch (ext) {
        case 'xlsx': return 'xlsx';
        case 'csv': return 'csv';
        case 'txt': case 'tsv': case 'text': case 'md': return 'text';
        case 'docx': return 'docx';
        default: return undefined;
    }
}

/** CSV with `;` (Italian Excel, `cpiplan tables`) or `,`, as a grid. */
export function gridOfCsv(text: string): GridRow[] {
    const clean = text.replace(/^\ufeff/, '');
    const first = clean.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
    const records = parseCsv(clean, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return records.map(r => r.map(cellOf));
}

/** Imports a grid and the prose around it; `region` names the plan when the input does not. A Word file's headings and paragraphs become the outline. */
export function importGrid(grid: readonly GridRow[], proseOrOutline: readonly string[] | { readonly outline: readonly ProseBlock[] }, origin: string, region: string): ImportResult {
    const outline = 'outline' in proseOrOutline ? writeOutline(proseOrOutline.outline) : undefined;
    const prose = outline ? outline.before : proseOrOutline as readonly string[];
    const framework: ImportedFramework = recogniseFramework(grid) ?? { sources: [], lines: [], grandBySource: new Map(), keptAside: grid.map(r => r.map(c => c.text).join('\t')) };
    const assignments = assignmentsOf([...prose, ...framework.keptAside, ...'outline' in proseOrOutline ? proseOrOutline.outline.map(p => p.text) : []].join('\n'));
    for (const assignment of assignments) {
        const source = framework.sources.find(s => assignment.letter ? s.name === assignment.letter : true);
        if (source && source.assigned === undefined) {
            source.assigned = assignment.amount;
        } else if (!source && framework.sources.length === 0) {
            const agreement = /convenzione/i.test(assignment.sentence);
            framework.sources.push({
                name: assignment.letter ?? (agreement ? 'convenzione' : 'F1'),
                title: assignment.letter ? `Allegato ${assignment.letter} d.m. 74/2019` : agreement ? 'Convenzione' : 'Risorse assegnate',
                assigned: assignment.amount
            });
        }
    }
    const text = writePlan({ region }, framework, prose, origin, outline?.text ?? '');
    const items = framework.lines.reduce((n, l) => n + l.items.length, 0);
    const totals = framework.lines.filter(l => l.total !== undefined).length + (framework.grandTotal !== undefined ? 1 : 0);
    return {
        text, framework,
        recognised: { sources: framework.sources.length, lines: framework.lines.length, items, totals },
        keptAside: framework.keptAside.length + prose.filter(p => p.trim() !== '').length
    };
}

/** Imports text pasted out of Word or a PDF. */
export function importText(text: string, origin: string, region: string): ImportResult {
    return importGrid(gridOfText(text), [], origin, region);
}
