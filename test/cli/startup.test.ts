/** What the built CLI loads and keeps between runs: `--version` without the language, compiled code cached. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';
import { keptCaches } from '../../src/cli/compile-cache.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');
const marche = path.join(repoRoot, 'examples', 'marche-2020.cpiplan');

function run(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files under a folder, recursively. */
function filesUnder(dir: string): string[] {
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => fs.statSync(path.join(dir, f)).isFile()) : [];
}

beforeAll(() => {
    if (!fs.existsSync(path.join(repoRoot, 'out', 'cli.cjs'))) {
        throw new Error('The CLI is not built: run `npm run build` (npm test does it).');
    }
});

describe('start-up', () => {
    test('--version and --help load commander and the help texts only, not the language', () => {
        expect(fs.statSync(path.join(repoRoot, 'out', 'cli.cjs')).size).toBeLessThan(100 * 1024);
        const loaded = (args: string[]) => spawnSync(process.execPath, ['-e', `
            process.argv = [process.argv[0], 'cpiplan', ...${JSON.stringify(args)}];
            require(${JSON.stringify(path.join(repoRoot, 'out', 'cli.cjs'))});
            process.on('exit', () => process.stderr.write(Object.keys(require.cache).map(f => require('path').basename(f)).join(',')));
        `], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
        const version = loaded(['--version']);
        expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        expect(version.stderr).toBe('cli.cjs');
        const help = loaded(['--help']);
        expect(help.stdout).toContain('check');
        expect(help.stderr).toBe('cli.cjs');
        expect(loaded(['check', marche]).stderr).toBe('cli.cjs,cli-commands.cjs');
    });

    test('the compiled code is cached between runs, and a damaged or disabled cache changes nothing', () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-cache-'));
        const env = { TMPDIR: tmp };
        const first = run(['check', marche], env);
        expect(first.status).toBe(1);
        const cached = filesUnder(tmp).filter(f => f.includes('cpiplan-compile-cache'));
        expect(cached).toHaveLength(1);
        expect(fs.statSync(path.join(tmp, cached[0])).size).toBeGreaterThan(100 * 1024);
        expect(run(['check', marche], env)).toEqual(first);
        fs.writeFileSync(path.join(tmp, cached[0]), 'not a code cache');
        expect(run(['check', marche], env)).toEqual(first);
        expect(fs.statSync(path.join(tmp, cached[0])).size).toBeGreaterThan(100 * 1024);

        const off = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-cache-'));
        expect(run(['check', marche], { TMPDIR: off, CPIPLAN_NO_COMPILE_CACHE: '1' })).toEqual(first);
        expect(filesUnder(off)).toEqual([]);
    });

    test("other builds' caches are pruned when one is written: those used last are kept, the run's own among them", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-cache-'));
        const env = { TMPDIR: tmp };
        const first = run(['check', marche], env);
        const own = filesUnder(tmp).filter(f => f.endsWith('.bin'));
        expect(own).toHaveLength(1);
        const folder = path.dirname(path.join(tmp, own[0]));
        // Caches of older builds, each older than the last; and one of a writer that died long ago.
        const old = Array.from({ length: keptCaches + 5 }, (_, i) => {
            const file = path.join(folder, `${String(i).padStart(40, '0')}.bin`);
            fs.writeFileSync(file, 'old');
            const time = new Date(Date.now() - (i + 1) * 3600_000);
            fs.utimesSync(file, time, time);
            return file;
        });
        const dead = path.join(folder, `${own[0].split('/').at(-1)}.12345.tmp`);
        fs.writeFileSync(dead, 'half');
        fs.utimesSync(dead, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
        // A run that finds its cache writes none, and prunes nothing.
        expect(run(['check', marche], env)).toEqual(first);
        expect(fs.readdirSync(folder)).toHaveLength(keptCaches + 5 + 2);
        fs.rmSync(path.join(tmp, own[0]));
        expect(run(['check', marche], env)).toEqual(first);
        const left = fs.readdirSync(folder).sort();
        expect(left).toHaveLength(keptCaches);
        expect(left).toContain(path.basename(own[0]));
        expect(left).toEqual([path.basename(own[0]), ...old.slice(0, keptCaches - 1).map(f => path.basename(f))].sort());
        // A cache read by a run counts as used then: written long ago, it stays when another run writes one.
        const longAgo = new Date(Date.now() - 1000 * 3600_000);
        fs.utimesSync(path.join(tmp, own[0]), longAgo, longAgo);
        expect(run(['check', marche], env)).toEqual(first);
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-cache-work-'));
        expect(run(['tables', path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), '--format', 'xlsx', '--out', path.join(work, 'aosta.xlsx')], env).status).toBe(0);
        const after = fs.readdirSync(folder);
        expect(after).toHaveLength(keptCaches);
        expect(after).toContain(path.basename(own[0]));
    });
});
