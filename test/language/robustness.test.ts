/**
 * Random edits of the real plans (deletions, insertions, swapped tokens, truncation) go
 * through parse, evaluation and validation without an exception escaping. Langium turns an
 * exception in a check into a diagnostic "An error occurred during validation", so that is
 * asserted absent too.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check, example } from '../helpers.js';
import { evaluatePlan } from '../../src/language/model/evaluate-plan.js';
import type { Plan } from '../../src/language/generated/ast.js';

const pieces = ['piano', 'linea', 'voce', 'totale', 'fonte', 'su', '€', '{', '}', ',', '%', '=', '-', 'di', 'cui',
    '3.1', '1.640.250,18', '12,5', '1,500', '0', '"testo"', '"', 'B', 'C', 'ufficio', 'anno', 'cumulativo', 'regole',
    'dichiarazione', 'quota', 'costo', 'personale', 'al', '24/11/2020', '955/2020', '\n', ' '];

type Edit =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'swap'; first: number; second: number }
    | { kind: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })) }),
    fc.record({ kind: fc.constant('swap' as const), first: fc.nat(), second: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() })
);

function apply(text: string, edits: Edit[]): string {
    let result = text;
    for (const e of edits) {
        const at = (n: number) => n % (result.length + 1);
        switch (e.kind) {
            case 'delete': result = result.slice(0, at(e.at)) + result.slice(at(e.at) + e.length); break;
            case 'insert': result = result.slice(0, at(e.at)) + e.text + result.slice(at(e.at)); break;
            case 'truncate': result = result.slice(0, at(e.at)); break;
            case 'swap': {
                const tokens = result.split(/(\s+)/);
                const i = e.first % tokens.length;
                const j = e.second % tokens.length;
                [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
                result = tokens.join('');
            }
        }
    }
    return result.replace(/[«»]/g, '');
}

describe.each(['valle-d-aosta-2020.cpiplan', 'marche-2020.cpiplan', 'puglia-2020.cpiplan'])('random edits of %s', name => {
    const original = example(name);
    test('never throw out of parsing, evaluation or validation', async () => {
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async edits => {
            const checked = await check(apply(original, edits));
            const crashes = checked.diagnostics.filter(d => d.message.startsWith('An error occurred'));
            expect(crashes.map(d => d.message)).toEqual([]);
            const root = checked.document.parseResult.value;
            if (root?.$type === 'Plan') {
                evaluatePlan(root as Plan);
            }
        }), { numRuns: 500 });
    });
});
