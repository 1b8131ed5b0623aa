/** `cpiplan document` on the built CLI: formats, exit codes, and the DOCX opened by a real reader (LibreOffice → PDF → pdftotext). */
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');
/** Asynchronous, so the test worker keeps answering vitest while LibreOffice works. */
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve => {
    execFile(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env }, timeout: 240_000 },
        (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
});
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-document-'));
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('cpiplan document', () => {
    test('HTML and Markdown; exit 0 on a plan without errors, 1 with a draft written on a plan with errors', async () => {
        const dir = scratch();
        const html = path.join(dir, 'vda.html');
        const ok = await run(['document', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'html', '--out', html]);
        expect(ok.status).toBe(0);
        expect(fs.readFileSync(html, 'utf8')).toContain('Regione Valle d&#39;Aosta');
        const md = path.join(dir, 'marche.md');
        const draft = await run(['document', 'examples/marche-2020.cpiplan', '--format', 'md', '--out', md]);
        expect(draft.status).toBe(1);
        expect(draft.stderr).toContain('the plan has 5 errors: the document is marked as a draft (BOZZA)');
        expect(fs.readFileSync(md, 'utf8')).toContain('BOZZA – 5 problemi aperti');
        expect((await run(['document', 'examples/marche-2020.cpiplan', '--format', 'md', '--out', md])).status).toBe(2);
        expect((await run(['document', 'examples/marche-2020.cpiplan', '--format', 'md', '--out', md, '--force'])).status).toBe(1);
    });

    test('without LibreOffice or Chromium, PDF says so in one line and exits 2', async () => {
        const result = await run(['document', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'pdf', '--out', path.join(scratch(), 'x.pdf')], { PATH: '/nonexistent' });
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('PDF needs LibreOffice (soffice) or Chromium, and neither is installed')]);
    });

    // In CI (CI=true, where soffice is installed) or when asked (CPIPLAN_TEST_PDF=1): LibreOffice beside the
    // suite's long synchronous property tests on a loaded 2-core machine trips vitest's 60 s worker RPC timeout.
    const pdfTests = Boolean(process.env.CI || process.env.CPIPLAN_TEST_PDF);
    test.skipIf(!has('soffice') || !has('pdftotext') || !pdfTests)('the DOCX read by LibreOffice: its PDF holds the figures, the page numbers, the draft mark (CI or CPIPLAN_TEST_PDF=1; skipped without soffice/pdftotext)', async () => {
        const dir = scratch();
        const pdf = path.join(dir, 'marche.pdf');
        const result = await run(['document', 'examples/marche-2020.cpiplan', '--format', 'pdf', '--out', pdf], { CPIPLAN_PDF: 'soffice' });
        expect(result.status, result.stderr).toBe(1);
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
        expect(text).toContain('BOZZA – 5 problemi aperti');
        expect(text).toContain('€ 15.525.104,60');
        expect(text).toContain('dichiarato € 13.525.104,60');
        expect(text).toContain('€ 13.525.104,60');
        expect(text).toMatch(/Pagina 2 di \d+/);
        expect(text).toContain('Linee di intervento e quadro finanziario');
        if (has('pdftoppm') && process.env.CPIPLAN_KEEP_PNG) {
            spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '40', pdf, path.join(process.env.CPIPLAN_KEEP_PNG, 'page')]);
        }
    }, 240_000);

    // Opt-in (CPIPLAN_TEST_CHROMIUM=1): a second browser-sized process beside LibreOffice starves the
    // suite's long synchronous property tests on a 2-core machine (vitest's 60 s worker RPC timeout).
    test.skipIf(!has('chromium') || !has('pdftotext') || !(process.env.CI || process.env.CPIPLAN_TEST_CHROMIUM))('Chromium prints the HTML when asked: the figures are in the PDF (CI or CPIPLAN_TEST_CHROMIUM=1)', async () => {
        const pdf = path.join(scratch(), 'vda.pdf');
        const result = await run(['document', 'examples/valle-d-aosta-2020.cpiplan', '--format', 'pdf', '--out', pdf], { CPIPLAN_PDF: 'chromium' });
        expect(result.status, result.stderr).toBe(0);
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
        expect(text).toContain('€ 1.781.190,18');
        expect(text).toContain('Approvato con DGR 955/2020 del 28/09/2020');
    }, 240_000);
});
