/**
 * The .vsix as the marketplace and VS Code see it: packaged README whose every relative link and
 * image resolves inside the package, no grammar sources, no dangling source-map lines, every
 * %key% of package.json translated in English and Italian, and the client's l10n bundle, generated
 * from the message catalogues, with an Italian text for every client message.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { clientCatalogues, l10nBundle } from '../../src/extension/l10n-bundle.js';
import type { Bilingual } from '../../src/language/i18n/locale.js';
import { placeholdersOf } from '../../src/language/i18n/template.js';

const root = path.resolve(__dirname, '../..');
let entries: Map<string, Buffer>;

/** Reads every entry of a zip with Python's zipfile (always here), as the packaging check in CI does. */
function unzip(file: string): Map<string, Buffer> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-vsix-'));
    execFileSync('python3', ['-m', 'zipfile', '-e', file, out]);
    const result = new Map<string, Buffer>();
    const walk = (dir: string) => {
        for (const name of fs.readdirSync(dir)) {
            const full = path.join(dir, name);
            if (fs.statSync(full).isDirectory()) {
                walk(full);
            } else {
                result.set(path.relative(out, full).split(path.sep).join('/'), fs.readFileSync(full));
            }
        }
    };
    walk(out);
    return result;
}

beforeAll(() => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-pack-')), 'cpiplan.vsix');
    const flags = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.package.replace(/^.*vsce package /, '').split(' ');
    const outIndex = flags.indexOf('--out');
    flags.splice(outIndex, 2, '--out', target);
    execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', ...flags], { cwd: root, stdio: 'pipe' });
    entries = unzip(target);
}, 120_000);

describe('the packaged extension', () => {
    test('every relative link and image of the packaged README resolves inside the .vsix', () => {
        const readme = entries.get('extension/readme.md')?.toString('utf8');
        expect(readme).toBeDefined();
        const targets = [...(readme ?? '').matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map(m => m[1]).filter(t => !/^[a-z]+:/.test(t) && !t.startsWith('#'));
        expect(targets.length).toBeGreaterThan(0);
        for (const target of targets) {
            expect(entries.has(`extension/${target}`), target).toBe(true);
        }
    });

    test('ships no grammar sources and no source-map line pointing at a map it does not ship', () => {
        expect([...entries.keys()].filter(name => name.endsWith('.langium'))).toEqual([]);
        for (const [name, content] of entries) {
            if (name.endsWith('.cjs')) {
                expect(content.toString('utf8').includes('sourceMappingURL='), name).toBe(false);
            }
        }
    });

    test('has a real name, description, keywords and a changelog, and no placeholder URL', () => {
        const manifest = JSON.parse(entries.get('extension/package.json')?.toString('utf8') ?? '{}');
        expect(JSON.stringify(manifest)).not.toContain('example.invalid');
        expect(manifest.keywords.length).toBeGreaterThan(3);
        expect(entries.has('extension/changelog.md')).toBe(true);
    });

    test('every %key% of package.json has an English and an Italian text', () => {
        const manifest = entries.get('extension/package.json')?.toString('utf8') ?? '';
        const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
        expect(keys.length).toBeGreaterThan(5);
        for (const file of ['package.nls.json', 'package.nls.it.json']) {
            const texts = JSON.parse(entries.get(`extension/${file}`)?.toString('utf8') ?? '{}');
            for (const key of keys) {
                expect(texts[key], `${file}: ${key}`).toBeTruthy();
            }
        }
    });

    test('ships the Italian l10n bundle where package.json\'s "l10n" points, as the catalogues make it', () => {
        const manifest = JSON.parse(entries.get('extension/package.json')?.toString('utf8') ?? '{}');
        expect(manifest.l10n).toBe('./l10n');
        const packed = entries.get('extension/l10n/bundle.l10n.it.json');
        expect(packed, 'extension/l10n/bundle.l10n.it.json').toBeDefined();
        expect(JSON.parse(packed?.toString('utf8') ?? '{}')).toEqual(l10nBundle('it'));
    });

    test('every client message has an Italian entry in the packaged bundle, with the English template\'s placeholders', () => {
        const bundle = JSON.parse(entries.get('extension/l10n/bundle.l10n.it.json')?.toString('utf8') ?? '{}') as Record<string, string>;
        const faults: string[] = [];
        let count = 0;
        for (const [name, catalogue] of Object.entries(clientCatalogues)) {
            for (const [key, text] of Object.entries(catalogue) as [string, Bilingual][]) {
                count++;
                const italian = bundle[text.en];
                if (!italian?.trim() || italian === text.en) {
                    faults.push(`${name}.${key}: no Italian entry for "${text.en}"`);
                } else if (placeholdersOf(italian).join() !== placeholdersOf(text.en).join()) {
                    faults.push(`${name}.${key}: placeholders ${placeholdersOf(italian)} ≠ ${placeholdersOf(text.en)}`);
                }
            }
        }
        expect(count).toBeGreaterThan(20);
        expect(faults).toEqual([]);
    });
});
