/** The `cpiplan` command line. Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input. */

import { Command, CommanderError, Option } from 'commander';
import { NodeFileSystem } from 'langium/node';
import { createCpiplanServices } from '../language/cpiplan-module.js';
import { toLocale } from '../language/validation/issues.js';
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
import { renderMarkdown } from '../generator/render.js';
import { diffPlans } from '../language/model/diff.js';

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
        process.stderr.write(`cpiplan: ${file} has ${errors} ${errors === 1 ? 'error' : 'errors'}; the tables show the computed figures next to the declared ones (run 'cpiplan check ${file}').\n`);
    }
}

async function tables(file: string, options: { table: TableSelection; format: TableFormat; out?: string; force?: boolean }): Promise<number> {
    if (options.format === 'xlsx' && !options.out) {
        throw new InputError('xlsx is a binary format: give --out FILE.xlsx');
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

async function diff(before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean }): Promise<number> {
    const { Cpiplan, dir } = services();
    collectFiles([before, after]);
    const old = await evaluateFile(Cpiplan, before, dir);
    const updated = await evaluateFile(Cpiplan, after, dir);
    const result = diffPlans(old.evaluation, updated.evaluation);
    const output = options.format === 'json' ? diffJson(result) : renderMarkdown(diffTables(result));
    if (options.out) {
        writeAtomically(options.out, output, options.force ?? false);
    } else {
        process.stdout.write(output);
    }
    return ExitCode.Ok;
}

async function lsp(): Promise<void> {
    const { startLanguageServer } = await import('../server/start-server.js');
    startLanguageServer(rulesDir());
}

/** Builds the program; exported for tests. */
export function program(): Command {
    const cli = new Command('cpiplan')
        .description('Check and generate the regional plans to strengthen the Centri per l\'Impiego (.cpiplan files).')
        .version(packageVersion())
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) });
    cli.command('check')
        .description('Report every arithmetic and regulatory problem in the plans (files or folders).')
        .argument('<paths...>', '.cpiplan files or folders holding them')
        .addOption(new Option('-f, --format <format>', 'output format').choices(checkFormats).default('text'))
        .addOption(new Option('-l, --locale <locale>', 'language of the messages (default: from LANG)').choices(['it', 'en']))
        .addHelpText('after', `
Text output: one line per problem, "path:line:col: severity code: message", then a summary.
JSON output: {"files":[{"path","diagnostics":[{"severity","code","message","range"}]}],"summary":{"errors","warnings"}}
with 0-based positions as in LSP.
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input.`)
        .action(async (paths: string[], options: { format: CheckFormat; locale?: string }) => {
            process.exitCode = await check(paths, options);
        });
    cli.command('tables')
        .description("Generate the plan's official tables from the figures the validator checked.")
        .argument('<file>', 'the .cpiplan plan')
        .addOption(new Option('-t, --table <table>', 'which tables').choices(tableSelections).default('all'))
        .addOption(new Option('-f, --format <format>', 'output format').choices(tableFormats).default('md'))
        .option('-o, --out <path>', 'write to this file (atomically) instead of standard output; required for xlsx')
        .option('--force', 'overwrite --out if it exists')
        .addHelpText('after', `
Text formats go to standard output unless --out is given. An existing file is never
overwritten without --force. Exit codes as for check: 0 plan without errors, 1 the plan has
errors (the tables are still written, with declared figures next to computed ones), 2 bad usage
or unreadable input.`)
        .action(async (file: string, options: { table: TableSelection; format: TableFormat; out?: string; force?: boolean }) => {
            process.exitCode = await tables(file, options);
        });
    cli.command('diff')
        .description('The reprogramming table between two versions of a plan: per line and item, per source, caps before and after.')
        .argument('<old>', 'the earlier .cpiplan plan')
        .argument('<new>', 'the later .cpiplan plan')
        .addOption(new Option('-f, --format <format>', 'output format').choices(diffFormats).default('md'))
        .option('-o, --out <path>', 'write to this file (atomically) instead of standard output')
        .option('--force', 'overwrite --out if it exists')
        .action(async (before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean }) => {
            process.exitCode = await diff(before, after, options);
        });
    cli.command('lsp')
        .description('Start the language server for any LSP editor.')
        .option('--stdio', 'talk LSP over standard input and output (the default)')
        .action(lsp);
    return cli;
}

export async function main(argv: string[]): Promise<void> {
    try {
        await program().parseAsync(argv);
    } catch (error) {
        if (error instanceof CommanderError) {
            process.exitCode = error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
        } else if (error instanceof InputError) {
            process.stderr.write(`cpiplan: ${error.message}\n`);
            process.exitCode = ExitCode.BadInput;
        } else {
            process.stderr.write(`cpiplan: unexpected failure: ${(error as Error).stack ?? error}\n`);
            process.exitCode = ExitCode.BadInput;
        }
    }
}


