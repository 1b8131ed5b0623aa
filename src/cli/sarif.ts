/**
 * `cpiplan check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps…),
 * built with node-sarif-builder. One result per diagnostic; rule ids are the diagnostic codes.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Result } from 'sarif';
import type { Diagnostic } from 'vscode-languageserver';
import { defaultSeverity, issueCodes, type IssueCode, type Locale } from '../language/validation/issues.js';
import type { CheckedDocument } from './load.js';
import { issueDescriptions, type SyntaxCode } from '../language/i18n/issue-descriptions.js';


const syntaxCodes: readonly SyntaxCode[] = ['parsing-error', 'lexing-error'];

function isKnownCode(code: string): code is IssueCode | SyntaxCode {
    return Object.hasOwn(issueDescriptions, code);
}

/** A diagnostic's rule id: its code; `cpiplan` for one without a code. */
const ruleId = (diagnostic: Diagnostic): string => diagnostic.code === undefined ? 'cpiplan' : String(diagnostic.code);

/** SARIF levels: LSP errors, warnings and the rest (information, hints). */
function level(diagnostic: Diagnostic): Result.level {
    return diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'note';
}

function ruleLevel(code: IssueCode | SyntaxCode): Result.level {
    const severity = (syntaxCodes as readonly string[]).includes(code) ? 'error' : defaultSeverity(code as IssueCode);
    return severity === 'info' ? 'note' : severity;
}

/**
 * The file's URI as code scanning expects it: relative to the folder the check runs in (the
 * repository root in CI), with forward slashes; a file outside it gets an absolute `file:` URI.
 */
export function artifactUri(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
        return pathToFileURL(file).href;
    }
    return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** The SARIF 2.1.0 log of a check: every rule of the catalogue, one result per diagnostic. */
export function renderSarif(checked: CheckedDocument[], locale: Locale, version: string, cwd = process.cwd()): string {
    const run = new SarifRunBuilder().initSimple({ toolDriverName: 'cpiplan', toolDriverVersion: version });
    const known: (IssueCode | SyntaxCode)[] = [...issueCodes, ...syntaxCodes];
    for (const code of known) {
        const rule = new SarifRuleBuilder().initSimple({ ruleId: code, shortDescriptionText: issueDescriptions[code][locale] });
        rule.rule.defaultConfiguration = { level: ruleLevel(code) };
        run.addRule(rule);
    }
    // A code outside the catalogue (none is expected) still gets a rule, so every result has one.
    const unknown = new Set(checked.flatMap(c => c.diagnostics.map(ruleId)).filter(code => !isKnownCode(code)));
    for (const code of unknown) {
        run.addRule(new SarifRuleBuilder().initSimple({ ruleId: code, shortDescriptionText: code }));
    }
    for (const file of checked) {
        const uri = artifactUri(file.path, cwd);
        const diagnostics = [...file.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const d of diagnostics) {
            const result = new SarifResultBuilder().initSimple({
                level: level(d),
                messageText: d.message,
                ruleId: ruleId(d),
                fileUri: uri,
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1
            });
            run.addResult(result);
        }
    }
    const builder = new SarifBuilder();
    builder.addRun(run);
    return builder.buildSarifJsonString({ indent: true }) + '\n';
}
