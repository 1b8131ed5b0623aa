/**
 * Rules that keep the rule set switched on: the plan names one, it can be found and read, and
 * the plan's lines and sources are the ones it speaks of.
 */
import { AstUtils } from 'langium';
import type { Plan, RuleSet } from '../generated/ast.js';
import type { PlanEvaluation } from '../model/figures.js';
import { readNumber } from '../model/numbers.js';
import { normalTitle } from '../model/rule-book.js';
import type { RuleSetProblem } from '../model/rule-set-problems.js';
import type { RuleSets } from '../rule-sets.js';
import { issueMessage, type Locale } from './issues.js';
import { editDistance } from './naming-rules.js';
import type { IssueReporter } from './reporter.js';

export { normalTitle } from '../model/rule-book.js';

/** The plan names the rule set it is checked against. */
export function planMustNameRuleSet(plan: Plan, ruleSets: RuleSets, reporter: IssueReporter): void {
    if (plan.ruleSet !== undefined) {
        return;
    }
    const names = ruleSets.names();
    reporter.report('missing-rule-set', { ruleSets: names.map(n => `"${n}"`).join(', ') }, { node: plan, property: 'region' },
        { data: { ruleSets: names } });
}

/** The file a plan names with `da` is there. */
export function ruleFileMustBeLoaded(plan: Plan, ruleSets: RuleSets, reporter: IssueReporter): void {
    if (plan.ruleFile !== undefined && !ruleSets.fileLoaded(plan)) {
        reporter.report('rule-file-missing', { file: plan.ruleFile }, { node: plan, property: 'ruleFile' });
    }
}

/**
 * Without `da`, one rule set has the name the plan gives. Identical copies (the shipped file and
 * the same file in a checkout of cpiplan) are one rule set.
 */
export function ruleSetNameMustBeUnambiguous(plan: Plan, ruleSets: RuleSets, reporter: IssueReporter): void {
    const name = plan.ruleSet?.$refText;
    if (name === undefined || plan.ruleFile !== undefined) {
        return;
    }
    const files = ruleSets.filesNamed(plan, name);
    const [chosen] = files;
    if (chosen === undefined || new Set(files.map(f => ruleSets.textOf(f))).size < 2) {
        return;
    }
    reporter.report('ambiguous-rule-set', {
        name: `"${name}"`,
        files: files.map(f => ruleSets.relativeTo(plan, f)).join(', '),
        chosen: ruleSets.relativeTo(plan, chosen)
    }, { node: plan, property: 'ruleSet' }, { data: { files: files.filter(f => !ruleSets.isShipped(f)).map(f => ruleSets.relativeTo(plan, f)) } });
}

/** One problem of a rule set in words. */
function problemWords(problem: RuleSetProblem, locale: Locale): string {
    switch (problem.kind) {
        case 'syntax': return locale === 'it' ? `errore di sintassi: ${problem.message}` : `syntax error: ${problem.message}`;
        case 'number': return issueMessage('invalid-number', { text: problem.text, fault: problem.fault, suggestion: problem.suggestion }, locale);
        case 'out-of-range': return issueMessage('percentage-out-of-range', { value: problem.value }, locale);
        case 'unresolved-kind': return issueMessage('linking-error', { referent: 'SourceKind', name: problem.name }, locale);
        case 'duplicate': return issueMessage('duplicate-name', { what: problem.what, name: problem.name }, locale);
    }
}

/** The rule set a plan uses has no errors: they are summarised on the plan's `regole`. */
export function ruleSetMustBeValid(plan: Plan, ruleSets: RuleSets, reporter: IssueReporter): void {
    const ruleSet = plan.ruleSet?.ref;
    if (!ruleSet) {
        return;
    }
    const problems = ruleSets.problemsOf(ruleSet);
    const [first] = problems;
    if (first === undefined) {
        return;
    }
    reporter.report('rule-set-invalid', {
        name: `"${ruleSet.name}"`,
        file: ruleSets.relativeTo(plan, AstUtils.getDocument(ruleSet).uri),
        count: problems.length,
        line: first.line,
        first: problemWords(first, reporter.locale)
    }, { node: plan, property: 'ruleSet' });
}

function ruleSetLabel(ruleSet: RuleSet): string {
    return `"${ruleSet.name}"`;
}

/** A cap the rule set writes for a line but cannot be applied is said on the plan's line, never dropped. */
export function capMustBeApplicable(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const { ruleSet } = evaluation;
    for (const { line } of evaluation.lines) {
        const rule = evaluation.rules.unusableCapOf(line.code);
        if (!ruleSet || !rule) {
            continue;
        }
        const cap = [rule.cap?.$cstNode?.text ?? '?', rule.source ? `di ${rule.source.$refText}` : ''].join(' ').trim();
        reporter.report('cap-not-applicable', { line: line.code ?? line.title, cap, ruleSet: ruleSetLabel(ruleSet) }, { node: line, property: 'code' });
    }
}

/** How far an unknown code is from an official one: numerically, as dotted numbers read. */
function codeDistance(a: string, b: string): number {
    return Math.abs(Number.parseFloat(a) - Number.parseFloat(b));
}

/** A line with a code has one the rule set knows; otherwise it is a regional extra line, without a code. */
export function lineCodeMustBeOfficial(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const { ruleSet, rules } = evaluation;
    if (!ruleSet || ruleSet.lines.length === 0) {
        return; // a rule set without official lines leaves the plan its own numbering
    }
    const used = new Set(evaluation.lines.map(l => l.line.code).filter(c => c !== undefined));
    for (const { line } of evaluation.lines) {
        const code = line.code;
        if (code === undefined || rules.lineRule(code) || !readNumber(code, 'code').ok || evaluation.damage.within(line)) {
            continue;
        }
        const title = normalTitle(line.title);
        const ranked = ruleSet.lines
            .filter(r => !used.has(r.code))
            .map(r => ({
                code: r.code,
                titled: [r.title, ...r.variants].some(t => normalTitle(t) === title) ? 0 : 1,
                distance: codeDistance(code, r.code)
            }))
            .sort((a, b) => a.titled - b.titled || a.distance - b.distance)
            .map(r => r.code);
        const suggestions = [...new Set(ranked)].slice(0, 3);
        reporter.report('unknown-line-code', { code, ruleSet: ruleSetLabel(ruleSet), suggestions: suggestions.join(', ') },
            { node: line, property: 'code' }, { data: { suggestions } });
    }
}

/** An official line carries the rule set's title, or one of the variants it accepts. */
export function lineTitleShouldBeOfficial(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const { ruleSet, rules } = evaluation;
    if (!ruleSet) {
        return;
    }
    for (const { line } of evaluation.lines) {
        const rule = rules.lineRule(line.code);
        if (!rule || line.code === undefined || line.title === undefined || evaluation.damage.within(line)) {
            continue;
        }
        const title = normalTitle(line.title);
        if (rule.title === undefined || [rule.title, ...rule.variants].some(t => normalTitle(t) === title)) {
            continue;
        }
        reporter.report('line-title-mismatch', { line: line.code, title: line.title, official: rule.title, ruleSet: ruleSetLabel(ruleSet) },
            { node: line, property: 'title' }, { data: { title: rule.title } });
    }
}

/** How far a source's title is from a kind's: none when one begins with the other. */
function titleDistance(source: string, kind: string): number {
    const a = normalTitle(source);
    const b = normalTitle(kind);
    return a.startsWith(b) || b.startsWith(a) ? 0 : editDistance(a, b);
}

/** When the rule set caps lines on kinds of source, every source says its kind: otherwise no cap would apply to it. */
export function sourceMustNameItsKind(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const { ruleSet, rules } = evaluation;
    // A rule set that caps on kinds but declares none is itself broken (rule-set-invalid, cap-not-applicable
    // say so): a source cannot name a kind that does not exist.
    if (!ruleSet || !rules.capsOnKinds || ruleSet.sourceKinds.length === 0) {
        return;
    }
    for (const { source, label } of evaluation.sources) {
        if (source.kind !== undefined || evaluation.damage.within(source) || evaluation.damage.trailing(source)) {
            continue;
        }
        const kinds = ruleSet.sourceKinds
            .map(k => ({ name: k.name, distance: titleDistance(source.title ?? source.name, k.title ?? k.name) }))
            .sort((a, b) => a.distance - b.distance)
            .map(k => k.name);
        reporter.report('missing-source-kind', { source: label, ruleSet: ruleSetLabel(ruleSet), kinds: kinds.join(', ') },
            { node: source, property: 'name' }, { data: { kinds } });
    }
}
