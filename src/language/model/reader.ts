/**
 * Reads the numbers of the AST once. Every Money, Percentage, Measure and Count node is read
 * at most once per parse (the cache is keyed by the node, which a new parse replaces), and
 * every consumer gets the same exact value or the same fault.
 */
import type { AstNode } from 'langium';
import type { Count, Measure, Money, Percentage } from '../generated/ast.js';
import { readNumber, suggestedReplacement, toCents, type Decimal, type NumberKind, type NumberReading } from './numbers.js';

/** A number node of the AST. */
export type NumberNode = Money | Percentage | Measure | Count;

const readings = new WeakMap<AstNode, NumberReading>();

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
    if (node.value === undefined) {
        return undefined;
    }
    const replacement = suggestedReplacement(node.value, kindOf(node), isNegative(node));
    // The replacement takes the place of the figure only: the '-' written before it stays in the text.
    return isNegative(node) && replacement?.startsWith('-') ? replacement.slice(1) : replacement;
}

/** The reading of a number node (cached). */
export function reading(node: NumberNode): NumberReading {
    let result = readings.get(node);
    if (!result) {
        result = node.value === undefined
            ? { ok: false, fault: 'bad-grouping' }
            : readNumber(node.value, kindOf(node), isNegative(node));
        readings.set(node, result);
    }
    return result;
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
