/**
 * The npm package's install step on POSIX systems (npm's `postinstall`, `bin/postinstall.cjs`).
 *
 * A command that uses the language runs in a Node started from a start-up snapshot (snapshot.ts).
 * Started through the npm `bin`, a JavaScript launcher, that is two Node starts, about a third of a
 * cold check (bench/PROFILE.md, round 6). Once the package is installed, this step makes the snapshot
 * in the package itself (`out/cli-snapshot.blob`, checked as the background builder checks its own)
 * and makes `bin/cpiplan.cjs` a file that is both a shell script and the JavaScript launcher it was:
 * the shell starts Node from the snapshot for those commands and hands every other run to the
 * JavaScript under it, as esbuild's install hands its command to the native binary. Windows keeps
 * the JavaScript launcher (npm makes its shims there from the first line), and so does a checkout:
 * npm runs this step there too, before anything is built.
 *
 * The shell starts the snapshot only from the launcher the install wrote (not a copy of the package
 * elsewhere), with the Node binary that made it, unchanged since (its modification time is copied at
 * install onto `out/cli-snapshot.blob.node`), without `NODE_OPTIONS` (V8 refuses a snapshot made under
 * other flags) or `CPIPLAN_NO_SNAPSHOT`, and while the snapshot is readable, not empty and not newer than
 * the launcher. Otherwise the JavaScript launcher runs, with its own snapshot under the temporary folder
 * as in a checkout. So those commands run on the Node the package was installed with, even when another
 * is first on the PATH, until that Node changes or goes. A step that fails leaves the JavaScript launcher
 * as it was.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSnapshot, languageCommands, runOnce, snapshotProbe, type SnapshotFiles } from './snapshot.js';

/** The environment variable that makes `out/cli.cjs` the install step for the launcher it names. */
const installVariable = 'CPIPLAN_INSTALL_LAUNCHER';


/** Marks the shell's lines: each is a JavaScript string and a comment too, so Node reads the file as the launcher. */
const shellLine = "':' //; ";

/** The snapshot made at install, in the package's folder of bundles. */
export function packageSnapshotFiles(bundles: string): SnapshotFiles {
    const file = (extension: string) => path.join(bundles, `cli-snapshot.${extension}`);
    return {
        entry: file('cjs'), bundles, folder: bundles, blob: file('blob'), stamp: file('json'), lock: file('lock'), failed: file('failed')
    };
}

/** The launcher this process is to install, when it is the install step; else undefined. */
export function installJob(): string | undefined {
    const launcher = process.env[installVariable];
    delete process.env[installVariable];
    return launcher;
}

/** A word for the shell, quoted as it is. */
function quoted(word: string): string {
    return `'${word.replace(/'/g, "'\\''")}'`;
}

/** The JavaScript of a launcher: its lines after the first, without the shell's lines of an earlier install. */
export function javaScriptOf(launcher: string): string {
    return launcher.split('\n').slice(1).filter(line => !line.startsWith(shellLine)).join('\n');
}

/**
 * The launcher as installed at `launcher`: the shell's lines, then the JavaScript launcher's own lines.
 * `node` is the binary that made the snapshot, `bundles` the package's `out/`.
 */
export function launcherScript(javaScript: string, node: string, bundles: string, launcher: string): string {
    const blob = path.join(bundles, 'cli-snapshot.blob');
    const shell = [
        '# cpiplan as installed (src/cli/install.ts): a command that uses the language starts the Node that made the',
        '# start-up snapshot at install, from it, while that Node is unchanged; every other run, the JavaScript below.',
        `cpiplan_node=${quoted(node)} cpiplan_out=${quoted(bundles)} cpiplan_blob=${quoted(blob)} cpiplan_launcher=${quoted(launcher)}`,
        `case "$1" in ${[...languageCommands].join('|')}) cpiplan_snapshot=1;; *) cpiplan_snapshot=;; esac`,
        'for cpiplan_arg do case "$cpiplan_arg" in -h|--help) cpiplan_snapshot=;; esac; done',
        '[ -n "$cpiplan_snapshot" ] && [ -z "$NODE_OPTIONS$CPIPLAN_NO_SNAPSHOT" ] && [ "$0" -ef "$cpiplan_launcher" ]'
        + ' && [ -x "$cpiplan_node" ] && [ -r "$cpiplan_blob" ] && [ -s "$cpiplan_blob" ] && [ -f "$cpiplan_blob.node" ] && ! [ "$cpiplan_blob" -nt "$0" ]'
        + ' && ! [ "$cpiplan_node" -nt "$cpiplan_blob.node" ] && ! [ "$cpiplan_node" -ot "$cpiplan_blob.node" ]'
        + ' && exec "$cpiplan_node" --snapshot-blob "$cpiplan_blob" "$cpiplan_out" "$@"',
        'exec node "$0" "$@"'
    ];
    return ['#!/bin/sh', ...shell.map(line => shellLine + line), javaScript].join('\n');
}

/**
 * Installs the shell launcher in place of the JavaScript one at `launcher`, for the bundles in
 * `bundles`. Returns what was done, in one line for npm's log.
 */
export function installLauncher(launcher: string, bundles: string): string {
    const files = packageSnapshotFiles(bundles);
    const node = process.execPath;
    if (process.platform === 'win32') {
        return 'the JavaScript launcher is kept on Windows';
    }
    if (process.env.CPIPLAN_NO_SNAPSHOT) {
        return 'CPIPLAN_NO_SNAPSHOT is set: no start-up snapshot was made';
    }
    if ([node, bundles, launcher].some(p => /[\n\r\u2028\u2029]/.test(p))) {
        return 'a line break in the path of Node or of the package: the JavaScript launcher is kept';
    }
    // The snapshot is made without the flags of this install: the shell does not start it under any.
    delete process.env.NODE_OPTIONS;
    const original = fs.readFileSync(launcher, 'utf8');
    const mode = fs.statSync(launcher).mode & 0o7777;
    const write = (text: string) => {
        const temporary = `${launcher}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, text, { mode });
        fs.chmodSync(temporary, mode);
        fs.renameSync(temporary, launcher);
    };
    const restore = (why: string) => {
        write(original);
        for (const file of [files.blob, files.stamp, `${files.blob}.node`]) {
            fs.rmSync(file, { force: true });
        }
        return `${why}: the JavaScript launcher is kept`;
    };
    try {
        fs.rmSync(files.failed, { force: true });
        // What an install stopped half-way left (a snapshot being made, a launcher being written).
        for (const [folder, prefix] of [[bundles, 'cli-snapshot.blob.'], [path.dirname(launcher), `${path.basename(launcher)}.`]]) {
            for (const name of fs.readdirSync(folder).filter(n => n.startsWith(prefix) && n.endsWith('.tmp'))) {
                fs.rmSync(path.join(folder, name), { force: true });
            }
        }
        if (!buildSnapshot(files)) {
            return restore(`no start-up snapshot (${fs.existsSync(files.failed) ? fs.readFileSync(files.failed, 'utf8').trim() : 'not made'})`);
        }
        const reference = `${files.blob}.node`;
        if (spawnSync('touch', ['-r', node, reference]).status !== 0) {
            return restore('the time of the Node binary could not be copied');
        }
        // The shell must compare times (every common /bin/sh does; POSIX does not ask it to).
        if (spawnSync('/bin/sh', ['-c', '[ "$1" -nt "$2" ] && [ "$2" -ot "$1" ] && ! [ "$2" -nt "$1" ]', 'sh', files.blob, reference]).status !== 0) {
            return restore("/bin/sh does not compare the files' times");
        }
        write(launcherScript(javaScriptOf(original), node, bundles, launcher));
        // The launcher as a user runs it, against the usual path: the same output and exit code, from the snapshot
        // (with no `node` on the PATH, so that it cannot have gone the JavaScript way) and as JavaScript.
        const env = { ...process.env };
        delete env.CPIPLAN_NO_SNAPSHOT;
        const probe = snapshotProbe(bundles);
        const usual = runOnce(node, [path.join(bundles, 'cli.cjs'), ...probe], { ...env, CPIPLAN_NO_SNAPSHOT: '1' });
        const fromSnapshot = runOnce(launcher, probe, { ...env, PATH: path.join(bundles, 'no-such-folder') });
        const asJavaScript = runOnce(launcher, probe, { ...env, CPIPLAN_NO_SNAPSHOT: '1' });
        if (usual.status === null || [fromSnapshot, asJavaScript].some(r => r.status !== usual.status || r.stdout !== usual.stdout)) {
            return restore('the installed launcher did not print what the usual path prints');
        }
        return 'commands that use the language start from a start-up snapshot made at install';
    } catch (error) {
        try {
            return restore(`install step failed (${(error as Error).message})`);
        } catch {
            return `install step failed (${(error as Error).message}), and the launcher could not be restored`;
        }
    }
}
