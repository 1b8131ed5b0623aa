/** Bad input and failing outputs on the built CLI: one clear line and exit 2, never a trace, never a hang. */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';
import { syntheticPlan } from '../../bench/generate.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');
const example = (name: string) => path.join(repoRoot, 'examples', name);

function run(args: string[], options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], {
        cwd: repoRoot, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LANG: 'C' }, ...options
    });
    return { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-bad-'));

/** One line on stderr, no stack trace. */
function oneClearLine(stderr: string): string {
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    return stderr.trim();
}

describe('files that are not plain UTF-8 text', () => {
    test('UTF-16 (either endianness) is recognised by its BOM and checked as the same plan', () => {
        const dir = folder();
        const text = fs.readFileSync(example('valle-d-aosta-2020.cpiplan'), 'utf8');
        const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const big = Buffer.from(little);
        big.swap16();
        fs.writeFileSync(path.join(dir, 'le.cpiplan'), little);
        fs.writeFileSync(path.join(dir, 'be.cpiplan'), big);
        fs.writeFileSync(path.join(dir, 'bom8.cpiplan'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
        const result = run(['check', dir]);
        expect(result).toMatchObject({ status: 0, stdout: '3 files checked: 0 errors, 0 warnings.\n', stderr: '' });
    });

    test('a binary file is refused as "not a text file", in one line, exit 2', () => {
        const dir = folder();
        const file = path.join(dir, 'bin.cpiplan');
        fs.writeFileSync(file, fs.readFileSync(process.execPath).subarray(0, 20_000));
        const result = run(['check', file]);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(oneClearLine(result.stderr)).toBe(`cpiplan: ${file}: not a text file (it holds bytes that are not UTF-8 or UTF-16 text)`);
        expect(oneClearLine(run(['check', '--locale', 'it', file]).stderr)).toContain('non è un file di testo');
    });
});

describe('walking folders', () => {
    test('a FIFO named x.cpiplan is skipped, not read (no hang); a device named by path is refused', () => {
        const dir = folder();
        fs.copyFileSync(example('puglia-2020.cpiplan'), path.join(dir, 'p.cpiplan'));
        expect(spawnSync('mkfifo', [path.join(dir, 'x.cpiplan')]).status).toBe(0);
        const started = Date.now();
        const result = run(['check', dir], { timeout: 20_000 });
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(result).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings.\n' });
        const fifo = run(['check', path.join(dir, 'x.cpiplan')], { timeout: 20_000 });
        expect(fifo.status).toBe(2);
        expect(oneClearLine(fifo.stderr)).toContain('not a regular file');
    });

    test('an unreadable folder is reported in one line, exit 2', () => {
        const dir = folder();
        fs.chmodSync(dir, 0o755);
        fs.copyFileSync(example('puglia-2020.cpiplan'), path.join(dir, 'p.cpiplan'));
        const locked = path.join(dir, 'locked');
        fs.mkdirSync(locked);
        fs.chmodSync(locked, 0o000);
        // Root reads any folder: run the CLI as nobody then.
        const asRoot = process.getuid?.() === 0;
        const result = asRoot
            ? (() => {
                const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'check', dir],
                    { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
                return { status: r.status, stdout: r.stdout, stderr: r.stderr };
            })()
            : run(['check', dir]);
        fs.chmodSync(locked, 0o755);
        expect(result.status).toBe(2);
        expect(oneClearLine(result.stderr)).toBe(`cpiplan: ${path.join(dir, 'locked')}: cannot read the folder (EACCES)`);
    });
});

describe('standard output that fails', () => {
    test('a closed pipe (`| head -1`) ends quietly, with the exit code of the check', () => {
        // The reader closes its end at once, before the CLI writes: the write meets EPIPE.
        const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" check examples/valle-d-aosta-2020.cpiplan 2>"$ERR" | (exec 0<&-; sleep 2); echo "$PIPE_STATUS_0"; cat "$ERR"`.replace('$PIPE_STATUS_0', '${PIPESTATUS[0]}')], {
            cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C', ERR: path.join(folder(), 'err') }
        });
        expect(result.stdout).toBe('0\n');
    });

    test('a full device (/dev/full) is said in one line, exit 2', () => {
        const full = fs.openSync('/dev/full', 'w');
        const result = run(['check', 'examples/marche-2020.cpiplan'], { stdio: ['ignore', full, 'pipe'] });
        fs.closeSync(full);
        expect(result.status).toBe(2);
        expect(oneClearLine(result.stderr)).toBe('cpiplan: cannot write to standard output (ENOSPC)');
    });
});

describe('--out', () => {
    test('never writes through a symbolic link, even with --force', () => {
        const dir = folder();
        const target = path.join(dir, 'target.html');
        fs.writeFileSync(target, 'keep');
        fs.symlinkSync(target, path.join(dir, 'link.html'));
        const result = run(['tables', example('valle-d-aosta-2020.cpiplan'), '-f', 'html', '--out', path.join(dir, 'link.html'), '--force']);
        expect(result.status).toBe(2);
        expect(oneClearLine(result.stderr)).toContain('--out writes regular files only');
        expect(fs.readFileSync(target, 'utf8')).toBe('keep');
        expect(fs.lstatSync(path.join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    });

    test('never replaces a pipe (nor a device), even with --force', () => {
        // A FIFO of the test's own stands for any special file: a broken build must not be able to replace /dev/null.
        const dir = folder();
        const fifo = path.join(dir, 'out.html');
        expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
        const result = run(['tables', example('valle-d-aosta-2020.cpiplan'), '-f', 'html', '--out', fifo, '--force']);
        expect(result.status).toBe(2);
        expect(oneClearLine(result.stderr)).toBe(`cpiplan: ${fifo}: --out writes regular files only (not symbolic links, devices or pipes)`);
        expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    });

    test('SIGTERM while the output is being written leaves no temporary file', async () => {
        const dir = folder();
        const child = spawn(process.execPath, [cli, 'tables', example('puglia-2020.cpiplan'), '-f', 'html', '--out', path.join(dir, 'out.html')],
            { cwd: repoRoot, env: { ...process.env, LANG: 'C' } });
        // One SIGTERM, as a user or a CI runner sends it: the watcher sees the temporary file more than once
        // (created, written), and a second SIGTERM during the exit the first one started ends the process by
        // the signal's default action (status null: the test failed about 1 run in 8).
        let sent = false;
        const watcher = fs.watch(dir, (_event, name) => {
            if (!sent && name?.endsWith('.tmp')) {
                sent = true;
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
});

describe('signals', () => {
    test('SIGTERM during a long check ends it by the signal, without waiting for the check', async () => {
        const dir = folder();
        const plan = path.join(dir, 'roll-up.cpiplan');
        fs.writeFileSync(plan, syntheticPlan(100_000));
        const child = spawn(process.execPath, [cli, 'check', plan], { cwd: repoRoot, env: { ...process.env, LANG: 'C' } });
        let stdout = '';
        child.stdout.on('data', chunk => { stdout += String(chunk); });
        // Well inside the check (about 2 s of parsing and validation here): a command that writes no file leaves the
        // signal its default action. A handler would only run when the event loop next turns, after the parse.
        const timer = setTimeout(() => child.kill('SIGTERM'), 700);
        const ended = await new Promise<{ status: number | null; signal: string | null }>(resolve => child.on('exit', (status, signal) => resolve({ status, signal })));
        clearTimeout(timer);
        expect(ended).toEqual({ status: null, signal: 'SIGTERM' });
        expect(stdout).toBe('');
    });
});

describe('large files', () => {
    test('a 50 MB plan is refused within seconds, naming the limit', () => {
        const dir = folder();
        const file = path.join(dir, 'huge.cpiplan');
        const text = fs.readFileSync(example('puglia-2020.cpiplan'));
        const fd = fs.openSync(file, 'w');
        for (let written = 0; written < 50 * 1024 * 1024; written += text.length) {
            fs.writeSync(fd, text);
        }
        fs.closeSync(fd);
        const started = Date.now();
        const result = run(['check', file]);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(result.status).toBe(2);
        expect(oneClearLine(result.stderr)).toMatch(/huge\.cpiplan: file too large \(50\.\d MB; the limit is 8\.0 MB/);
    });

    test('a plan of 3.5 MB (the size of a roll-up of 100,000 lines) is read and checked, not refused', () => {
        const dir = folder();
        const file = path.join(dir, 'roll-up.cpiplan');
        // A comment is one token: the file has the size, the check stays quick.
        const text = fs.readFileSync(example('valle-d-aosta-2020.cpiplan'), 'utf8');
        fs.writeFileSync(file, `${text}/*${'x'.repeat(3.5 * 1024 * 1024)}*/\n`);
        const result = run(['check', file]);
        expect(result).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings.\n', stderr: '' });
    });
});
