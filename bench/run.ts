/**
 * `npm run bench`: parse, full build with validation, lines/s, peak memory, and the median
 * time to re-validate after a one-character edit, on synthetic plans of 1k, 10k and 100k lines.
 * Figures only, no pass/fail. Each size runs in its own process so peak memory is its own.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createCpiplanServices } from '../src/language/cpiplan-module.js';
import { findRulesDir } from '../src/language/workspace.js';
import { syntheticPlan } from './generate.js';

const sizes = [1_000, 10_000, 100_000];

async function measure(lines: number): Promise<Record<string, string>> {
    const rulesDir = findRulesDir(typeof __dirname === 'string' ? __dirname : process.cwd())!;
    const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem, rulesDir });
    const workspace = Cpiplan.shared.workspace;
    const rules = fs.readdirSync(rulesDir).map(f => {
        const document = workspace.LangiumDocumentFactory.fromString(fs.readFileSync(path.join(rulesDir, f), 'utf8'), URI.file(path.join(rulesDir, f)));
        workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await workspace.DocumentBuilder.build(rules);
    const text = syntheticPlan(lines);
    const actualLines = text.split('\n').length - 1;

    let start = performance.now();
    Cpiplan.parser.LangiumParser.parse(text);
    const parseMs = performance.now() - start;

    const uri = URI.file('/bench/plan.cpiplan');
    start = performance.now();
    let document: LangiumDocument = workspace.LangiumDocumentFactory.fromString(text, uri);
    workspace.LangiumDocuments.addDocument(document);
    await workspace.DocumentBuilder.build([document], { validation: true });
    const buildMs = performance.now() - start;
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).length;

    // As the editor does on a keystroke: the document is re-parsed, re-linked and re-validated.
    const edits: number[] = [];
    const runs = lines >= 100_000 ? 3 : 7;
    for (let i = 0; i < runs; i++) {
        const at = text.indexOf('€ 1.234,50', Math.floor(text.length / 2) + i * 97);
        const edited = text.slice(0, at + 2) + String((i % 8) + 2) + text.slice(at + 3);
        start = performance.now();
        await workspace.DocumentBuilder.update([], [uri]);
        document = workspace.LangiumDocumentFactory.fromString(edited, uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: true });
        edits.push(performance.now() - start);
    }
    edits.sort((a, b) => a - b);
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    return {
        lines: String(actualLines),
        'parse ms': parseMs.toFixed(0),
        'build+validate ms': buildMs.toFixed(0),
        'lines/s': Math.round(actualLines / (buildMs / 1000)).toString(),
        'peak RSS MiB': peakMiB.toFixed(0),
        'edit re-validate median ms': edits[Math.floor(edits.length / 2)].toFixed(0),
        'errors (sanity)': String(errors)
    };
}

async function main(): Promise<void> {
    const single = process.argv.indexOf('--size');
    if (single > 0) {
        process.stdout.write(JSON.stringify(await measure(Number(process.argv[single + 1]))) + '\n');
        return;
    }
    const rows: Record<string, string>[] = [];
    for (const size of sizes) {
        const child = spawnSync(process.execPath, ['--max-old-space-size=8192', process.argv[1], '--size', String(size)], { encoding: 'utf8' });
        if (child.status !== 0) {
            process.stderr.write(child.stderr);
            process.exitCode = 1;
            return;
        }
        rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!));
    }
    const columns = Object.keys(rows[0]);
    const width = columns.map(c => Math.max(c.length, ...rows.map(r => r[c].length)));
    const format = (cells: string[]) => cells.map((c, i) => c.padStart(width[i])).join('  ');
    process.stdout.write(format(columns) + '\n' + rows.map(r => format(columns.map(c => r[c]))).join('\n') + '\n');
}

void main();
