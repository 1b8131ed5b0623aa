/**
 * `node out/bench.cjs --profile [DIR]`: the profiles behind bench/PROFILE.md, summarised.
 *   - `--cpu-prof` of cold `cpiplan --version`, of cold `cpiplan check` on Marche and on a 10k-line plan;
 *   - `--cpu-prof` of the language server, counting only the samples taken during keystrokes on the 10k plan;
 *   - a heap snapshot after building a 10k-line plan (bytes per object type and per line), and a
 *     sampling heap profile of what stays live after building a 100k-line plan (bytes per allocating function);
 *   - what loading each heavy dependency costs as bundled (hyperfine on one-import bundles);
 *   - whether this Node has a module compile cache, and what V8's code cache would save.
 * The profiles stay in DIR (default: a temporary folder that is removed).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Plugin } from 'esbuild';
import { EmptyFileSystem, URI } from 'langium';
import { createCpiplanServices } from '../src/language/cpiplan-module.js';
import { findRulesDir } from '../src/language/workspace.js';
import { syntheticPlan } from './generate.js';
import { measureLatency, percentile } from './lsp.js';
import { summarizeCpu, summarizeHeapSnapshot, summarizeSamplingHeap, type CpuProfile } from './profile.js';
import { timeCommands, type Command, type Timing } from './timing.js';

const say = (text: string) => process.stdout.write(text);

function newestProfile(dir: string): CpuProfile {
    const file = fs.readdirSync(dir).filter(f => f.endsWith('.cpuprofile')).sort().at(-1);
    if (file === undefined) {
        throw new Error(`no profile in ${dir}`);
    }
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
}

function cpuProfileOf(dir: string, name: string, args: string[]): CpuProfile {
    const into = path.join(dir, name);
    fs.mkdirSync(into, { recursive: true });
    spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${into}`, '--cpu-prof-interval=100', ...args], { stdio: 'ignore' });
    return newestProfile(into);
}

/** Builds a plan in this process (as the CLI does, without the file system), and returns what holds it. */
async function buildPlan(lines: number): Promise<{ keep: unknown; lines: number }> {
    const rulesDir = findRulesDir(path.resolve(__dirname, '..'));
    const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem, rulesDir });
    const workspace = Cpiplan.shared.workspace;
    const documents = [];
    for (const f of rulesDir === undefined ? [] : fs.readdirSync(rulesDir)) {
        const document = workspace.LangiumDocumentFactory.fromString(fs.readFileSync(path.join(rulesDir ?? '', f), 'utf8'), URI.file(path.join(rulesDir ?? '', f)));
        workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    const text = syntheticPlan(lines);
    const document = workspace.LangiumDocumentFactory.fromString(text, URI.file('/bench/plan.cpiplan'));
    workspace.LangiumDocuments.addDocument(document);
    documents.push(document);
    await workspace.DocumentBuilder.build(documents, { validation: true });
    return { keep: Cpiplan, lines: text.split('\n').length - 1 };
}

/** Child mode: a heap snapshot after building `lines` lines, summarised. */
export async function heapSnapshotChild(lines: number, file: string): Promise<void> {
    const before = process.memoryUsage().heapUsed;
    const built = await buildPlan(lines);
    global.gc?.();
    const after = process.memoryUsage().heapUsed;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    v8.writeHeapSnapshot(file);
    const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
    say(`heap used after build and GC: ${(after / 2 ** 20).toFixed(1)} MiB, of which the plan and the services ${((after - before) / 2 ** 20).toFixed(1)} MiB = ${((after - before) / built.lines).toFixed(0)} B per line; peak RSS before the snapshot ${peakMiB.toFixed(0)} MiB\n`);
    say(summarizeHeapSnapshot(snapshot, built.lines));
    void built.keep;
}

/** Child mode: sampling heap profile of what stays live after building `lines` lines. */
export async function samplingHeapChild(lines: number): Promise<void> {
    const session = new Session();
    session.connect();
    const post = <T>(method: string, params?: object) => new Promise<T>((resolve, reject) =>
        session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', { samplingInterval: 4096 });
    const start = performance.now();
    const built = await buildPlan(lines);
    const buildMs = performance.now() - start;
    global.gc?.();
    const { profile } = await post<{ profile: { head: Parameters<typeof summarizeSamplingHeap>[0] } }>('HeapProfiler.stopSampling');
    const heap = process.memoryUsage();
    say(`${built.lines} lines: build ${buildMs.toFixed(0)} ms (under the sampler); heap used after GC ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB = ${(heap.heapUsed / built.lines).toFixed(0)} B/line; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`);
    say(summarizeSamplingHeap(profile.head, built.lines));
    void built.keep;
}

/** What loading one dependency costs as bundled: a bundle with one import, timed against `node -e 0`. */
async function loadCosts(root: string, dir: string): Promise<void> {
    // esbuild is a development dependency and external to this bundle.
    const esbuild = await import('esbuild');
    const entries: [string, string][] = [
        ['commander', `import * as m from 'commander'; globalThis.m = m;`],
        ['langium (core)', `import * as m from 'langium'; globalThis.m = m;`],
        ['langium + langium/node', `import * as m from 'langium'; import * as n from 'langium/node'; globalThis.m = [m, n];`],
        ['exceljs', `import * as m from 'exceljs'; globalThis.m = m;`],
        ['csv-stringify + escape-html', `import * as m from 'csv-stringify/sync'; import e from 'escape-html'; globalThis.m = [m, e];`],
        ['cpiplan language module, imported', `import * as m from './src/language/cpiplan-module.ts'; globalThis.m = m;`],
        ['cpiplan language module + createCpiplanServices()', `import { createCpiplanServices } from './src/language/cpiplan-module.ts'; import { EmptyFileSystem } from 'langium'; globalThis.m = createCpiplanServices(EmptyFileSystem);`],
        ['generator (tables, md/html/csv; no xlsx)', `import * as a from './src/generator/build-tables.ts'; import * as b from './src/generator/render.ts'; import * as c from './src/generator/diff-tables.ts'; globalThis.m = [a, b, c];`],
        ['generator xlsx writer', `import * as m from './src/generator/render-xlsx.ts'; globalThis.m = m;`]
    ];
    const commands: Command[] = [{ name: 'node -e 0', argv: [process.execPath, '-e', '0'] }];
    const sizes: string[] = [];
    for (const [index, [name, contents]] of entries.entries()) {
        const outfile = path.join(dir, `load-${index}.cjs`);
        await esbuild.build({
            stdin: { contents, resolveDir: root, loader: 'ts' },
            bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, keepNames: true,
            outfile, logLevel: 'error'
        });
        sizes.push(`${(fs.statSync(outfile).size / 1024).toFixed(0)} KiB`);
        commands.push({ name, argv: [process.execPath, outfile] });
    }
    commands.push({ name: 'whole CLI bundle, --version', argv: [process.execPath, path.join(root, 'out', 'cli.cjs'), '--version'] });
    sizes.push(`${(fs.statSync(path.join(root, 'out', 'cli.cjs')).size / 1024).toFixed(0)} KiB`);
    const timings = timeCommands(commands, 20, 2);
    const base = timings[0];
    const cpu = (t: Timing) => (t.userMs ?? NaN) + (t.systemMs ?? NaN);
    say('bundle                                                  size  wall median  over node -e 0  cpu mean  over node -e 0\n');
    timings.forEach((t, i) => say(`${t.name.padEnd(52)} ${(i === 0 ? '' : sizes[i - 1]).padStart(9)} ${t.medianMs.toFixed(1).padStart(12)} ${(i === 0 ? '' : `+${(t.medianMs - base.medianMs).toFixed(1)}`).padStart(15)} ${cpu(t).toFixed(1).padStart(9)} ${(i === 0 ? '' : `+${(cpu(t) - cpu(base)).toFixed(1)}`).padStart(15)}\n`));

    // Bytes of the CLI bundle per package, from esbuild's metafile.
    const result = await esbuild.build({
        entryPoints: [path.join(root, 'src', 'cli', 'index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
        minify: true, keepNames: true, write: false, metafile: true, outdir: dir, external: ['vscode'], logLevel: 'error'
    });
    const byPackage = new Map<string, number>();
    for (const output of Object.values(result.metafile.outputs)) {
        for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
            const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
            const key = match ? match[1] : input.startsWith('src/') ? input.split('/').slice(0, input.includes('/generated/') ? 3 : 2).join('/') : input;
            byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
        }
    }
    say('\nCLI bundle bytes per package or folder (minified):\n');
    for (const [key, bytes] of [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
        say(`${(bytes / 1024).toFixed(0).padStart(8)} KiB  ${key}\n`);
    }
}

/** Node's compile cache (22.1+), and V8's code cache by hand (what `v8-compile-cache` does) on this Node. */
function compileCache(root: string, dir: string): void {
    const module = Module as unknown as Record<string, unknown>;
    say(`node ${process.version}: module.enableCompileCache is ${typeof module.enableCompileCache}; NODE_COMPILE_CACHE is ${typeof module.enableCompileCache === 'function' ? 'honoured' : 'ignored (added in Node 22.1)'}\n`);
    const bundle = path.join(root, 'out', 'cli.cjs');
    const cache = path.join(dir, 'cli.cjs.v8cache');
    // Produce the cache after a run, so that the lazily compiled functions that ran are in it.
    const loader = path.join(dir, 'cached-loader.cjs');
    fs.writeFileSync(loader, `
const fs = require('fs'), vm = require('vm'), path = require('path'), Module = require('module');
const file = ${JSON.stringify(bundle)}, cache = ${JSON.stringify(cache)};
const source = fs.readFileSync(file, 'utf8');
const cachedData = fs.existsSync(cache) ? fs.readFileSync(cache) : undefined;
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (cachedData && script.cachedDataRejected) { process.stderr.write('code cache rejected\\n'); }
const m = new Module(file, module); m.filename = file; m.paths = Module._nodeModulePaths(path.dirname(file));
process.on('exit', () => { if (!cachedData) fs.writeFileSync(cache, script.createCachedData()); });
script.runInThisContext()(m.exports, require('module').createRequire(file), m, file, path.dirname(file));
`);
    const marche = path.join(root, 'examples', 'marche-2020.cpiplan');
    spawnSync(process.execPath, [loader, 'check', marche], { stdio: 'ignore' });
    const commands: Command[] = [
        { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
        { name: 'cpiplan --version', argv: [process.execPath, bundle, '--version'] },
        { name: 'cpiplan --version, V8 code cache', argv: [process.execPath, loader, '--version'] },
        { name: 'cpiplan check Marche', argv: [process.execPath, bundle, 'check', marche] },
        { name: 'cpiplan check Marche, V8 code cache', argv: [process.execPath, loader, 'check', marche] }
    ];
    const check = spawnSync(process.execPath, [loader, 'check', marche], { encoding: 'utf8' });
    say(`code cache ${(fs.statSync(cache).size / 1024).toFixed(0)} KiB; the loader's check prints the same as the CLI: ${check.stdout === spawnSync(process.execPath, [bundle, 'check', marche], { encoding: 'utf8' }).stdout}${check.stderr ? `; stderr: ${check.stderr.trim()}` : ''}\n`);
    const timings = timeCommands(commands, 20, 2);
    for (const t of timings) {
        say(`${t.name.padEnd(40)} wall median ${t.medianMs.toFixed(1).padStart(7)} ms  ${(t.medianMs / timings[0].medianMs).toFixed(2)}× node -e 0;  cpu mean ${((t.userMs ?? NaN) + (t.systemMs ?? NaN)).toFixed(1).padStart(7)} ms\n`);
    }
}

/**
 * What two levers would give, measured on variants of the CLI bundle built here (src/ untouched):
 * without esbuild's keepNames (its `__name` helper runs for every function and class created), and
 * without exceljs at start-up (the xlsx writer replaced by a stub, as a lazy import would leave it).
 */
async function levers(root: string, plan10k: string): Promise<void> {
    const esbuild = await import('esbuild');
    const dir = path.join(root, 'out', 'bench-variants');
    fs.mkdirSync(dir, { recursive: true });
    const stubXlsx: Plugin = {
        name: 'stub-xlsx',
        setup(build) {
            build.onResolve({ filter: /render-xlsx\.js$/ }, () => ({ path: 'render-xlsx', namespace: 'stub' }));
            build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export async function renderXlsx(): Promise<Buffer> { throw new Error("stub"); }', loader: 'ts' }));
        }
    };
    const variants: [string, boolean, boolean][] = [['as built', true, false], ['no keepNames', false, false], ['no exceljs at start', true, true], ['both', false, true]];
    const bundles: [string, string][] = [];
    for (const [index, [name, keepNames, stub]] of variants.entries()) {
        const outfile = path.join(dir, `cli-${index}.cjs`);
        await esbuild.build({
            entryPoints: [path.join(root, 'src', 'cli', 'index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
            minify: true, keepNames, outfile, external: ['vscode'], logLevel: 'error', plugins: stub ? [stubXlsx] : []
        });
        bundles.push([name, outfile]);
    }
    const marche = path.join(root, 'examples', 'marche-2020.cpiplan');
    for (const [label, args] of [['--version', ['--version']], ['check Marche', ['check', marche]], ['check 10k', ['check', plan10k]]] as [string, string[]][]) {
        const commands: Command[] = [{ name: 'node -e 0', argv: [process.execPath, '-e', '0'] }, ...bundles.map(([name, file]) => ({ name, argv: [process.execPath, file, ...args] }))];
        const timings = timeCommands(commands, label === 'check 10k' ? 5 : 15, 2);
        say(`\ncold ${label}:\n`);
        for (const t of timings) {
            const cpuMs = (t.userMs ?? NaN) + (t.systemMs ?? NaN);
            say(`  ${t.name.padEnd(22)} wall median ${t.medianMs.toFixed(1).padStart(7)} ms (${(t.medianMs / timings[1].medianMs).toFixed(2)} of as built)  cpu ${cpuMs.toFixed(1).padStart(7)} ms (${(cpuMs / ((timings[1].userMs ?? NaN) + (timings[1].systemMs ?? NaN))).toFixed(2)})\n`);
        }
    }
    say('\nkeystrokes (server cpu per edit, wall median), as built vs no keepNames, alternating:\n');
    for (const file of [marche, plan10k]) {
        for (const [name, bundle] of [bundles[0], bundles[1], bundles[0], bundles[1]]) {
            const result = await measureLatency([bundle, 'lsp', '--stdio'], file, file === marche ? 40 : 12);
            say(`  ${path.basename(file).padEnd(22)} ${name.padEnd(14)} cpu/edit ${(result.cpuPerEditMs ?? NaN).toFixed(1).padStart(7)} ms  wall median ${percentile(result.editsMs, 0.5).toFixed(1).padStart(7)} ms\n`);
        }
    }
    fs.rmSync(dir, { recursive: true, force: true });
}

export async function profileAll(root: string, keep: string | undefined, only?: string): Promise<void> {
    const part = (name: string) => only === undefined || only.split(',').includes(name);
    const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-profile-'));
    fs.mkdirSync(dir, { recursive: true });
    const bundle = path.join(root, 'out', 'cli.cjs');
    const marche = path.join(root, 'examples', 'marche-2020.cpiplan');
    const plan10k = path.join(dir, 'plan-10000.cpiplan');
    fs.writeFileSync(plan10k, syntheticPlan(10_000));
    say(`# cpiplan profiles, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, load average ${os.loadavg().map(l => l.toFixed(2)).join(' ')}\n`);
    try {
        if (part('cold')) {
            say('\n## cold `cpiplan --version` (--cpu-prof)\n\n');
            say(summarizeCpu(cpuProfileOf(dir, 'version', [bundle, '--version'])));
            say('\n## cold `cpiplan check` Marche (--cpu-prof)\n\n');
            say(summarizeCpu(cpuProfileOf(dir, 'marche', [bundle, 'check', marche])));
            say('\n## cold `cpiplan check` 10k-line plan (--cpu-prof)\n\n');
            say(summarizeCpu(cpuProfileOf(dir, 'check-10k', [bundle, 'check', plan10k])));
        }
        if (part('server')) {
            say('\n## language server, keystrokes on the 10k-line plan (--cpu-prof; samples during the edits only)\n\n');
            const serverDir = path.join(dir, 'server');
            fs.mkdirSync(serverDir, { recursive: true });
            const result = await measureLatency(['--cpu-prof', `--cpu-prof-dir=${serverDir}`, '--cpu-prof-interval=100', bundle, 'lsp', '--stdio'], plan10k, 15);
            say(`edits ${result.editsMs.length}, median ${percentile(result.editsMs, 0.5).toFixed(0)} ms, p90 ${percentile(result.editsMs, 0.9).toFixed(0)} ms (under the profiler)\n`);
            say(summarizeCpu(newestProfile(serverDir), { fromMicros: result.editsStartedMicros, functions: 30 }));
        }
        if (part('heap')) {
            for (const lines of [10_000]) {
                say(`\n## heap snapshot after building a ${lines}-line plan in process\n\n`);
                const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', process.argv[1], '--heap-snapshot', String(lines), path.join(dir, `plan-${lines}.heapsnapshot`)], { encoding: 'utf8', maxBuffer: 1 << 26 });
                say(child.stdout + (child.status === 0 ? '' : `failed: ${child.stderr}\n`));
            }
            for (const lines of [10_000, 100_000]) {
                say(`\n## sampling heap profile: live after building a ${lines}-line plan in process\n\n`);
                const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', process.argv[1], '--sampling-heap', String(lines)], { encoding: 'utf8', maxBuffer: 1 << 26 });
                say(child.stdout + (child.status === 0 ? '' : `failed: ${child.stderr}\n`));
            }
        }
        if (part('load')) {
            say('\n## loading cost of each dependency as bundled (20 runs each)\n\n');
            await loadCosts(root, dir);
            say('\n## compile cache\n\n');
            compileCache(root, dir);
        }
        if (part('levers')) {
            say('\n## levers tried on bundle variants\n');
            await levers(root, plan10k);
        }
        say(`\nload average at end: ${os.loadavg().map(l => l.toFixed(2)).join(' ')}\n`);
    } finally {
        if (keep === undefined) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
}
