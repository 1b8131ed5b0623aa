/**
 * The quick fixes that switch a rule set back on: applied, the diagnostic goes and no new one
 * appears.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { check, example, header, testServices } from '../helpers.js';
import { applyAction, open } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function fixesFor(text: string, code: string, locale: 'it' | 'en' = 'en'): Promise<{ actions: CodeAction[]; apply: (a: CodeAction) => string; diagnostic: Diagnostic }> {
    const services = await testServices();
    const opened = await open(text, locale);
    close = opened.close;
    const diagnostic = (opened.document.diagnostics ?? []).find(d => d.code === code);
    if (!diagnostic) {
        throw new Error(`no ${code} in ${JSON.stringify(opened.document.diagnostics?.map(d => d.message))}`);
    }
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
        textDocument: { uri: opened.document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
    }) as CodeAction[];
    return { actions, apply: action => applyAction(opened.document, action), diagnostic };
}

/** The fixed text has fewer diagnostics with `code`, and none the original did not have. */
async function expectFixed(original: string, fixed: string, code: string): Promise<string[]> {
    const before = (await check(original)).diagnostics.map(d => String(d.code));
    const after = await check(fixed);
    expect(after.document.parseResult.parserErrors).toEqual([]);
    const remaining = after.diagnostics.map(d => String(d.code));
    expect(remaining.filter(c => c === code).length).toBeLessThan(before.filter(c => c === code).length);
    for (const c of new Set(remaining)) {
        expect(before, `a new ${c} appeared`).toContain(c);
    }
    return remaining;
}

describe('rule-set quick fixes', () => {
    test('missing-rule-set: adds regole after the header, one fix per rule set', async () => {
        const text = 'piano "X"\n    titolo "Piano"\n    periodo 2019-2021\n\nfonte B "B" assegnato € 10,00\n';
        const { actions, apply } = await fixesFor(text, 'missing-rule-set', 'it');
        expect(actions.map(a => a.title)).toEqual(['Aggiungi regole "Assistenza tecnica ANPAL Servizi"', 'Aggiungi regole "DM 74/2019"']);
        const fixed = apply(actions[0]);
        expect(fixed).toBe('piano "X"\n    titolo "Piano"\n    periodo 2019-2021\n    regole "Assistenza tecnica ANPAL Servizi"\n\nfonte B "B" assegnato € 10,00\n');
        expect(await expectFixed(text, fixed, 'missing-rule-set')).toEqual([]);
    });

    test('missing-rule-set on Marche: DM 74/2019 brings back its five errors and its two warnings, nothing else', async () => {
        const text = example('marche-2020.cpiplan').replace('    regole "DM 74/2019"\n', '');
        const { actions, apply } = await fixesFor(text, 'missing-rule-set');
        const fixed = apply(actions[1]);
        const after = await check(fixed);
        expect(after.diagnostics.map(d => d.code).sort()).toEqual([
            'missing-declaration', 'missing-declaration', 'missing-declaration', 'missing-section', 'missing-section', 'over-allocated', 'total-mismatch'
        ]);
    });

    test('missing-source-kind: adds tipo, the kind whose title matches first', async () => {
        const text = 'piano "X" regole "DM 74/2019"\nfonte C "Allegato C d.m. 74/2019" assegnato € 10,00\nlinea 3.4 "Adeguamento strumentale e infrastrutturale delle sedi dei CPI" { voce "V" € 10,00 }\n';
        const { actions, apply } = await fixesFor(text, 'missing-source-kind');
        expect(actions.map(a => a.title)).toEqual(["Add 'tipo allegato_C'", "Add 'tipo allegato_B'"]);
        expect(actions[0].isPreferred).toBe(true);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('fonte C "Allegato C d.m. 74/2019" tipo allegato_C assegnato € 10,00');
        await expectFixed(text, fixed, 'missing-source-kind');
    });

    test('unknown-line-code: writes the nearest unused official code, or makes a regional extra line', async () => {
        const text = `${header}linea 3.7 "Spese generali e per l'attuazione" { voce "V" € 10,00 su B }\n`;
        const { actions, apply } = await fixesFor(text, 'unknown-line-code');
        expect(actions.map(a => a.title)).toEqual([
            'Use the official code 3.6', 'Use the official code 3.5', 'Use the official code 3.4', 'Make it a regional extra line (no code)'
        ]);
        const official = apply(actions[0]);
        expect(official).toContain(`linea 3.6 "Spese generali e per l'attuazione" {`);
        await expectFixed(text, official, 'unknown-line-code');
        const extra = apply(actions[3]);
        expect(extra).toContain(`linea "Spese generali e per l'attuazione" {`);
        await expectFixed(text, extra, 'unknown-line-code');
    });

    test('line-title-mismatch: writes the official title', async () => {
        const text = `${header}linea 3.4 "Sedi" { voce "V" € 10,00 su B }\n`;
        const { actions, apply } = await fixesFor(text, 'line-title-mismatch');
        expect(actions.map(a => a.title)).toEqual(['Use the official title']);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('linea 3.4 "Adeguamento strumentale e infrastrutturale delle sedi dei CPI" {');
        await expectFixed(text, fixed, 'line-title-mismatch');
    });
});

describe('ambiguous-rule-set quick fix', () => {
    test('names the workspace file with da; the ambiguity goes and nothing new appears', async () => {
        const services = await testServices();
        const { URI } = await import('langium');
        const rules = services.shared.workspace.LangiumDocumentFactory.fromString(
            'regole "DM 74/2019" {\n    fonte allegato_B "Allegato B"\n}\n', URI.file('/lsp/mine.cpiplan'));
        services.shared.workspace.LangiumDocuments.addDocument(rules);
        await services.shared.workspace.DocumentBuilder.build([rules], { validation: true });
        try {
            const text = 'piano "X" regole "DM 74/2019"\nfonte B "B" tipo allegato_B assegnato € 10,00\n';
            const { actions, apply } = await fixesFor(text, 'ambiguous-rule-set');
            expect(actions.map(a => a.title)).toEqual(['Use the rule file "mine.cpiplan"']);
            const fixed = apply(actions[0]);
            expect(fixed).toContain('regole "DM 74/2019" da "mine.cpiplan"\n');
            await close?.();
            const reopened = await open(fixed);
            close = reopened.close;
            expect(reopened.document.diagnostics ?? []).toEqual([]);
        } finally {
            await services.shared.workspace.DocumentBuilder.update([], [rules.uri]);
        }
    });
});
