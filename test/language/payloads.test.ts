/**
 * The contract between a rule and its quick fix: the payload a diagnostic carries is typed by
 * its code. The `@ts-expect-error` lines are checked by `npm run typecheck`: if a wrong payload
 * ever compiles, the directive itself becomes an error.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import { expect, test } from 'vitest';
import { IssueReporter } from '../../src/language/validation/reporter.js';
import { issueCodes, issueData } from '../../src/language/validation/issues.js';
import { fixableCodes } from '../../src/language/lsp/code-actions.js';

const node = { $type: 'Money' } as AstNode;

function reported(run: (reporter: IssueReporter) => void): unknown[] {
    const data: unknown[] = [];
    const accept: ValidationAcceptor = (_severity, _message, info) => { data.push(info.data); };
    run(new IssueReporter(accept, 'en'));
    return data;
}

test('a payload is checked against its code when reported', () => {
    const subject = { of: 'plan' } as const;
    const args = { subject, declared: '1', computed: '2', difference: '1' };
    expect(reported(reporter => {
        reporter.report('total-mismatch', args, { node }, { data: { unit: 'money', computed: '200', replacement: '€ 2,00' } });
        // @ts-expect-error a total-mismatch needs its replacement
        reporter.report('total-mismatch', args, { node }, { data: { unit: 'money', computed: '200' } });
        // @ts-expect-error a total-mismatch cannot go without its payload
        reporter.report('total-mismatch', args, { node });
        // @ts-expect-error a split that balances on its last part says which replacement
        reporter.report('split-mismatch', { parts: '1', amount: '2', difference: '1' }, { node }, { data: { parts: '1', amount: '2', amountReplacement: '1', lastPart: 'balancing' } });
        reporter.report('duplicate-name', { what: 'source', name: 'B' }, { node });
        // @ts-expect-error a duplicate-name has no fix, so no payload
        reporter.report('duplicate-name', { what: 'source', name: 'B' }, { node }, { data: { replacement: 'C' } });
    })).toEqual([
        { code: 'total-mismatch', unit: 'money', computed: '200', replacement: '€ 2,00' },
        { code: 'total-mismatch', unit: 'money', computed: '200' },
        { code: 'total-mismatch' },
        { code: 'split-mismatch', parts: '1', amount: '2', amountReplacement: '1', lastPart: 'balancing' },
        { code: 'duplicate-name' },
        { code: 'duplicate-name', replacement: 'C' }
    ]);
});

test('data read back after JSON is the payload only when its code matches', () => {
    const data = JSON.parse(JSON.stringify({ code: 'total-mismatch', unit: 'count', computed: '3', replacement: '3' })) as unknown;
    expect(issueData(data, 'total-mismatch')?.replacement).toBe('3');
    expect(issueData(data, 'invalid-number')).toBeUndefined();
    expect(issueData('total-mismatch', 'total-mismatch')).toBeUndefined();
    expect(issueData(null, 'total-mismatch')).toBeUndefined();
});

test('every fixable code is a catalogue code, listed once', () => {
    expect(fixableCodes.filter(code => !issueCodes.includes(code))).toEqual([]);
    expect(new Set(fixableCodes).size).toBe(fixableCodes.length);
});
