/** The scope of a plan's `regole`: every rule set in `RuleSets.candidates` order, one name resolved without sorting the others. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Plan } from '../../src/language/generated/ast.js';
import { check, example, testServices } from '../helpers.js';

afterEach(() => {
    vi.restoreAllMocks();
});

describe('rule set scope', () => {
    test('all elements are the candidates; one name gives the first candidate of that name', async () => {
        const services = await testServices();
        const { document } = await check(example('valle-d-aosta-2020.cpiplan'));
        const plan = document.parseResult.value as Plan;
        const scope = services.references.ScopeProvider.getScope({ reference: { $refText: 'DM 74/2019' } as never, container: plan, property: 'ruleSet' });
        const candidates = services.references.RuleSets.candidates(plan);
        expect(scope.getAllElements().map(d => `${d.name} ${d.documentUri.toString()}`).toArray())
            .toEqual(candidates.map(d => `${d.name} ${d.documentUri.toString()}`));
        expect(candidates.length).toBeGreaterThan(1);
        for (const name of new Set(candidates.map(d => d.name))) {
            expect(scope.getElement(name)).toBe(candidates.find(d => d.name === name));
            expect(scope.getElements(name).toArray()).toEqual(candidates.filter(d => d.name === name));
        }
        expect(scope.getElement('Nessuna')).toBeUndefined();
    });

    test('checking a plan whose rule set has one file of its name compares no paths (no collation tables loaded)', async () => {
        await testServices();
        const compare = vi.spyOn(String.prototype, 'localeCompare');
        const { diagnostics } = await check(example('valle-d-aosta-2020.cpiplan'));
        expect(diagnostics).toEqual([]);
        expect(compare).not.toHaveBeenCalled();
    });
});
