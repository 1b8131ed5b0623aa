/** `cpiplan tables` and `cpiplan diff` on the built CLI: outputs, --out, --force, atomic writes, exit codes. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-tables-'));

describe('cpiplan tables', () => {
    test('Markdown to standard output by default; exit 0 on a plan without errors', () => {
        const result = run(['tables', 'examples/valle-d-aosta-2020.cpiplan', '--table', 'finance']);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('| **Totale generale** | **€ 1.781.190,18** | **€ 1.640.250,18** | **€ 140.940,00** |  |');
        expect(result.stderr).toBe('');
    });

    test('exit 1 and a note on stderr when the plan has errors; the tables still come out', () => {
        const result = run(['tables', 'examples/marche-2020.cpiplan', '--table', 'finance', '--format', 'csv']);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('Totale generale;15525104,60;15525104,60;;"Risorse programmate: dichiarato € 13.525.104,60, calcolato € 15.525.104,60; A valere su Allegato B d.m. 74/2019: € 15.525.104,60 oltre l\'assegnato di € 13.525.104,60"');
        expect(result.stderr).toContain('has 5 errors');
    });

    test('--out writes atomically, never over an existing file without --force', () => {
        const dir = scratch();
        const out = path.join(dir, 'quadro.html');
        expect(run(['tables', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'html', '--out', out]).status).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
        fs.writeFileSync(out, 'mine');
        const refused = run(['tables', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'html', '--out', out]);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('already exists: use --force to overwrite it');
        expect(fs.readFileSync(out, 'utf8')).toBe('mine');
        expect(run(['tables', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'html', '--out', out, '--force']).status).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
        expect(fs.readdirSync(dir)).toEqual(['quadro.html']);
    });

    test('xlsx needs --out, and the file opens', async () => {
        const refused = run(['tables', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'xlsx']);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('xlsx is a binary format: give --out FILE.xlsx');
        const out = path.join(scratch(), 'piano.xlsx');
        expect(run(['tables', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'xlsx', '--out', out]).status).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(out);
        expect(workbook.worksheets.length).toBeGreaterThan(5);
    });

    test('bad input is exit 2 with a readable message', () => {
        expect(run(['tables', 'no/such.cpiplan'])).toMatchObject({ status: 2, stderr: 'cpiplan: no/such.cpiplan: no such file or folder\n' });
        expect(run(['tables', 'language/rules/dm74-2019.cpiplan'])).toMatchObject({ status: 2, stderr: expect.stringContaining('not a plan (it holds a rule set)') });
        expect(run(['tables', 'examples/marche-2020.cpiplan', '--table', 'budget']).status).toBe(2);
        expect(run(['tables', 'examples/marche-2020.cpiplan', '--out', '/no/such/folder/x.md'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no such folder') });
    });
});

describe('cpiplan diff', () => {
    test('the reprogramming table between two versions, Markdown or JSON', () => {
        const dir = scratch();
        const amended = fs.readFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), 'utf8');
        const before = path.join(dir, 'prima.cpiplan');
        fs.writeFileSync(before, amended.replace('€ 630.000,00 su B', '€ 600.000,00 su B'));
        const md = run(['diff', before, 'examples/valle-d-aosta-2020.cpiplan']);
        expect(md.status).toBe(0);
        expect(md.stdout).toContain('| Ristrutturazione e ampliamento delle sedi (immobili) | modificata | € 600.000,00 | € 630.000,00 | € 30.000,00 |');
        const json = JSON.parse(run(['diff', before, 'examples/valle-d-aosta-2020.cpiplan', '--format', 'json']).stdout);
        expect(json.grandTotal.change).toBe('3000000');
    });

    test('HTML and XLSX too; exit 1 when the new version has errors', async () => {
        const dir = scratch();
        const amended = fs.readFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), 'utf8');
        const after = path.join(dir, 'dopo.cpiplan');
        fs.writeFileSync(after, amended.replace('€ 630.000,00 su B', '€ 660.000,00 su B'));
        const html = run(['diff', 'examples/valle-d-aosta-2020.cpiplan', after, '--format', 'html']);
        expect(html.status).toBe(1);
        expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
        expect(html.stdout).toContain('€ 660.000,00');
        expect(html.stderr).toContain('dopo.cpiplan');
        expect(run(['diff', 'examples/valle-d-aosta-2020.cpiplan', after, '--format', 'xlsx']).status).toBe(2);
        const out = path.join(dir, 'diff.xlsx');
        expect(run(['diff', 'examples/valle-d-aosta-2020.cpiplan', after, '--format', 'xlsx', '--out', out]).status).toBe(1);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(out);
        expect(workbook.worksheets.map(w => w.name)).toContain('Fonti di finanziamento');
        expect(run(['diff', 'examples/valle-d-aosta-2020.cpiplan', 'examples/valle-d-aosta-2020.cpiplan']).status).toBe(0);
    });

    test('exit 1 when the changes disagree with the moves the earlier version declares, said in Italian or English', () => {
        const dir = scratch();
        const amended = fs.readFileSync(path.join(repoRoot, 'examples', 'valle-d-aosta-2020.cpiplan'), 'utf8');
        const before = path.join(dir, 'prima.cpiplan');
        fs.writeFileSync(before, `${amended}\nriprogrammazione "Rimodulazione" {\n    sposta € 30.000,00 dalla linea 3.4 voce "Ristrutturazione e ampliamento delle sedi (immobili)" alla linea 3.5\n}\n`);
        const agreeing = path.join(dir, 'dopo.cpiplan');
        fs.writeFileSync(agreeing, amended
            .replace('€ 630.000,00 su B', '€ 600.000,00 su B').replace('totale € 780.000,00\n    totale B € 780.000,00', 'totale € 750.000,00\n    totale B € 750.000,00')
            .replace('voce "Sviluppo di software" € 300.000,00 su B', 'voce "Sviluppo di software" € 330.000,00 su B')
            .replace('totale € 500.000,00\n    totale B € 500.000,00', 'totale € 530.000,00\n    totale B € 530.000,00'));
        const agrees = run(['diff', before, agreeing]);
        expect(agrees.stderr).toBe(`cpiplan: the changes from ${before} to ${agreeing} agree with the moves ${before} declares.\n`);
        expect(agrees.status).toBe(0);
        expect(agrees.stdout).toContain('| Linea 3.4 | -€ 30.000,00 | -€ 30.000,00 | concorda |');
        const disagrees = run(['diff', before, 'examples/valle-d-aosta-2020.cpiplan', '--locale', 'it']);
        expect(disagrees.status).toBe(1);
        expect(disagrees.stderr).toContain('non concordano con gli spostamenti dichiarati in');
        expect(disagrees.stderr).toContain('linea 3.4 variazione dichiarata -€ 30.000,00, trovata € 0,00; linea 3.5 variazione dichiarata € 30.000,00, trovata € 0,00');
        expect(disagrees.stdout).toContain('| Linea 3.4 | -€ 30.000,00 | € 0,00 (dichiarato -€ 30.000,00) | non concorda |');
        const english = run(['diff', before, 'examples/valle-d-aosta-2020.cpiplan', '--format', 'json', '--locale', 'en']);
        expect(english.status).toBe(1);
        expect(english.stderr).toContain('line 3.4 declared change -€ 30.000,00, found € 0,00');
        expect(JSON.parse(english.stdout).moves.agrees).toBe(false);
    });
});
