/**
 * What is wrong in a rule set, read from its document: syntax errors, unreadable numbers, caps
 * outside 0–100%, source kinds that name nothing, duplicates. A plan that uses the rule set is
 * told how many there are and the first one; the rule file shows each as its own diagnostic.
 */
import { AstUtils, type AstNode } from 'langium';
import { isPercentage, type LineRule, type RuleSet } from '../generated/ast.js';
import type { NumberFaultKind } from '../i18n/issue-messages.js';
import { compareDecimals, formatPercentage, readNumber } from './numbers.js';
import { decimal, reading } from './reader.js';

/** One problem of a rule set, at a 1-based line of its file. */
export type RuleSetProblem = { readonly line: number } & (
    | { readonly kind: 'syntax'; readonly message: string }
    | { readonly kind: 'number'; readonly text: string; readonly fault: NumberFaultKind; readonly suggestion?: string }
    | { readonly kind: 'out-of-range'; readonly value: string }
    | { readonly kind: 'unresolved-kind'; readonly name: string }
    | { readonly kind: 'duplicate'; readonly what: 'sourceKind' | 'lineRule' | 'declarationRule'; readonly name: string }
);

const ZERO = { units: 0n, scale: 0 };
const HUNDRED = { units: 100n, scale: 0 };

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** Whether a cap's rate can be applied: readable and within 0–100%. */
export function capInRange(rule: LineRule): boolean {
    const rate = decimal(rule.cap);
    return rate !== undefined && compareDecimals(rate, ZERO) >= 0 && compareDecimals(rate, HUNDRED) <= 0;
}

function duplicates<T extends AstNode>(nodes: readonly T[], nameOf: (node: T) => string | undefined,
    what: 'sourceKind' | 'lineRule' | 'declarationRule'): RuleSetProblem[] {
    const seen = new Set<string>();
    const found: RuleSetProblem[] = [];
    for (const node of nodes) {
        const name = nameOf(node);
        if (name !== undefined && seen.has(name)) {
            found.push({ kind: 'duplicate', what, name, line: lineOf(node) });
        }
        if (name !== undefined) {
            seen.add(name);
        }
    }
    return found;
}

/** The errors of a rule set, in the order of its file. Warnings (an unknown severity code) are not counted. */
export function ruleSetProblems(ruleSet: RuleSet): RuleSetProblem[] {
    const problems: RuleSetProblem[] = [];
    const document = AstUtils.getDocument(ruleSet);
    const lastLine = document.textDocument.lineCount;
    for (const error of document.parseResult.lexerErrors) {
        problems.push({ kind: 'syntax', message: error.message, line: Number.isFinite(error.line) ? error.line ?? lastLine : lastLine });
    }
    for (const error of document.parseResult.parserErrors) {
        const line = error.token.startLine;
        problems.push({ kind: 'syntax', message: error.message, line: line !== undefined && Number.isFinite(line) ? line : lastLine });
    }
    for (const node of AstUtils.streamAllContents(ruleSet)) {
        if (isPercentage(node) && node.value !== undefined) {
            const read = reading(node);
            if (!read.ok) {
                problems.push({ kind: 'number', text: node.value, fault: read.fault, suggestion: read.suggestion, line: lineOf(node) });
            } else if (compareDecimals(read.value, ZERO) < 0 || compareDecimals(read.value, HUNDRED) > 0) {
                problems.push({ kind: 'out-of-range', value: formatPercentage(read.value), line: lineOf(node) });
            }
        }
    }
    for (const rule of ruleSet.lines) {
        if (rule.code !== undefined && !readNumber(rule.code, 'code').ok) {
            problems.push({ kind: 'number', text: rule.code, fault: 'bad-grouping', line: lineOf(rule) });
        }
        if (rule.source && !rule.source.ref) {
            problems.push({ kind: 'unresolved-kind', name: rule.source.$refText, line: lineOf(rule) });
        }
    }
    problems.push(
        ...duplicates(ruleSet.sourceKinds, k => k.name, 'sourceKind'),
        ...duplicates(ruleSet.lines, l => l.code, 'lineRule'),
        ...duplicates(ruleSet.declarations, d => d.key, 'declarationRule'));
    return problems.sort((a, b) => a.line - b.line);
}
