/**
 * Recognises the financial framework (section 2.2) in a grid: the header (line, programmed
 * amount, one column per source, notes), line headings (`3.1 - …`, bold), items, line totals,
 * the grand total, the assignments (`Totale assegnato`), cap notes. A row it does not recognise
 * is kept aside, never dropped.
 */
import { amountOf, mergeEuroCells, type GridRow } from './grid.js';

export interface ImportedSource {
    readonly name: string;
    readonly title: string;
    readonly kind?: string;
    assigned?: bigint;
}

/** Items the table adds up in a subtotal row of their own (`Subtotale …`): a `gruppo` with its declared subtotal. */
export interface ImportedGroup {
    readonly title: string;
    readonly subtotal: bigint;
}

export interface ImportedItem {
    readonly title: string;
    readonly amount: bigint;
    /** Parts per source name, when the table has a column per source. */
    readonly parts: ReadonlyMap<string, bigint>;
    /** The group the item belongs to, when a subtotal row follows it. */
    group?: ImportedGroup;
}

export interface ImportedLine {
    readonly code?: string;
    readonly title: string;
    readonly notes: string[];
    readonly items: ImportedItem[];
    total?: bigint;
    readonly totalsBySource: Map<string, bigint>;
    /** The line came as a single row with its figures (a framework without items). */
    single?: boolean;
}

export interface ImportedFramework {
    readonly sources: ImportedSource[];
    readonly lines: ImportedLine[];
    grandTotal?: bigint;
    readonly grandBySource: Map<string, bigint>;
    /** Rows not recognised, as they were written (cells joined by tabs). */
    readonly keptAside: string[];
    /** Cap notes (`Max 1,5% del totale assegnato (€ 202.876,57)`) by line. */
}

/** The official intervention lines of DM 74/2019, recognised by the words of their titles when a table omits the code. */
const officialLines: readonly [string, RegExp][] = [
    ['3.1', /^comunicazione\b/i], ['3.2', /^formazione\b/i], ['3.3', /^osservatorio\b/i],
    ['3.4', /^adeguamento\b/i], ['3.5', /^sistemi informativi\b/i], ['3.6', /^spese generali\b/i]
];

const isNote = (text: string) => /^max\b|%|^note?\b/i.test(text);
const rowText = (row: GridRow) => row.map(c => c.text).join('\t').replace(/\t+$/, '');

function sourceOf(header: string, index: number): ImportedSource {
    const title = header.replace(/^a valere su(ll[a'’]?)?\s*/i, '').trim();
    const letter = /allegato\s+([A-Z])\b/i.exec(title)?.[1]?.toUpperCase();
    const shortTitle = letter ? title.replace(/,.*$/, '').replace(/^allegato/i, 'Allegato') : title;
    return { name: letter ?? `F${index + 1}`, title: shortTitle, kind: letter && /d\.?\s*m\.?\s*74/i.test(title) ? `allegato_${letter}` : undefined };
}

/** Reads the assignment sentences of the prose: `all'allegato B ha assegnato … l'importo di euro 1.640.250,18`. */
export function assignmentsOf(text: string): { letter?: string; amount: bigint; sentence: string }[] {
    const found: { letter?: string; amount: bigint; sentence: string }[] = [];
    for (const sentence of text.split(/(?<=[.;])\s+(?=[A-ZÀ-Ý])/)) {
        const match = /assegnat\w*[^€]*?(?:euro|€)\s*([\d.]+,\d{2})/i.exec(sentence);
        const amount = match?.[1] ? amountOf(`€ ${match[1]}`) : undefined;
        if (amount !== undefined) {
            found.push({ letter: /allegato\s+([A-Z])\b/i.exec(sentence)?.[1]?.toUpperCase(), amount, sentence: sentence.trim() });
        }
    }
    return found;
}

/** The framework in a grid; `undefined` when the grid holds no table of amounts at all. */
export function recogniseFramework(grid: readonly GridRow[]): ImportedFramework | undefined {
    const framework: ImportedFramework = { sources: [], lines: [], grandBySource: new Map(), keptAside: [] };
    let sourceColumns = 0;
    let headerSeen = false;
    let current: ImportedLine | undefined;
    let sawAmounts = false;
    let closed = false;
    const rows = grid.map(mergeEuroCells).map(r => r.filter(c => c.text !== '')).filter(r => r.length > 0);
    // When the grid has the framework's header, what comes before it (other tables, prose) is kept aside.
    const headerAt = rows.findIndex(r => /line[ae] di intervento/i.test(r[0]?.text ?? '') && r.some(c => /risorse programmate|a valere su/i.test(c.text)));
    for (let index = 0; index < rows.length; index++) {
        const row = rows[index] ?? [];
        if (index < headerAt) {
            framework.keptAside.push(rowText(row));
            continue;
        }
        const cells = row.filter(c => c.text !== '');
        if (cells.length === 0) {
            continue;
        }
        const amounts = cells.filter(c => amountOf(c.text) !== undefined).map(c => amountOf(c.text) ?? 0n);
        const texts = cells.filter(c => amountOf(c.text) === undefined);
        const label = texts[0]?.text ?? '';
        const note = texts.slice(1).map(c => c.text).find(isNote);
        const bold = cells.some(c => c.bold);
        if (!headerSeen && amounts.length === 0 && /line[ae] di intervento/i.test(label) && cells.some(c => /risorse programmate|a valere su/i.test(c.text))) {
            headerSeen = true;
            const sourceHeaders = cells.map(c => c.text).filter(t => /^a valere su/i.test(t));
            sourceColumns = sourceHeaders.length;
            sourceHeaders.forEach((h, i) => framework.sources.push(sourceOf(h, i)));
            continue;
        }
        const split = (values: bigint[]) => {
            const parts = new Map<string, bigint>();
            framework.sources.slice(0, sourceColumns).forEach((s, i) => {
                const value = values[1 + i];
                if (value !== undefined) {
                    parts.set(s.name, value);
                }
            });
            return parts;
        };
        const heading = /^(\d+\.\d+)\s*[-–—.]?\s*(.+)$/.exec(label);
        if (/^totale\s+assegnato/i.test(label) && amounts.length > 0) {
            split(amounts).forEach((value, name) => {
                const source = framework.sources.find(s => s.name === name);
                if (source) { source.assigned = value; }
            });
            if (sourceColumns === 0 && framework.sources[0] && amounts[0] !== undefined) { framework.sources[0].assigned = amounts[0]; }
            closed = true;
            continue;
        }
        if (closed) {
            framework.keptAside.push(rowText(row));
            continue;
        }
        if (/^totale\s+(generale|complessivo)|^totale$/i.test(label) && amounts.length > 0) {
            closed = grid.length > 0 && rows.slice(index + 1).some(r => /^totale\s+assegnato/i.test(r[0]?.text ?? '')) ? false : true;
            framework.grandTotal = amounts[0];
            split(amounts).forEach((v, k) => framework.grandBySource.set(k, v));
            current = undefined;
            continue;
        }
        // A subtotal of the last items of the line: the items, counted back, that add up to it exactly.
        const subtotal = /^subtotale\s+(.+)$/i.exec(label);
        if (subtotal?.[1] && amounts[0] !== undefined && current) {
            const group: ImportedGroup = { title: subtotal[1].trim(), subtotal: amounts[0] };
            let sum = 0n;
            let first = current.items.length;
            while (first > 0 && sum < group.subtotal && current.items[first - 1]?.group === undefined) {
                first--;
                sum += current.items[first]?.amount ?? 0n;
            }
            if (sum === group.subtotal && first < current.items.length) {
                current.items.slice(first).forEach(item => { item.group = group; });
                continue;
            }
        }
        if (/^totale\b/i.test(label) && amounts.length > 0 && current) {
            current.total = amounts[0];
            split(amounts).forEach((v, k) => current?.totalsBySource.set(k, v));
            continue;
        }
        if (heading && heading[1] && heading[2] && (amounts.length === 0 || bold)) {
            current = { code: heading[1], title: heading[2].trim(), notes: note ? [note] : [], items: [], totalsBySource: new Map() };
            framework.lines.push(current);
            continue;
        }
        if (amounts.length > 0 && label !== '') {
            sawAmounts = true;
            const amount = amounts[0] ?? 0n;
            const item: ImportedItem = { title: label, amount, parts: split(amounts) };
            if (current && !current.single) {
                current.items.push(item);
                if (note) { current.notes.push(note); }
            } else {
                // A framework that lists lines with their figures and no items: the row is the line.
                const code = officialLines.find(([, words]) => words.test(label))?.[0];
                current = { code, title: label, notes: note ? [note] : [], items: [item], totalsBySource: new Map(), single: true };
                framework.lines.push(current);
            }
            continue;
        }
        if (amounts.length === 0 && current && texts.length === 1 && isNote(label)) {
            current.notes.push(label);
            continue;
        }
        // A regional line of its own, without a code: a heading row followed by items.
        const next = rows[index + 1];
        if (amounts.length === 0 && (headerSeen || current) && label !== '' && !isNote(label) && next && next.some(c => amountOf(c.text) !== undefined)
            && !/^totale\b/i.test(next[0]?.text ?? '')) {
            current = { title: label, notes: note ? [note] : [], items: [], totalsBySource: new Map() };
            framework.lines.push(current);
            continue;
        }
        framework.keptAside.push(rowText(row));
    }
    if (!sawAmounts && framework.lines.length === 0) {
        return undefined;
    }
    if (framework.sources.length === 0) {
        framework.sources.push({ name: 'B', title: 'Allegato B d.m. 74/2019', kind: 'allegato_B' });
    }
    return framework;
}
