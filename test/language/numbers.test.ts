import { describe, expect, test } from 'vitest';
import { divideRoundHalfUp, formatMoney, formatPercentage, percentageOf, readNumber, toCents } from '../../src/language/model/numbers.js';

const cents = (text: string) => {
    const read = readNumber(text, 'money');
    if (!read.ok) {
        throw new Error(`${text}: ${read.fault}`);
    }
    return toCents(read.value);
};
const rate = (text: string) => {
    const read = readNumber(text, 'percentage');
    if (!read.ok) {
        throw new Error(text);
    }
    return read.value;
};

describe('reading Italian numbers', () => {
    test.each([
        ['1.640.250,18', 164025018n],
        ['630.000', 63000000n],
        ['630000', 63000000n],
        ['0,00', 0n],
        ['85.590,16', 8559016n],
        ['1,5', 150n]
    ])('reads the amount %s exactly', (text, expected) => {
        expect(cents(text)).toBe(expected);
    });

    test('reads percentages with any decimals', () => {
        expect(rate('1,5')).toEqual({ units: 15n, scale: 1 });
        expect(rate('100')).toEqual({ units: 100n, scale: 0 });
    });

    test('reads counts with or without thousands dots', () => {
        expect(readNumber('12.449', 'count')).toEqual({ ok: true, value: { units: 12449n, scale: 0 } });
        expect(readNumber('9287', 'count')).toEqual({ ok: true, value: { units: 9287n, scale: 0 } });
    });

    test.each([
        ['1640250.18', 'money', 'english-format', '€ 1.640.250,18'],
        ['1,640,250.18', 'money', 'english-format', '€ 1.640.250,18'],
        ['541.004,184', 'money', 'too-many-decimals', undefined],
        ['1,500', 'money', 'ambiguous', '€ 1.500,00'],
        ['1,500', 'count', 'ambiguous', '1.500'],
        ['12,5', 'count', 'decimals-in-count', undefined],
        ['1.64.250', 'money', 'bad-grouping', undefined],
        ['1.5', 'percentage', 'english-format', '1,5%'],
        ['12,', 'money', 'bad-grouping', undefined]
    ] as const)('rejects %s as %s with fault %s', (text, kind, fault, suggestion) => {
        expect(readNumber(text, kind)).toEqual({ ok: false, fault, suggestion });
    });

    test('accepts dotted line codes only as codes', () => {
        expect(readNumber('3.1', 'code').ok).toBe(true);
        expect(readNumber('3,1', 'code').ok).toBe(false);
        expect(readNumber('3.1', 'money').ok).toBe(false);
    });
});

describe('exact money arithmetic', () => {
    test('rounds half away from zero', () => {
        expect(divideRoundHalfUp(5n, 10n)).toBe(1n);
        expect(divideRoundHalfUp(4n, 10n)).toBe(0n);
        expect(divideRoundHalfUp(-5n, 10n)).toBe(-1n);
        expect(percentageOf(50n, rate('1'))).toBe(1n); // 1% of € 0,50 = 0,005 → € 0,01
    });

    test.each([
        ['13.525.104,60', '1,5', '€ 202.876,57'],
        ['13.525.104,60', '5', '€ 676.255,23'],
        ['13.525.104,60', '2', '€ 270.502,09'],
        ['13.525.104,60', '4', '€ 541.004,18'],
        ['1.640.250,18', '1,5', '€ 24.603,75'],
        ['1.640.250,18', '5', '€ 82.012,51'],
        ['1.640.250,18', '2', '€ 32.805,00'],
        ['1.640.250,18', '4', '€ 65.610,01']
    ])('the cap of %s at %s%% is %s', (assigned, percentage, expected) => {
        expect(formatMoney(percentageOf(cents(assigned), rate(percentage)))).toBe(expected);
    });

    test('formats amounts and percentages the Italian way', () => {
        expect(formatMoney(164025018n)).toBe('€ 1.640.250,18');
        expect(formatMoney(-200000000n)).toBe('-€ 2.000.000,00');
        expect(formatMoney(5n)).toBe('€ 0,05');
        expect(formatPercentage({ units: 150n, scale: 2 })).toBe('1,5%');
    });
});
