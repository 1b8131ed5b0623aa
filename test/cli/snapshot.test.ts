/**
 * Commands run from a V8 start-up snapshot (src/cli/snapshot.ts): the same output and exit code as
 * the usual path, a snapshot made in the background after a run that found none, and any snapshot
 * that is not this build's, not this package's or not intact left unused. Every test has a TMPDIR
 * of its own (the snapshots live under it), so that none races with a user's snapshot or another test's.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { snapshotUsable, snapshotWanted, stampSnapshot, type SnapshotFiles } from '../../src/cli/snapshot.js';
import { repoRoot } from '../helpers.js';
import { environment, filesUnder, removeSnapshotTmps, snapshotBuilt, snapshotTmp } from './snapshot-helpers.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');
const example = (name: string) => path.join('examples', name);
const examples = ['marche-2020.cpiplan', 'puglia-2020.cpiplan', 'valle-d-aosta-2020.cpiplan'].map(example);

interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

function run(tmp: string, args: string[], extra: Record<string, string> = {}, bin = cli, cwd = repoRoot): Run {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: environment(tmp, extra) });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Which of the CLI's bundles the launching process loaded: `cli.cjs` alone when the command ran in
 * a process started from the snapshot, `cli.cjs,cli-commands.cjs` when it ran in the launcher itself.
 */
function loadedBundles(tmp: string, args: string[], extra: Record<string, string> = {}, bundles = path.join(repoRoot, 'out')): string {
    // A script, not `node -e`: a Node started with options of its own (`-e` is one) never uses a snapshot.
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-loaded-')), 'loaded.cjs');
    fs.writeFileSync(script, `
        process.argv = [process.argv[0], 'cpiplan', ...${JSON.stringify(args)}];
        process.on('exit', () => process.stderr.write('\\n' + Object.keys(require.cache).map(f => require('path').basename(f)).filter(f => f !== 'loaded.cjs').join(',')));
        require(${JSON.stringify(path.join(bundles, 'cli.cjs'))});
    `);
    const result = spawnSync(process.execPath, [script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: environment(tmp, extra) });
    return result.stderr.trim().split('\n').at(-1) ?? '';
}

/** A TMPDIR with a snapshot of the repository's CLI in it, made as a user's first run makes it. */
async function tmpWithSnapshot(): Promise<{ tmp: string; files: SnapshotFiles }> {
    const tmp = snapshotTmp();
    const files = filesUnder(tmp);
    expect(snapshotUsable(files)).toBe(false);
    run(tmp, ['check', example('valle-d-aosta-2020.cpiplan')]);
    await snapshotBuilt(files);
    return { tmp, files };
}

let shared: { tmp: string; files: SnapshotFiles };

beforeAll(async () => {
    if (!fs.existsSync(path.join(repoRoot, 'out', 'cli-snapshot.cjs'))) {
        throw new Error('The CLI is not built: run `npm run build` (npm test does it).');
    }
    shared = await tmpWithSnapshot();
}, 120_000);

afterAll(removeSnapshotTmps);

describe('which runs start from a snapshot', () => {
    test('the commands that use the language, not --version, --help, new or lsp', () => {
        for (const args of [['check', 'x.cpiplan'], ['tables', 'x'], ['diff', 'a', 'b'], ['document', 'x'], ['import', 'x.xlsx']]) {
            expect(snapshotWanted(args, {}, []), args.join(' ')).toBe(true);
        }
        for (const args of [[], ['--version'], ['-V'], ['--help'], ['check', '--help'], ['tables', '-h', 'x'], ['new', 'x'], ['lsp', '--stdio'], ['help', 'check']]) {
            expect(snapshotWanted(args, {}, []), args.join(' ')).toBe(false);
        }
        expect(snapshotWanted(['check', 'x.cpiplan'], { CPIPLAN_NO_SNAPSHOT: '1' }, [])).toBe(false);
        // Node's own options (a profile, V8 flags) are for the code as it is loaded usually.
        expect(snapshotWanted(['check', 'x.cpiplan'], {}, ['--cpu-prof'])).toBe(false);
    });

    test('parallel runs that find none start one builder between them', async () => {
        const tmp = snapshotTmp();
        const files = filesUnder(tmp);
        const runs = Array.from({ length: 6 }, () => spawn(process.execPath, [cli, 'check', example('valle-d-aosta-2020.cpiplan')],
            { cwd: repoRoot, env: environment(tmp), stdio: 'ignore' }));
        // Each builder writes its blob to a temporary file of its own: more than one at a time would be more than one builder.
        let most = 0;
        const exited = Promise.all(runs.map(child => new Promise(resolve => child.on('exit', resolve))));
        for (const deadline = Date.now() + 90_000; !(snapshotUsable(files) && !fs.existsSync(files.lock)) && Date.now() < deadline;) {
            const building = fs.existsSync(files.folder) ? fs.readdirSync(files.folder).filter(f => /\.blob\.\d+\.tmp$/.test(f)) : [];
            most = Math.max(most, building.length);
            await new Promise(resolve => setTimeout(resolve, 10));
        }
        await exited;
        await snapshotBuilt(files);
        expect(most).toBe(1);
        expect(fs.readdirSync(files.folder).sort()).toEqual([path.basename(files.blob), path.basename(files.stamp)].sort());
    }, 120_000);

    test('a run with the snapshot in place starts from it, unless CPIPLAN_NO_SNAPSHOT=1', () => {
        expect(loadedBundles(shared.tmp, ['check', example('marche-2020.cpiplan')])).toBe('cli.cjs');
        expect(loadedBundles(shared.tmp, ['check', example('marche-2020.cpiplan')], { CPIPLAN_NO_SNAPSHOT: '1' })).toBe('cli.cjs,cli-commands.cjs');
    });

    test('a run that finds none runs as usual, and one is made after it', async () => {
        const empty = snapshotTmp();
        expect(loadedBundles(empty, ['check', example('marche-2020.cpiplan')])).toBe('cli.cjs,cli-commands.cjs');
        await snapshotBuilt(filesUnder(empty));
        expect(loadedBundles(empty, ['check', example('marche-2020.cpiplan')])).toBe('cli.cjs');
    });
});

describe('the same output and exit code as the usual path', () => {
    const cases: [string, string[], Record<string, string>][] = [
        ...examples.flatMap((file): [string, string[], Record<string, string>][] => [
            [`${file} as text`, ['check', file], {}],
            [`${file} as JSON`, ['check', '--format', 'json', file], {}],
            [`${file} as SARIF`, ['check', '-f', 'sarif', file], {}],
            [`${file} with --locale it`, ['check', '--locale', 'it', file], {}],
            [`${file} in Italian from LANG`, ['check', file], { LANG: 'it_IT.UTF-8' }]
        ]),
        ['three plans at once', ['check', ...examples], {}],
        ['an unreadable path', ['check', 'examples/no-such-plan.cpiplan'], {}],
        ['an unreadable path, in Italian', ['check', '--locale', 'it', 'examples/no-such-plan.cpiplan'], {}],
        ['a file that is not a plan', ['check', 'package.json'], {}],
        ['an unknown option', ['check', '--frobnicate', example('marche-2020.cpiplan')], {}],
        ['tables as Markdown', ['tables', example('puglia-2020.cpiplan')], {}],
        ['diff of two versions', ['diff', example('marche-2020.cpiplan'), example('valle-d-aosta-2020.cpiplan')], {}]
    ];
    test.each(cases)('check %s', (_name, args, extra) => {
        const usual = run(shared.tmp, args, { ...extra, CPIPLAN_NO_SNAPSHOT: '1' });
        expect(run(shared.tmp, args, extra)).toEqual(usual);
    });

    test('the locale is read when the command runs, not when the snapshot was made', () => {
        const english = run(shared.tmp, ['check', example('marche-2020.cpiplan')]);
        const italian = run(shared.tmp, ['check', example('marche-2020.cpiplan')], { LANG: 'it_IT.UTF-8' });
        expect(english.stdout).toContain('1 file checked');
        expect(italian.stdout).toContain('1 file controllato');
    });

    test('the bundles loaded when used (XLSX, DOCX, office readers) load in a run from the snapshot', () => {
        const outputs = (extra: Record<string, string>) => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-snapshot-out-'));
            const xlsx = run(shared.tmp, ['tables', path.resolve(example('puglia-2020.cpiplan')), '-f', 'xlsx', '-o', 'tables.xlsx'], extra, cli, dir);
            const docx = run(shared.tmp, ['document', path.resolve(example('valle-d-aosta-2020.cpiplan')), '-o', 'plan.docx'], extra, cli, dir);
            const imported = run(shared.tmp, ['import', 'plan.docx', '-o', 'imported.cpiplan'], extra, cli, dir);
            const magic = (file: string) => fs.readFileSync(path.join(dir, file)).subarray(0, 2).toString('latin1');
            return {
                xlsx: { ...xlsx, magic: magic('tables.xlsx') },
                docx: { ...docx, magic: magic('plan.docx') },
                imported: { ...imported, plan: fs.readFileSync(path.join(dir, 'imported.cpiplan'), 'utf8') }
            };
        };
        const fromSnapshot = outputs({});
        expect(fromSnapshot.xlsx).toMatchObject({ status: 0, magic: 'PK' });
        expect(fromSnapshot.docx).toMatchObject({ status: 0, magic: 'PK' });
        expect(fromSnapshot.imported.plan).toContain('piano');
        expect(fromSnapshot).toEqual(outputs({ CPIPLAN_NO_SNAPSHOT: '1' }));
    });
});

describe('the process around the command', () => {
    test('a closed pipe (`| head -1`) ends quietly, with the exit code of the check', () => {
        const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" check examples/valle-d-aosta-2020.cpiplan 2>"$ERR" | (exec 0<&-; sleep 2); echo "\${PIPESTATUS[0]}"; cat "$ERR"`], {
            cwd: repoRoot, encoding: 'utf8', env: environment(shared.tmp, { ERR: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-pipe-')), 'err') })
        });
        expect(result.stdout).toBe('0\n');
    });

    test('SIGTERM reaches the command: it removes its temporary file, and the launcher ends as the command did', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-signal-'));
        const child = spawn(process.execPath, [cli, 'tables', path.resolve(example('puglia-2020.cpiplan')), '-f', 'html', '--out', path.join(dir, 'out.html')],
            { cwd: repoRoot, env: environment(shared.tmp) });
        let signalled = false;
        const watcher = fs.watch(dir, (_event, name) => {
            if (name?.endsWith('.tmp') && !signalled) {
                signalled = true;
                child.kill('SIGTERM');
            }
        });
        const ended = await new Promise<string>(resolve => child.on('exit', (status, signal) => resolve(status === null ? String(signal) : String(status))));
        watcher.close();
        // 143 when the command's handler ran; 0 when the signal came after the output was in place; killed by the
        // signal itself when it came while the process was already ending (Node no longer runs handlers then).
        expect(['0', '143', 'SIGTERM']).toContain(ended);
        expect(fs.readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });

    test('a command killed by a signal makes the launcher end by the same signal, and the command does not outlive it', async () => {
        // Twenty plans: seconds of work, so that only the signal can end the command within the second allowed below.
        const many = snapshotTmp();
        for (let i = 0; i < 20; i++) {
            fs.copyFileSync(path.join(repoRoot, example('puglia-2020.cpiplan')), path.join(many, `p${i}.cpiplan`));
        }
        const launcher = spawn(process.execPath, [cli, 'check', many], { cwd: repoRoot, env: environment(shared.tmp), stdio: 'ignore' });
        const children = `/proc/${launcher.pid}/task/${launcher.pid}/children`;
        let command: number | undefined;
        for (const deadline = Date.now() + 10_000; command === undefined && Date.now() < deadline;) {
            await new Promise(resolve => setTimeout(resolve, 20));
            command = Number(fs.readFileSync(children, 'utf8').trim().split(' ')[0]) || undefined;
        }
        expect(command).toBeDefined();
        // SIGHUP: the command has no handler of its own for it, so it ends by the signal.
        launcher.kill('SIGHUP');
        const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve => launcher.on('exit', (c, s) => resolve([c, s])));
        expect({ code, signal }).toEqual({ code: null, signal: 'SIGHUP' });
        // Gone, or a zombie no one reaps (a container's first process may not): either way no longer running.
        const state = () => fs.existsSync(`/proc/${command}/stat`) ? fs.readFileSync(`/proc/${command}/stat`, 'utf8').split(') ')[1]?.[0] : 'gone';
        for (const deadline = Date.now() + 1_000; !['gone', 'Z', 'X'].includes(state() ?? '') && Date.now() < deadline;) {
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        const last = state();
        if (!['gone', 'Z', 'X'].includes(last ?? '')) {
            process.kill(command ?? 0, 'SIGKILL');
        }
        expect(['gone', 'Z', 'X']).toContain(last);
    });
});

describe('snapshots that must not be used', () => {
    test('CPIPLAN_NO_SNAPSHOT=1: none is used, none is made', async () => {
        const tmp = snapshotTmp();
        expect(run(tmp, ['check', example('puglia-2020.cpiplan')], { CPIPLAN_NO_SNAPSHOT: '1' }).status).toBe(0);
        await new Promise(resolve => setTimeout(resolve, 500));
        expect(fs.readdirSync(tmp).filter(f => f.startsWith('cpiplan-snapshot'))).toEqual([]);
    });

    test('a damaged snapshot is not used (same output), and is made again', async () => {
        const { tmp, files } = await tmpWithSnapshot();
        const expected = run(tmp, ['check', example('marche-2020.cpiplan')], { CPIPLAN_NO_SNAPSHOT: '1' });
        // Its first bytes overwritten, the size unchanged: Node would abort on it, saying so on standard error.
        const fd = fs.openSync(files.blob, 'r+');
        fs.writeSync(fd, Buffer.alloc(65_536, 0x5a), 0, 65_536, 0);
        fs.closeSync(fd);
        expect(run(tmp, ['check', example('marche-2020.cpiplan')])).toEqual(expected);
        await snapshotBuilt(files);
        expect(loadedBundles(tmp, ['check', example('marche-2020.cpiplan')])).toBe('cli.cjs');
        expect(run(tmp, ['check', example('marche-2020.cpiplan')])).toEqual(expected);
    }, 180_000);

    test('a snapshot that does not start (though it looks intact) leaves the command to the usual path', async () => {
        const { tmp, files } = await tmpWithSnapshot();
        const expected = run(tmp, ['check', example('marche-2020.cpiplan')], { CPIPLAN_NO_SNAPSHOT: '1' });
        fs.writeFileSync(files.blob, 'not a snapshot');
        stampSnapshot(files);
        expect(snapshotUsable(files)).toBe(true);
        const result = run(tmp, ['check', example('marche-2020.cpiplan')]);
        // Node says on standard error that it could not read the file; the command's own output and exit code are the usual ones.
        expect({ status: result.status, stdout: result.stdout }).toEqual({ status: expected.status, stdout: expected.stdout });
        expect(result.stderr.endsWith(expected.stderr)).toBe(true);
        // Not used again: the usual path made a new one.
        await snapshotBuilt(files);
        expect(loadedBundles(tmp, ['check', example('marche-2020.cpiplan')])).toBe('cli.cjs');
        expect(run(tmp, ['check', example('marche-2020.cpiplan')])).toEqual(expected);
    }, 180_000);

    test('a snapshot of another build of the CLI, or of the package elsewhere, is not used; the rule sets are where the package is', async () => {
        // A copy of the package: its own place, then its own build (the snapshot bundle changed).
        const copy = snapshotTmp();
        for (const file of ['package.json', 'bin/cpiplan.cjs', 'out/cli.cjs', 'out/cli-commands.cjs', 'out/cli-snapshot.cjs']) {
            fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
            fs.copyFileSync(path.join(repoRoot, file), path.join(copy, file));
        }
        const bin = path.join(copy, 'bin', 'cpiplan.cjs');
        const bundles = path.join(copy, 'out');
        const args = ['check', path.resolve(example('marche-2020.cpiplan'))];
        // Without its rule sets, the copy reports no missing declaration: a run that took the repository's would.
        const expected = run(shared.tmp, args, { CPIPLAN_NO_SNAPSHOT: '1' }, bin);
        expect(expected.stdout).not.toContain('missing-declaration');
        expect(loadedBundles(shared.tmp, args, {}, bundles)).toBe('cli.cjs,cli-commands.cjs');
        const copied = filesUnder(shared.tmp, bundles);
        expect(copied.blob).not.toBe(shared.files.blob);
        await snapshotBuilt(copied);
        expect(loadedBundles(shared.tmp, args, {}, bundles)).toBe('cli.cjs');
        expect(run(shared.tmp, args, {}, bin)).toEqual(expected);
        // The repository's snapshot, started for the copy's bundles, finds the rule sets where the copy is.
        const direct = spawnSync(process.execPath, ['--snapshot-blob', shared.files.blob, bundles, ...args], { cwd: repoRoot, encoding: 'utf8', env: environment(shared.tmp) });
        expect({ status: direct.status, stdout: direct.stdout, stderr: direct.stderr }).toEqual(expected);

        fs.appendFileSync(path.join(bundles, 'cli-snapshot.cjs'), '\n// another build\n');
        const rebuilt = filesUnder(shared.tmp, bundles);
        expect(rebuilt.blob).not.toBe(copied.blob);
        expect(loadedBundles(shared.tmp, args, {}, bundles)).toBe('cli.cjs,cli-commands.cjs');
        expect(run(shared.tmp, args, {}, bin)).toEqual(expected);
        await snapshotBuilt(rebuilt);
    }, 180_000);
});
