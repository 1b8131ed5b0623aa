/** Writes an imported framework as a .cpiplan plan, formatted as the formatter lays it out, with what was kept aside as comments. */
import { amountOf } from './grid.js';
import type { ImportedFramework, ImportedLine } from './framework.js';

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ').trim()}"`;

/** `€ 1.640.250,18`. */
export function euro(cents: bigint): string {
    const negative = cents < 0n;
    const abs = negative ? -cents : cents;
    const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${negative ? '-' : ''}€ ${whole},${(abs % 100n).toString().padStart(2, '0')}`;
}

const comment = (text: string) => `// ${text.replace(/\r?\n/g, ' ')}`;

export interface PlanHeader {
    readonly region: string;
    readonly title?: string;
    readonly period?: string;
}

function lineText(line: ImportedLine, sources: ImportedFramework['sources']): string[] {
    const out: string[] = [`linea ${line.code ? `${line.code} ` : ''}${quote(line.title)} {`];
    line.notes.forEach(note => out.push(`    ${comment(note)}`));
    line.items.forEach((item, index) => {
        const group = item.group;
        const indent = group ? '        ' : '    ';
        if (group && line.items[index - 1]?.group !== group) {
            out.push(`    gruppo ${quote(group.title)} ${euro(group.subtotal)} {`);
        }
        const nonZero = [...item.parts].filter(([, v]) => v !== 0n);
        let charges = '';
        if (sources.length > 1 && nonZero.length === 1 && nonZero[0]?.[1] === item.amount) {
            charges = ` su ${nonZero[0][0]}`;
        } else if (sources.length > 1 && nonZero.length > 0) {
            charges = ` su ${nonZero.map(([name, value]) => `${name} ${euro(value)}`).join(', ')}`;
        }
        out.push(`${indent}voce ${quote(item.title)} ${euro(item.amount)}${charges}`);
        if (group && line.items[index + 1]?.group !== group) {
            out.push('    }');
        }
    });
    if (line.total !== undefined) {
        out.push(`    totale ${euro(line.total)}`);
        if (sources.length > 1) {
            line.totalsBySource.forEach((value, name) => out.push(`    totale ${name} ${euro(value)}`));
        }
    }
    out.push('}');
    return out;
}

/** The plan's text (without a header: the fragment a paste inserts). `aside` are the lines of the input the importer did not recognise, kept as comments. */
export function writePlan(header: PlanHeader | undefined, framework: ImportedFramework, aside: readonly string[], origin: string, outline = ''): string {
    const out: string[] = header ? [
        comment(`Importato da ${origin} con cpiplan import: controllare le righe tenute da parte (commenti in fondo).`),
        '',
        `piano ${quote(header.region)}`,
        ...header.title ? [`    titolo ${quote(header.title)}`] : [],
        ...header.period ? [`    periodo ${header.period}`] : [],
        '    regole "DM 74/2019"',
        ''
    ] : [];
    for (const source of framework.sources) {
        out.push(`fonte ${source.name} ${quote(source.title)}${source.kind ? ` tipo ${source.kind}` : ''}${source.assigned !== undefined ? ` assegnato ${euro(source.assigned)}` : ''}`);
    }
    out.push('');
    for (const line of framework.lines) {
        out.push(...lineText(line, framework.sources), '');
    }
    if (framework.grandTotal !== undefined) {
        out.push(`totale ${euro(framework.grandTotal)}`);
        if (framework.sources.length > 1) {
            framework.grandBySource.forEach((value, name) => out.push(`totale ${name} ${euro(value)}`));
        }
        out.push('');
    }
    if (outline !== '') {
        out.push(outline, '');
    }
    const keptAside = [...framework.keptAside, ...aside].filter(t => t.trim() !== '');
    if (keptAside.length > 0) {
        out.push(comment('Righe non riconosciute, tenute da parte:'));
        keptAside.forEach(text => out.push(comment(text.replace(/\t/g, ' | '))));
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** A heading or paragraph of a Word file, in order. */
export interface ProseBlock { readonly heading?: number; readonly text: string }

/**
 * A Word file's prose as the outline: each heading a `sezione` (with its code when the title
 * starts with one, `2.2 Linee di intervento…`), nested by heading level, each paragraph a
 * `testo`. Paragraphs before the first heading (a cover, a contents) come back as comments.
 */
export function writeOutline(prose: readonly ProseBlock[]): { text: string; before: string[] } {
    const out: string[] = [];
    const before: string[] = [];
    const open: number[] = [];
    const indent = () => '    '.repeat(open.length);
    for (const block of prose) {
        if (block.heading !== undefined) {
            while (open.length > 0 && (open[open.length - 1] ?? 0) >= block.heading) {
                open.pop();
                out.push(`${indent()}}`);
            }
            const numbered = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(block.text);
            out.push(`${indent()}sezione ${numbered?.[1] && numbered[2] ? `${numbered[1]} ${quote(numbered[2])}` : quote(block.text)} {`);
            open.push(block.heading);
        } else if (open.length === 0) {
            before.push(block.text);
        } else {
            out.push(`${indent()}testo ${quote(block.text)}`);
        }
    }
    while (open.length > 0) {
        open.pop();
        out.push(`${indent()}}`);
    }
    return { text: out.join('\n'), before };
}

/** Whether a figure in the text is money (for the importer's report). */
export const isAmount = (text: string) => amountOf(text) !== undefined;
