/** Names that must be unique, and numbers that must be readable. */
import type { AstNode } from 'langium';
import type { Plan, RuleSet, InterventionLine, LineRule, Section } from '../generated/ast.js';
import type { NumberNode } from '../model/reader.js';
import { elementsOf } from '../model/elements.js';
import { alternativeOf, faultCoversNode, kindOf, reading, replacementOf } from '../model/reader.js';
import { readNumber } from '../model/numbers.js';
import type { DuplicateKind } from '../i18n/issue-messages.js';
import { isIssueCode, issueCodes, type IssueCode } from './issues.js';
import { codeForRule, type IssueReporter } from './reporter.js';
import { issueCodeOf } from '../model/rule-book.js';

function reportDuplicates<T extends AstNode>(nodes: readonly T[], nameOf: (node: T) => string | undefined,
    what: DuplicateKind, property: string, reporter: IssueReporter): void {
    const seen = new Set<string>();
    for (const node of nodes) {
        const name = nameOf(node);
        if (name === undefined) {
            continue;
        }
        if (seen.has(name)) {
            reporter.report('duplicate-name', { what, name }, { node, property });
        }
        seen.add(name);
    }
}

/** Sources, offices, profiles, line codes, areas, hiring plans and declaration keys are unique in a plan. */
export function planNamesMustBeUnique(plan: Plan, reporter: IssueReporter): void {
    const of = <T extends Plan['elements'][number]['$type']>(type: T) => elementsOf(plan, type);
    reportDuplicates(of('FundingSource'), s => s.name, 'source', 'name', reporter);
    reportDuplicates([...of('Office')], o => o.name, 'office', 'name', reporter);
    reportDuplicates(of('Profile'), p => p.name, 'profile', 'name', reporter);
    reportDuplicates(of('InterventionLine'), l => l.code, 'line', 'code', reporter);
    reportDuplicates(of('Area'), a => a.name, 'area', 'name', reporter);
    reportDuplicates(of('HiringPlan'), h => h.name, 'hiring', 'name', reporter);
    reportDuplicates(of('Declaration').filter(d => d.$container === plan), d => d.key, 'declaration', 'key', reporter);
    for (const container of [...of('InterventionLine'), ...of('Section')]) {
        reportDuplicates(container.declarations, d => d.key, 'declaration', 'key', reporter);
    }
}

/** Source kinds, line rules and required declarations are unique in a rule set. */
export function ruleSetNamesMustBeUnique(ruleSet: RuleSet, reporter: IssueReporter): void {
    reportDuplicates(ruleSet.sourceKinds, k => k.name, 'sourceKind', 'name', reporter);
    reportDuplicates(ruleSet.lines, l => l.code, 'lineRule', 'code', reporter);
    reportDuplicates(ruleSet.declarations, d => d.key, 'declarationRule', 'key', reporter);
}

/** Edit distance between two texts (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** The known code nearest to a misspelt one, if it is near enough to be a slip (at most a third of it differs). */
function nearestCode(written: string): IssueCode | undefined {
    const target = issueCodeOf(written);
    const ranked = issueCodes.map(code => ({ code, distance: editDistance(target, code) })).sort((a, b) => a.distance - b.distance);
    const best = ranked[0];
    return best && best.distance <= Math.max(2, Math.floor(target.length / 3)) ? best.code : undefined;
}

/** A severity rule names a code cpiplan reports (`gravità under_allocated avviso`). */
export function severityRuleMustNameKnownCode(ruleSet: RuleSet, reporter: IssueReporter): void {
    for (const rule of ruleSet.severities.filter(s => s.code !== undefined && !isIssueCode(issueCodeOf(s.code)))) {
        const nearest = nearestCode(rule.code);
        const suggestion = nearest && codeForRule(nearest);
        reporter.report('unknown-issue-code', { code: rule.code, suggestion }, { node: rule, property: 'code' }, { data: { suggestion } });
    }
}

/** Every number is written the Italian way and fits its use (cents for money, whole counts). */
export function numberMustBeItalian(node: NumberNode, reporter: IssueReporter): void {
    const read = reading(node);
    if (!read.ok && node.value !== undefined) {
        const whole = faultCoversNode(node);
        const text = whole ? node.$cstNode?.text ?? node.value : node.value;
        const alternative = alternativeOf(node);
        reporter.report('invalid-number', { text, fault: read.fault, suggestion: read.suggestion, alternative: alternative?.text },
            whole ? { node } : { node, property: 'value' },
            { data: { kind: kindOf(node), replacement: replacementOf(node), alternative: alternative?.replacement } });
    }
}

/** Line and section codes are dotted numbers: `3.1`, `4`. */
export function codeMustBeWellFormed(node: InterventionLine | LineRule | Section, reporter: IssueReporter): void {
    if (node.code !== undefined && !readNumber(node.code, 'code').ok) {
        reporter.report('invalid-number', { text: node.code, fault: 'bad-grouping' }, { node, property: 'code' }, { data: { kind: 'code' } });
    }
}
