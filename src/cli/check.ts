/** `cpiplan check`: every problem in the plans named, as text or JSON. */
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { severityWords, summaryLine } from '../language/i18n/cli-messages.js';
import type { Locale } from '../language/i18n/locale.js';
import type { CheckedDocument } from './load.js';

const severityName = (diagnostic: Diagnostic): 'error' | 'warning' | 'info' =>
    diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info';

/** Counts errors and warnings over all files. */
export function summarize(checked: CheckedDocument[]): { errors: number; warnings: number } {
    const all = checked.flatMap(c => c.diagnostics);
    return {
        errors: all.filter(d => severityName(d) === 'error').length,
        warnings: all.filter(d => severityName(d) === 'warning').length
    };
}

function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** `path:line:col: severity code: message` per problem (the severity in the locale's words), then a summary line. */
export function renderText(checked: CheckedDocument[], locale: Locale): string {
    const lines: string[] = [];
    for (const file of checked) {
        const shown = path.relative(process.cwd(), file.path) || file.path;
        for (const d of sorted(file.diagnostics)) {
            lines.push(`${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityWords[severityName(d)][locale]} ${d.code ?? ''}: ${d.message}`);
        }
    }
    const { errors, warnings } = summarize(checked);
    const files = checked.length;
    lines.push(summaryLine(files, errors, warnings, locale));
    return lines.join('\n') + '\n';
}

/** The JSON contract of `check --format json` (0-based positions, as in LSP). */
export function renderJson(checked: CheckedDocument[]): string {
    return JSON.stringify({
        files: checked.map(file => ({
            path: path.relative(process.cwd(), file.path) || file.path,
            diagnostics: sorted(file.diagnostics).map(d => ({
                severity: severityName(d),
                code: d.code === undefined ? null : String(d.code),
                message: d.message,
                range: d.range
            }))
        })),
        summary: summarize(checked)
    }, null, 2) + '\n';
}
