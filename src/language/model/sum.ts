/**
 * What every concern uses to add up parts and record a declared total next to the computed one.
 */
import type { Count, Money } from '../generated/ast.js';
import type { Check, Subject } from './figures.js';
import { count } from './reader.js';

/** Sum with a flag telling whether every part was readable. */
export class Sum {
    value = 0n;
    complete = true;
    add(part: bigint | number | undefined): void {
        if (part === undefined) {
            this.complete = false;
        } else {
            this.value += BigInt(part);
        }
    }
}

/** The check of a declared head count, when both it and the sum are readable; otherwise none. */
export function countCheck(node: Count | undefined, sum: Sum, subject: Subject): Check[] {
    const declared = count(node);
    return node && declared !== undefined && sum.complete
        ? [{ unit: 'count', node, declared: BigInt(declared), computed: sum.value, subject }]
        : [];
}

/** The check of a declared amount, when both it and the sum are readable; otherwise none. */
export function moneyCheck(node: Money, declared: bigint | undefined, sum: Sum, subject: Subject): Check[] {
    return declared !== undefined && sum.complete
        ? [{ unit: 'money', node, declared, computed: sum.value, subject }]
        : [];
}

/** Sums to plain numbers. */
export function values(sums: ReadonlyMap<string, Sum>): Map<string, number> {
    return new Map([...sums].map(([key, sum]) => [key, Number(sum.value)]));
}
