/** Fixes never make things worse: no knock-on split fix deleting money, the preferred split fix keeps declared totals, no `--1.640,5`. */
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { check, example, header, testServices } from '../helpers.js';
import { applyAction, open } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function fixes(text: string, code: string): Promise<{ actions: CodeAction[]; apply: (a: CodeAction) => string }> {
    const services = await testServices();
    const opened = await open(text);
    close = opened.close;
    const diagnostic = (opened.document.diagnostics ?? []).find(d => d.code === code);
    expect(diagnostic, `no ${code}`).toBeDefined();
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
        textDocument: { uri: opened.document.uri.toString() }, range: diagnostic!.range, context: { diagnostics: [diagnostic!], only: ['quickfix'] }
    }) as CodeAction[];
    return { actions, apply: a => applyAction(opened.document, a) };
}

describe('split fixes', () => {
    test('a part naming an undeclared source: no split fix that would delete its money', async () => {
        const text = `${header}linea 3.6 "Spese generali" {\n    voce "Assistenza" € 85.590,16 su B € 65.600,00, X € 19.990,16\n}\n`;
        const checked = await check(text);
        expect(checked.diagnostics.map(d => d.code)).toContain('linking-error');
        // The split is not judged with a part unread: no knock-on split-mismatch, so no split fix either.
        expect(checked.diagnostics.map(d => d.code)).not.toContain('split-mismatch');
        const titles = (await fixes(text, 'linking-error')).actions.map(a => a.title);
        expect(titles.filter(t => /part|item amount|parte|importo/i.test(t))).toEqual([]);
    });

    test('the line declares its total: setting the item amount would break it, so only balancing the last part is offered', async () => {
        const text = `${header}linea 3.6 "Spese generali" {\n    voce "Assistenza" € 85.590,16 su B € 65.600,00, C € 19.990,00\n    totale € 85.590,16\n}\n`;
        const { actions } = await fixes(text, 'split-mismatch');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([['Set the last part to € 19.990,16', true]]);
    });

    test('no declared total: setting the item amount is preferred, as before', async () => {
        const text = `${header}linea 3.6 "Spese generali" {\n    voce "Assistenza" € 85.590,16 su B € 65.600,00, C € 19.990,00\n}\n`;
        expect((await fixes(text, 'split-mismatch')).actions.map(a => a.isPreferred)).toEqual([true, false]);
    });

    test('both fixes would break a declared total: neither is offered', async () => {
        const text = `${header}linea 3.6 "Spese generali" {\n    voce "Assistenza" € 85.590,16 su B € 65.600,00, C € 19.990,00\n    totale € 85.590,16\n    totale C € 19.990,00\n}\n`;
        expect((await fixes(text, 'split-mismatch')).actions).toEqual([]);
    });
});

describe('cap fixes', () => {
    test('no reduction to the cap that would write a negative amount (found by the property test)', async () => {
        const text = example('valle-d-aosta-2020.cpiplan').replace('su B € 65.600,00, C € 19.990,16', 'su B € 151.200,18, C € 19.990,16');
        expect((await fixes(text, 'cap-exceeded')).actions).toEqual([]);
    });
});

describe('number fixes', () => {
    test('a negative English-format number is rewritten once, keeping its single minus', async () => {
        const text = `${header}linea 3.6 "Spese generali" {\n    voce "Assistenza" € 100,00 su B\n}\nambito a "A" {\n    indicatore "Saldo" base -1,640.5% obiettivo 0\n}\n`;
        const checked = await check(text);
        expect(checked.diagnostics.map(d => d.code)).toContain('invalid-number');
        const { actions, apply } = await fixes(text, 'invalid-number');
        expect(actions.length).toBeGreaterThan(0);
        const fixed = apply(actions[0]);
        expect(fixed).not.toContain('--');
        expect(fixed).toContain("base -1.640,5% obiettivo");
    });
});
