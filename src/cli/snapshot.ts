/**
 * Start-up snapshots: a command that uses the language runs in a Node started from a V8 snapshot
 * of the CLI taken after its parser was built (`out/cli-snapshot.cjs`, see snapshot-entry.ts),
 * which spares it loading the bundles and building the parser (about half of a cold check,
 * bench/PROFILE.md round 3).
 *
 * The snapshot is made on demand, as the compile cache is: a run that finds none runs as usual and,
 * when it exits, starts a detached builder; the next runs use the snapshot. It is kept per user,
 * platform, architecture and Node version under `os.tmpdir()`, named by a hash of the snapshot
 * bundle, the folder the package is in, the Node binary and `NODE_OPTIONS` (V8 refuses a snapshot
 * made under other flags), and only used when its size, inode and times are still those recorded when the builder had
 * checked it (Node does not check a snapshot file: a damaged one crashes it). A run whose snapshot
 * does not start anyway (it never says so) runs as usual. `CPIPLAN_NO_SNAPSHOT=1` turns all of it off,
 * and a Node started with flags of its own (`node --cpu-prof bin/cpiplan.cjs …`) runs as usual.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handshakeVariable } from './snapshot-names.js';

/** The environment variable that makes `out/cli.cjs` the background builder of the snapshot it names. */
const builderVariable = 'CPIPLAN_SNAPSHOT_BUILD';
/** The commands that use the language: the others (`new`, `lsp`, `--help`, `--version`) never start from a snapshot. */
export const languageCommands: ReadonlySet<string> = new Set(['check', 'tables', 'diff', 'document', 'import']);
/** The signals a launcher passes on to its child. */
const forwardedSignals: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A builder's lock older than this was left by a builder that died: the next run may build again. */
const staleLockMs = 10 * 60 * 1000;
/** Snapshots kept per Node version (other packages' or builds' beyond these are removed, oldest first). */
const keptSnapshots = 4;

/** The files of the snapshot of one build of the CLI, in one place, under one Node. */
export interface SnapshotFiles {
    /** The bundle the snapshot is made from. */
    readonly entry: string;
    /** The folder of the bundles. */
    readonly bundles: string;
    readonly folder: string;
    readonly blob: string;
    /** The blob's size, inode and times as the builder left it, after checking it. */
    readonly stamp: string;
    /** Present while a builder works. */
    readonly lock: string;
    /** Present when a build failed: no run builds it again. */
    readonly failed: string;
}

/** The folder of the snapshots of this user, platform, architecture and Node version. */
export function snapshotFolder(): string {
    const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
    return path.join(os.tmpdir(), `cpiplan-snapshot${user}`, `${process.platform}-${process.arch}-${process.version}`);
}

/** Where this build's snapshot is (whether or not it exists); undefined when the snapshot bundle is missing. */
export function snapshotFiles(bundles: string): SnapshotFiles | undefined {
    const entry = path.join(bundles, 'cli-snapshot.cjs');
    let content: Buffer;
    try {
        content = fs.readFileSync(entry);
    } catch {
        return undefined;
    }
    let node = '';
    try {
        const stats = fs.statSync(process.execPath);
        node = `${process.execPath}\0${stats.size}\0${stats.mtimeMs}`;
    } catch {
        // The same Node version and architecture, wherever it is.
    }
    // The bundle, where the package is, which Node binary and V8 flags: a snapshot of any other is not used.
    const key = crypto.createHash('sha1').update(content).update('\0').update(bundles).update('\0').update(node).update('\0')
        .update(process.env.NODE_OPTIONS ?? '').digest('hex');
    const folder = snapshotFolder();
    const file = (extension: string) => path.join(folder, `${key}.${extension}`);
    return { entry, bundles, folder, blob: file('blob'), stamp: file('json'), lock: file('lock'), failed: file('failed') };
}

/** What identifies the blob file as the builder left it: any later write, replacement or truncation changes it. */
function identity(file: string): string {
    const stats = fs.statSync(file, { bigint: true });
    return JSON.stringify({ size: String(stats.size), ino: String(stats.ino), mtime: String(stats.mtimeNs), ctime: String(stats.ctimeNs) });
}

/** Records the blob as it is now as the one checked (the builder's last step). */
export function stampSnapshot(files: SnapshotFiles): void {
    const stamp = `${files.stamp}.${process.pid}.tmp`;
    fs.writeFileSync(stamp, identity(files.blob));
    fs.renameSync(stamp, files.stamp);
}

/** Whether the blob is there and unchanged since the builder checked it. */
export function snapshotUsable(files: SnapshotFiles): boolean {
    try {
        return fs.readFileSync(files.stamp, 'utf8') === identity(files.blob);
    } catch {
        return false;
    }
}

/** Whether this run may start from a snapshot (or build one): a language command, snapshots allowed, Node without flags of its own. */
export function snapshotWanted(args: readonly string[], env: NodeJS.ProcessEnv = process.env, nodeOptions: readonly string[] = process.execArgv): boolean {
    return !env.CPIPLAN_NO_SNAPSHOT && nodeOptions.length === 0
        && args.length > 0 && languageCommands.has(args[0] ?? '') && !args.some(a => a === '-h' || a === '--help');
}

/**
 * Runs the command in a Node started from the snapshot, with the same standard streams; passes the
 * signals this process receives on to it and ends with its exit code (or its signal). When the
 * snapshot does not start (the child never says it did), runs `otherwise` instead: the usual path.
 */
export function runFromSnapshot(files: SnapshotFiles, args: readonly string[], otherwise: () => void): void {
    let started = false;
    let signalled = false;
    let child: ChildProcess | undefined;
    let finished = false;
    const handlers = forwardedSignals.map(signal => {
        const handler = () => {
            if (finished) {
                // The command has ended and this process is ending with its code: a late signal changes nothing.
                return;
            }
            signalled = true;
            if (child === undefined) {
                // No command to pass it on to: the signal is this process's own.
                stopForwarding();
                process.kill(process.pid, signal);
            } else {
                child.kill(signal);
            }
        };
        return { signal, handler };
    });
    const stopForwarding = () => handlers.forEach(({ signal, handler }) => process.removeListener(signal, handler));
    // Listening before the child exists: a signal that comes while it is being made is passed on once it is.
    handlers.forEach(({ signal, handler }) => process.on(signal, handler));
    try {
        child = spawn(process.execPath, ['--snapshot-blob', files.blob, files.bundles, ...args], {
            stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
            env: { ...process.env, [handshakeVariable]: '3' },
            windowsHide: true
        });
    } catch {
        stopForwarding();
        otherwise();
        return;
    }
    child.stdio[3]?.on('data', () => {
        started = true;
    });
    child.on('error', () => {
        // Not started at all (no process could be made): 'close' follows with started false.
    });
    child.on('close', (code, signal) => {
        if (!started && !signalled) {
            stopForwarding();
            // Whatever the blob's state, it is not used again: the usual path makes a new one.
            fs.rmSync(files.stamp, { force: true });
            otherwise();
        } else if (signal !== null) {
            stopForwarding();
            process.kill(process.pid, signal);
        } else {
            // Still listening, so that a signal that comes now does not end this process by its default action.
            finished = true;
            process.exitCode = code ?? 1;
        }
    });
}

/** Takes the builder's lock; false when another builder holds it. */
function lock(files: SnapshotFiles): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            fs.writeFileSync(files.lock, String(process.pid), { flag: 'wx' });
            return true;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
                return false;
            }
            try {
                if (Date.now() - fs.statSync(files.lock).mtimeMs < staleLockMs) {
                    return false;
                }
                fs.rmSync(files.lock, { force: true });
            } catch {
                return false;
            }
        }
    }
    return false;
}

/**
 * Starts a detached builder of the snapshot, unless one is at work or a build of it failed before.
 * Called as a run that found no snapshot exits: nothing waits for it.
 */
export function buildInBackground(files: SnapshotFiles): void {
    try {
        if (fs.existsSync(files.failed)) {
            return;
        }
        fs.mkdirSync(files.folder, { recursive: true });
        if (!lock(files)) {
            return;
        }
        const builder = spawn(process.execPath, [path.join(files.bundles, 'cli.cjs')], {
            detached: true,
            stdio: 'ignore',
            windowsHide: true,
            env: { ...process.env, [builderVariable]: files.bundles }
        });
        builder.on('error', () => fs.rmSync(files.lock, { force: true }));
        builder.unref();
    } catch {
        // No snapshot this time.
    }
}

/** The folder of the bundles when this process is a snapshot builder, else undefined. */
export function builderJob(): string | undefined {
    const bundles = process.env[builderVariable];
    delete process.env[builderVariable];
    return bundles;
}

/** Runs the CLI (`file`: Node, or an installed launcher) with these arguments; its exit code and output. */
export function runOnce(file: string, args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string } {
    const result = spawnSync(file, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000, windowsHide: true });
    return { status: result.status, stdout: result.stdout };
}

/**
 * Makes the snapshot of `files` into a temporary file, checks that a process started from it checks
 * the shipped rule sets with the same output and exit code as the usual path, then renames it into
 * place and records its identity. True when the snapshot is in place. A build that fails is recorded
 * (`files.failed`), so that runs do not start a builder again for this build of the CLI. Used by the
 * background builder (under `os.tmpdir()`) and by the package's install (install.ts, in the package).
 */
export function buildSnapshot(files: SnapshotFiles): boolean {
    const { bundles } = files;
    const temporary = `${files.blob}.${process.pid}.tmp`;
    try {
        fs.mkdirSync(files.folder, { recursive: true });
        const made = spawnSync(process.execPath, ['--snapshot-blob', temporary, '--build-snapshot', files.entry], {
            cwd: bundles, stdio: 'ignore', timeout: 300_000, windowsHide: true
        });
        const probe = snapshotProbe(bundles);
        const env = { ...process.env, CPIPLAN_NO_SNAPSHOT: '1' };
        const usual = runOnce(process.execPath, [path.join(bundles, 'cli.cjs'), ...probe], env);
        const fromSnapshot = made.status === 0 ? runOnce(process.execPath, ['--snapshot-blob', temporary, bundles, ...probe], env) : undefined;
        if (fromSnapshot === undefined || fromSnapshot.status !== usual.status || fromSnapshot.stdout !== usual.stdout || usual.status === null) {
            fs.writeFileSync(files.failed, `${made.status === 0 ? 'differs from the usual path' : `build exit ${made.status}`}\n`);
            return false;
        }
        fs.renameSync(temporary, files.blob);
        stampSnapshot(files);
        return true;
    } catch {
        // No snapshot this time; the lock's removal lets a later run try again.
        return false;
    } finally {
        fs.rmSync(temporary, { force: true });
        fs.rmSync(files.lock, { force: true });
    }
}

/** The command a snapshot is checked with: the shipped rule sets checked, or `--version` when there are none. */
export function snapshotProbe(bundles: string): string[] {
    const rules = path.join(bundles, '..', 'language', 'rules');
    return fs.existsSync(rules) ? ['check', '--format', 'json', rules] : ['--version'];
}

/** The background builder: the snapshot of the bundles in `bundles`, under `os.tmpdir()`; then the folder's old snapshots go. */
export function buildInTemporaryFolder(bundles: string): void {
    const files = snapshotFiles(bundles);
    if (files !== undefined && buildSnapshot(files)) {
        try {
            prune(files.folder);
        } catch {
            // Old snapshots stay until a later build.
        }
    }
}

/** Keeps the newest snapshots of the folder (other builds or places of the CLI), and removes leftovers of dead builders. */
function prune(folder: string): void {
    const names = fs.readdirSync(folder);
    const blobs = names.filter(n => /^[0-9a-f]{40}\.blob$/.test(n))
        .map(n => ({ key: n.slice(0, 40), time: fs.statSync(path.join(folder, n)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
    for (const { key } of blobs.slice(keptSnapshots)) {
        for (const extension of ['json', 'blob']) {
            fs.rmSync(path.join(folder, `${key}.${extension}`), { force: true });
        }
    }
    for (const name of names.filter(n => n.endsWith('.tmp'))) {
        const file = path.join(folder, name);
        if (Date.now() - fs.statSync(file).mtimeMs > staleLockMs) {
            fs.rmSync(file, { force: true });
        }
    }
}
