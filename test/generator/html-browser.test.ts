/**
 * The HTML tables rendered in headless Chromium: a screenshot is saved for review, and a plan
 * title containing <script> shows as text and does not run. Needs Debian's chromium; CI
 * installs it, and there a missing browser is a failure, not a skip.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { renderHtml } from '../../src/generator/render.js';
import { check, example, repoRoot } from '../helpers.js';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(executablePath);
if (!available && process.env.CI) {
    throw new Error(`Chromium is required in CI (${executablePath}); .ci/run installs it.`);
}
const launch = () => chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});

describe.skipIf(!available)('HTML tables in Chromium', () => {
    test('renders the Marche tables (screenshot in out/screenshots) with the declared total next to the computed one', async () => {
        const html = renderHtml(buildTables((await check(example('marche-2020.cpiplan'))).evaluation(), ['finance']));
        const browser = await launch();
        try {
            const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
            await page.setContent(html);
            expect(await page.locator('tr.total td.mismatch').innerText()).toBe('€ 15.525.104,60\ndichiarato € 13.525.104,60');
            const dir = path.join(repoRoot, 'out', 'screenshots');
            fs.mkdirSync(dir, { recursive: true });
            await page.screenshot({ path: path.join(dir, 'marche-quadro-finanziario.png'), fullPage: true });
        } finally {
            await browser.close();
        }
    });

    test('a plan title with <script> shows as text and runs nothing', async () => {
        const text = example('valle-d-aosta-2020.cpiplan').replace('piano "Valle d\'Aosta"', 'piano "<script>window.ran = true</script><img src=x onerror=window.ran=true>"');
        const html = renderHtml(buildTables((await check(text)).evaluation(), ['finance']));
        const browser = await launch();
        try {
            const page = await browser.newPage();
            await page.setContent(html);
            expect(await page.locator('h1').innerText()).toContain('<script>window.ran = true</script>');
            expect(await page.evaluate(() => (globalThis as unknown as { ran?: boolean }).ran)).toBeUndefined();
            expect(await page.locator('script, img').count()).toBe(0);
        } finally {
            await browser.close();
        }
    });
});
