/**
 * `npm run bench`: in one run, as figures and as ratios measured in the same call,
 *   1. cold CLI: `cpiplan --version` and `cpiplan check` on each example, against `node -e 0`, run in
 *      this checkout and as npm installs the package;
 *   2. `cpiplan check` on synthetic plans of 1k/10k/100k lines next to `bean-check -C`,
 *      `hledger check` and `ledger bal` on ledgers of the same line count (when installed),
 *      with each one's peak memory;
 *   3. keystroke latency over JSON-RPC (`cpiplan lsp --stdio`, didChange → publishDiagnostics)
 *      on the examples and on 1k/10k-line plans;
 *   4. in process: parse, build with validation, and re-validation after an edit, per size.
 * Figures only, no pass/fail. Options: `--sizes 1000,10000` (default 1000,10000,100000),
 * `--runs N` (cold CLI runs, default 20), `--keep DIR` (write the generated files there and keep them).
 * `node out/bench.cjs --profile [DIR] [--only cold,server,heap,load,levers]` prints the profiles' summaries
 * instead (see profile-run.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCpiplanServices } from '../src/language/cpiplan-module.js';
import { findRulesDir } from '../src/language/workspace.js';
import { syntheticPlan } from './generate.js';
import { beancountLedger, ledgerJournal } from './ledgers.js';
import { measureLatency, percentile } from './lsp.js';
import { heapSnapshotChild, profileAll, samplingHeapChild } from './profile-run.js';
import { snapshotFiles, snapshotUsable, snapshotWanted } from '../src/cli/snapshot.js';
import { hasGnuTime, hasHyperfine, runOnce, timeCommands, versionOf, type Command, type Timing } from './timing.js';

/** The checkout: the bundle lives in `out/`. */
const root = path.resolve(typeof __dirname === 'string' ? __dirname : process.cwd(), '..');
const node = process.execPath;
const cli = path.join(root, 'bin', 'cpiplan.cjs');
const bundle = path.join(root, 'out', 'cli.cjs');

function option(name: string): string | undefined {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Printing

function table(header: string[], rows: string[][]): string {
    const width = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ').trimEnd();
    return [line(header), line(width.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(a / b >= 10 ? 1 : 2)}×` : '–');
const cpu = (t: Timing) => (t.userMs === undefined || t.systemMs === undefined ? NaN : t.userMs + t.systemMs);
const mib = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(0));
const say = (text: string) => process.stdout.write(text);

function load(): string {
    return os.loadavg().map(l => l.toFixed(2)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// 1. Cold CLI

/**
 * The user's path starts a check from the start-up snapshot, which the first run leaves a builder to make
 * (src/cli/snapshot.ts): one run, then a wait for the snapshot, so that the timed runs measure it. Says
 * whether it is there: without it (CPIPLAN_NO_SNAPSHOT, a failed build) the rows measure the usual path.
 */
function snapshotReady(probe: string): string {
    const files = snapshotFiles(path.join(root, 'out'));
    if (files === undefined || !snapshotWanted(['check', probe])) {
        return 'not used (turned off, or no snapshot bundle)';
    }
    spawnSync(node, [cli, 'check', probe], { stdio: 'ignore' });
    const deadline = Date.now() + 120_000;
    while (!snapshotUsable(files) && !fs.existsSync(files.failed) && Date.now() < deadline) {
        spawnSync(node, ['-e', 'setTimeout(() => {}, 200)']);
    }
    return snapshotUsable(files) ? `in use (${(fs.statSync(files.blob).size / 2 ** 20).toFixed(1)} MiB)` : 'not made (the usual path is measured)';
}

/**
 * The CLI as a user installs it (`npm pack`, then `npm install -g` into `dir`), whose install makes the
 * start-up snapshot in the package and a launcher that starts it (src/cli/install.ts): its `cpiplan`,
 * or undefined when it could not be installed (said in a note).
 */
function installedCli(dir: string): string | undefined {
    const env = { ...process.env };
    delete env.CPIPLAN_NO_SNAPSHOT;
    const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env });
    // --ignore-scripts: the bundles were just built; `prepack` would build them all again.
    const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root);
    const prefix = path.join(dir, 'prefix');
    const tarball = packed.status === 0 ? path.join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename) : undefined;
    const installed = tarball === undefined ? undefined : npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--foreground-scripts', tarball], dir);
    const bin = path.join(prefix, 'bin', 'cpiplan');
    if (installed?.status !== 0 || !fs.existsSync(bin)) {
        say(`note: the package could not be installed, its rows are left out (${((installed ?? packed).stderr || '').trim().split('\n')[0]}).\n`);
        return undefined;
    }
    say(`note: installed package: ${(installed.stdout + installed.stderr).split('\n').find(l => l.startsWith('cpiplan: '))?.slice('cpiplan: '.length) ?? 'no word from its install step'}\n`);
    return bin;
}

function coldCli(runs: number, installed: string | undefined): void {
    const examples = fs.readdirSync(path.join(root, 'examples')).filter(f => f.endsWith('.cpiplan')).sort();
    const marche = path.join(root, 'examples', 'marche-2020.cpiplan');
    const snapshot = snapshotReady(marche);
    const commands: Command[] = [
        { name: 'node -e 0', argv: [node, '-e', '0'] },
        { name: 'cpiplan --version', argv: [node, cli, '--version'] },
        ...examples.map(f => ({ name: `cpiplan check ${f}`, argv: [node, cli, 'check', path.join(root, 'examples', f)] })),
        // The same check without the snapshot, for comparison (`env` sets the variable; POSIX only, as the benchmark).
        { name: 'cpiplan check marche-2020.cpiplan, no snapshot', argv: ['env', 'CPIPLAN_NO_SNAPSHOT=1', node, cli, 'check', marche] },
        // The command a user runs, as npm installs it.
        ...installed === undefined ? [] : [
            { name: 'installed: cpiplan --version', argv: [installed, '--version'] },
            ...examples.map(f => ({ name: `installed: cpiplan check ${f}`, argv: [installed, 'check', path.join(root, 'examples', f)] }))
        ]
    ];
    const timings = timeCommands(commands, runs, 3);
    const base = timings[0];
    const rows = timings.map((t, i) => [
        t.name,
        ms(t.medianMs),
        ms(t.wall[0] * 1000),
        ms(t.wall[t.wall.length - 1] * 1000),
        ratio(t.medianMs, base.medianMs),
        `+${ms(t.medianMs - base.medianMs)}`,
        ms(cpu(t)),
        ratio(cpu(t), cpu(base)),
        mib(runOnce(commands[i]).peakMiB)
    ]);
    say(`\n## 1. Cold CLI (${runs} runs each after 3 warm-ups; wall ms; cpu = mean user + system ms, all threads; start-up snapshot ${snapshot}; `
        + '`cpiplan` rows: `node bin/cpiplan.cjs` in this checkout; `installed:` rows: the package installed with npm)\n\n');
    say(table(['command', 'median', 'min', 'max', '× node -e 0', 'over node', 'cpu', 'cpu ×', 'peak MiB'], rows));
}

// ---------------------------------------------------------------------------------------------
// 2. cpiplan check next to the checkers of plain-text accounting

interface Tool {
    readonly name: string;
    readonly available: boolean;
    command(files: GeneratedFiles): Command;
}

interface GeneratedFiles {
    readonly lines: number;
    readonly plan: string;
    readonly beancount: string;
    readonly journal: string;
}

function generate(dir: string, target: number): GeneratedFiles {
    const text = syntheticPlan(target);
    const lines = text.split('\n').length - 1;
    const files = {
        lines,
        plan: path.join(dir, `plan-${target}.cpiplan`),
        beancount: path.join(dir, `ledger-${target}.beancount`),
        journal: path.join(dir, `ledger-${target}.journal`)
    };
    fs.writeFileSync(files.plan, text);
    fs.writeFileSync(files.beancount, beancountLedger(lines));
    fs.writeFileSync(files.journal, ledgerJournal(lines));
    return files;
}

function tools(installed: string | undefined): Tool[] {
    const cpiplan = installed === undefined ? [node, cli] : [installed];
    return [
        { name: 'cpiplan check', available: true, command: f => ({ name: 'cpiplan check', argv: [...cpiplan, 'check', f.plan] }) },
        { name: 'bean-check -C', available: versionOf('bean-check') !== undefined, command: f => ({ name: 'bean-check -C', argv: ['bean-check', '-C', f.beancount] }) },
        { name: 'hledger check', available: versionOf('hledger') !== undefined, command: f => ({ name: 'hledger check', argv: ['hledger', 'check', '-f', f.journal] }) },
        { name: 'ledger bal', available: versionOf('ledger') !== undefined, command: f => ({ name: 'ledger bal', argv: ['ledger', '-f', f.journal, 'bal'] }) }
    ];
}

function sideBySide(dir: string, sizes: number[], installed: string | undefined): void {
    const all = tools(installed);
    say(`\n## 2. Cold check of generated files of equal line count (wall ms; ÷ = cpiplan / tool; cpu = mean user + system ms; cpiplan ${installed === undefined ? 'of this checkout' : 'installed with npm'})\n\n`);
    for (const tool of all.filter(t => !t.available)) {
        say(`note: ${tool.name.split(' ')[0]} is not installed: skipped (apt-get install -y beancount hledger ledger).\n`);
    }
    const rows: string[][] = [];
    for (const size of sizes) {
        const files = generate(dir, size);
        const usable: Command[] = [];
        const peaks: (number | undefined)[] = [];
        for (const tool of all.filter(t => t.available)) {
            const command = tool.command(files);
            const once = runOnce(command);
            if (once.status !== 0) {
                say(`note: ${command.name} exits ${once.status} on ${files.lines} lines: skipped (${(once.stderr || once.stdout).trim().split('\n')[0]}).\n`);
                continue;
            }
            usable.push(command);
            peaks.push(once.peakMiB);
        }
        const runs = size >= 100_000 ? 3 : size >= 10_000 ? 5 : 10;
        const timings: Timing[] = timeCommands(usable, runs, size >= 100_000 ? 0 : 1);
        const cpiplan = timings.find(t => t.name === 'cpiplan check');
        const cpiplanPeak = cpiplan === undefined ? undefined : peaks[timings.indexOf(cpiplan)];
        timings.forEach((t, i) => rows.push([
            String(files.lines),
            t.name,
            ms(t.medianMs),
            ms(t.wall[0] * 1000),
            ms(t.wall[t.wall.length - 1] * 1000),
            cpiplan && t !== cpiplan ? ratio(cpiplan.medianMs, t.medianMs) : '',
            ms(cpu(t)),
            cpiplan && t !== cpiplan ? ratio(cpu(cpiplan), cpu(t)) : '',
            mib(peaks[i]),
            peaks[i] === undefined ? '–' : ((peaks[i] ?? 0) * 1024 / files.lines).toFixed(2),
            cpiplan && t !== cpiplan && peaks[i] !== undefined && cpiplanPeak !== undefined ? ratio(cpiplanPeak, peaks[i] ?? 1) : ''
        ]));
    }
    say(table(['lines', 'tool', 'median', 'min', 'max', 'cpiplan ÷', 'cpu', 'cpu ÷', 'peak MiB', 'KiB/line', 'mem ÷'], rows));
}

// ---------------------------------------------------------------------------------------------
// 3. LSP keystroke latency

/** `text` with the item after the one whose figure the keystrokes change (bench/lsp.ts) written without its amount: the block typed in is broken. */
function brokenNearEdit(text: string): string {
    const edited = text.indexOf('€ ', Math.floor(text.length / 2));
    const next = text.indexOf('\n', edited) + 1;
    const line = text.slice(next, text.indexOf('\n', next));
    return text.slice(0, next) + line.replace(/ € [0-9.,]+/, '') + text.slice(next + line.length);
}

/** `text` with the first item's title left without its opening quote: a block far from the one typed in is broken. */
function brokenFirstItem(text: string): string {
    return text.replace(/voce "/, 'voce ');
}

async function lspLatency(dir: string, sizes: number[]): Promise<void> {
    const files = fs.readdirSync(path.join(root, 'examples')).filter(f => f.endsWith('.cpiplan')).sort().map(f => path.join(root, 'examples', f));
    for (const size of sizes.filter(s => s <= 10_000)) {
        const plan = path.join(dir, `plan-${size}.cpiplan`);
        if (!fs.existsSync(plan)) {
            fs.writeFileSync(plan, syntheticPlan(size));
        }
        files.push(plan);
    }
    // While an analyst types, the plan is often broken somewhere: in the line being typed in, or in another.
    const largest = Math.max(...sizes.filter(s => s <= 10_000));
    if (Number.isFinite(largest)) {
        const text = syntheticPlan(largest);
        for (const [name, broken] of [['broken-here', brokenNearEdit(text)], ['broken-elsewhere', brokenFirstItem(text)]] as const) {
            const plan = path.join(dir, `plan-${largest}-${name}.cpiplan`);
            fs.writeFileSync(plan, broken);
            files.push(plan);
        }
    }
    const rows: string[][] = [];
    for (const file of files) {
        const size = fs.statSync(file).size;
        const edits = size > 200_000 ? 15 : 30;
        const result = await measureLatency([bundle, 'lsp', '--stdio'], file, edits);
        rows.push([
            path.basename(file),
            String(result.lines),
            ms(result.openMs),
            ms(percentile(result.editsMs, 0.5)),
            ms(percentile(result.editsMs, 0.9)),
            ms(result.editsMs[0]),
            ms(result.editsMs[result.editsMs.length - 1]),
            String(result.editsMs.length),
            ms(result.cpuPerEditMs),
            mib(result.serverPeakRssMiB)
        ]);
    }
    say('\n## 3. Keystroke → diagnostics over JSON-RPC (`cpiplan lsp --stdio`, one server per file; wall ms; cpu/edit = server user + system ms per edit)\n\n');
    say(table(['file', 'lines', 'open', 'median', 'p90', 'min', 'max', 'edits', 'cpu/edit', 'server peak MiB'], rows));
}

// ---------------------------------------------------------------------------------------------
// 4. In process, one child per size so that peak memory is its own

async function measureInProcess(lines: number): Promise<Record<string, string>> {
    const rulesDir = findRulesDir(root);
    const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem, rulesDir });
    const workspace = Cpiplan.shared.workspace;
    const rules = rulesDir === undefined ? [] : fs.readdirSync(rulesDir).map(f => {
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
    // What the build holds, not the garbage it left: collect first (the child runs with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;

    const runs = lines >= 100_000 ? 3 : 7;
    const edited = (i: number) => {
        const at = text.indexOf('€ 1.234,50', Math.floor(text.length / 2) + i * 97);
        return text.slice(0, at + 2) + String((i % 8) + 2) + text.slice(at + 3);
    };
    // A keystroke as the language server takes it: the editor's text changes, the builder updates the
    // document (re-parsing the block the change is in, when it can: syntax/incremental.ts), links and validates it.
    const textDocuments = workspace.TextDocuments;
    const keystrokes: number[] = [];
    if (textDocuments) {
        for (let i = 0; i < runs; i++) {
            textDocuments.set(TextDocument.create(uri.toString(), 'cpiplan', i + 1, edited(i)));
            start = performance.now();
            await workspace.DocumentBuilder.update([uri], []);
            keystrokes.push(performance.now() - start);
        }
        textDocuments.delete(uri.toString());
    }
    keystrokes.sort((a, b) => a - b);
    // The same edits with the whole text parsed again, as a new document.
    const edits: number[] = [];
    for (let i = 0; i < runs; i++) {
        start = performance.now();
        await workspace.DocumentBuilder.update([], [uri]);
        document = workspace.LangiumDocumentFactory.fromString(edited(i), uri);
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
        'heap after build MiB': heapMiB.toFixed(0),
        'peak RSS MiB': peakMiB.toFixed(0),
        'keystroke median ms': keystrokes.length > 0 ? keystrokes[Math.floor(keystrokes.length / 2)].toFixed(0) : '—',
        'whole re-parse median ms': edits[Math.floor(edits.length / 2)].toFixed(0),
        'errors (sanity)': String(errors)
    };
}

function inProcess(sizes: number[]): void {
    const rows: Record<string, string>[] = [];
    for (const size of sizes) {
        const child = spawnSync(node, ['--max-old-space-size=8192', '--expose-gc', process.argv[1], '--in-process', String(size)], { encoding: 'utf8' });
        const last = child.stdout.trim().split('\n').at(-1);
        if (child.status !== 0 || last === undefined) {
            say(`note: the in-process run at ${size} lines failed: ${child.stderr.trim().split('\n')[0]}\n`);
            continue;
        }
        rows.push(JSON.parse(last) as Record<string, string>);
    }
    if (rows.length === 0) {
        return;
    }
    const columns = Object.keys(rows[0]);
    say('\n## 4. In process (Langium services without the CLI; one child per size)\n\n');
    say(table(columns, rows.map(r => columns.map(c => r[c]))));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
    const snapshot = option('--heap-snapshot');
    if (snapshot !== undefined) {
        await heapSnapshotChild(Number(snapshot), process.argv[process.argv.indexOf('--heap-snapshot') + 2]);
        return;
    }
    const sampling = option('--sampling-heap');
    if (sampling !== undefined) {
        await samplingHeapChild(Number(sampling));
        return;
    }
    if (process.argv.includes('--profile')) {
        const dir = process.argv[process.argv.indexOf('--profile') + 1];
        await profileAll(root, dir === undefined || dir.startsWith('--') ? undefined : dir, option('--only'));
        return;
    }
    const single = option('--in-process');
    if (single !== undefined) {
        process.stdout.write(JSON.stringify(await measureInProcess(Number(single))) + '\n');
        return;
    }
    if (!fs.existsSync(bundle)) {
        throw new Error(`${bundle} is missing: run 'npm run bundle' first`);
    }
    const sizes = (option('--sizes') ?? '1000,10000,100000').split(',').map(Number);
    const runs = Number(option('--runs') ?? '20');
    const keep = option('--keep');
    const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-bench-'));
    fs.mkdirSync(dir, { recursive: true });

    const started = Date.now();
    say(`# cpiplan benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n`);
    say(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
    say(`timing: ${hasHyperfine ? versionOf('hyperfine') : 'own interleaved loop (hyperfine not installed)'}; peak memory: ${hasGnuTime ? 'GNU time %M' : 'not measured (/usr/bin/time missing)'}\n`);
    say(`tools: ${['bean-check', 'hledger', 'ledger'].map(t => `${t} ${versionOf(t) ?? 'missing'}`).join('; ')}\n`);
    say(`load average at start: ${load()}\n`);
    try {
        const installed = installedCli(dir);
        coldCli(runs, installed);
        say(`load average: ${load()}\n`);
        sideBySide(dir, sizes, installed);
        say(`load average: ${load()}\n`);
        await lspLatency(dir, sizes);
        say(`load average: ${load()}\n`);
        inProcess(sizes);
        say(`\nload average at end: ${load()}; ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
    } finally {
        if (keep === undefined) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
}

main().catch(error => {
    process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
});
