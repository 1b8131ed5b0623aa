/**
 * Turns an issue code and its figures into a Langium diagnostic: the localized message, the
 * severity (the rule set may override it), the visible `code` and `data.code`, and whatever
 * the quick fix will need in `data`.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { RuleBook } from '../model/rule-book.js';
import { defaultSeverity, issueMessage, type IssueArguments, type IssueCode, type IssueSeverity, type Locale } from './issues.js';

/** Where a diagnostic goes: a node, optionally one of its properties. */
export interface IssueTarget {
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
}

const severityOfWord: Record<string, IssueSeverity> = { errore: 'error', avviso: 'warning', informazione: 'info' };

/** Maps a rule set's Italian severity word to an issue severity. */
export function severityFromRule(word: string | undefined): IssueSeverity | undefined {
    return word ? severityOfWord[word] : undefined;
}

export class IssueReporter {
    constructor(
        private readonly accept: ValidationAcceptor,
        readonly locale: Locale,
        private readonly rules?: RuleBook
    ) { }

    /** Reports one issue. `severity` comes from a specific rule (a cap's or a declaration's). */
    report<C extends IssueCode>(code: C, args: IssueArguments[C], target: IssueTarget,
        options: { severity?: IssueSeverity; data?: Record<string, unknown> } = {}): void {
        const severity = options.severity ?? this.ruleSeverity(code) ?? defaultSeverity(code);
        this.accept(severity === 'info' ? 'info' : severity, issueMessage(code, args, this.locale), {
            node: target.node,
            property: target.property as never,
            index: target.index,
            code,
            data: { code, ...options.data }
        });
    }

    private ruleSeverity(code: IssueCode): IssueSeverity | undefined {
        return severityFromRule(this.rules?.severityOf(code));
    }
}
