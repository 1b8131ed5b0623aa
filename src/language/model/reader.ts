/**
 * Reads the numbers of the AST once. Every Money, Percentage, Measure and Count node is read
 * at most once per parse (the cache is keyed by the node, which a new parse replaces), and
 * every consumer gets the same exact value or the same fault.
 */
import type { AstNode } from 'langium';
import type { Count, Measure, Money, Percentage } from '../generated/ast.js';
import { formatMoney, readWithRewrites, toCents, type Decimal, type NumberKind, type NumberReading, type Suggestion } from './numbers.js';

/** A number node of the AST. */
export type NumberNode = Money | Percentage | Measure | Count;

/**
 * A node's reading, and what its quick fix writes: over the figure alone (`1.500,00` for the
 * `1,500.00` of `€ 1,500.00`), or over the whole amount when the fault is outside the figure
 * (`€ 1.000,00` for `EUR 1.000,00`, `€ 0,50` for `€ ,50`).
 */
interface Read {
    readonly reading: NumberReading;
    readonly replacement?: string;
    /** The other reading of an ambiguous number (`€ 1,50` for `€ 1,500`): as messages show it, and its rewrite. */
    readonly alternative?: Suggestion;
    readonly wholeNode: boolean;
}

const reads = new WeakMap<AstNode, Read>();

/** The kind of number a node holds, which decides the formats it accepts. */
export function kindOf(node: NumberNode): NumberKind {
    switch (node.$type) {
        case 'Money': return 'money';
        case 'Percentage': return 'percentage';
        case 'Measure': return node.percent ? 'percentage' : 'count';
        case 'Count': return 'count';
    }
}

function isNegative(node: NumberNode): boolean {
    return 'negative' in node ? node.negative : false;
}

/** What replaces a misread number's text when its suggestion is taken: `1.500,00` for `€ 1,500.00`. */
export function replacementOf(node: NumberNode): string | undefined {
    return read(node).replacement;
}

/** The second rewrite of an ambiguous number, when it has two readings: `1,50` for `€ 1,500` (the first is `1.500,00`). */
export function alternativeOf(node: NumberNode): Suggestion | undefined {
    return read(node).alternative;
}

/** Whether a misread number is reported, and rewritten, as the whole amount rather than its figure. */
export function faultCoversNode(node: NumberNode): boolean {
    return read(node).wholeNode;
}

/** The reading of a number node (cached). */
export function reading(node: NumberNode): NumberReading {
    return read(node).reading;
}

function read(node: NumberNode): Read {
    let result = reads.get(node);
    if (!result) {
        result = readOnce(node);
        reads.set(node, result);
    }
    return result;
}

function readOnce(node: NumberNode): Read {
    if (node.value === undefined) {
        return { reading: { ok: false, fault: 'bad-grouping' }, wholeNode: false };
    }
    if (node.$type === 'Money') {
        return readMoney(node, node.value);
    }
    const negative = isNegative(node);
    const { reading, replacement } = readWithRewrites(node.value, kindOf(node), negative);
    // The replacement takes the place of the figure only: the '-' written before it stays in the text.
    return {
        reading,
        replacement: negative && replacement?.startsWith('-') ? replacement.slice(1) : replacement,
        wholeNode: false
    };
}

/**
 * An amount: a negative one is refused (no amount of a plan is negative, and no rewrite keeps
 * its value); `EUR`, `euro` and a figure starting with its comma are reported with the whole
 * amount rewritten as `€ …`.
 */
function readMoney(node: Money, value: string): Read {
    if (node.negative) {
        return { reading: { ok: false, fault: 'negative-amount' }, wholeNode: true };
    }
    const text = node.leadingComma ? `0,${value}` : value;
    const { reading: figure, replacement, alternative } = readWithRewrites(text, 'money');
    if (!node.leadingComma && node.currency === '€') {
        return { reading: figure, replacement, alternative, wholeNode: false };
    }
    if (!figure.ok) {
        return { reading: figure, replacement: figure.suggestion, alternative: alternative && { text: alternative.text, replacement: alternative.text }, wholeNode: true };
    }
    const canonical = formatMoney(toCents(figure.value));
    return {
        reading: { ok: false, fault: node.leadingComma ? 'leading-comma' : 'currency-word', suggestion: canonical },
        replacement: canonical,
        wholeNode: true
    };
}

/** The amount in cents, or undefined when the node is missing or unreadable. */
export function money(node: Money | undefined): bigint | undefined {
    if (!node) {
        return undefined;
    }
    const read = reading(node);
    return read.ok ? toCents(read.value) : undefined;
}

/** The exact value of a percentage or measure, or undefined. */
export function decimal(node: Percentage | Measure | undefined): Decimal | undefined {
    if (!node) {
        return undefined;
    }
    const read = reading(node);
    return read.ok ? read.value : undefined;
}

/** A whole count, or undefined. */
export function count(node: Count | undefined): number | undefined {
    if (!node) {
        return undefined;
    }
    const read = reading(node);
    return read.ok ? Number(read.value.units) : undefined;
}
