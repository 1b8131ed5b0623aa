/**
 * The issue catalogue: every diagnostic cpiplan reports, with its stable code, its default
 * severity and the payload its quick fix reads. The messages, in Italian and English, are in
 * i18n/issue-messages.ts; the README documents the same table.
 */
import type { IssueCode } from '../i18n/issue-messages.js';
import type { NumberKind } from '../model/numbers.js';

export type { Locale } from '../i18n/locale.js';
export { toLocale } from '../i18n/locale.js';
export type { DuplicateKind, ReferenceKind, IssueArguments, IssueCode } from '../i18n/issue-messages.js';
export { issueMessage } from '../i18n/issue-messages.js';

export type IssueSeverity = 'error' | 'warning' | 'info';

const severities: { readonly [C in IssueCode]: IssueSeverity } = {
    'cap-exceeded': 'error',
    'cap-not-applicable': 'error',
    'unknown-line-code': 'error',
    'line-title-mismatch': 'warning',
    'missing-source-kind': 'error',
    'over-allocated': 'error',
    'under-allocated': 'warning',
    'total-mismatch': 'error',
    'split-mismatch': 'error',
    'unassigned-item': 'error',
    'missing-declaration': 'error',
    'incomplete-declaration': 'error',
    'missing-section': 'warning',
    'unanswered-request': 'error',
    'unknown-reference': 'error',
    'reprogramming-unbalanced': 'error',
    'move-exceeds-available': 'error',
    'reprogrammed-over-allocated': 'error',
    'reprogrammed-cap-exceeded': 'error',
    'cost-mismatch': 'error',
    'cofinancing-mismatch': 'error',
    'function-total-mismatch': 'error',
    'function-staff-mismatch': 'error',
    'summary-staff-mismatch': 'error',
    'movements-summary-mismatch': 'error',
    'hires-cost-mismatch': 'error',
    'hire-category-mismatch': 'error',
    'office-statistics-mismatch': 'error',
    'missing-unit-cost': 'warning',
    'percentage-out-of-range': 'error',
    'milestones-decreasing': 'warning',
    'duplicate-name': 'error',
    'duplicate-office-staff': 'error',
    'duplicate-hiring-period': 'error',
    'invalid-number': 'error',
    'invalid-date': 'error',
    'period-reversed': 'error',
    'linking-error': 'error',
    'missing-rule-set': 'error',
    'ambiguous-rule-set': 'error',
    'rule-file-missing': 'error',
    'rule-set-invalid': 'error',
    'unknown-issue-code': 'warning'
};

/** The default severity of an issue. */
export function defaultSeverity(code: IssueCode): IssueSeverity {
    return severities[code];
}

/** Every code, for documentation and tests. */
export const issueCodes = Object.keys(severities) as IssueCode[];

/** Whether a text (a rule file's `gravità` code with `_` for `-`, a diagnostic's code) is an issue code. */
export function isIssueCode(code: unknown): code is IssueCode {
    return typeof code === 'string' && Object.hasOwn(severities, code);
}

/** Where a missing declaration belongs: in a line, in a section, or anywhere in the plan. */
export type DeclarationPlace =
    | { readonly in: 'line'; readonly line: string }
    | { readonly in: 'section'; readonly section: string }
    | { readonly in: 'plan' };

/**
 * What each diagnostic carries in `data` (besides `code`) for its quick fix: figures as exact
 * decimal strings (bigint cents do not survive JSON), replacements already formatted;
 * `undefined` for a code without a fix, which carries its code only.
 */
export interface IssuePayloads {
    'cap-exceeded': { readonly cap: string; readonly charged: string; readonly source: string };
    'cap-not-applicable': undefined;
    /** `suggestions`: the official codes the plan does not use yet, nearest first; the fixes write one, or drop the code. */
    'unknown-line-code': { readonly suggestions: readonly string[] };
    /** `title`: the rule set's official title of the line. */
    'line-title-mismatch': { readonly title: string };
    /** `kinds`: the rule set's source kinds, the one whose title matches the source's first. */
    'missing-source-kind': { readonly kinds: readonly string[] };
    'over-allocated': { readonly programmed: string; readonly assigned: string };
    'under-allocated': { readonly programmed: string; readonly assigned: string };
    'total-mismatch': { readonly unit: 'money' | 'count'; readonly computed: string; readonly replacement: string };
    /** The amount can always become the sum of the parts; the last part can balance the amount only when that leaves it non-negative. */
    'split-mismatch': { readonly parts: string; readonly amount: string; readonly amountReplacement: string }
        & ({ readonly lastPart: 'unbalanceable' } | { readonly lastPart: 'balancing'; readonly lastPartReplacement: string });
    'unassigned-item': undefined;
    /** `text` is the rule set's standard wording, when it gives one. */
    'missing-declaration': { readonly key: string; readonly text?: string; readonly place: DeclarationPlace };
    /** `text` is the rule set's standard wording, which the fix writes in place of the text. */
    'incomplete-declaration': { readonly key: string; readonly text: string; readonly missing: readonly (readonly string[])[] };
    'missing-section': { readonly section: string };
    'unanswered-request': undefined;
    'unknown-reference': undefined;
    'reprogramming-unbalanced': { readonly leaving: string; readonly arriving: string };
    'move-exceeds-available': { readonly available: string };
    'reprogrammed-over-allocated': { readonly after: string; readonly assigned: string };
    'reprogrammed-cap-exceeded': { readonly after: string; readonly cap: string };
    'cost-mismatch': { readonly expected: string; readonly replacement: string };
    'cofinancing-mismatch': { readonly cost: string; readonly shares: string };
    /**
     * `replacement`: the sum of the category's functions, which the fix writes as its heads; absent
     * when that would make the staff by function disagree with the staff table at the same date.
     */
    'function-total-mismatch': { readonly computed: string; readonly replacement?: string };
    'function-staff-mismatch': undefined;
    'summary-staff-mismatch': undefined;
    'movements-summary-mismatch': undefined;
    'hires-cost-mismatch': undefined;
    'hire-category-mismatch': undefined;
    'office-statistics-mismatch': undefined;
    /** `unitCost` is the row's cost ÷ its heads, formatted, when that is a whole number of cents. */
    'missing-unit-cost': { readonly profile: string; readonly unitCost?: string };
    'percentage-out-of-range': undefined;
    'milestones-decreasing': undefined;
    'duplicate-name': undefined;
    /** `replacement` is the name of the one CPI the table leaves out, when exactly one is. */
    'duplicate-office-staff': { readonly replacement?: string };
    'duplicate-hiring-period': undefined;
    /**
     * `replacement` is the canonical rewrite, without currency sign or percent, when there is one
     * (with `€` when the diagnostic covers the whole amount: `EUR 1.000,00` → `€ 1.000,00`);
     * `alternative` is the other reading of an ambiguous amount (`1,500`: `1.500,00` or `1,50`).
     */
    'invalid-number': { readonly kind: NumberKind; readonly replacement?: string; readonly alternative?: string };
    'invalid-date': undefined;
    'period-reversed': undefined;
    /** Filled by Langium's document validator. */
    'linking-error': { readonly containerType: string; readonly property: string; readonly refText: string };
    /** `ruleSets`: the names of the rule sets known in the workspace, one fix each. */
    'missing-rule-set': { readonly ruleSets: readonly string[] };
    /** `files`: paths, relative to the plan, of the same-named rule sets a `da` can name (shipped ones excluded). */
    'ambiguous-rule-set': { readonly files: readonly string[] };
    'rule-file-missing': undefined;
    'rule-set-invalid': undefined;
    /** `suggestion` is the nearest known code, written as in a rule file. */
    'unknown-issue-code': { readonly suggestion?: string };
}

/** A diagnostic's `data`: its code, and the payload of that code. */
export type IssueData<C extends IssueCode> = { readonly code: C } & (IssuePayloads[C] extends undefined ? unknown : IssuePayloads[C]);

/**
 * A diagnostic's data after its round trip through JSON, if it is the payload of `code`. Only
 * the code is checked: the payload was typed when the rule reported it.
 */
export function issueData<C extends IssueCode>(data: unknown, code: C): IssueData<C> | undefined {
    return codeInData(data) === code ? data as IssueData<C> : undefined;
}

/** The code a diagnostic's data names, if any. */
export function codeInData(data: unknown): unknown {
    return typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : undefined;
}
