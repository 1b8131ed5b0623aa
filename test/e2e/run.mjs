#!/usr/bin/env node
// Runs test/e2e/suite.ts inside a real VS Code workbench: code-server 4.100.3 + Debian chromium
// driven by playwright-core (see shared/vscode-e2e.md), twice: in English, then with `--locale it` for
// the tests of the Italian workbench. Prints each session's "N passed, N failed" and the sum, saves a
// screenshot of the workbench, and exits non-zero on failure.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const screenshot = process.env.CPIPLAN_E2E_SCREENSHOT ?? path.join(root, 'out', 'e2e', 'workbench.png');
if (!fs.existsSync(entry)) {
    console.error('code-server is not installed: run test/e2e/install-code-server.sh');
    process.exit(2);
}
if (!fs.existsSync(path.join(root, 'out', 'e2e', 'index.cjs'))) {
    console.error('The e2e suite is not built: run npm run build');
    process.exit(2);
}

const remote = (port, p) => `vscode-remote://127.0.0.1:${port}${p}`;
// CPIPLAN_E2E_EXTENSION points at an unpacked .vsix to test the packaged artefact instead of the checkout.
const extension = path.resolve(process.env.CPIPLAN_E2E_EXTENSION ?? root);
console.log(`extension under test: ${path.relative(root, extension) || '.'}`);

/**
 * Makes Italian an available display language in a fresh user-data and extensions folder, as an
 * Italian language pack does, with test/e2e/language-pack-it (a stand-in: the real pack cannot be
 * downloaded here). code-server builds its language-pack cache (languagepacks.json) only when a
 * pack is installed from the workbench, so the cache entry is written here, in its own format.
 */
function installItalian(tmp) {
    const id = 'cpiplan-e2e.language-pack-it-stand-in';
    const where = path.join(tmp, 'ext', `${id}-1.0.0`);
    fs.cpSync(path.join(root, 'test', 'e2e', 'language-pack-it'), where, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'data', 'languagepacks.json'), JSON.stringify({
        it: { hash: 'stand-in', extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }], translations: { vscode: path.join(where, 'translations', 'main.i18n.json') }, label: 'italiano' }
    }));
}

/** One workbench session on a fresh copy of the workspace; resolves to the suite's exit code. */
async function session(locale) {
    // A fresh workspace every run: code-server saves edits (a quick fix) to the real files.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-e2e-'));
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    for (const name of fs.readdirSync(path.join(root, 'examples')).filter(f => f.endsWith('.cpiplan'))) {
        fs.copyFileSync(path.join(root, 'examples', name), path.join(workspace, name));
    }
    fs.writeFileSync(path.join(workspace, 'da-correggere.cpiplan'),
        'piano "Da correggere"\nfonte B "Allegato B" assegnato € 700.000,00\nlinea 3.4 "Sedi" {\n    voce "Immobili" € 630.000,00\n    voce "Uffici" € 70.000,00\n    totale € 780.000,00\n}\n');
    const amended = fs.readFileSync(path.join(root, 'examples', 'valle-d-aosta-2020.cpiplan'), 'utf8');
    fs.writeFileSync(path.join(workspace, 'prima.cpiplan'), amended.replace('€ 630.000,00 su B', '€ 600.000,00 su B'));
    fs.mkdirSync(path.join(tmp, 'data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'data', 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'editor.hover.delay': 100, 'editor.hover.above': false,
        'workbench.colorTheme': 'Default Light Modern', 'window.zoomLevel': 0
    }));
    if (locale === 'it') {
        installItalian(tmp);
    }

    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = spawn(process.execPath, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
        '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'data'),
        '--extensions-dir', path.join(tmp, 'ext'), ...(locale ? ['--locale', locale] : []), workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
    let browser;
    let timer;
    try {
        let serverLog = '';
        await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${serverLog}`)), 60_000);
            const listen = chunk => {
                serverLog += chunk;
                if (serverLog.includes('HTTP server listening')) {
                    clearTimeout(timer);
                    resolve();
                }
            };
            server.stdout.on('data', listen);
            server.stderr.on('data', listen);
            server.on('exit', code => reject(new Error(`code-server exited (${code}):\n${serverLog}`)));
        });

        const payload = [['extensionDevelopmentPath', remote(port, extension)], ['extensionTestsPath', remote(port, path.join(root, 'out', 'e2e', 'index.cjs'))]];
        const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

        browser = await chromium.launch({
            executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
        });
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const finished = new Promise(resolve => {
            void page.exposeFunction('codeAutomationExit', code => resolve(code));
            void page.exposeFunction('codeAutomationLog', async (type, args) => {
                const text = (Array.isArray(args) ? args : [args]).join(' ');
                if (text.includes('cpiplan-e2e:screenshot')) {
                    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
                    await page.screenshot({ path: screenshot });
                    console.log(`screenshot: ${path.relative(root, screenshot)}`);
                } else {
                    console.log(text);
                    const counts = /^(\d+) passed, (\d+) failed$/.exec(text);
                    if (counts) {
                        totals.passed += Number(counts[1]);
                        totals.failed += Number(counts[2]);
                    }
                }
            });
        });
        await page.goto(url);
        return await Promise.race([finished, new Promise(resolve => {
            timer = setTimeout(() => {
                console.log('0 passed, 1 failed (timed out)');
                totals.failed++;
                resolve(1);
            }, 240_000);
        })]);
    } finally {
        clearTimeout(timer);
        await browser?.close();
        server.kill();
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

const totals = { passed: 0, failed: 0 };
console.log('e2e: English workbench');
const english = await session(undefined);
console.log('e2e: Italian workbench (--locale it)');
const italian = await session('it');
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(english === 0 && italian === 0 ? 0 : 1);
