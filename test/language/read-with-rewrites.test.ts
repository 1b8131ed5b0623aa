/** Reading a number and its rewrites at once gives what the three separate readings give. */
import { describe, expect, test } from 'vitest';
import { alternativeReading, readNumber, readsKept, readWithRewrites, suggestedReplacement, type NumberKind } from '../../src/language/model/numbers.js';

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

    test('a text read again is not read anew; the same text of another kind or sign is', () => {
        const first = readWithRewrites('7.654,32', 'money');
        expect(readWithRewrites('7.654,32', 'money')).toBe(first);
        expect(readWithRewrites('7.654,32', 'money', true)).not.toBe(first);
        expect(readWithRewrites('7.654,32', 'money', true)).toEqual({ reading: readNumber('7.654,32', 'money', true) });
        expect(readWithRewrites('7.654,32', 'count')).toEqual({ reading: readNumber('7.654,32', 'count') });
    });

    test('past the texts it keeps, every text is still read right', () => {
        for (let i = 0; i < readsKept + 10; i++) {
            const text = `${i},${i % 10}0`;
            expect(readWithRewrites(text, 'money').reading).toEqual(readNumber(text, 'money'));
        }
        expect(readWithRewrites('1,500', 'money')).toEqual({
            reading: readNumber('1,500', 'money'), replacement: suggestedReplacement('1,500', 'money'), alternative: alternativeReading('1,500', 'money')
        });
    });
});
