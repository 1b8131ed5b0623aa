/** The `cpiplan` command line. Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input. */

import { Command, CommanderError, Option } from 'commander';
import { NodeFileSystem } from 'langium/node';
import { createCpiplanServices } from '../language/cpiplan-module.js';
import { toLocale, type Locale } from '../language/i18n/locale.js';
import { cliText, counted, type PlainCliMessage } from '../language/i18n/cli-messages.js';
import { findRulesDir } from '../language/workspace.js';
import { renderJson, renderText, summarize } from './check.js';
import { renderSarif } from './sarif.js';
import { packageVersion } from './version.js';
import { collectFiles, InputError, loadAndValidate } from './load.js';
import { writeAtomically } from './output.js';
import { evaluateFile, selectGroups } from './tables.js';
import { renderTables } from '../generator/render-tables.js';
import { checkFormats, diffFormats, tableFormats, tableSelections, type CheckFormat, type DiffFormat, type TableFormat, type TableSelection } from '../protocol.js';
import { buildTables } from '../generator/build-tables.js';
import { diffJson, diffTables } from '../generator/diff-tables.js';
import { diffPlans } from '../language/model/diff.js';
import { addDocumentCommand, writeDocument, type DocumentOptions } from './document.js';
import { documentText } from '../language/i18n/document-messages.js';
import { addImportCommand, importFile, type ImportOptions } from './import.js';

export enum ExitCode {
    Ok = 0,
    ProblemsFound = 1,
    BadInput = 2
}

/** Where the shipped rule sets are: next to the bundle in a built checkout or an installed package. */
function rulesDir(): string | undefined {
    return findRulesDir(typeof __dirname === 'string' ? __dirname : process.cwd());
}

function defaultLocale(): string {
    return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'en';
}

/** The locale of help and errors: `--locale` when given (`check`), otherwise the environment's. */
function messageLocale(argv: readonly string[]): Locale {
    const index = argv.findIndex(a => a === '-l' || a === '--locale');
    const given = index >= 0 ? argv[index + 1] : argv.find(a => a.startsWith('--locale='))?.slice('--locale='.length);
    return toLocale(given ?? defaultLocale());
}

async function check(paths: string[], options: { format: CheckFormat; locale?: string }): Promise<number> {
    const locale = toLocale(options.locale ?? defaultLocale());
    const dir = rulesDir();
    const { Cpiplan } = createCpiplanServices({ ...NodeFileSystem, rulesDir: dir });
    Cpiplan.i18n.Locale.current = locale;
    const files = collectFiles(paths);
    const checked = await loadAndValidate(Cpiplan, files, dir);
    process.stdout.write(options.format === 'sarif' ? renderSarif(checked, locale, packageVersion())
        : options.format === 'json' ? renderJson(checked) : renderText(checked, locale));
    return summarize(checked).errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

function services(locale?: string) {
    const dir = rulesDir();
    const { Cpiplan } = createCpiplanServices({ ...NodeFileSystem, rulesDir: dir });
    Cpiplan.i18n.Locale.current = toLocale(locale ?? defaultLocale());
    return { Cpiplan, dir };
}

function warnAboutErrors(file: string, errors: number): void {
    if (errors > 0) {
        const locale = toLocale(defaultLocale());
        process.stderr.write(`${cliText('tablesWithErrors', locale, { file, errors, errorsWord: counted('error', errors, locale) })}\n`);
    }
}

async function tables(file: string, options: { table: TableSelection; format: TableFormat; out?: string; force?: boolean }): Promise<number> {
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
    warnAboutErrors(file, errors);
    return errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/** The reprogramming between two versions; exit 1 when the new version has errors, as `tables` does. */
async function diff(before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean }): Promise<number> {
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
    warnAboutErrors(after, updated.errors);
    return updated.errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/** The plan document; exit 1 when the plan has errors (the document, a draft, is written anyway), as `tables` does. */
async function document(file: string, options: DocumentOptions): Promise<number> {
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
async function importPlan(file: string, options: ImportOptions): Promise<number> {
    const locale = toLocale(defaultLocale());
    const { result, out } = await importFile(file, options);
    process.stderr.write(`${documentText('importRecognised', locale, result.recognised)}\n`);
    process.stderr.write(`${documentText('importKeptAside', locale, { count: result.keptAside })}\n`);
    process.stderr.write(`${documentText('importWritten', locale, { path: out })}\n`);
    const { Cpiplan, dir } = services();
    const [checked] = await loadAndValidate(Cpiplan, [out], dir);
    process.stderr.write(renderText(checked ? [checked] : [], locale));
    return (checked?.diagnostics.some(d => d.severity === 1) ?? false) ? ExitCode.ProblemsFound : ExitCode.Ok;
}

async function lsp(): Promise<void> {
    const { startLanguageServer } = await import('../server/start-server.js');
    startLanguageServer(rulesDir());
}

/** Builds the program; exported for tests. */
export function program(locale: Locale = toLocale(defaultLocale())): Command {
    const say = (key: PlainCliMessage) => cliText(key, locale);
    const cli = new Command('cpiplan')
        .description(say('program'))
        .version(packageVersion())
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) });
    cli.command('check')
        .description(say('checkCommand'))
        .argument('<paths...>', say('checkPaths'))
        .addOption(new Option('-f, --format <format>', say('formatOption')).choices(checkFormats).default('text'))
        .addOption(new Option('-l, --locale <locale>', say('localeOption')).choices(['it', 'en']))
        .addHelpText('after', say('checkHelp'))
        .action(async (paths: string[], options: { format: CheckFormat; locale?: string }) => {
            process.exitCode = await check(paths, options);
        });
    cli.command('tables')
        .description(say('tablesCommand'))
        .argument('<file>', say('tablesFile'))
        .addOption(new Option('-t, --table <table>', say('tableOption')).choices(tableSelections).default('all'))
        .addOption(new Option('-f, --format <format>', say('formatOption')).choices(tableFormats).default('md'))
        .option('-o, --out <path>', say('outOption'))
        .option('--force', say('forceOption'))
        .addHelpText('after', say('tablesHelp'))
        .action(async (file: string, options: { table: TableSelection; format: TableFormat; out?: string; force?: boolean }) => {
            process.exitCode = await tables(file, options);
        });
    cli.command('diff')
        .description(say('diffCommand'))
        .argument('<old>', say('diffOld'))
        .argument('<new>', say('diffNew'))
        .addOption(new Option('-f, --format <format>', say('formatOption')).choices(diffFormats).default('md'))
        .option('-o, --out <path>', say('diffOutOption'))
        .option('--force', say('forceOption'))
        .action(async (before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean }) => {
            process.exitCode = await diff(before, after, options);
        });
    addDocumentCommand(cli, locale, async (file, options) => {
        process.exitCode = await document(file, options);
    });
    addImportCommand(cli, locale, async (file, options) => {
        process.exitCode = await importPlan(file, options);
    });
    cli.command('lsp')
        .description(say('lspCommand'))
        .option('--stdio', say('stdioOption'))
        .action(lsp);
    return cli;
}

export async function main(argv: string[]): Promise<void> {
    const locale = messageLocale(argv);
    try {
        await program(locale).parseAsync(argv);
    } catch (error) {
        if (error instanceof CommanderError) {
            process.exitCode = error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
        } else if (error instanceof InputError) {
            process.stderr.write(`cpiplan: ${error.say(locale)}\n`);
            process.exitCode = ExitCode.BadInput;
        } else {
            process.stderr.write(`${cliText('unexpectedFailure', locale, { detail: String((error as Error).stack ?? error) })}\n`);
            process.exitCode = ExitCode.BadInput;
        }
    }
}


