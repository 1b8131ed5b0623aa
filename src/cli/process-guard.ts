/**
 * The process around a command: standard output that fails (a closed pipe, a full disk) and
 * signals that arrive while an output file is being written.
 */
import * as fs from 'node:fs';
import { cliText } from '../language/i18n/cli-messages.js';
import type { Locale } from '../language/i18n/locale.js';

/** Exit code for bad input or a failed output, as in main.ts. */
const failed = 2;

/** Temporary files being written: removed if the process is interrupted. */
const temporaries = new Set<string>();

/**
 * Registers a temporary file until `done` is called; a SIGINT or SIGTERM meanwhile removes it. From the
 * first one on, the process handles those signals itself: one that comes while a file is written (in one
 * synchronous step) is then acted on once it is written, instead of ending the process half-way.
 */
export function trackTemporary(file: string): () => void {
    handleSignals();
    temporaries.add(file);
    return () => temporaries.delete(file);
}

let handling = false;

/**
 * Interrupting signals remove the temporary files and end the process with the shell's code. Only once
 * a command writes a file: a handler runs when the event loop turns, so a command that writes none (a
 * `check` spending a second parsing a large plan) is left to the signals' default action, and ends at once.
 */
function handleSignals(): void {
    if (handling) {
        return;
    }
    handling = true;
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
        process.once(signal, () => {
            for (const file of temporaries) {
                fs.rmSync(file, { force: true });
            }
            process.exit(code);
        });
    }
}

/** A write to standard output that failed: a closed pipe ends the command quietly, anything else says why. */
export function stdoutFailure(error: unknown, locale: Locale): void {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EPIPE') {
        // The reader has gone (`cpiplan check … | head -1`): nothing more to say to anyone.
        process.exit(process.exitCode ?? 0);
    }
    const reason = code ?? String(error);
    fs.writeSync(2, `${cliText('stdoutFailed', locale, { reason })}\n`);
    process.exit(failed);
}

let installed = false;

/** Handles standard output's errors for the rest of the process (interrupting signals: `trackTemporary`). */
export function guardProcess(locale: Locale): void {
    if (installed) {
        return;
    }
    installed = true;
    process.stdout.on('error', error => stdoutFailure(error, locale));
}
