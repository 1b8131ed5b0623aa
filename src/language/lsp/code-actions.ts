/**
 * Quick fixes, in a registry keyed by diagnostic code; each is a small function returning
 * edits. They take their figures from the diagnostic's data or the plan's evaluation, never
 * adding anything up themselves. Plus a source action that fixes every declared total at once.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import { isItemGroup, isPlan, type FundingSource, type InterventionLine, type Item, type Plan, type Profile, type Section } from '../generated/ast.js';
import type { PlanEvaluation } from '../model/figures.js';
import { formatMoney } from '../model/numbers.js';
import { elementsOf } from '../model/elements.js';
import type { Locale } from '../i18n/locale.js';
import { fixTitle } from '../i18n/fix-titles.js';
import { codeInData, issueData, type IssueCode, type IssueData } from '../validation/issues.js';

/** The codes whose fix reads only the diagnostic: offered in plans and in rule files. */
export const textFixableCodes = [
    'total-mismatch', 'function-total-mismatch', 'invalid-number', 'unknown-issue-code', 'incomplete-declaration', 'duplicate-office-staff',
    'unknown-line-code', 'line-title-mismatch', 'ambiguous-rule-set'
] as const satisfies readonly IssueCode[];
/** The codes whose fix reads the plan or its evaluation. */
export const planFixableCodes = [
    'split-mismatch', 'cap-exceeded', 'missing-declaration', 'linking-error', 'missing-unit-cost', 'missing-rule-set', 'missing-source-kind'
] as const satisfies readonly IssueCode[];
/** Every code that has a quick fix. */
export const fixableCodes = [...textFixableCodes, ...planFixableCodes] as const;

export type TextFixableCode = (typeof textFixableCodes)[number];
export type PlanFixableCode = (typeof planFixableCodes)[number];
export type FixableCode = (typeof fixableCodes)[number];

function isOneOf<C extends IssueCode>(codes: readonly C[], code: unknown): code is C {
    return codes.some(c => c === code);
}

interface TextFixContext<C extends FixableCode = FixableCode> {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    /** The diagnostic's payload, as the rule that reported it typed it. */
    readonly data: IssueData<C>;
    readonly locale: Locale;
}

interface FixContext<C extends FixableCode = FixableCode> extends TextFixContext<C> {
    readonly plan: Plan;
    readonly evaluation: PlanEvaluation;
}

type TextFix<C extends TextFixableCode> = (context: TextFixContext<C>) => CodeAction[];
type Fix<C extends PlanFixableCode> = (context: FixContext<C>) => CodeAction[];

function action(context: TextFixContext, title: string, edits: TextEdit[], preferred = true): CodeAction {
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [context.diagnostic], isPreferred: preferred,
        edit: { changes: { [context.document.textDocument.uri]: edits } }
    };
}

/** The AST node of a given type whose text the diagnostic's range starts in. */
function nodeAt<T extends AstNode>(context: FixContext, type: string): T | undefined {
    const offset = context.document.textDocument.offsetAt(context.diagnostic.range.start);
    const leaf = context.plan.$cstNode && CstUtils.findLeafNodeAtOffset(context.plan.$cstNode, offset);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, (n): n is T => n.$type === type) : undefined;
}

/**
 * Whether changing the item leaves every declared total that holds today still holding: the
 * overall totals of its group, line and plan when its amount changes (`source` undefined), or
 * that source's totals of its line and plan when one of its parts changes.
 */
function keepsDeclaredTotals(context: FixContext, item: AstNode, source: AstNode | undefined): boolean {
    const line = AstUtils.getContainerOfType(item, (n): n is InterventionLine => n.$type === 'InterventionLine');
    const declared = [...(line?.totals ?? []), ...elementsOf(context.plan, 'DeclaredTotal')]
        .filter(total => total.source?.ref === source)
        .map(total => total.amount);
    const group = source === undefined && isItemGroup(item.$container) ? [item.$container.subtotal] : [];
    // A declared total's check is keyed by its amount node.
    return ![...declared, ...group].some(amount => context.evaluation.totalOf(amount)?.difference === 0n);
}

function escapeString(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * Where to insert a statement just before a block's closing brace, indented one level in from
 * the line holding the brace: at the start of that line when the brace stands alone on it,
 * otherwise on a new line just before the brace.
 */
function beforeClosingBrace(context: FixContext, node: AstNode): { position: Range['start']; prefix: string; suffix: string } | undefined {
    const end = node.$cstNode?.range.end;
    if (!end) {
        return undefined;
    }
    const text = context.document.textDocument.getText();
    const brace = context.document.textDocument.offsetAt(end) - 1;
    const lineStart = text.lastIndexOf('\n', brace) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    const alone = text.slice(lineStart, brace).trim() === '';
    return alone
        ? { position: context.document.textDocument.positionAt(lineStart), prefix: `${indent}    `, suffix: '' }
        : { position: context.document.textDocument.positionAt(brace), prefix: `\n${indent}    `, suffix: indent };
}

/** Fixes that read only the diagnostic. */
const textFixes: { readonly [C in TextFixableCode]: TextFix<C> } = {
    /** Sets a declared total to the computed one. */
    'total-mismatch': context => [action(context, fixTitle('setDeclaredTotal', context.locale, { value: context.data.replacement }),
        [{ range: context.diagnostic.range, newText: context.data.replacement }])],

    /** Writes the sum of the category's functions as its heads, unless the staff table at the same date counts another figure. */
    'function-total-mismatch': context => context.data.replacement === undefined ? []
        : [action(context, fixTitle('setCategoryHeads', context.locale, { value: context.data.replacement }),
            [{ range: context.diagnostic.range, newText: context.data.replacement }])],

    /** Rewrites a number in the canonical Italian format; an ambiguous one both ways, neither preferred. */
    'invalid-number': context => {
        const rewrites = [context.data.replacement, context.data.alternative].filter((r): r is string => r !== undefined);
        return rewrites.map(rewrite => action(context, fixTitle('writeNumber', context.locale, { value: rewrite }),
            [{ range: context.diagnostic.range, newText: rewrite }], context.data.alternative === undefined));
    },

    /** Writes the rule set's standard wording in place of an incomplete declaration's text. */
    'incomplete-declaration': context => [action(context, fixTitle('useStandardWording', context.locale, { key: context.data.key }),
        [{ range: context.diagnostic.range, newText: `"${escapeString(context.data.text)}"` }])],

    /** Names, in place of an office listed twice, the one CPI the staff table leaves out. */
    'duplicate-office-staff': context => context.data.replacement === undefined ? [] : [action(context,
        fixTitle('writeOffice', context.locale, { name: context.data.replacement }),
        [{ range: context.diagnostic.range, newText: context.data.replacement }])],

    /** Writes the nearest known code in a severity rule. */
    'unknown-issue-code': context => context.data.suggestion === undefined ? [] : [action(context,
        fixTitle('writeCode', context.locale, { code: context.data.suggestion }),
        [{ range: context.diagnostic.range, newText: context.data.suggestion }])],

    /** Writes an unused official code (nearest first), or drops the code to make a regional extra line. */
    'unknown-line-code': context => {
        const { range } = context.diagnostic;
        const text = context.document.textDocument.getText();
        const end = context.document.textDocument.offsetAt(range.end);
        const spaces = /^\s*/.exec(text.slice(end))?.[0].length ?? 0;
        return [
            ...context.data.suggestions.map((code, index) => action(context, fixTitle('useLineCode', context.locale, { code }),
                [{ range, newText: code }], index === 0)),
            action(context, fixTitle('makeExtraLine', context.locale),
                [{ range: { start: range.start, end: context.document.textDocument.positionAt(end + spaces) }, newText: '' }],
                context.data.suggestions.length === 0)
        ];
    },

    /** Writes the rule set's official title of the line. */
    'line-title-mismatch': context => [action(context, fixTitle('useOfficialTitle', context.locale),
        [{ range: context.diagnostic.range, newText: `"${escapeString(context.data.title)}"` }])],

    /** Names the file of the rule set with `da`, one fix per workspace file. */
    'ambiguous-rule-set': context => context.data.files.map((file, index) => action(context,
        fixTitle('addRuleFile', context.locale, { file }),
        [{ range: { start: context.diagnostic.range.end, end: context.diagnostic.range.end }, newText: ` da "${escapeString(file)}"` }], index === 0))
};

/** Fixes that read the plan or its evaluation. */
const planFixes: { readonly [C in PlanFixableCode]: Fix<C> } = {
    /** Makes an item's amount the sum of its parts, or its last part balance the amount. */
    'split-mismatch': context => {
        const item = nodeAt<Item>(context, 'Item') ?? nodeAt<Item>(context, 'GroupedItem');
        const { data } = context;
        // A part naming an undeclared source is not counted: the mismatch is a knock-on of that, and
        // "fixing" it would delete the part's money.
        if (!item || item.charges.some(charge => !charge.source?.ref)) {
            return [];
        }
        const lastCharge = item.charges.at(-1);
        const last = lastCharge?.amount?.$cstNode?.range;
        // Setting the amount is preferred when it keeps every declared total true; otherwise balancing the last part.
        const amountKeeps = keepsDeclaredTotals(context, item, undefined);
        const lastKeeps = last !== undefined && data.lastPart === 'balancing' && keepsDeclaredTotals(context, item, lastCharge?.source?.ref);
        // A fix that would break a declared total holding today is not offered: fixes never make things worse.
        const actions: CodeAction[] = [];
        if (amountKeeps) {
            actions.push(action(context, fixTitle('setItemAmount', context.locale, { value: data.amountReplacement }),
                [{ range: context.diagnostic.range, newText: data.amountReplacement }]));
        }
        if (last && data.lastPart === 'balancing' && lastKeeps) {
            actions.push(action(context, fixTitle('setLastPart', context.locale, { value: data.lastPartReplacement }),
                [{ range: last, newText: data.lastPartReplacement }], !amountKeeps));
        }
        return actions;
    },

    /** Reduces the line's charge on the source to the cap, updating the declared totals that agreed with the old figures. */
    'cap-exceeded': context => {
        const line = nodeAt<InterventionLine>(context, 'InterventionLine');
        const cap = line && context.evaluation.lineOf(line)?.caps.find(c => c.source.source.name === context.data.source);
        const reduction = cap?.reduction;
        const amount = reduction?.item.amount?.$cstNode?.range;
        if (!cap || !reduction || !amount) {
            return [];
        }
        // A reduction that would leave a negative amount (a split that does not add up) is no fix: no amount is written as '-€'.
        if ([reduction.amount, reduction.part?.amount ?? 0n, ...reduction.totals.map(t => t.amount)].some(value => value < 0n)) {
            return [];
        }
        const edits: TextEdit[] = [{ range: amount, newText: formatMoney(reduction.amount) }];
        if (reduction.part?.node.$cstNode) {
            edits.push({ range: reduction.part.node.$cstNode.range, newText: formatMoney(reduction.part.amount) });
        }
        for (const total of reduction.totals) {
            if (total.node.$cstNode) {
                edits.push({ range: total.node.$cstNode.range, newText: formatMoney(total.amount) });
            }
        }
        return [action(context, fixTitle('reduceToCap', context.locale, { cap: formatMoney(cap.cap) }), edits)];
    },

    /** Inserts the rule set's standard wording where the declaration belongs. */
    'missing-declaration': context => {
        const { key, text, place } = context.data;
        if (text === undefined) {
            return [];
        }
        const statement = `dichiarazione ${key} "${escapeString(text)}"`;
        const title = fixTitle('insertDeclaration', context.locale, { key });
        const container = place.in === 'line'
            ? context.plan.elements.find(e => e.$type === 'InterventionLine' && e.code === place.line)
            : place.in === 'section' ? context.plan.elements.find(e => e.$type === 'Section' && (e as Section).code === place.section) : undefined;
        if (container) {
            const at = beforeClosingBrace(context, container);
            if (!at) {
                return [];
            }
            const newText = `${at.prefix}${statement}\n${at.suffix}`;
            return [action(context, title, [{ range: { start: at.position, end: at.position }, newText }])];
        }
        const end = context.document.textDocument.positionAt(context.document.textDocument.getText().length);
        const block = place.in === 'section' ? `\nsezione ${place.section} {\n    ${statement}\n}\n` : `\n${statement}\n`;
        return [action(context, title, [{ range: { start: end, end }, newText: block }])];
    },

    /** Gives the profile the unit cost the cost row implies (its cost ÷ its heads). */
    'missing-unit-cost': context => {
        const { profile: name, unitCost } = context.data;
        const profile = context.plan.elements.find((e): e is Profile => e.$type === 'Profile' && e.name === name);
        const end = profile?.$cstNode?.range.end;
        if (unitCost === undefined || !end) {
            return [];
        }
        return [action(context, fixTitle('setUnitCost', context.locale, { value: unitCost }),
            [{ range: { start: end, end }, newText: ` costo ${unitCost}` }])];
    },

    /** Names a rule set after the plan's header, one fix per rule set known in the workspace. */
    'missing-rule-set': context => {
        const header = context.plan.$cstNode;
        const last = header && ['periodEnd', 'title', 'region']
            .map(property => GrammarUtils.findNodeForProperty(header, property))
            .find(node => node !== undefined);
        if (!last) {
            return [];
        }
        const at = last.range.end;
        // Several rule sets: the analyst chooses, none is preferred.
        return context.data.ruleSets.map(name => action(context, fixTitle('addRuleSet', context.locale, { name }),
            [{ range: { start: at, end: at }, newText: `\n    regole "${escapeString(name)}"` }], context.data.ruleSets.length === 1));
    },

    /** Gives a source its kind, one fix per kind of the rule set, the one whose title matches first. */
    'missing-source-kind': context => {
        const source = nodeAt<FundingSource>(context, 'FundingSource');
        const anchor = source?.$cstNode && (GrammarUtils.findNodeForProperty(source.$cstNode, 'title') ?? GrammarUtils.findNodeForProperty(source.$cstNode, 'name'));
        if (!anchor) {
            return [];
        }
        const at = anchor.range.end;
        return context.data.kinds.map((kind, index) => action(context, fixTitle('addSourceKind', context.locale, { kind }),
            [{ range: { start: at, end: at }, newText: ` tipo ${kind}` }], index === 0));
    },

    /** Declares a source, office or profile that is referred to but missing. */
    'linking-error': context => {
        const { refText: name, containerType: type, property } = context.data;
        if (!name || !/^[_a-zA-ZÀ-ÖØ-öø-ÿ][\w_À-ÖØ-öø-ÿ]*$/.test(name)) {
            return [];
        }
        const declaration = (type === 'Charge' || type === 'DeclaredTotal') && property === 'source' ? { kind: 'FundingSource', text: `fonte ${name} "${name}"` }
            : (type === 'OfficeStaff' || type === 'StatisticsRow' || type === 'Office') && (property === 'office' || property === 'parent') ? { kind: 'Office', text: `cpi ${name} "${name}"` }
                : (type === 'StaffRow' || type === 'CostRow' || type === 'Hire') && property === 'profile' ? { kind: 'Profile', text: `profilo ${name} "${name}" categoria C` }
                    : undefined;
        if (!declaration) {
            return [];
        }
        const same = context.plan.elements.filter(e => e.$type === declaration.kind).at(-1);
        const anchor = same?.$cstNode?.range.end;
        const first = context.plan.elements[0]?.$cstNode?.range.start;
        const end = context.plan.$cstNode?.range.end ?? context.document.textDocument.positionAt(context.document.textDocument.getText().length);
        const edit: TextEdit = anchor
            ? { range: { start: anchor, end: anchor }, newText: `\n${declaration.text}` }
            : first
                ? { range: { start: first, end: first }, newText: `${declaration.text}\n` }
                : { range: { start: end, end }, newText: `\n${declaration.text}\n` };
        return [action(context, fixTitle('declare', context.locale, { name }), [edit])];
    }
};

/** Runs the fix of a diagnostic's code on its payload, when the payload is the code's. */
function runTextFix<C extends TextFixableCode>(code: C, context: Omit<TextFixContext<C>, 'data'>): CodeAction[] {
    const data = issueData(context.diagnostic.data, code);
    return data ? (textFixes[code] as TextFix<C>)({ ...context, data }) : [];
}

function runPlanFix<C extends PlanFixableCode>(code: C, context: Omit<FixContext<C>, 'data'>): CodeAction[] {
    const data = issueData(context.diagnostic.data, code);
    return data ? (planFixes[code] as Fix<C>)({ ...context, data }) : [];
}

export class CpiplanCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: CpiplanServices) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] | undefined {
        const root = document.parseResult.value;
        if (!root) {
            return undefined;
        }
        const plan = isPlan(root) ? root : undefined;
        const evaluation = plan && this.services.model.PlanEvaluator.evaluate(plan);
        const locale = this.services.i18n.Locale.current;
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = diagnostic.code ?? codeInData(diagnostic.data);
            if (isOneOf(textFixableCodes, code)) {
                actions.push(...runTextFix(code, { document, diagnostic, locale }));
            } else if (isOneOf(planFixableCodes, code) && plan && evaluation) {
                actions.push(...runPlanFix(code, { document, plan, evaluation, diagnostic, locale }));
            }
        }
        // Every declared total whose own fix is offered: money totals, and a category's heads in the
        // staff by function (its fix is withheld, so it is left out here too, when the staff table
        // at the same date would then disagree).
        const mismatches = (document.diagnostics ?? []).flatMap(diagnostic => {
            const data = issueData(diagnostic.data, 'total-mismatch') ?? issueData(diagnostic.data, 'function-total-mismatch');
            return data?.replacement !== undefined ? [{ diagnostic, replacement: data.replacement }] : [];
        });
        if (mismatches.length > 0 && (!params.context.only || params.context.only.some(k => k.startsWith('source')))) {
            actions.push({
                title: fixTitle('fixAllTotals', locale),
                kind: `${CodeActionKind.SourceFixAll}.cpiplan`,
                diagnostics: mismatches.map(m => m.diagnostic),
                edit: { changes: { [document.textDocument.uri]: mismatches.map(m => ({ range: m.diagnostic.range, newText: m.replacement })) } }
            });
        }
        return actions;
    }
}

