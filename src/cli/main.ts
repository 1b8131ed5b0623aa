/** The `cpiplan` command line. Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input. */

import { Command, CommanderError, Option } from 'commander';
import { NodeFileSystem } from 'langium/node';
import { createCpiplanServices } from '../language/cpiplan-module.js';
import { toLocale } from '../language/validation/issues.js';
import { findRulesDir } from '../language/workspace.js';
import { renderJson, renderText, summarize, type Format } from './check.js';
import { collectFiles, InputError, loadAndValidate } from './load.js';

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

async function check(paths: string[], options: { format: Format; locale?: string }): Promise<number> {
    const locale = toLocale(options.locale ?? defaultLocale());
    const dir = rulesDir();
    const { Cpiplan } = createCpiplanServices({ ...NodeFileSystem, rulesDir: dir });
    Cpiplan.i18n.Locale.current = locale;
    const files = collectFiles(paths);
    const checked = await loadAndValidate(Cpiplan, files, dir);
    process.stdout.write(options.format === 'json' ? renderJson(checked) : renderText(checked, locale));
    return summarize(checked).errors > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

async function lsp(): Promise<void> {
    const { startLanguageServer } = await import('../language/server.js');
    startLanguageServer(rulesDir());
}

/** Builds the program; exported for tests. */
export function program(): Command {
    const cli = new Command('cpiplan')
        .description('Check and generate the regional plans to strengthen the Centri per l\'Impiego (.cpiplan files).')
        .version('0.1.0')
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) });
    cli.command('check')
        .description('Report every arithmetic and regulatory problem in the plans (files or folders).')
        .argument('<paths...>', '.cpiplan files or folders holding them')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .addOption(new Option('-l, --locale <locale>', 'language of the messages (default: from LANG)').choices(['it', 'en']))
        .addHelpText('after', `
Text output: one line per problem, "path:line:col: severity code: message", then a summary.
JSON output: {"files":[{"path","diagnostics":[{"severity","code","message","range"}]}],"summary":{"errors","warnings"}}
with 0-based positions as in LSP.
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input.`)
        .action(async (paths: string[], options: { format: Format; locale?: string }) => {
            process.exitCode = await check(paths, options);
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


