/**
 * Each quick fix: applied, the diagnostic it fixes disappears and none appears; the result
 * re-parses. Golden files show the fixed text.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { check, example, header, testServices } from '../helpers.js';
import { applyAction, open } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

/** The quick fixes offered for the diagnostics with `code`, in order. */
async function fixesFor(text: string, code: string, locale: 'it' | 'en' = 'en'): Promise<{ actions: CodeAction[]; apply: (a: CodeAction) => string; diagnostics: Diagnostic[] }> {
    const services = await testServices();
    const opened = await open(text, locale);
    close = opened.close;
    const diagnostics = (opened.document.diagnostics ?? []).filter(d => d.code === code);
    expect(diagnostics.length, `no ${code} in ${JSON.stringify(opened.document.diagnostics?.map(d => d.message))}`).toBeGreaterThan(0);
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
        textDocument: { uri: opened.document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]], only: ['quickfix'] }
    }) as CodeAction[];
    return { actions, apply: action => applyAction(opened.document, action), diagnostics };
}

/** The fixed text has no diagnostic with `code` and no diagnostic the original did not have. */
async function expectFixed(original: string, fixed: string, code: string): Promise<void> {
    const before = (await check(original)).diagnostics.map(d => d.code);
    const after = await check(fixed);
    expect(after.document.parseResult.parserErrors).toEqual([]);
    const remaining = after.diagnostics.map(d => d.code);
    expect(remaining.filter(c => c === code).length).toBeLessThan(before.filter(c => c === code).length);
    for (const c of new Set(remaining)) {
        expect(before, `a new ${c} appeared`).toContain(c);
    }
}

describe('quick fixes', () => {
    test('total-mismatch: sets the declared total to the computed one', async () => {
        const text = `${header}linea 3.4 "Sedi" {\n    voce "Immobili" € 630.000,00 su B\n    totale 780.000,00 €\n}\n`;
        const { actions, apply } = await fixesFor(text, 'total-mismatch');
        expect(actions.map(a => a.title)).toEqual(['Set the declared total to € 630.000,00']);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('    totale € 630.000,00\n');
        await expect(fixed).toMatchFileSnapshot('golden/total-mismatch.cpiplan');
        await expectFixed(text, fixed, 'total-mismatch');
    });

    test('function-total-mismatch: writes the sum of the functions as the category\'s heads', async () => {
        const text = `piano "Test"\ncpi a "CPI A"\nfunzioni di a {\n    D 4 {\n        1 "orientamento"\n        2 "incontro domanda e offerta"\n    }\n}\n`;
        const { actions, apply } = await fixesFor(text, 'function-total-mismatch', 'it');
        expect(actions.map(a => a.title)).toEqual(['Imposta le unità della categoria a 3']);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('    D 3 {\n');
        await expect(fixed).toMatchFileSnapshot('golden/function-total-mismatch.cpiplan');
        await expectFixed(text, fixed, 'function-total-mismatch');
        // The staff table at the same date counts the declared 4: writing 3 would only move the mismatch.
        const counted = `piano "Test"\ncpi a "CPI A"\nprofilo d "Istruttore" categoria D\npersonale al 17/11/2020 { ufficio a { d D 4 } }\n${text.slice(text.indexOf('funzioni')).replace('funzioni di a', 'funzioni di a al 17/11/2020')}`;
        expect((await fixesFor(counted, 'function-total-mismatch')).actions).toEqual([]);
    });

    test('split-mismatch: adjusts the amount, or the last part', async () => {
        const text = `${header}linea 3.6 "Spese generali" {\n    voce "Assistenza" € 85.590,16 su B € 65.600,00, C € 19.990,00\n}\n`;
        const { actions, apply } = await fixesFor(text, 'split-mismatch', 'it');
        expect(actions.map(a => a.title)).toEqual(["Imposta l'importo della voce a € 85.590,00", "Imposta l'ultima quota a € 19.990,16"]);
        await expectFixed(text, apply(actions[0]), 'split-mismatch');
        const balanced = apply(actions[1]);
        expect(balanced).toContain('voce "Assistenza" € 85.590,16 su B € 65.600,00, C € 19.990,16');
        await expect(balanced).toMatchFileSnapshot('golden/split-mismatch.cpiplan');
        await expectFixed(text, balanced, 'split-mismatch');
    });

    test('cap-exceeded: reduces the charge to the cap and the declared totals that agreed', async () => {
        const text = `${header}linea 3.1 "Comunicazione" {\n    voce "Sito" € 5.000,00 su B\n    voce "Campagna" € 20.000,00 su B\n    totale € 25.000,00\n    totale B € 25.000,00\n}\ntotale B € 25.000,00\n`;
        const { actions, apply } = await fixesFor(text, 'cap-exceeded');
        expect(actions.map(a => a.title)).toEqual(['Reduce the line to the cap (€ 24.603,75)']);
        const fixed = apply(actions[0]);
        await expect(fixed).toMatchFileSnapshot('golden/cap-exceeded.cpiplan');
        await expectFixed(text, fixed, 'cap-exceeded');
        expect((await check(fixed)).diagnostics.filter(d => d.code === 'total-mismatch')).toEqual([]);
    });

    test('missing-declaration: inserts the standard wording in the line, or a section', async () => {
        const marche = example('marche-2020.cpiplan');
        const services = await testServices();
        const opened = await open(marche);
        close = opened.close;
        const missing = (opened.document.diagnostics ?? []).filter(d => d.code === 'missing-declaration');
        expect(missing).toHaveLength(3);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, range: missing[0].range, context: { diagnostics: missing }
        }) as CodeAction[];
        const quickFixes = actions.filter(a => a.kind === 'quickfix');
        expect(quickFixes.map(a => a.title).sort()).toEqual([
            "Insert the declaration 'coerenza_standard_nazionali' with the standard wording",
            "Insert the declaration 'governance_lep' with the standard wording",
            "Insert the declaration 'nessun_compenso_osservatorio' with the standard wording"
        ]);
        // Apply all three together (their edits do not overlap).
        const fixed = applyAction(opened.document, { title: 'all', edit: { changes: { x: quickFixes.flatMap(a => Object.values(a.edit!.changes!).flat()) } } });
        expect(fixed).toContain('    dichiarazione nessun_compenso_osservatorio "Si precisa che, ai sensi dell\'allegato A)');
        expect(fixed.endsWith('sezione 4 {\n    dichiarazione governance_lep "Il modello di governance del piano tiene conto del d.m. 22 maggio 2020 e del conseguente ruolo svolto da ANPAL, con particolare riferimento al rispetto dei LEP su tutto il territorio nazionale."\n}\n')).toBe(true);
        const after = await check(fixed);
        // The inserted section 4 is the one the outline missed; section 5 still is.
        expect(after.diagnostics.map(d => d.code).sort()).toEqual(['missing-section', 'over-allocated', 'total-mismatch']);
        await expect(fixed).toMatchFileSnapshot('golden/missing-declaration-marche.cpiplan');
    });

    test('linking-error: declares the missing source, office or profile', async () => {
        const text = `piano "X"\nfonte B "B"\ncpi a "CPI A"\nlinea 3.4 "Sedi" { voce "Immobili" € 10,00 su D }\npersonale al 24/11/2020 { ufficio a { istruttore D 3 } }\n`;
        const source = await fixesFor(text, 'linking-error');
        expect(source.actions.map(a => a.title)).toEqual(["Declare 'D'"]);
        const withSource = source.apply(source.actions[0]);
        expect(withSource).toContain('fonte B "B"\nfonte D "D"\n');
        await close!();
        close = undefined;
        const profile = await fixesFor(withSource, 'linking-error');
        const fixed = profile.apply(profile.actions[0]);
        expect(fixed).toContain('profilo istruttore "istruttore" categoria C\n');
        await expect(fixed).toMatchFileSnapshot('golden/linking-error.cpiplan');
        expect((await check(fixed)).diagnostics.filter(d => d.code === 'linking-error')).toEqual([]);
    });

    test('invalid-number: rewrites the number in the canonical format', async () => {
        const text = `piano "X"\nfonte B "B" assegnato € 630.000,50\nlinea 3.4 "Sedi" { voce "Immobili" € 630000.50 su B }\n`;
        const { actions, apply } = await fixesFor(text, 'invalid-number');
        expect(actions.map(a => a.title)).toEqual(['Write 630.000,50']);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('voce "Immobili" € 630.000,50 su B');
        await expect(fixed).toMatchFileSnapshot('golden/invalid-number.cpiplan');
        await expectFixed(text, fixed, 'invalid-number');
    });

    test('invalid-number: rewrites a whole amount written with EUR, euro or a leading comma, and a spaced figure, keeping its value', async () => {
        const cases: [string, string, string][] = [
            ['EUR 1.000,00', 'Write € 1.000,00', '€ 1.000,00'],
            ['1.000,00 euro', 'Write € 1.000,00', '€ 1.000,00'],
            ['€ ,50', 'Write € 0,50', '€ 0,50'],
            ['€ 1\u00A0000,00', 'Write 1.000,00', '€ 1.000,00'],
            ['1\u00A0000,00 €', 'Write 1.000,00', '1.000,00 €'],
            ['EUR 1 000,00', 'Write € 1.000,00', '€ 1.000,00']
        ];
        for (const [written, title, rewritten] of cases) {
            const text = `piano "X" regole "Assistenza tecnica ANPAL Servizi"\nfonte B "B"\nlinea 3.4 "Sedi" { voce "Immobili" ${written} su B }\n`;
            const { actions, apply } = await fixesFor(text, 'invalid-number');
            expect(actions.map(a => a.title)).toEqual([title]);
            const fixed = apply(actions[0]);
            expect(fixed).toContain(`voce "Immobili" ${rewritten} su B`);
            expect((await check(fixed)).diagnostics).toEqual([]);
        }
    });

    test('invalid-number: an ambiguous amount gets both rewrites, neither preferred', async () => {
        const text = `piano "X"\nfonte B "B"\nlinea 3.4 "Sedi" { voce "Immobili" € 1,500 su B }\n`;
        const { actions, apply } = await fixesFor(text, 'invalid-number');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([['Write 1.500,00', false], ['Write 1,50', false]]);
        expect(apply(actions[1])).toContain('voce "Immobili" € 1,50 su B');
    });

    test('unknown-issue-code: writes the nearest known code in the rule file', async () => {
        const text = `regole "Refusi" {\n    gravità under_alocated errore\n}\n`;
        const { actions, apply } = await fixesFor(text, 'unknown-issue-code', 'it');
        expect(actions.map(a => a.title)).toEqual(["Scrivi 'under_allocated'"]);
        const fixed = apply(actions[0]);
        expect(fixed).toBe(`regole "Refusi" {\n    gravità under_allocated errore\n}\n`);
        expect((await check(fixed)).diagnostics).toEqual([]);
    });

    test('incomplete-declaration: writes the standard wording in place of the text', async () => {
        const vda = example('valle-d-aosta-2020.cpiplan');
        // The declaration's text, not the Ministry's request that quotes it earlier in the plan.
        const at = vda.indexOf('gettone di presenza, rimborso spese', vda.indexOf('dichiarazione nessun_compenso_osservatorio'));
        const text = vda.slice(0, at) + 'rimborso spese' + vda.slice(at + 'gettone di presenza, rimborso spese'.length);
        expect(text).not.toBe(vda);
        const { actions, apply } = await fixesFor(text, 'incomplete-declaration', 'it');
        expect(actions.map(a => a.title)).toEqual(["Scrivi il testo standard della dichiarazione 'nessun_compenso_osservatorio'"]);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('    dichiarazione nessun_compenso_osservatorio "Si precisa che, ai sensi dell\'allegato A) del decreto del Segretario generale n. 31/0000123 del 4 settembre 2020, ai componenti dell\'Osservatorio regionale non spetta alcun compenso, indennità, gettone di presenza, rimborso spese o altro emolumento comunque denominato."\n');
        expect((await check(fixed)).diagnostics).toEqual([]);
    });

    test('duplicate-office-staff: writes the one CPI the staff table leaves out', async () => {
        const text = `piano "Test" regole "Assistenza tecnica ANPAL Servizi"\ncpi a "A"\ncpi b "B"\nprofilo s "S" categoria C\npersonale al 01/01/2020 {\n    ufficio a { s C 1 }\n    ufficio a { s C 2 }\n}\n`;
        const { actions, apply } = await fixesFor(text, 'duplicate-office-staff');
        expect(actions.map(a => a.title)).toEqual(["Write 'b'"]);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('    ufficio a { s C 1 }\n    ufficio b { s C 2 }\n');
        await expectFixed(text, fixed, 'duplicate-office-staff');
        expect((await check(fixed)).diagnostics).toEqual([]);
    });

    test('missing-unit-cost: gives the profile the unit cost its cost row implies', async () => {
        const vda = example('valle-d-aosta-2020.cpiplan');
        const text = vda.replace('categoria D costo € 55.820,00', 'categoria D');
        expect(text).not.toBe(vda);
        const { actions, apply } = await fixesFor(text, 'missing-unit-cost');
        expect(actions.map(a => a.title)).toEqual(['Give the profile the unit cost € 55.820,00']);
        expect(apply(actions[0])).toBe(vda);
        const uneven = await fixesFor(`piano "T"\ncosto personale 2020 { a 3 € 10,00 }\nprofilo a "A" categoria C\n`, 'missing-unit-cost');
        expect(uneven.actions).toEqual([]);
    });

    test('a diagnostic whose data is not its code\'s payload gets no fix', async () => {
        const services = await testServices();
        const text = `${header}linea 3.4 "Sedi" {\n    voce "Immobili" € 630.000,00 su B\n    totale € 1,00\n}\n`;
        const opened = await open(text);
        close = opened.close;
        const [mismatch] = (opened.document.diagnostics ?? []).filter(d => d.code === 'total-mismatch');
        const forged = { ...mismatch, data: { code: 'invalid-number', replacement: '€ 2,00' } };
        const ask = (diagnostic: Diagnostic) => services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
        }) as CodeAction[];
        expect((await ask(mismatch)).map(a => a.title)).toEqual(['Set the declared total to € 630.000,00']);
        expect(await ask(forged)).toEqual([]);
    });

    test('source action: fix all declared totals at once', async () => {
        const services = await testServices();
        const text = `${header}linea 3.4 "Sedi" {\n    voce "Immobili" € 630.000,00 su B\n    totale € 1,00\n    totale B € 2,00\n}\ntotale € 3,00\n`;
        const opened = await open(text);
        close = opened.close;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: ['source'] }
        }) as CodeAction[];
        expect(actions.map(a => [a.title, a.kind])).toEqual([['Fix all declared totals', 'source.fixAll.cpiplan']]);
        const fixed = applyAction(opened.document, actions[0]);
        expect((await check(fixed)).diagnostics.filter(d => d.code === 'total-mismatch')).toEqual([]);
        await expect(fixed).toMatchFileSnapshot('golden/fix-all-totals.cpiplan');
    });

    test('source action: fix all declared totals includes the heads of a category of the staff by function, unless its own fix is withheld', async () => {
        const services = await testServices();
        const functions = `cpi a "CPI A"\nfunzioni di a al 17/11/2020 {\n    D 4 {\n        1 "orientamento"\n        2 "incontro domanda e offerta"\n    }\n}\n`;
        const fixAll = async (text: string) => {
            const opened = await open(text);
            close = opened.close;
            const actions = await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
                textDocument: { uri: opened.document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                context: { diagnostics: [], only: ['source'] }
            }) as CodeAction[];
            await close();
            return { opened, actions };
        };
        const alone = await fixAll(`${header}linea 3.4 "Sedi" {\n    voce "Immobili" € 630.000,00 su B\n    totale € 1,00\n}\n${functions}`);
        const fixed = applyAction(alone.opened.document, alone.actions[0]);
        expect(fixed).toContain('    D 3 {\n');
        expect(fixed).toContain('    totale € 630.000,00\n');
        expect((await check(fixed)).diagnostics.filter(d => d.code === 'total-mismatch' || d.code === 'function-total-mismatch')).toEqual([]);
        // The staff table at the same date counts the declared 4: the heads stay, the money total is still fixed.
        const counted = await fixAll(`${header}profilo d "Istruttore" categoria D\npersonale al 17/11/2020 { ufficio a { d D 4 } }\nlinea 3.4 "Sedi" {\n    voce "Immobili" € 630.000,00 su B\n    totale € 1,00\n}\n${functions}`);
        const kept = applyAction(counted.opened.document, counted.actions[0]);
        expect(kept).toContain('    D 4 {\n');
        expect(kept).toContain('    totale € 630.000,00\n');
    });
});
