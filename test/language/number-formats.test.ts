import { describe, expect, test } from 'vitest';
import {
    csvMoney, csvPercentage, decimalShareOf, formatMeasure, formatMoneyFigure, jsonPercentage, percentOfWay,
    spreadsheetFraction, spreadsheetMoney, suggestedReplacement
} from '../../src/language/model/numbers.js';

const d = (units: bigint, scale: number) => ({ units, scale });

describe('number formats outside the text', () => {
    test('CSV for Italian Excel: decimal comma, no thousands separator', () => {
        expect(csvMoney(164025018n)).toBe('1640250,18');
        expect(csvMoney(-5n)).toBe('-0,05');
        expect(csvMoney(100n)).toBe('1,00');
        expect(csvPercentage(d(123450n, 2))).toBe('1234,5%');
        expect(csvPercentage(d(-150n, 2))).toBe('-1,5%');
    });

    test('JSON percentages with a decimal point, spreadsheet numbers as plain numbers', () => {
        expect(jsonPercentage(d(123450n, 2))).toBe('1234.5');
        expect(jsonPercentage(d(100n, 2))).toBe('1');
        expect(spreadsheetMoney(164025018n)).toBe(1640250.18);
        expect(spreadsheetFraction(d(150n, 2))).toBe(0.015);
    });

    test('a measure shows as a percentage only when it was written as one', () => {
        expect(formatMeasure(d(12500n, 2), true)).toBe('125%');
        expect(formatMeasure(d(1200n, 0), false)).toBe('1.200');
        expect(formatMeasure(d(15n, 1), undefined)).toBe('1,5');
    });

    test('the replacement of a misread number is the suggestion without € or %', () => {
        expect(suggestedReplacement('1,640,250.18', 'money')).toBe('1.640.250,18');
        expect(suggestedReplacement('250.00', 'money', true)).toBe('-250,00');
        expect(suggestedReplacement('1,500', 'money')).toBe('1.500,00');
        expect(suggestedReplacement('1.5', 'percentage')).toBe('1,5');
        expect(suggestedReplacement('12,449', 'count')).toBe('12.449');
        expect(suggestedReplacement('1.640.250,18', 'money')).toBeUndefined();
        expect(formatMoneyFigure(-25000n)).toBe('-250,00');
    });

    test('shares of decimals at different scales, and the way from a baseline to a target', () => {
        expect(decimalShareOf(d(15n, 1), d(3n, 0))).toEqual(d(5000n, 2));
        expect(percentOfWay(d(10n, 0), d(155n, 1), d(20n, 0))).toEqual(d(5500n, 2));
        expect(percentOfWay(undefined, d(3n, 0), d(12n, 0))).toEqual(d(2500n, 2));
        expect(percentOfWay(d(5n, 0), d(7n, 0), d(5n, 0))).toBeUndefined();
    });
});
