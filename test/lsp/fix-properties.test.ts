/**
 * Property: on the three real plans and random mutations of them (an amount, a part or a declared
 * total changed, a declaration dropped, a number broken), every quick fix offered and the fix-all
 * source action, once applied, remove their diagnostic and bring no new error; a fix that
 * balances a split's last part leaves the line total unchanged.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { fixableCodes } from '../../src/language/lsp/code-actions.js';
import type { Plan } from '../../src/language/generated/ast.js';
import { check, example, testServices } from '../helpers.js';
import { applyAction, open } from './helpers.js';

const examples = ['marche-2020.cpiplan', 'valle-d-aosta-2020.cpiplan', 'puglia-2020.cpiplan'].map(name => example(name));

/** The offsets of every match of a pattern. */
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map(m => ({ at: m.index, text: m[0] }));

type Mutation = (text: string, pick: number, value: number) => string;

const money = (cents: number) => {
    const euros = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${euros},${(cents % 100).toString().padStart(2, '0')}`;
};

function replaceNth(text: string, pattern: RegExp, pick: number, by: (found: string) => string): string {
    const found = matches(text, pattern);
    if (found.length === 0) {
        return text;
    }
    const { at, text: old } = found[pick % found.length];
    return text.slice(0, at) + by(old) + text.slice(at + old.length);
}

const mutations: Record<string, Mutation> = {
    amount: (text, pick, value) => replaceNth(text, /voce "[^"]*" € [\d.]+,\d\d/g, pick, old => old.replace(/€ [\d.]+,\d\d$/, `€ ${money(value)}`)),
    part: (text, pick, value) => replaceNth(text, /(?<=su \w+ € )[\d.]+,\d\d/g, pick, () => money(value)),
    declaredTotal: (text, pick, value) => replaceNth(text, /(?<=totale (?:\w+ )?€ )[\d.]+,\d\d/g, pick, () => money(value)),
    dropDeclaration: (text, pick) => replaceNth(text, /^ *dichiarazione .*\n/gm, pick, () => ''),
    breakNumber: (text, pick) => replaceNth(text, /(?<=€ )[\d.]+,\d\d/g, pick, old => old.replace(/\./g, '#').replace(',', '.').replace(/#/g, ','))
};

async function fixesOf(text: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[]; apply: (a: CodeAction) => string; close: () => Promise<void> }> {
    const services = await testServices();
    const opened = await open(text);
    const uri = opened.document.uri.toString();
    const diagnostics = opened.document.diagnostics ?? [];
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics.filter(d => (fixableCodes as readonly unknown[]).includes(d.code)).slice(0, 4)) {
        actions.push(...(await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
        }) as CodeAction[]));
    }
    actions.push(...(await services.lsp.CodeActionProvider!.getCodeActions(opened.document, {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] }
    }) as CodeAction[]));
    return { diagnostics, actions, apply: a => applyAction(opened.document, a), close: opened.close };
}

const errorCounts = (diagnostics: Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of diagnostics.filter(d => d.severity === 1)) {
        counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
    }
    return counts;
};

const lineTotals = (plan: ReturnType<Awaited<ReturnType<typeof check>>['evaluation']>) => new Map(plan.lines.map(l => [l.line.code ?? l.line.title, l.total]));

let applied = 0;

async function fixesNeverMakeThingsWorse(text: string): Promise<void> {
    const { diagnostics, actions, apply, close } = await fixesOf(text);
    await close();
    const before = errorCounts(diagnostics);
    const beforeLines = lineTotals((await check(text)).evaluation());
    applied += actions.length;
    for (const action of actions) {
        const fixed = apply(action);
        const after = await check(fixed);
        const afterCounts = errorCounts(after.diagnostics);
        const codes = new Set((action.diagnostics ?? []).map(d => String(d.code)));
        for (const code of codes) {
            const gone = (action.diagnostics ?? []).filter(d => String(d.code) === code).length;
            const was = diagnostics.filter(d => String(d.code) === code).length;
            expect(after.diagnostics.filter(d => String(d.code) === code).length, `${action.title}: its ${code} is not gone`).toBeLessThanOrEqual(was - gone);
        }
        for (const [code, count] of afterCounts) {
            expect(count, `${action.title}: a new ${code} appeared`).toBeLessThanOrEqual(before.get(code) ?? 0);
        }
        if ((action.diagnostics ?? []).some(d => d.code === 'split-mismatch') && /last part|ultima quota/.test(action.title)) {
            expect(lineTotals(after.evaluation()), `${action.title}: a line total changed`).toEqual(beforeLines);
        }
    }
}

/**
 * Valle d'Aosta with line 3.2 written as a group of two items over its cap (5% of Allegato B), the
 * money taken from line 3.4 so that nothing but the cap is wrong: the cap fix lowers the group's last item.
 */
const groupedOverCap = examples[1]
    .replace('    voce "Piano di formazione degli operatori" € 82.000,00 su B\n    totale € 82.000,00\n    totale B € 82.000,00',
        '    gruppo "Piano di formazione degli operatori" € 90.000,00 {\n        voce "Formazione di base" € 40.000,00 su B\n'
        + '        voce "Formazione specialistica" € 50.000,00 su B\n    }\n    totale € 90.000,00\n    totale B € 90.000,00')
    .replace('voce "Ristrutturazione e ampliamento delle sedi (immobili)" € 630.000,00 su B', 'voce "Ristrutturazione e ampliamento delle sedi (immobili)" € 622.000,00 su B')
    .replace('    totale € 780.000,00\n    totale B € 780.000,00', '    totale € 772.000,00\n    totale B € 772.000,00');

describe('fixes never make things worse', () => {
    test("on Valle d'Aosta with the cap fix lowering an item of a group with a declared subtotal", async () => {
        const checked = await check(groupedOverCap);
        expect(checked.diagnostics.filter(d => d.severity === 1).map(d => d.code)).toEqual(['cap-exceeded']);
        const { actions, apply, close } = await fixesOf(groupedOverCap);
        await close();
        const cap = actions.find(a => (a.diagnostics ?? []).some(d => d.code === 'cap-exceeded'));
        expect(cap, 'no cap fix').toBeDefined();
        // The item, the group's subtotal, the line's two totals and the plan's two totals: € 7.987,49 off each.
        const fixed = apply(cap!);
        expect(fixed).toContain('gruppo "Piano di formazione degli operatori" € 82.012,51 {');
        expect(fixed).toContain('voce "Formazione specialistica" € 42.012,51 su B');
        expect((await check(fixed)).diagnostics.filter(d => d.severity === 1)).toEqual([]);
        await fixesNeverMakeThingsWorse(groupedOverCap);
    }, 60_000);

    test('on random amounts of that grouped item, its declared totals kept or not', async () => {
        const before = applied;
        await fc.assert(fc.asyncProperty(
            fc.integer({ min: 4_201_252, max: 20_000_000 }), fc.boolean(),
            async (cents, keepTotals) => {
                const excess = cents - 5_000_000;
                const text = groupedOverCap.replace('"Formazione specialistica" € 50.000,00', `"Formazione specialistica" € ${money(cents)}`);
                const kept = keepTotals ? text
                    .replace('€ 90.000,00 {', `€ ${money(9_000_000 + excess)} {`)
                    .replace('    totale € 90.000,00\n    totale B € 90.000,00', `    totale € ${money(9_000_000 + excess)}\n    totale B € ${money(9_000_000 + excess)}`)
                    : text;
                await fixesNeverMakeThingsWorse(kept);
            }
        ), { numRuns: 8, seed: 11 });
        expect(applied - before).toBeGreaterThan(8);
    }, 120_000);


    test('on the three real plans', async () => {
        for (const text of examples) {
            await fixesNeverMakeThingsWorse(text);
        }
        // Marche's five errors: three missing declarations, over-allocated and the grand total, with their fixes.
        expect(applied).toBeGreaterThanOrEqual(4);
    }, 120_000);

    test('on random mutations of them', async () => {
        await fc.assert(fc.asyncProperty(
            fc.integer({ min: 0, max: 2 }), fc.constantFrom(...Object.keys(mutations)), fc.nat(), fc.integer({ min: 1, max: 50_000_000 }),
            async (which, mutation, pick, value) => {
                const text = mutations[mutation](examples[which], pick, value);
                const root = (await check(text)).document.parseResult.value as Plan;
                fc.pre(root.$type === 'Plan');
                await fixesNeverMakeThingsWorse(text);
            }
        ), { numRuns: 25, seed: 9 });
        // The mutations do reach the fixes: dozens of them applied and checked.
        expect(applied).toBeGreaterThan(25);
    }, 300_000);
});
