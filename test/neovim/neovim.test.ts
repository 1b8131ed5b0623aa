/**
 * The README's Neovim 0.7–0.10 configuration, run as written in a headless Neovim against
 * `cpiplan lsp --stdio` (test/neovim/check.lua drives it): diagnostics, hover, formatting, and
 * Italian messages when the server is started under LANG=it_IT.UTF-8. Skipped where `nvim` is not
 * installed; CI installs Debian's neovim (0.7.2) and sets CPIPLAN_REQUIRE_NEOVIM so it cannot skip.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const installed = nvim.status === 0 && process.platform !== 'win32';
const skipReason = 'nvim is not installed (apt-get install neovim to run this test)';

interface NeovimResult {
    failures: string[];
    filetype?: string;
    diagnostics?: { code: string; message: string; lnum: number; col: number; severity: number }[];
    hover?: string;
    formatted?: string[];
}

let scratch: string;

/** The README block that configures Neovim 0.7–0.10, so the documented configuration is the tested one. */
function readmeConfiguration(): string {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)].map(m => m[1]).find(b => b.includes('vim.lsp.start_client'));
    if (!block) {
        throw new Error('README.md has no Neovim 0.7–0.10 configuration (a lua block with vim.lsp.start_client).');
    }
    return block;
}

function runNeovim(lang: string, expectLocale: 'it' | 'en'): { status: number | null; stderr: string; result: NeovimResult } {
    const plan = path.join(scratch, `plan-${expectLocale}.cpiplan`);
    fs.copyFileSync(path.join(__dirname, 'plan.cpiplan'), plan);
    const resultFile = path.join(scratch, `result-${expectLocale}.json`);
    const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(scratch, 'init.lua'), '-c', `luafile ${path.join(__dirname, 'check.lua')}`], {
        cwd: scratch,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
            ...process.env,
            PATH: `${path.join(scratch, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
            LANG: lang, LC_ALL: '', LC_MESSAGES: '',
            XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'), XDG_STATE_HOME: path.join(scratch, 'state'),
            CPIPLAN_PLAN: plan, CPIPLAN_RESULT: resultFile, CPIPLAN_EXPECT_LOCALE: expectLocale
        }
    });
    const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimResult : { failures: ['no result written'] };
    return { status: run.status, stderr: run.stderr, result };
}

beforeAll(() => {
    if (process.env.CPIPLAN_REQUIRE_NEOVIM && !installed) {
        throw new Error(`CPIPLAN_REQUIRE_NEOVIM is set but ${skipReason}.`);
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-nvim-'));
    fs.writeFileSync(path.join(scratch, 'init.lua'), readmeConfiguration());
    // `cpiplan` on the PATH, as after `npm install -g`: the built CLI of this checkout.
    fs.mkdirSync(path.join(scratch, 'bin'));
    fs.writeFileSync(path.join(scratch, 'bin', 'cpiplan'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'bin', 'cpiplan.cjs')}" "$@"\n`, { mode: 0o755 });
});

describe('Neovim with the README configuration', () => {
    test('diagnostics, hover and formatting in English under LANG=C', ({ skip }) => {
        skip(!installed, skipReason);
        const { status, stderr, result } = runNeovim('C', 'en');
        expect(result.failures, stderr).toEqual([]);
        expect(status).toBe(0);
        expect(result.filetype).toBe('cpiplan');
        expect(result.diagnostics).toEqual([{
            code: 'total-mismatch', lnum: 4, col: 13, severity: 1,
            message: 'Declared total of line 3.4 is € 12.000,00, but its parts add up to € 10.000,00 (difference € 2.000,00).'
        }]);
        expect(result.hover).toContain('**Line 3.4** Sedi');
        expect(result.formatted).toEqual([
            'piano "Prova" regole "Assistenza tecnica ANPAL Servizi"',
            'fonte B "Allegato B" assegnato € 10.000,00',
            'linea 3.4 "Sedi" {',
            '    voce "Arredi" € 10.000,00',
            '    totale        € 12.000,00',
            '}'
        ]);
    });

    test('messages and hover in Italian when the server starts under LANG=it_IT.UTF-8', ({ skip }) => {
        skip(!installed, skipReason);
        const { status, stderr, result } = runNeovim('it_IT.UTF-8', 'it');
        expect(result.failures, stderr).toEqual([]);
        expect(status).toBe(0);
        expect(result.diagnostics?.map(d => d.message)).toEqual([
            'Totale dichiarato della linea 3.4: € 12.000,00; la somma delle parti è € 10.000,00 (differenza € 2.000,00).'
        ]);
        expect(result.hover).toContain('**Linea 3.4** Sedi');
    });
});
