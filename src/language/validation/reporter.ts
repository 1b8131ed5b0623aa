/**
 * Turns an issue code and its figures into a Langium diagnostic: the localized message, the
 * severity (the rule set may override it), the visible `code` and `data.code`, and the payload
 * the quick fix will need in `data`, typed by code.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { RuleBook } from '../model/rule-book.js';
import type { Locale } from '../i18n/locale.js';
import { defaultSeverity, issueMessage, type IssueArguments, type IssueCode, type IssuePayloads, type IssueSeverity } from './issues.js';

/** Where a diagnostic goes: a node, optionally one of its properties. */
export interface IssueTarget {
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
}

/** How one report may differ from the catalogue: a severity from a specific rule, the fix's payload. */
export type ReportOptions<C extends IssueCode> = { readonly severity?: IssueSeverity; readonly data: IssuePayloads[C] };

/** The options argument: none or a severity for a code without payload; required when the payload has a required field. */
type OptionsArgument<C extends IssueCode> = IssuePayloads[C] extends undefined
    ? [options?: { readonly severity?: IssueSeverity; readonly data?: undefined }]
    : Record<never, never> extends IssuePayloads[C]
        ? [options?: Partial<ReportOptions<C>>]
        : [options: ReportOptions<C>];

const severityOfWord: Record<string, IssueSeverity> = { errore: 'error', avviso: 'warning', informazione: 'info' };

/** Maps a rule set's Italian severity word to an issue severity. */
export function severityFromRule(word: string | undefined): IssueSeverity | undefined {
    return word ? severityOfWord[word] : undefined;
}

/** The way a rule file writes a code. */
export function codeForRule(code: IssueCode): string {
    return code.replace(/-/g, '_');
}

export class IssueReporter {
    constructor(
        private readonly accept: ValidationAcceptor,
        readonly locale: Locale,
        private readonly rules?: RuleBook
    ) { }

    /** Reports one issue, with the payload its code's quick fix reads. */
    report<C extends IssueCode>(code: C, args: IssueArguments[C], target: IssueTarget, ...[options]: OptionsArgument<C>): void {
        const severity = options?.severity ?? this.ruleSeverity(code) ?? defaultSeverity(code);
        this.accept(severity === 'info' ? 'info' : severity, issueMessage(code, args, this.locale), {
            node: target.node,
            property: target.property as never,
            index: target.index,
            code,
            data: { code, ...options?.data }
        });
    }

    private ruleSeverity(code: IssueCode): IssueSeverity | undefined {
        return severityFromRule(this.rules?.severityOf(code));
    }
}
