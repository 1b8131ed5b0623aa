/**
 * What each command of the CLI does. Loaded by main.ts only when a command runs (its own bundle,
 * `out/cli-commands.cjs`), so `--version` and `--help` start without Langium.
 */
import * as path from 'node:path';
import { toLocale } from '../language/i18n/locale.js';
import { cliText, counted } from '../language/i18n/cli-messages.js';
import { findRulesDir } from '../language/workspace.js';
import { bundleDir } from './bundle-dir.js';
import { cliServices } from './cli-services.js';
import { renderJson, renderText, summarize } from './check.js';
import { renderSarif } from './sarif.js';
import { packageVersion } from './version.js';
import { collectFiles, InputError, loadAndValidate } from './load.js';
import { writeAtomically } from './output.js';
import { evaluateFile, selectGroups } from './tables.js';
import { renderTables } from '../generator/render-tables.js';
import type { CheckFormat, DiffFormat, TableFormat, TableSelection } from '../protocol.js';
import { buildTables } from '../generator/build-tables.js';
import { diffJson, diffTables } from '../generator/diff-tables.js';
import { diffPlans } from '../language/model/diff.js';
import { movesAgainstDiff, type MoveAgreement } from '../language/model/diff-moves.js';
import { formatMoney } from '../language/model/numbers.js';
import { defaultLocale, ExitCode } from './exit-code.js';
import { writeDocument, type DocumentOptions } from './document.js';
import { importFile, type ImportOptions } from './import.js';
import { documentText } from '../language/i18n/document-messages.js';

export { InputError };
export { newPlan } from './new-plan.js';

/** Where the shipped rule sets are: next to the bundle in a built checkout or an installed package. */
export function rulesDir(): string | undefined {
    return findRulesDir(bundleDir());
}

export async function check(paths: string[], options: { format: CheckFormat; locale?: string }): Promise<number> {
    const locale = toLocale(options.locale ?? defaultLocale());
    const { Cpiplan, dir } = services(locale);
    const files = collectFiles(paths);
    const checked = await loadAndValidate(Cpiplan, files, dir);
    process.stdout.write(options.format === 'sarif' ? renderSarif(checked, locale, packageVersion())
        : options.format === 'json' ? renderJson(checked) : renderText(checked, locale));
    return summarize(checked).errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

function services(locale?: string) {
    const dir = rulesDir();
    const Cpiplan = cliServices(dir);
    Cpiplan.i18n.Locale.current = toLocale(locale ?? defaultLocale());
    return { Cpiplan, dir };
}

function warnAboutErrors(file: string, errors: number, given?: string): void {
    if (errors > 0) {
        const locale = toLocale(given ?? defaultLocale());
        process.stderr.write(`${cliText('tablesWithErrors', locale, { file, errors, errorsWord: counted('error', errors, locale) })}\n`);
    }
}

export async function tables(file: string, options: { table: TableSelection; format: TableFormat; out?: string; force?: boolean; locale?: string }): Promise<number> {
    if (options.format === 'xlsx' && !options.out) {
        throw new InputError(l => cliText('xlsxNeedsOut', l));
    }
    const { Cpiplan, dir } = services();
    collectFiles([file]);
    const { evaluation, errors } = await evaluateFile(Cpiplan, file, dir);
    const output = await renderTables(buildTables(evaluation, selectGroups(options.table)), options.format);
    if (options.out) {
        writeAtomically(options.out, output, options.force ?? false);
    } else {
        process.stdout.write(output);
    }
    warnAboutErrors(file, errors, options.locale);
    return errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/** Says on standard error whether the changes agree with the moves the older version declares; true when they disagree. */
function reportMoves(before: string, after: string, agreements: readonly MoveAgreement[], given?: string): boolean {
    if (agreements.length === 0) {
        return false;
    }
    const locale = toLocale(given ?? defaultLocale());
    const wrong = agreements.filter(a => !a.agrees);
    if (wrong.length === 0) {
        process.stderr.write(`${cliText('movesAgree', locale, { old: before, new: after })}\n`);
        return false;
    }
    const figures = wrong.map(a => {
        const amounts = { declared: formatMoney(a.declared), found: formatMoney(a.found) };
        return 'line' in a.what ? cliText('movesDisagreeLine', locale, { line: a.what.line, ...amounts })
            : cliText('movesDisagreeSource', locale, { source: a.what.source, ...amounts });
    }).join('; ');
    process.stderr.write(`${cliText('movesDisagree', locale, { old: before, new: after, figures })}\n`);
    return true;
}

/**
 * The reprogramming between two versions; exit 1 when the new version has errors, as `tables`
 * does, or when the changes disagree with the moves the older version declares (a finding too).
 */
export async function diff(before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean; locale?: string }): Promise<number> {
    if (options.format === 'xlsx' && !options.out) {
        throw new InputError(l => cliText('xlsxNeedsOut', l));
    }
    const { Cpiplan, dir } = services();
    collectFiles([before, after]);
    const old = await evaluateFile(Cpiplan, before, dir);
    const updated = await evaluateFile(Cpiplan, after, dir);
    const result = diffPlans(old.evaluation, updated.evaluation);
    const output = options.format === 'json' ? diffJson(result) : await renderTables(diffTables(result), options.format);
    if (options.out) {
        writeAtomically(options.out, output, options.force ?? false);
    } else {
        process.stdout.write(output);
    }
    warnAboutErrors(after, updated.errors, options.locale);
    const disagree = reportMoves(before, after, movesAgainstDiff(result), options.locale);
    return updated.errors > 0 || disagree ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/** The plan document; exit 1 when the plan has errors (the document, a draft, is written anyway), as `tables` does. */
export async function document(file: string, options: DocumentOptions): Promise<number> {
    const { Cpiplan, dir } = services();
    const { errors, out } = await writeDocument(Cpiplan, dir, file, options);
    const locale = toLocale(defaultLocale());
    process.stderr.write(`${documentText('documentWritten', locale, { path: out })}\n`);
    if (errors > 0) {
        process.stderr.write(`${documentText('documentDraft', locale, { file, errors })}\n`);
    }
    return errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/** Imports a file into a plan and checks it: exit 1 when the imported plan has errors (its declared totals disagree), as `check`. */
export async function importPlan(file: string, options: ImportOptions): Promise<number> {
    const locale = toLocale(defaultLocale());
    const { result, out } = await importFile(file, options);
    process.stderr.write(`${documentText('importRecognised', locale, result.recognised)}\n`);
    process.stderr.write(`${documentText('importKeptAside', locale, { count: result.keptAside })}\n`);
    process.stderr.write(`${documentText('importWritten', locale, { path: out })}\n`);
    const { Cpiplan, dir } = services();
    // Absolute, as `check` gives it: a relative path became a file at the root of the disk in its messages (`../../plan.cpiplan`).
    const [checked] = await loadAndValidate(Cpiplan, [path.resolve(out)], dir);
    process.stderr.write(renderText(checked ? [checked] : [], locale));
    return (checked?.diagnostics.some(d => d.severity === 1) ?? false) ? ExitCode.ProblemsFound : ExitCode.Ok;
}

export async function lsp(): Promise<void> {
    const { startLanguageServer } = await import('../server/start-server.js');
    startLanguageServer(rulesDir());
}
