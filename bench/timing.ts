/**
 * Whole-process timing of commands: hyperfine when it is installed, else an interleaved loop of
 * our own; peak memory from `/usr/bin/time` (GNU time's `%M`, the largest resident set in KiB).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Command {
    readonly name: string;
    readonly argv: string[];
}

export interface Timing {
    readonly name: string;
    /** Wall-clock times of the counted runs, seconds, sorted. */
    readonly wall: number[];
    readonly medianMs: number;
    readonly userMs?: number;
    readonly systemMs?: number;
}

/** The first line a program prints for `--version`, or undefined when it is not installed. */
export function versionOf(program: string, args: string[] = ['--version']): string | undefined {
    const result = spawnSync(program, args, { encoding: 'utf8' });
    if (result.error || result.status !== 0) {
        return undefined;
    }
    return (result.stdout || result.stderr).trim().split('\n')[0];
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** hyperfine's word splitting is a shell's: quote what has spaces or quotes. */
function shellWord(word: string): string {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

interface HyperfineResult {
    command: string;
    median: number;
    user: number;
    system: number;
    times: number[];
}

function withHyperfine(commands: Command[], runs: number, warmup: number): Timing[] {
    const exported = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-hyperfine-')), 'result.json');
    const args = ['-N', '-i', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', exported];
    for (const command of commands) {
        args.push('-n', command.name, command.argv.map(shellWord).join(' '));
    }
    const result = spawnSync('hyperfine', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (result.status !== 0) {
        throw new Error(`hyperfine failed: ${result.stderr}`);
    }
    const { results } = JSON.parse(fs.readFileSync(exported, 'utf8')) as { results: HyperfineResult[] };
    fs.rmSync(path.dirname(exported), { recursive: true, force: true });
    return results.map((r, i) => ({
        name: commands[i].name,
        wall: [...r.times].sort((a, b) => a - b),
        medianMs: r.median * 1000,
        userMs: r.user * 1000,
        systemMs: r.system * 1000
    }));
}

/** Without hyperfine: rounds of every command in turn (A B C A B C …), so drift hits them all alike. */
function withOwnLoop(commands: Command[], runs: number, warmup: number): Timing[] {
    const wall: number[][] = commands.map(() => []);
    for (let round = 0; round < warmup + runs; round++) {
        commands.forEach((command, i) => {
            const start = process.hrtime.bigint();
            spawnSync(command.argv[0], command.argv.slice(1), { stdio: 'ignore' });
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            if (round >= warmup) {
                wall[i].push(seconds);
            }
        });
    }
    return commands.map((command, i) => ({ name: command.name, wall: wall[i].sort((a, b) => a - b), medianMs: median(wall[i]) * 1000 }));
}

export const hasHyperfine = versionOf('hyperfine') !== undefined;
export const hasGnuTime = fs.existsSync('/usr/bin/time');

/** Times the commands in one call, so their ratios come from the same stretch of time. */
export function timeCommands(commands: Command[], runs: number, warmup: number): Timing[] {
    return hasHyperfine ? withHyperfine(commands, runs, warmup) : withOwnLoop(commands, runs, warmup);
}

export interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
    /** Peak resident set, MiB, when GNU time is installed. */
    readonly peakMiB?: number;
}

/** Runs a command once, and reports its exit status, its output and its peak memory. */
export function runOnce(command: Command): Run {
    if (!hasGnuTime) {
        const result = spawnSync(command.argv[0], command.argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-time-')), 'time.txt');
    const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, ...command.argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const kib = Number(fs.readFileSync(report, 'utf8').trim().split('\n').at(-1));
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, peakMiB: Number.isFinite(kib) ? kib / 1024 : undefined };
}
