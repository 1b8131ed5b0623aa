/**
 * The CLI as a user installs it: `npm pack` → `npm install -g` into a scratch prefix → `cpiplan`
 * run from a folder outside the repository finds its shipped rule sets and its XLSX writer. On POSIX
 * the install makes the start-up snapshot in the package and a launcher that starts it with no Node
 * launcher before it (src/cli/install.ts): the commands below run through it, with snapshots on, as
 * a user's do.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';
import { environment, filesUnder, removeSnapshotTmps, snapshotBuilt, snapshotTmp } from './snapshot-helpers.js';
import { javaScriptOf, launcherScript } from '../../src/cli/install.js';

/** npm itself: the one running `npm test`, else the one next to this node. */
function npmCli(): string {
    return process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)
        ? process.env.npm_execpath
        : path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
}

function npm(args: string[], cwd: string): string {
    return execFileSync(process.execPath, [npmCli(), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits until no builder of a snapshot works under a TMPDIR (a run the JavaScript launcher took may have started one). */
async function buildersDone(folder: string): Promise<void> {
    const deadline = Date.now() + 90_000;
    const locks = () => fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.lock'));
    while (locks().length > 0 && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

let scratch: string;
let tarball: string;
let prefix: string;
let bin: string;
/** The installed package's folder, and the TMPDIR of the runs (a run the JavaScript launcher takes may make a snapshot there). */
let installed: string;
let tmp: string;
/** What the install step said (npm shows it with --foreground-scripts). */
let installLog: string;

interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

function cpiplan(args: string[], cwd: string, env: Record<string, string> = {}, file = bin): Run {
    const result = spawnSync(file, args, { cwd, encoding: 'utf8', env: environment(tmp, env) });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    if (!fs.existsSync(path.join(repoRoot, 'out', 'cli.cjs'))) {
        throw new Error('The CLI is not built: run `npm run build` (npm test does it).');
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-install-'));
    // --ignore-scripts: the bundle is already built by `npm test`; `prepack` would build it again.
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], repoRoot)) as { filename: string }[];
    tarball = path.join(scratch, packed[0].filename);
    prefix = path.join(scratch, 'prefix');
    tmp = snapshotTmp();
    // As a user installs it: snapshots on (the suite turns them off, vitest.config.ts).
    const env = environment(tmp);
    const install = spawnSync(process.execPath, [npmCli(), 'install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--foreground-scripts', tarball],
        { cwd: scratch, encoding: 'utf8', env });
    if (install.status !== 0) {
        throw new Error(`npm install failed: ${install.stderr}`);
    }
    installLog = install.stdout + install.stderr;
    bin = process.platform === 'win32' ? path.join(prefix, 'cpiplan.cmd') : path.join(prefix, 'bin', 'cpiplan');
    installed = fs.realpathSync(path.join(path.dirname(fs.realpathSync(bin)), '..'));
}, 120_000);

afterAll(async () => {
    await buildersDone(tmp);
    removeSnapshotTmps();
});

describe('the installed cpiplan', () => {
    test('the tarball holds the CLI bundle, its writers and readers, the rule sets and the docs, nothing else', () => {
        const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
        expect(listing).toEqual([
            'package/LICENSE.md', 'package/README.md', 'package/bin/cpiplan.cjs', 'package/bin/postinstall.cjs',
            'package/language/rules/assistenza-tecnica-anpal-servizi.cpiplan', 'package/language/rules/dm74-2019.cpiplan',
            'package/out/cli-commands.cjs', 'package/out/cli-snapshot.cjs', 'package/out/cli.cjs', 'package/out/docx.cjs', 'package/out/import.cjs',
            'package/out/xlsx.cjs', 'package/package.json'
        ]);
    });

    test('installs with no dependency to fetch', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: object };
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(fs.existsSync(bin)).toBe(true);
    });

    test('--version prints the package version', () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
        expect(cpiplan(['--version'], scratch)).toMatchObject({ status: 0, stdout: `${version}\n` });
    });

    test('check, run from another folder, applies the shipped DM 74/2019 rule set', () => {
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-user-'));
        fs.copyFileSync(path.join(repoRoot, 'examples', 'marche-2020.cpiplan'), path.join(work, 'marche.cpiplan'));
        const { status, stdout, stderr } = cpiplan(['check', 'marche.cpiplan'], work);
        expect(stderr).toBe('');
        expect(status).toBe(1);
        // missing-declaration and the cap figures exist only when the rule set is found.
        expect(stdout).toMatch(/^marche\.cpiplan:6:7: error missing-declaration: .*required by DM 74\/2019/m);
        expect(stdout.trim().split('\n').at(-1)).toBe('1 file checked: 5 errors, 2 warnings.');
        fs.copyFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), path.join(work, 'aosta.cpiplan'));
        expect(cpiplan(['check', 'aosta.cpiplan'], work)).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings.\n' });
    });

    test('tables --format xlsx loads the shipped XLSX writer', () => {
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-user-'));
        fs.copyFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), path.join(work, 'aosta.cpiplan'));
        const { status, stderr } = cpiplan(['tables', 'aosta.cpiplan', '--format', 'xlsx', '--out', 'aosta.xlsx'], work);
        expect(stderr).toBe('');
        expect(status).toBe(0);
        expect(fs.readFileSync(path.join(work, 'aosta.xlsx')).subarray(0, 2).toString()).toBe('PK');
    });

    test('document writes a DOCX and import reads it back, with the shipped DOCX writer and office readers', () => {
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-user-'));
        fs.copyFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), path.join(work, 'aosta.cpiplan'));
        const written = cpiplan(['document', 'aosta.cpiplan', '--out', 'aosta.docx'], work);
        expect(written.stderr).toBe('Document written: aosta.docx\n');
        expect(written.status).toBe(0);
        expect(fs.readFileSync(path.join(work, 'aosta.docx')).subarray(0, 2).toString()).toBe('PK');
        const imported = cpiplan(['import', 'aosta.docx', '--out', 'imported.cpiplan'], work);
        expect(fs.readFileSync(path.join(work, 'imported.cpiplan'), 'utf8')).toMatch(/^piano /m);
        // A draft: the declarations a table cannot hold are missing, said with the plan's path as given.
        expect(imported.stderr).toMatch(/^imported\.cpiplan:\d+:\d+: error missing-declaration: /m);
        expect(imported.status).toBe(1);
    });

    test('check through the JavaScript launcher, from a snapshot under the temporary folder, finds the rule sets where the package was installed', async () => {
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-user-'));
        fs.copyFileSync(path.join(repoRoot, 'examples', 'marche-2020.cpiplan'), path.join(work, 'marche.cpiplan'));
        const own = snapshotTmp();
        const usual = cpiplan(['check', 'marche.cpiplan'], work, { CPIPLAN_NO_SNAPSHOT: '1' });
        expect(usual.stdout).toMatch(/required by DM 74\/2019/);
        // `node bin/cpiplan.cjs`: the installed launcher read as JavaScript, as Windows and a shell's fallback run it.
        const javaScript = (): Run => {
            const result = spawnSync(process.execPath, [path.join(installed, 'bin', 'cpiplan.cjs'), 'check', 'marche.cpiplan'], { cwd: work, encoding: 'utf8', env: environment(own) });
            return { status: result.status, stdout: result.stdout, stderr: result.stderr };
        };
        const first = javaScript();
        await snapshotBuilt(filesUnder(own, path.join(installed, 'out')));
        expect(first).toEqual(usual);
        expect(javaScript()).toEqual(usual);
    }, 120_000);
});

describe.skipIf(process.platform === 'win32')('the launcher the install makes on POSIX', () => {
    const launcher = () => path.join(installed, 'bin', 'cpiplan.cjs');
    const blob = () => path.join(installed, 'out', 'cli-snapshot.blob');
    let work: string;
    /** A folder whose `node` says it was run, and with what: the JavaScript launcher's runs show there. */
    let fakeNode: string;

    beforeAll(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-user-'));
        fs.copyFileSync(path.join(repoRoot, 'examples', 'marche-2020.cpiplan'), path.join(work, 'marche.cpiplan'));
        fakeNode = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-fake-node-'));
        fs.writeFileSync(path.join(fakeNode, 'node'), '#!/bin/sh\necho "javascript $*"\n', { mode: 0o755 });
    });

    /** The run with `node` on the PATH replaced: the JavaScript launcher's runs print `javascript <launcher> <arguments>`. */
    function withFakeNode(args: string[], env: Record<string, string> = {}, file = bin): Run {
        return cpiplan(args, work, { PATH: `${fakeNode}${path.delimiter}${process.env.PATH ?? ''}`, ...env }, file);
    }

    test('the install made the snapshot in the package, and a launcher that is a shell script and still the JavaScript launcher', () => {
        expect(installLog).toContain('cpiplan: commands that use the language start from a start-up snapshot made at install.');
        const text = fs.readFileSync(launcher(), 'utf8');
        expect(text.split('\n')[0]).toBe('#!/bin/sh');
        expect(javaScriptOf(text)).toBe(javaScriptOf(fs.readFileSync(path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'utf8')));
        expect(fs.statSync(blob()).size).toBeGreaterThan(1_000_000);
        expect(spawnSync(process.execPath, ['--check', launcher()]).status).toBe(0);
    });

    test('a command that uses the language goes from the shell straight to Node started from the snapshot, and prints what the usual path prints', () => {
        const usual = cpiplan(['check', 'marche.cpiplan'], work, { CPIPLAN_NO_SNAPSHOT: '1' });
        expect(usual.status).toBe(1);
        // No `node` on the PATH: only the shell's way can run the check.
        const fast = withFakeNode(['check', 'marche.cpiplan'], { PATH: fakeNode });
        expect(fast).toEqual(usual);
        const traced = spawnSync('/bin/sh', ['-x', bin, 'check', 'marche.cpiplan'], { cwd: work, encoding: 'utf8', env: environment(tmp) });
        const out = path.join(installed, 'out');
        expect(traced.stderr).toContain(`exec ${process.execPath} --snapshot-blob ${path.join(out, 'cli-snapshot.blob')} ${out} check marche.cpiplan`);
        expect(traced.stdout).toBe(usual.stdout);
    });

    test('every other run goes to the JavaScript launcher: other commands, help, NODE_OPTIONS, CPIPLAN_NO_SNAPSHOT', () => {
        for (const args of [['--version'], ['new', 'x.cpiplan'], ['lsp', '--stdio'], ['check', '--help'], ['tables', 'x.cpiplan', '-h'], []]) {
            expect(withFakeNode(args).stdout).toBe(`javascript ${[bin, ...args].join(' ')}\n`);
        }
        expect(withFakeNode(['check', 'marche.cpiplan'], { NODE_OPTIONS: '--no-warnings' }).stdout).toBe(`javascript ${bin} check marche.cpiplan\n`);
        expect(withFakeNode(['check', 'marche.cpiplan'], { CPIPLAN_NO_SNAPSHOT: '1' }).stdout).toBe(`javascript ${bin} check marche.cpiplan\n`);
        // The JavaScript launcher itself, as the shell hands it over.
        expect(cpiplan(['--version'], work).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });

    test('a Node binary changed since the install, a snapshot written after it, a snapshot or a Node gone: the JavaScript launcher', () => {
        const reference = `${blob()}.node`;
        const javaScript = `javascript ${bin} check marche.cpiplan\n`;
        const check = () => withFakeNode(['check', 'marche.cpiplan']).stdout;
        expect(check()).not.toBe(javaScript);
        for (const time of ['2001-02-03 04:05:06', '2099-02-03 04:05:06']) {
            try {
                execFileSync('touch', ['-d', time, reference]);
                expect(check()).toBe(javaScript);
            } finally {
                execFileSync('touch', ['-r', process.execPath, reference]);
            }
        }
        expect(check()).not.toBe(javaScript);
        try {
            execFileSync('touch', [blob()]);
            expect(check()).toBe(javaScript);
        } finally {
            execFileSync('touch', ['-r', launcher(), blob()]);
        }
        expect(check()).not.toBe(javaScript);
        fs.renameSync(blob(), `${blob()}.away`);
        try {
            expect(check()).toBe(javaScript);
        } finally {
            fs.renameSync(`${blob()}.away`, blob());
        }
        const text = fs.readFileSync(launcher(), 'utf8');
        try {
            fs.writeFileSync(launcher(), text.replace(/cpiplan_node='[^']*'/, "cpiplan_node='/no/such/node'"));
            expect(check()).toBe(javaScript);
        } finally {
            fs.writeFileSync(launcher(), text);
        }
        expect(check()).not.toBe(javaScript);
    });

    test('a copy of the installed package elsewhere does not start the snapshot of the original', () => {
        const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-copy-')), 'cpiplan');
        fs.cpSync(installed, copy, { recursive: true, preserveTimestamps: true });
        const copied = path.join(copy, 'bin', 'cpiplan.cjs');
        expect(withFakeNode(['check', 'marche.cpiplan'], {}, copied).stdout).toBe(`javascript ${copied} check marche.cpiplan\n`);
    });

    test('the install step run again (npm rebuild) writes the same launcher', () => {
        const before = fs.readFileSync(launcher(), 'utf8');
        const again = spawnSync(process.execPath, [path.join(installed, 'bin', 'postinstall.cjs')], { encoding: 'utf8', env: environment(tmp) });
        expect(again.stderr).toBe('cpiplan: commands that use the language start from a start-up snapshot made at install.\n');
        expect(fs.readFileSync(launcher(), 'utf8')).toBe(before);
        expect(withFakeNode(['check', 'marche.cpiplan'], { PATH: fakeNode }).status).toBe(1);
    }, 60_000);

    test('paths with quotes and blanks reach Node as they are', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cpiplan it's \"quoted\" "));
        const out = path.join(folder, 'out');
        fs.mkdirSync(out);
        const node = path.join(folder, "no'de");
        fs.writeFileSync(node, '#!/bin/sh\nfor a do echo "[$a]"; done\n', { mode: 0o755 });
        fs.writeFileSync(path.join(out, 'cli-snapshot.blob'), 'a snapshot');
        execFileSync('touch', ['-r', node, path.join(out, 'cli-snapshot.blob.node')]);
        const script = path.join(folder, 'cpiplan');
        fs.writeFileSync(script, launcherScript("require('../out/cli.cjs');\n", node, out, script), { mode: 0o755 });
        execFileSync('touch', ['-d', '2001-02-03', path.join(out, 'cli-snapshot.blob')]);
        const result = spawnSync(script, ['check', "a b'c.cpiplan"], { encoding: 'utf8', env: environment(tmp) });
        expect(result.stdout).toBe(['--snapshot-blob', path.join(out, 'cli-snapshot.blob'), out, 'check', "a b'c.cpiplan"].map(a => `[${a}]\n`).join(''));
    });

    test('in a checkout the install step does nothing, wherever the checkout is', () => {
        const before = fs.readFileSync(path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'utf8');
        const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'postinstall.cjs')], { encoding: 'utf8', env: environment(tmp) });
        expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
        expect(fs.readFileSync(path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'utf8')).toBe(before);
        expect(fs.existsSync(path.join(repoRoot, 'out', 'cli-snapshot.blob'))).toBe(false);
        // A built checkout kept in a folder of a node_modules folder, and one with git directly in node_modules.
        const somewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-checkout-'));
        for (const [folder, git] of [[path.join(somewhere, 'node_modules', 'work', 'cpiplan'), false], [path.join(somewhere, 'node_modules', 'cpiplan'), true]] as const) {
            fs.mkdirSync(folder, { recursive: true });
            fs.cpSync(path.join(installed, 'out'), path.join(folder, 'out'), { recursive: true });
            fs.cpSync(path.join(repoRoot, 'bin'), path.join(folder, 'bin'), { recursive: true });
            if (git) {
                fs.mkdirSync(path.join(folder, '.git'));
            }
            const run = spawnSync(process.execPath, [path.join(folder, 'bin', 'postinstall.cjs')], { encoding: 'utf8', env: environment(tmp) });
            expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
            expect(fs.readFileSync(path.join(folder, 'bin', 'cpiplan.cjs'), 'utf8')).toBe(before);
        }
    });

    /** A copy of the installed package as npm leaves it before the install step: the committed launcher, no snapshot. */
    function freshCopy(): string {
        const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-broken-')), 'node_modules', 'cpiplan');
        fs.cpSync(installed, copy, { recursive: true });
        fs.writeFileSync(path.join(copy, 'bin', 'cpiplan.cjs'), fs.readFileSync(path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'utf8'));
        for (const name of ['cli-snapshot.blob', 'cli-snapshot.blob.node', 'cli-snapshot.json']) {
            fs.rmSync(path.join(copy, 'out', name));
        }
        return copy;
    }

    test('a snapshot that cannot be made leaves the JavaScript launcher as it was, and says why', () => {
        const copy = freshCopy();
        fs.writeFileSync(path.join(copy, 'out', 'cli-snapshot.cjs'), 'process.exit(3);\n');
        // What an install killed half-way left.
        fs.writeFileSync(path.join(copy, 'out', 'cli-snapshot.blob.999999.tmp'), 'half');
        const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'postinstall.cjs')], { encoding: 'utf8', env: environment(tmp) });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe('cpiplan: no start-up snapshot (build exit 3): the JavaScript launcher is kept.\n');
        expect(fs.readFileSync(path.join(copy, 'bin', 'cpiplan.cjs'), 'utf8')).toBe(fs.readFileSync(path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'utf8'));
        expect(fs.readdirSync(path.join(copy, 'out')).filter(f => f.startsWith('cli-snapshot.blob'))).toEqual([]);
    }, 60_000);

    test('an installed launcher that does not print what the usual path prints is put back, and its snapshot removed', () => {
        const copy = freshCopy();
        // A `touch` that sets another time than the Node binary's: the installed launcher then hands the check to
        // the JavaScript launcher, which the install's own check runs with no `node` on the PATH, so it fails.
        const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-tools-'));
        fs.writeFileSync(path.join(tools, 'touch'), `#!/bin/sh\nexec ${execFileSync('/bin/sh', ['-c', 'command -v touch'], { encoding: 'utf8' }).trim()} -d '2001-02-03' "$3"\n`, { mode: 0o755 });
        const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'postinstall.cjs')],
            { encoding: 'utf8', env: environment(tmp, { PATH: `${tools}${path.delimiter}${process.env.PATH ?? ''}` }) });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe('cpiplan: the installed launcher did not print what the usual path prints: the JavaScript launcher is kept.\n');
        expect(fs.readFileSync(path.join(copy, 'bin', 'cpiplan.cjs'), 'utf8')).toBe(fs.readFileSync(path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'utf8'));
        expect(fs.statSync(path.join(copy, 'bin', 'cpiplan.cjs')).mode & 0o777).toBe(fs.statSync(path.join(installed, 'bin', 'cpiplan.cjs')).mode & 0o777);
        expect(fs.readdirSync(path.join(copy, 'out')).filter(f => f.startsWith('cli-snapshot.blob'))).toEqual([]);
        expect(fs.readdirSync(path.join(copy, 'bin')).sort()).toEqual(['cpiplan.cjs', 'postinstall.cjs']);
    }, 60_000);
});
