/**
 * The README's Emacs configuration, run as written in a headless Emacs with eglot against
 * `cpiplan lsp --stdio` (test/emacs/check.el drives it): eglot connects, the diagnostics reach
 * Flymake, the hover answers, and the messages are Italian when Emacs (so the server) runs under
 * LANG=it_IT.UTF-8. Skipped where Emacs or eglot is missing (eglot is built into Emacs 29; Debian
 * 12's Emacs 28 has it from elpa-eglot); CI installs both and sets CPIPLAN_REQUIRE_EMACS so it
 * cannot skip.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

/**
 * An interactive Emacs activates the installed packages (elpa-eglot among them) before reading
 * init.el; a batch one does not, so each run starts by doing what startup does.
 */
const activatePackages = ['--eval', '(package-activate-all)'];
const probe = spawnSync('emacs', ['--batch', ...activatePackages, '--eval', '(kill-emacs (if (locate-library "eglot") 0 3))'], { encoding: 'utf8' });
const installed = probe.status === 0 && process.platform !== 'win32';
const skipReason = probe.status === 3
    ? 'Emacs has no eglot (Emacs 29 has it built in; on Debian 12 apt-get install elpa-eglot to run this test)'
    : 'emacs is not installed (apt-get install emacs-nox elpa-eglot to run this test)';

interface EmacsResult {
    failures: string[];
    mode?: string;
    command?: string[];
    diagnostics?: { line: number; column: number; type: string; text: string }[];
    hover?: string;
}

let scratch: string;

/** The README block that configures Emacs, so the documented configuration is the tested one. */
function readmeConfiguration(): string {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```elisp\n([\s\S]*?)```/g)].map(m => m[1]).find(b => b.includes('eglot-server-programs'));
    if (!block) {
        throw new Error('README.md has no Emacs configuration (an elisp block adding to eglot-server-programs).');
    }
    return block;
}

function runEmacs(lang: string, expectLocale: 'it' | 'en'): { status: number | null; stderr: string; result: EmacsResult } {
    const plan = path.join(scratch, `plan-${expectLocale}.cpiplan`);
    fs.copyFileSync(path.join(__dirname, 'plan.cpiplan'), plan);
    const resultFile = path.join(scratch, `result-${expectLocale}.json`);
    const run = spawnSync('emacs', ['--batch', ...activatePackages, '-l', path.join(scratch, 'init.el'), '-l', path.join(__dirname, 'check.el')], {
        cwd: scratch,
        encoding: 'utf8',
        timeout: 90_000,
        env: {
            ...process.env,
            HOME: scratch,
            PATH: `${path.join(scratch, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
            LANG: lang, LC_ALL: '', LC_MESSAGES: '',
            CPIPLAN_PLAN: plan, CPIPLAN_RESULT: resultFile, CPIPLAN_EXPECT_LOCALE: expectLocale
        }
    });
    const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EmacsResult : { failures: ['no result written'] };
    return { status: run.status, stderr: run.stderr, result };
}

beforeAll(() => {
    if (process.env.CPIPLAN_REQUIRE_EMACS && !installed) {
        throw new Error(`CPIPLAN_REQUIRE_EMACS is set but ${skipReason}.`);
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-emacs-'));
    fs.writeFileSync(path.join(scratch, 'init.el'), readmeConfiguration());
    // `cpiplan` on the PATH, as after `npm install -g`: the built CLI of this checkout.
    fs.mkdirSync(path.join(scratch, 'bin'));
    fs.writeFileSync(path.join(scratch, 'bin', 'cpiplan'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'bin', 'cpiplan.cjs')}" "$@"\n`, { mode: 0o755 });
});

afterAll(() => {
    if (scratch) {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
});

describe('Emacs with eglot and the README configuration', () => {
    test('eglot connects to cpiplan lsp --stdio; diagnostics and hover in English under LANG=C', ({ skip }) => {
        skip(!installed, skipReason);
        const { status, stderr, result } = runEmacs('C', 'en');
        expect(result.failures, stderr).toEqual([]);
        expect(status).toBe(0);
        expect(result.mode).toBe('cpiplan-mode');
        expect(result.command).toEqual(['cpiplan', 'lsp', '--stdio']);
        expect(result.diagnostics).toEqual([{
            line: 5, column: 13, type: 'eglot-error',
            text: 'cpiplan [total-mismatch]: Declared total of line 3.4 is € 12.000,00, but its parts add up to € 10.000,00 (difference € 2.000,00).'
        }]);
        expect(result.hover).toContain('**Line 3.4** Sedi');
    });

    test('messages and hover in Italian when Emacs, so the server, runs under LANG=it_IT.UTF-8', ({ skip }) => {
        skip(!installed, skipReason);
        const { status, stderr, result } = runEmacs('it_IT.UTF-8', 'it');
        expect(result.failures, stderr).toEqual([]);
        expect(status).toBe(0);
        expect(result.diagnostics?.map(d => d.text)).toEqual([
            'cpiplan [total-mismatch]: Totale dichiarato della linea 3.4: € 12.000,00; la somma delle parti è € 10.000,00 (differenza € 2.000,00).'
        ]);
        expect(result.hover).toContain('**Linea 3.4** Sedi');
    });
});
