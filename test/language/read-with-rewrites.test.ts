/** Reading a number and its rewrites at once gives what the three separate readings give. */
import { describe, expect, test } from 'vitest';
import { alternativeReading, readNumber, readWithRewrites, suggestedReplacement, type NumberKind } from '../../src/language/model/numbers.js';

const cases: [string, NumberKind, boolean][] = [
    ['1.234,50', 'money', false], ['1,500', 'money', false], ['1,500.00', 'money', false], ['1 000,00', 'money', false],
    ['12', 'count', false], ['1.5', 'count', false], ['3', 'count', true], ['12,5', 'percentage', false], ['1.2.3', 'code', false],
    ['12345678901234567890123', 'money', false], ['0,5', 'money', false], ['1.23', 'money', false]
];

describe('readWithRewrites', () => {
    test.each(cases)('%s as %s (negative %s)', (text, kind, negative) => {
        expect(readWithRewrites(text, kind, negative)).toEqual({
            reading: readNumber(text, kind, negative),
            ...suggestedReplacement(text, kind, negative) === undefined ? {} : { replacement: suggestedReplacement(text, kind, negative) },
            ...alternativeReading(text, kind, negative) === undefined ? {} : { alternative: alternativeReading(text, kind, negative) }
        });
    });

    test('misread and ambiguous amounts do carry their rewrites', () => {
        expect(readWithRewrites('1,500.00', 'money').replacement).toBeDefined();
        expect(readWithRewrites('1,500', 'money').alternative).toBeDefined();
    });
});
