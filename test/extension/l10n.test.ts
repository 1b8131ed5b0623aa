/**
 * The client's texts go through `vscode.l10n.t` keyed by their English template (against a
 * stand-in for the `vscode` module that records the calls), and the bundles made from the
 * catalogues refuse an English text translated two ways.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { l10nBundle } from '../../src/extension/l10n-bundle.js';
import { clientMessages } from '../../src/language/i18n/client-messages.js';
import { repoRoot } from '../helpers.js';

const state = vi.hoisted(() => ({
    language: 'en',
    localeSetting: 'auto',
    /** What the stand-in `vscode.l10n.t` was asked, and the bundle it answers from. */
    calls: [] as [string, Record<string, unknown>][],
    bundle: {} as Record<string, string>
}));

vi.mock('vscode', () => ({
    env: { get language() { return state.language; } },
    workspace: { getConfiguration: () => ({ get: () => state.localeSetting }) },
    l10n: {
        t: (message: string, args: Record<string, unknown>) => {
            state.calls.push([message, args]);
            return (state.bundle[message] ?? message).replace(/\{(\w+)\}/g, (whole, name: string) => name in args ? String(args[name]) : whole);
        }
    }
}));

const { chosenLocale, localize } = await import('../../src/extension/l10n.js');

beforeEach(() => {
    state.language = 'en';
    state.localeSetting = 'auto';
    state.calls = [];
    state.bundle = {};
});

describe('localize', () => {
    test('asks vscode.l10n.t with the English template as the key and the named arguments', () => {
        state.language = 'it';
        state.bundle = l10nBundle('it');
        expect(localize(clientMessages, 'tablesSaved', { file: 'marche-finanziario.md' })).toBe('Tabelle salvate in marche-finanziario.md.');
        expect(state.calls).toEqual([['Tables saved to {file}.', { file: 'marche-finanziario.md' }]]);
    });

    test('in English VS Code, the English template filled', () => {
        expect(localize(clientMessages, 'statusTooltip', { total: '€ 1,00', errors: 2, warnings: 0 })).toBe('Plan total € 1,00: 2 errors, 0 warnings');
        expect(state.calls.map(([message]) => message)).toEqual(['Plan total {total}: {errors} errors, {warnings} warnings']);
    });

    test('a cpiplan.locale other than VS Code\'s language is taken from the catalogue, as no loaded bundle can give it', () => {
        state.localeSetting = 'it';
        expect(chosenLocale()).toBe('it');
        expect(localize(clientMessages, 'openPlan')).toBe('Apri un piano .cpiplan.');
        state.language = 'it-IT';
        state.localeSetting = 'en';
        expect(localize(clientMessages, 'openPlan')).toBe('Open a .cpiplan plan.');
        expect(state.calls).toEqual([]);
    });

    test('the client takes no text from a catalogue but through localize', () => {
        const folder = path.join(repoRoot, 'src', 'extension');
        for (const name of fs.readdirSync(folder).filter(f => f.endsWith('.ts') && f !== 'l10n.ts')) {
            const source = fs.readFileSync(path.join(folder, name), 'utf8');
            expect(source, name).not.toMatch(/\b(clientText|documentText|textOf|fill)\(/);
        }
    });
});

describe('l10nBundle', () => {
    test('one entry per English template, the Italian text as its value', () => {
        expect(l10nBundle('it', { a: { one: { it: 'Uno {x}', en: 'One {x}' }, two: { it: 'Due', en: 'Two' } } })).toEqual({ 'One {x}': 'Uno {x}', Two: 'Due' });
    });

    test('the same English text with the same translation in two catalogues is one entry; with two translations it stops the build', () => {
        expect(l10nBundle('it', { a: { yes: { it: 'Sovrascrivi', en: 'Overwrite' } }, b: { ok: { it: 'Sovrascrivi', en: 'Overwrite' } } })).toEqual({ Overwrite: 'Sovrascrivi' });
        expect(() => l10nBundle('it', { a: { yes: { it: 'Sovrascrivi', en: 'Overwrite' } }, b: { ok: { it: 'Sovrascriverlo', en: 'Overwrite' } } }))
            .toThrow(/b\.ok and a\.yes share the English text "Overwrite"/);
    });
});
