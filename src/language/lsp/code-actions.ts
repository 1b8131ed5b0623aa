/**
 * Quick fixes, in a registry keyed by diagnostic code; each is a small function returning
 * edits. They take their figures from the diagnostic's data or the plan's evaluation, never
 * adding anything up themselves. Plus a source action that fixes every declared total at once.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import type { InterventionLine, Item, Plan, Section } from '../generated/ast.js';
import type { PlanEvaluation } from '../model/figures.js';
import { formatMoney } from '../model/numbers.js';
import type { Locale } from '../validation/issues.js';

interface FixContext {
    readonly document: LangiumDocument;
    readonly plan: Plan;
    readonly evaluation: PlanEvaluation;
    readonly diagnostic: Diagnostic;
    readonly data: Record<string, string | undefined>;
    readonly locale: Locale;
}

type Fix = (context: FixContext) => CodeAction[];

const t = (locale: Locale, it: string, en: string) => locale === 'it' ? it : en;

function action(context: FixContext, title: string, edits: TextEdit[], preferred = true): CodeAction {
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
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const alone = text.slice(lineStart, brace).trim() === '';
    return alone
        ? { position: context.document.textDocument.positionAt(lineStart), prefix: `${indent}    `, suffix: '' }
        : { position: context.document.textDocument.positionAt(brace), prefix: `\n${indent}    `, suffix: indent };
}

const fixes: Record<string, Fix> = {
    /** Sets a declared total to the computed one. */
    'total-mismatch': context => context.data.replacement === undefined ? [] : [action(context,
        t(context.locale, `Imposta il totale dichiarato a ${context.data.replacement}`, `Set the declared total to ${context.data.replacement}`),
        [{ range: context.diagnostic.range, newText: context.data.replacement }])],

    /** Makes an item's amount the sum of its parts, or its last part balance the amount. */
    'split-mismatch': context => {
        const item = nodeAt<Item>(context, 'Item');
        const actions: CodeAction[] = [];
        if (context.data.amountReplacement) {
            actions.push(action(context, t(context.locale, `Imposta l'importo della voce a ${context.data.amountReplacement}`,
                `Set the item amount to ${context.data.amountReplacement}`), [{ range: context.diagnostic.range, newText: context.data.amountReplacement }]));
        }
        const last = item?.charges.at(-1)?.amount?.$cstNode?.range;
        if (last && context.data.lastPartReplacement) {
            actions.push(action(context, t(context.locale, `Imposta l'ultima quota a ${context.data.lastPartReplacement}`,
                `Set the last part to ${context.data.lastPartReplacement}`), [{ range: last, newText: context.data.lastPartReplacement }], false));
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
        const edits: TextEdit[] = [{ range: amount, newText: formatMoney(reduction.amount) }];
        if (reduction.part?.node.$cstNode) {
            edits.push({ range: reduction.part.node.$cstNode.range, newText: formatMoney(reduction.part.amount) });
        }
        for (const total of reduction.totals) {
            if (total.node.$cstNode) {
                edits.push({ range: total.node.$cstNode.range, newText: formatMoney(total.amount) });
            }
        }
        return [action(context, t(context.locale, `Riduci la linea al tetto (${formatMoney(cap.cap)})`, `Reduce the line to the cap (${formatMoney(cap.cap)})`), edits)];
    },

    /** Inserts the rule set's standard wording where the declaration belongs. */
    'missing-declaration': context => {
        const { key, text, line: lineCode, section: sectionCode } = context.data;
        if (!key || text === undefined) {
            return [];
        }
        const statement = `dichiarazione ${key} "${escapeString(text)}"`;
        const title = t(context.locale, `Inserisci la dichiarazione '${key}' con il testo standard`, `Insert the declaration '${key}' with the standard wording`);
        const container = lineCode !== undefined
            ? context.plan.elements.find(e => e.$type === 'InterventionLine' && e.code === lineCode)
            : sectionCode !== undefined ? context.plan.elements.find(e => e.$type === 'Section' && (e as Section).code === sectionCode) : undefined;
        if (container) {
            const at = beforeClosingBrace(context, container);
            if (!at) {
                return [];
            }
            const newText = `${at.prefix}${statement}\n${at.suffix}`;
            return [action(context, title, [{ range: { start: at.position, end: at.position }, newText }])];
        }
        const end = context.document.textDocument.positionAt(context.document.textDocument.getText().length);
        const block = sectionCode !== undefined ? `\nsezione ${sectionCode} {\n    ${statement}\n}\n` : `\n${statement}\n`;
        return [action(context, title, [{ range: { start: end, end }, newText: block }])];
    },

    /** Declares a source, office or profile that is referred to but missing. */
    'linking-error': context => {
        const name = context.data.refText;
        const type = context.data.containerType;
        const property = context.data.property;
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
        const edit: TextEdit = anchor
            ? { range: { start: anchor, end: anchor }, newText: `\n${declaration.text}` }
            : first
                ? { range: { start: first, end: first }, newText: `${declaration.text}\n` }
                : { range: { start: context.plan.$cstNode!.range.end, end: context.plan.$cstNode!.range.end }, newText: `\n${declaration.text}\n` };
        return [action(context, t(context.locale, `Dichiara '${name}'`, `Declare '${name}'`), [edit])];
    },

    /** Rewrites a number in the canonical Italian format. */
    'invalid-number': context => context.data.replacement === undefined ? [] : [action(context,
        t(context.locale, `Scrivi ${context.data.replacement}`, `Write ${context.data.replacement}`),
        [{ range: context.diagnostic.range, newText: context.data.replacement }])]
};

/** The codes that have a quick fix, for documentation and tests. */
export const fixableCodes = Object.keys(fixes);

export class CpiplanCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: CpiplanServices) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] | undefined {
        const plan = document.parseResult.value;
        if (plan?.$type !== 'Plan') {
            return undefined;
        }
        const evaluation = this.services.model.PlanEvaluator.evaluate(plan as Plan);
        const locale = this.services.i18n.Locale.current;
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as Record<string, string | undefined>;
            const fix = fixes[String(diagnostic.code ?? data.code)];
            if (fix) {
                actions.push(...fix({ document, plan: plan as Plan, evaluation, diagnostic, data, locale }));
            }
        }
        const mismatches = (document.diagnostics ?? []).filter(d => d.code === 'total-mismatch' && (d.data as { replacement?: string })?.replacement);
        if (mismatches.length > 0 && (!params.context.only || params.context.only.some(k => k.startsWith('source')))) {
            actions.push({
                title: t(locale, 'Correggi tutti i totali dichiarati', 'Fix all declared totals'),
                kind: `${CodeActionKind.SourceFixAll}.cpiplan`,
                diagnostics: mismatches,
                edit: { changes: { [document.textDocument.uri]: mismatches.map(d => ({ range: d.range, newText: (d.data as { replacement: string }).replacement })) } }
            });
        }
        return actions;
    }
}

