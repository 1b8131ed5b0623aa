/** The `cpiplan check` contract, exercised on the built CLI as scripts and CI use it. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');

function run(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    if (!fs.existsSync(path.join(repoRoot, 'out', 'cli.cjs'))) {
        throw new Error('The CLI is not built: run `npm run build` (npm test does it).');
    }
});

describe('cpiplan check', () => {
    test('text: one line per problem, then a summary; exit 1 on errors', () => {
        const { status, stdout } = run(['check', 'examples/marche-2020.cpiplan']);
        expect(status).toBe(1);
        const lines = stdout.trim().split('\n');
        expect(lines).toHaveLength(8);
        expect(lines[0]).toMatch(/^examples\/marche-2020\.cpiplan:6:7: error missing-declaration: /);
        expect(lines).toContain('examples/marche-2020.cpiplan:444:7: error over-allocated: € 15.525.104,60 programmed on Allegato B d.m. 74/2019 exceeds the € 13.525.104,60 assigned (excess € 2.000.000,00).');
        expect(lines.at(-1)).toBe('1 file checked: 5 errors, 2 warnings.');
    });

    test('exit 0 on a clean plan, and on a folder of clean plans', () => {
        expect(run(['check', 'examples/valle-d-aosta-2020.cpiplan'])).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings.\n' });
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        fs.copyFileSync(path.join(repoRoot, 'examples', 'puglia-2020.cpiplan'), path.join(dir, 'p.cpiplan'));
        expect(run(['check', dir]).status).toBe(0);
    });

    test('json: the documented shape with 0-based LSP positions', () => {
        const { status, stdout } = run(['check', 'examples/', '--format', 'json']);
        expect(status).toBe(1);
        const report = JSON.parse(stdout);
        expect(report.files.map((f: { path: string }) => f.path)).toEqual([
            'examples/marche-2020.cpiplan', 'examples/puglia-2020.cpiplan', 'examples/valle-d-aosta-2020.cpiplan'
        ]);
        expect(report.summary).toEqual({ errors: 5, warnings: 2 });
        const over = report.files[0].diagnostics.find((d: { code: string }) => d.code === 'over-allocated');
        expect(over).toEqual({
            severity: 'error',
            code: 'over-allocated',
            message: expect.stringContaining('excess € 2.000.000,00'),
            range: { start: { line: 443, character: 6 }, end: { line: 443, character: 7 } }
        });
    });

    test('--locale it speaks Italian', () => {
        const { stdout } = run(['check', 'examples/marche-2020.cpiplan', '--locale', 'it']);
        expect(stdout).toContain('Programmati € 15.525.104,60 su Allegato B d.m. 74/2019, oltre l\'assegnato di € 13.525.104,60: eccedenza € 2.000.000,00.');
        expect(stdout.trim().split('\n').at(-1)).toBe('1 file controllato: 5 errori, 2 avvisi.');
        expect(stdout).toContain('examples/marche-2020.cpiplan:444:7: errore over-allocated: ');
        expect(stdout).not.toMatch(/: error /);
    });

    test('a missing path is a readable error with exit 2', () => {
        const { status, stderr, stdout } = run(['check', 'no/such/plan.cpiplan']);
        expect(status).toBe(2);
        expect(stderr).toBe('cpiplan: no/such/plan.cpiplan: no such file or folder\n');
        expect(stdout).toBe('');
    });

    test('a folder with no plans is exit 2', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        expect(run(['check', dir])).toMatchObject({ status: 2, stderr: expect.stringContaining('no .cpiplan files') });
    });

    test('bad usage is exit 2 with a message', () => {
        expect(run(['check'])).toMatchObject({ status: 2, stderr: expect.stringContaining("missing required argument 'paths'") });
        expect(run(['check', 'examples', '--format', 'xml'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Allowed choices are text, json') });
        expect(run(['frobnicate']).status).toBe(2);
    });

    test('--help documents formats and exit codes', () => {
        const { status, stdout } = run(['check', '--help']);
        expect(status).toBe(0);
        expect(stdout).toContain('--format <format>');
        expect(stdout).toContain('Exit codes: 0 no errors');
    });

    test('broken text yields syntax diagnostics, not a crash', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        const file = path.join(dir, 'broken.cpiplan');
        fs.writeFileSync(file, 'piano "X"\nlinea 3.1 { voce € 12,00 su \n');
        const { status, stdout, stderr } = run(['check', file]);
        expect(status).toBe(1);
        expect(stderr).toBe('');
        expect(stdout).toMatch(/error parsing-error: /);
    });

    test('a rule set named by path is loaded from next to the plan', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        fs.mkdirSync(path.join(dir, 'regole'));
        fs.writeFileSync(path.join(dir, 'regole', 'mie.cpiplan'), 'regole "Mie" { fonte b "B" linea 3.1 "Comunicazione" tetto 1% di b }\n');
        fs.writeFileSync(path.join(dir, 'plan.cpiplan'), 'piano "X" regole "Mie" da "regole/mie.cpiplan"\nfonte B "B" tipo b assegnato € 100,00\nlinea 3.1 "Comunicazione" { voce "Campagna" € 100,00 }\n');
        const { status, stdout } = run(['check', path.join(dir, 'plan.cpiplan')]);
        expect(status).toBe(1);
        expect(stdout).toContain('cap-exceeded: € 100,00 on line 3.1 exceeds the 1% cap of € 1,00 on B (excess € 99,00).');
    });

    test('a missing rule-set file is a diagnostic on the plan that names it; the other plans are still checked', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        fs.writeFileSync(path.join(dir, 'a.cpiplan'), 'piano "X" regole "Mie" da "manca.cpiplan"\n');
        fs.copyFileSync(path.join(repoRoot, 'examples', 'marche-2020.cpiplan'), path.join(dir, 'b.cpiplan'));
        const { status, stdout } = run(['check', dir], dir);
        expect(status).toBe(1);
        expect(stdout.trim().split('\n')).toEqual([
            "a.cpiplan:1:27: error rule-file-missing: The rule file 'manca.cpiplan' does not exist or was not loaded: the plan cannot be checked against its rules.",
            ...run(['check', 'b.cpiplan'], dir).stdout.trim().split('\n').slice(0, -1),
            '2 files checked: 6 errors, 2 warnings.'
        ]);
    });

    test("a broken rule-set file is reported in the file and on the plan's regole, exit 1", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        fs.writeFileSync(path.join(dir, 'mie.cpiplan'), 'regole "Mie" {\n    fonte b "B"\n    linea 3.1 "Comunicazione" tetto 1.5% di b\n}\n');
        fs.writeFileSync(path.join(dir, 'plan.cpiplan'), 'piano "X" regole "Mie" da "mie.cpiplan"\nfonte B "B" tipo b assegnato € 100,00\nlinea 3.1 "Comunicazione" { voce "Campagna" € 100,00 }\n');
        const { status, stdout } = run(['check', 'plan.cpiplan'], dir);
        expect(status).toBe(1);
        const lines = stdout.trim().split('\n');
        expect(lines).toContain("plan.cpiplan:1:18: error rule-set-invalid: The rule set \"Mie\" (mie.cpiplan) has an error; it is at line 3: '1.5' is not in the Italian format (dot for thousands, comma for decimals). Write '1,5%'.");
        expect(lines).toContain("plan.cpiplan:3:7: error cap-not-applicable: The cap of line 3.1 in \"Mie\" ('1.5% di b') is not valid: the cap cannot be applied.");
        expect(lines.some(l => l.startsWith('mie.cpiplan:3:37: error invalid-number: '))).toBe(true);
        expect(lines.at(-1)).toBe('2 files checked: 3 errors, 0 warnings.');
    });

    test('a file that is not .cpiplan is a readable error with exit 2', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-'));
        fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
        expect(run(['check', path.join(dir, 'notes.txt')])).toMatchObject({ status: 2, stderr: expect.stringContaining('notes.txt: not a .cpiplan file') });
    });
});

describe('the command line in Italian', () => {
    const italian = (args: string[]) => {
        const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'it_IT.UTF-8' } });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    test('errors follow --locale', () => {
        expect(run(['check', 'no/such/plan.cpiplan', '--locale', 'it'])).toMatchObject({ status: 2, stderr: 'cpiplan: no/such/plan.cpiplan: file o cartella inesistente\n' });
    });

    test('help and errors follow LANG', () => {
        expect(italian(['check', '--help']).stdout).toContain('Segnala ogni problema aritmetico e normativo dei piani (file o cartelle).');
        expect(italian(['tables', 'no/such/plan.cpiplan'])).toMatchObject({ status: 2, stderr: 'cpiplan: no/such/plan.cpiplan: file o cartella inesistente\n' });
    });
});
