/**
 * Exact numbers as the plans print them: `€ 1.640.250,18`, `1,5%`, `12.449`.
 *
 * Money is held in integer cents (bigint), percentages as an exact decimal, counts as
 * integers. Nothing here ever goes through a binary float.
 */

/** What a number in the text stands for; it decides which formats are acceptable. */
export type NumberKind = 'money' | 'percentage' | 'count' | 'code';

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
    readonly units: bigint;
    readonly scale: number;
}

/** Why a number cannot be read; each has its own message in the issue catalogue. */
export type NumberFault =
    | 'english-format'      // 1,640,250.18 or 1640250.18
    | 'too-many-decimals'   // € 541.004,184
    | 'ambiguous'           // 1,500 as a count or amount: 1.500 or 1,5?
    | 'bad-grouping'        // 1.64.250
    | 'decimals-in-count'   // 12,5 people
    | 'space-grouping'      // € 1 000,00 (space, no-break or narrow no-break space for thousands, as PDFs paste)
    | 'leading-zero'        // € 01.000,00
    | 'leading-comma'       // € ,50
    | 'currency-word'       // EUR 1.000,00, 1.000,00 euro
    | 'negative-amount'     // € -5,00
    | 'too-long';           // a number of more than 12 digits before or after the comma

export type NumberReading =
    | { readonly ok: true; readonly value: Decimal }
    | { readonly ok: false; readonly fault: NumberFault; readonly suggestion?: string };

const ITALIAN_INTEGER = /^(\d{1,3}(\.\d{3})+|\d+)$/;
/** Digits grouped by threes with spaces (plain, no-break U+00A0 or narrow no-break U+202F), then anything after a decimal mark. */
const SPACE_GROUPED = /^\d{1,3}([ \u00A0\u202F]\d{3})+([.,]\d*)?$/;
const SPACES = /[ \u00A0\u202F]/g;
const HAS_SPACE = /[ \u00A0\u202F]/;
/**
 * The most significant digits a number may have, in all: up to € 99.999.999.999,99 or a count
 * of 9.999.999.999.999. Anything longer is not a figure of a regional plan; refusing it keeps every
 * count exact as a JavaScript number (a sum of fewer than 900 such counts stays below 2^53).
 */
export const MAX_DIGITS = 13;
const ENGLISH_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const DOT_DECIMAL = /^\d+\.\d+$/;

/** The canonical form of a misread number: as messages show it (`€ 1.500,00`) and as it replaces the text (`1.500,00`). */
export interface Suggestion {
    readonly text: string;
    readonly replacement: string;
}

type Diagnosis =
    | { readonly ok: true; readonly value: Decimal }
    | { readonly ok: false; readonly fault: NumberFault; readonly suggestion?: Suggestion; readonly alternative?: Suggestion };

const moneySuggestion = (cents: bigint): Suggestion => ({ text: formatMoney(cents), replacement: formatMoneyFigure(cents) });
const countSuggestion = (value: bigint): Suggestion => ({ text: formatInteger(value), replacement: formatInteger(value) });

/** Reads a number printed the Italian way, for the given use. */
export function readNumber(text: string, kind: NumberKind, negative = false): NumberReading {
    const diagnosis = diagnose(text, kind, negative);
    return diagnosis.ok ? diagnosis : { ok: false, fault: diagnosis.fault, suggestion: diagnosis.suggestion?.text };
}

/** What `readWithRewrites` gives for a text: read-only, shared by every number written the same way. */
export interface ReadWithRewrites {
    readonly reading: NumberReading;
    readonly replacement?: string;
    readonly alternative?: Suggestion;
}

/**
 * The texts read lately, by kind, sign and text. A keystroke parses the plan anew, and its hundreds
 * of figures, all but the one typed in, are texts read before: a fifth of the evaluation's time was
 * reading them again (bench/PROFILE.md, round 3). Emptied when it holds `readsKept` texts.
 */
const readsLately = new Map<string, ReadWithRewrites>();
export const readsKept = 20_000;

/**
 * `readNumber`, `suggestedReplacement` and `alternativeReading` of one text at once, the text
 * diagnosed once instead of three times, and not again while it is among the texts read lately.
 */
export function readWithRewrites(text: string, kind: NumberKind, negative = false): ReadWithRewrites {
    const key = `${kind}${negative ? '-' : '+'}${text}`;
    let read = readsLately.get(key);
    if (read === undefined) {
        if (readsLately.size >= readsKept) {
            readsLately.clear();
        }
        read = readOnce(text, kind, negative);
        readsLately.set(key, read);
    }
    return read;
}

function readOnce(text: string, kind: NumberKind, negative: boolean): ReadWithRewrites {
    const diagnosis = diagnose(text, kind, negative);
    if (diagnosis.ok) {
        return { reading: diagnosis };
    }
    return {
        reading: { ok: false, fault: diagnosis.fault, suggestion: diagnosis.suggestion?.text },
        replacement: diagnosis.suggestion?.replacement,
        alternative: diagnosis.alternative
    };
}

/**
 * What replaces a misread number in the text when the suggestion is taken: the suggestion
 * without the `€ ` or `%` the text keeps around the figure.
 */
export function suggestedReplacement(text: string, kind: NumberKind, negative = false): string | undefined {
    const diagnosis = diagnose(text, kind, negative);
    return diagnosis.ok ? undefined : diagnosis.suggestion?.replacement;
}

/**
 * The other rewrite of an ambiguous amount: `1,500` is € 1.500,00 (the suggestion) or, the third
 * decimal being a zero, € 1,50. The text cannot say which, so neither is preferred.
 */
export function alternativeReading(text: string, kind: NumberKind, negative = false): Suggestion | undefined {
    const diagnosis = diagnose(text, kind, negative);
    return diagnosis.ok ? undefined : diagnosis.alternative;
}

function diagnose(text: string, kind: NumberKind, negative: boolean): Diagnosis {
    if (kind === 'code') {
        return /^\d+(\.\d+)*$/.test(text)
            ? { ok: true, value: { units: 0n, scale: 0 } }
            : { ok: false, fault: 'bad-grouping' };
    }
    if (text.replace(/\D/g, '').replace(/^0+/, '').length > MAX_DIGITS) {
        return { ok: false, fault: 'too-long' };
    }
    if (HAS_SPACE.test(text)) {
        return spacedFault(text, kind, negative);
    }
    return diagnoseCompact(text, kind, negative);
}

/**
 * A number grouped with spaces: never read, because a space also separates the cells of a
 * statistics row; reported with the canonical rewrite when the groups are threes.
 */
function spacedFault(text: string, kind: NumberKind, negative: boolean): Diagnosis {
    if (!SPACE_GROUPED.test(text)) {
        return { ok: false, fault: 'bad-grouping' };
    }
    const compact = diagnoseCompact(text.replace(SPACES, ''), kind, negative);
    if (compact.ok) {
        return { ok: false, fault: 'space-grouping', suggestion: suggestionFor(compact.value, kind) };
    }
    return compact;
}

/** The canonical writing of a value read right, for the suggestion of a fault that is only a matter of form. */
function suggestionFor(value: Decimal, kind: NumberKind): Suggestion | undefined {
    switch (kind) {
        case 'money': return value.scale <= 2 ? moneySuggestion(toCents(value)) : undefined;
        case 'percentage': return { text: formatPercentage(value), replacement: formatDecimal(value) };
        case 'count': return value.scale === 0 ? countSuggestion(value.units) : undefined;
        case 'code': return undefined;
    }
}

function diagnoseCompact(text: string, kind: NumberKind, negative: boolean): Diagnosis {
    const commaCount = text.split(',').length - 1;
    if (commaCount > 1 || (commaCount === 1 && text.indexOf('.') > text.indexOf(','))) {
        return englishFault(text, kind, negative);
    }
    const [integerPart, fraction = ''] = text.split(',');
    if (!ITALIAN_INTEGER.test(integerPart)) {
        if (commaCount === 0 && DOT_DECIMAL.test(integerPart)) {
            return englishFault(text, kind, negative);
        }
        return { ok: false, fault: 'bad-grouping' };
    }
    const plainInteger = integerPart.replace(/\./g, '');
    if (/^0+\./.test(integerPart)) {
        // `0.500`: not a thousand (no group of thousands is 0), perhaps 0,5 with the English mark.
        return { ok: false, fault: 'bad-grouping' };
    }
    if (/^0\d/.test(plainInteger)) {
        const rest = diagnoseCompact(formatInteger(BigInt(plainInteger)) + (commaCount === 1 ? `,${fraction}` : ''), kind, negative);
        return rest.ok
            ? { ok: false, fault: 'leading-zero', suggestion: suggestionFor(rest.value, kind) }
            : rest;
    }
    if (kind === 'count' && commaCount === 1) {
        return fraction.length === 3 && !integerPart.includes('.') && plainInteger !== '0'
            ? { ok: false, fault: 'ambiguous', suggestion: countSuggestion(BigInt(plainInteger + fraction)) }
            : { ok: false, fault: 'decimals-in-count' };
    }
    if (kind === 'money' && fraction.length > 2) {
        // `1,500` may be 1.500 written with the wrong mark; `0,500` cannot (no thousands start with 0).
        if (fraction.length === 3 && !integerPart.includes('.') && plainInteger !== '0') {
            const alternative = fraction.endsWith('0') ? moneySuggestion(BigInt(plainInteger + fraction.slice(0, 2)) * (negative ? -1n : 1n)) : undefined;
            return { ok: false, fault: 'ambiguous', suggestion: moneySuggestion(BigInt(plainInteger + fraction) * 100n), alternative };
        }
        // Zeros beyond the cents change nothing: `€ 541.004,180` is € 541.004,18.
        const cents = fraction.replace(/0+$/, '');
        return cents.length <= 2
            ? { ok: false, fault: 'too-many-decimals', suggestion: moneySuggestion(BigInt(plainInteger + cents.padEnd(2, '0')) * (negative ? -1n : 1n)) }
            : { ok: false, fault: 'too-many-decimals' };
    }
    if (commaCount === 1 && fraction.length === 0) {
        return { ok: false, fault: 'bad-grouping' };
    }
    const units = BigInt(plainInteger + fraction);
    return { ok: true, value: { units: negative ? -units : units, scale: fraction.length } };
}

function englishFault(text: string, kind: NumberKind, negative: boolean): Diagnosis {
    let plain: string | undefined;
    if (ENGLISH_GROUPED.test(text)) {
        plain = text.replace(/,/g, '');
    } else if (DOT_DECIMAL.test(text)) {
        plain = text;
    }
    if (plain === undefined) {
        return { ok: false, fault: 'bad-grouping' };
    }
    const [integer, fraction = ''] = plain.split('.');
    const value: Decimal = { units: BigInt(integer + fraction) * (negative ? -1n : 1n), scale: fraction.length };
    let suggestion: Suggestion | undefined;
    if (kind === 'money' && fraction.length <= 2) {
        suggestion = moneySuggestion(toCents(value));
    } else if (kind === 'percentage') {
        suggestion = { text: formatPercentage(value), replacement: formatDecimal(value) };
    } else if (kind === 'count' && fraction.length === 0) {
        suggestion = countSuggestion(value.units);
    }
    return { ok: false, fault: 'english-format', suggestion };
}

/** Converts an exact decimal with at most two decimals to cents. */
export function toCents(value: Decimal): bigint {
    if (value.scale > 2) {
        throw new Error(`An amount with ${value.scale} decimals is not a sum of cents.`);
    }
    return value.units * 10n ** BigInt(2 - value.scale);
}

/** Divides and rounds half away from zero (the rounding of money to the cent). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
    const negative = (numerator < 0n) !== (denominator < 0n);
    const n = numerator < 0n ? -numerator : numerator;
    const d = denominator < 0n ? -denominator : denominator;
    const quotient = (2n * n + d) / (2n * d);
    return negative ? -quotient : quotient;
}

/** A percentage of an amount in cents, rounded half-up to the cent: 1,5% of € 13.525.104,60 = € 202.876,57. */
export function percentageOf(cents: bigint, rate: Decimal): bigint {
    return divideRoundHalfUp(cents * rate.units, 100n * 10n ** BigInt(rate.scale));
}

/** `part / whole` as a percentage with `decimals` decimals, rounded half-up. */
export function shareOf(part: bigint, whole: bigint, decimals = 2): Decimal | undefined {
    if (whole === 0n) {
        return undefined;
    }
    return { units: divideRoundHalfUp(part * 100n * 10n ** BigInt(decimals), whole), scale: decimals };
}

/** Two exact decimals brought to the same scale: their units can then be compared, added and divided. */
export function alignDecimals(a: Decimal, b: Decimal): { readonly left: bigint; readonly right: bigint; readonly scale: number } {
    const scale = Math.max(a.scale, b.scale);
    return { left: a.units * 10n ** BigInt(scale - a.scale), right: b.units * 10n ** BigInt(scale - b.scale), scale };
}

/** Compares two exact decimals. */
export function compareDecimals(a: Decimal, b: Decimal): number {
    const { left, right } = alignDecimals(a, b);
    return left < right ? -1 : left > right ? 1 : 0;
}

/** Subtracts exact decimals. */
export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
    const { left, right, scale } = alignDecimals(a, b);
    return { units: left - right, scale };
}

/** `part / whole` of two exact decimals as a percentage with `decimals` decimals, rounded half-up. */
export function decimalShareOf(part: Decimal, whole: Decimal, decimals = 2): Decimal | undefined {
    const { left, right } = alignDecimals(part, whole);
    return shareOf(left, right, decimals);
}

/**
 * How far `latest` has gone from `start` (zero when absent) to `target`, as a percentage with
 * two decimals; undefined when the target equals the start.
 */
export function percentOfWay(start: Decimal | undefined, latest: Decimal, target: Decimal): Decimal | undefined {
    const from = start ?? { units: 0n, scale: 0 };
    return decimalShareOf(subtractDecimals(latest, from), subtractDecimals(target, from));
}

/** Groups the digits of an integer by thousands with dots: `12449` → `12.449`. */
export function formatInteger(value: bigint | number): string {
    const big = BigInt(value);
    const digits = (big < 0n ? -big : big).toString();
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return big < 0n ? `-${grouped}` : grouped;
}

/** Euros and cents of an amount, with the integer part grouped or not: `1.640.250,18`, `1640250,18`. */
function moneyDigits(cents: bigint, grouped: boolean): string {
    const negative = cents < 0n;
    const absolute = negative ? -cents : cents;
    const euros = grouped ? formatInteger(absolute / 100n) : (absolute / 100n).toString();
    return `${euros},${(absolute % 100n).toString().padStart(2, '0')}`;
}

/** The canonical Italian form of an amount: `€ 1.640.250,18`. */
export function formatMoney(cents: bigint): string {
    const text = moneyDigits(cents, true);
    return cents < 0n ? `-€ ${text}` : `€ ${text}`;
}

/** An amount as the text writes it after `€ `: `1.640.250,18`, `-250,00`. */
export function formatMoneyFigure(cents: bigint): string {
    return `${cents < 0n ? '-' : ''}${moneyDigits(cents, true)}`;
}

/** Digits of an exact decimal, without trailing zeros (padded to `minDecimals`). */
function decimalText(value: Decimal, options: { grouped: boolean; separator: ',' | '.'; minDecimals?: number }): string {
    const negative = value.units < 0n;
    const absolute = negative ? -value.units : value.units;
    const divisor = 10n ** BigInt(value.scale);
    let fraction = value.scale > 0 ? (absolute % divisor).toString().padStart(value.scale, '0') : '';
    fraction = fraction.replace(/0+$/, '');
    while (fraction.length < (options.minDecimals ?? 0)) {
        fraction += '0';
    }
    const integer = options.grouped ? formatInteger(absolute / divisor) : (absolute / divisor).toString();
    const text = integer + (fraction ? `${options.separator}${fraction}` : '');
    return negative ? `-${text}` : text;
}

/** An exact decimal written the Italian way, without trailing zeros: `1,5`. */
export function formatDecimal(value: Decimal, minDecimals = 0): string {
    return decimalText(value, { grouped: true, separator: ',', minDecimals });
}

/** A percentage written the Italian way: `1,5%`. */
export function formatPercentage(value: Decimal): string {
    return `${formatDecimal(value)}%`;
}

/** A measure as the plan wrote it: a percentage (`12,5%`) when it was one, a plain number (`1.200`) otherwise. */
export function formatMeasure(value: Decimal, percent: boolean | undefined): string {
    return percent ? formatPercentage(value) : formatDecimal(value);
}

/** An amount as Italian Excel reads it from CSV: decimal comma, no thousands separator (`1640250,18`). */
export function csvMoney(cents: bigint): string {
    return `${cents < 0n ? '-' : ''}${moneyDigits(cents, false)}`;
}

/** A percentage as Italian Excel reads it from CSV: `1234,5%`. */
export function csvPercentage(value: Decimal): string {
    return `${decimalText(value, { grouped: false, separator: ',' })}%`;
}

/** A percentage's figure with a decimal point and no grouping, for JSON: `1234.5`. */
export function jsonPercentage(value: Decimal): string {
    return decimalText(value, { grouped: false, separator: '.' });
}

/** An amount in euros as a spreadsheet number. */
export function spreadsheetMoney(cents: bigint): number {
    return Number(cents) / 100;
}

/** A percentage as a spreadsheet fraction: 1,5% → 0.015. */
export function spreadsheetFraction(value: Decimal): number {
    return Number(value.units) / 10 ** value.scale / 100;
}
