/** The `cpiplan` command line. Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input. */

import { Command, CommanderError, Option } from 'commander';
import { toLocale, type Locale } from '../language/i18n/locale.js';
import { cliText, type PlainCliMessage } from '../language/i18n/cli-messages.js';
import { packageVersion } from './version.js';
import type { NewOptions } from './new-plan.js';
import { guardProcess, stdoutFailure } from './process-guard.js';
import { checkFormats, diffFormats, documentFormats, tableFormats, tableSelections, type CheckFormat, type DiffFormat, type TableFormat, type TableSelection } from '../protocol.js';
import { defaultLocale, ExitCode } from './exit-code.js';
import type * as Commands from './commands.js';
import type { DocumentOptions } from './document.js';
import type { ImportOptions } from './import.js';
import { documentText } from '../language/i18n/document-messages.js';

export { ExitCode };

/** The commands' code (Langium, the generator…), loaded the first time a command runs: `--version` and `--help` never do. */
let commands: typeof Commands | undefined;
async function load(): Promise<typeof Commands> {
    commands ??= await import('./commands.js');
    return commands;
}

/** The locale of help and errors: `--locale` when given (`check`), otherwise the environment's. */
function messageLocale(argv: readonly string[]): Locale {
    const index = argv.findIndex(a => a === '-l' || a === '--locale');
    const given = index >= 0 ? argv[index + 1] : argv.find(a => a.startsWith('--locale='))?.slice('--locale='.length);
    return toLocale(given ?? defaultLocale());
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
            process.exitCode = await (await load()).check(paths, options);
        });
    cli.command('tables')
        .description(say('tablesCommand'))
        .argument('<file>', say('tablesFile'))
        .addOption(new Option('-t, --table <table>', say('tableOption')).choices(tableSelections).default('all'))
        .addOption(new Option('-f, --format <format>', say('formatOption')).choices(tableFormats).default('md'))
        .option('-o, --out <path>', say('outOption'))
        .option('--force', say('forceOption'))
        .addOption(new Option('-l, --locale <locale>', say('localeOption')).choices(['it', 'en']))
        .addHelpText('after', say('tablesHelp'))
        .action(async (file: string, options: { table: TableSelection; format: TableFormat; out?: string; force?: boolean; locale?: string }) => {
            process.exitCode = await (await load()).tables(file, options);
        });
    cli.command('diff')
        .description(say('diffCommand'))
        .argument('<old>', say('diffOld'))
        .argument('<new>', say('diffNew'))
        .addOption(new Option('-f, --format <format>', say('formatOption')).choices(diffFormats).default('md'))
        .option('-o, --out <path>', say('diffOutOption'))
        .option('--force', say('forceOption'))
        .addOption(new Option('-l, --locale <locale>', say('localeOption')).choices(['it', 'en']))
        .addHelpText('after', say('diffHelp'))
        .action(async (before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean; locale?: string }) => {
            process.exitCode = await (await load()).diff(before, after, options);
        });
    // The command's code is loaded only when it runs.
    cli.command('new')
        .description(say('newCommand'))
        .argument('<file>', say('newFile'))
        .option('-r, --region <region>', say('regionOption'))
        .option('--rules <name>', say('rulesOption'), 'DM 74/2019')
        .option('--force', say('newForceOption'))
        .action(async (file: string, options: NewOptions) => {
            const loaded = await load();
            process.exitCode = await loaded.newPlan(file, options, loaded.rulesDir(), locale);
        });
    const doc = (key: 'documentCommand' | 'documentPlan' | 'documentFormatOption' | 'documentOut' | 'forceOption' | 'documentHelp' | 'importCommand' | 'importFile' | 'importOut' | 'importRegion') => documentText(key, locale);
    cli.command('document')
        .description(doc('documentCommand'))
        .argument('<plan>', doc('documentPlan'))
        .addOption(new Option('-f, --format <format>', doc('documentFormatOption')).choices(documentFormats).default('docx'))
        .option('-o, --out <path>', doc('documentOut'))
        .option('--force', doc('forceOption'))
        .addHelpText('after', doc('documentHelp'))
        .action(async (file: string, options: DocumentOptions) => {
            process.exitCode = await (await load()).document(file, options);
        });
    cli.command('import')
        .description(doc('importCommand'))
        .argument('<file>', doc('importFile'))
        .option('-o, --out <path>', doc('importOut'))
        .option('-r, --region <name>', doc('importRegion'))
        .option('--force', doc('forceOption'))
        .action(async (file: string, options: ImportOptions) => {
            process.exitCode = await (await load()).importPlan(file, options);
        });
    cli.command('lsp')
        .description(say('lspCommand'))
        .option('--stdio', say('stdioOption'))
        .action(async () => (await load()).lsp());
    return cli;
}

export async function main(argv: string[]): Promise<void> {
    const locale = messageLocale(argv);
    guardProcess(locale);
    try {
        await program(locale).parseAsync(argv);
    } catch (error) {
        if (error instanceof CommanderError) {
            process.exitCode = error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
        } else if ((error as NodeJS.ErrnoException | undefined)?.syscall === 'write') {
            stdoutFailure(error, locale);
        } else if (commands && error instanceof commands.InputError) {
            process.stderr.write(`cpiplan: ${error.say(locale)}\n`);
            process.exitCode = ExitCode.BadInput;
        } else {
            process.stderr.write(`${cliText('unexpectedFailure', locale, { detail: String((error as Error).stack ?? error) })}\n`);
            process.exitCode = ExitCode.BadInput;
        }
    }
}


