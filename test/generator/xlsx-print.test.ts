/**
 * The workbook printed as an analyst prints it: LibreOffice converts it to PDF, pdftotext reads
 * the pages. Skipped, saying why, where LibreOffice or pdftotext is not installed (CI installs both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { renderXlsx } from '../../src/generator/render-xlsx.js';
import { check, example } from '../helpers.js';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const ready = has('soffice') && has('pdftotext') && has('pdfinfo');

describe.skipIf(!ready)('XLSX printed through LibreOffice (needs soffice, pdftotext, pdfinfo)', () => {
    test('the quadro finanziario prints on landscape pages with its title, whole headers and the Note column on the first page', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-print-'));
        const tables = buildTables((await check(example('valle-d-aosta-2020.cpiplan'))).evaluation(), ['finance']);
        const xlsx = path.join(dir, 'quadro.xlsx');
        fs.writeFileSync(xlsx, await renderXlsx(tables));
        // An Italian analyst's LibreOffice: amounts are numbers, shown with the locale's separators.
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx],
            { stdio: 'pipe', timeout: 120_000, env: { ...process.env, LC_ALL: 'it_IT.UTF-8', LANG: 'it_IT.UTF-8' } });
        const pdf = path.join(dir, 'quadro.pdf');
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
        const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf]).toString());
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(2);
        expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2])); // landscape
        const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
        for (const header of ['Linee di intervento e quadro finanziario', 'Linea di intervento', 'Risorse programmate',
            "A valere su Allegato B d.m. 74/2019", "A valere su Allegato C d.m. 74/2019", 'Note', 'Pagina 1 di']) {
            expect(first, header).toContain(header);
        }
        expect(first).toContain('€ 24.600,00');
        // A wrapped line title keeps its own row: the item below it is not printed over it.
        expect(first).toMatch(/Piano della comunicazione coordinata\s+€ 24\.600,00/);
    }, 180_000);
});
