/**
 * Reading the command line's input safely: folders walked without following devices or pipes,
 * files decoded by their byte-order mark (UTF-8 or UTF-16), binary files refused, sizes bounded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliText } from '../language/i18n/cli-messages.js';
import { InputError } from './errors.js';

/**
 * The largest plan the command line reads, in bytes. A real plan takes 80–125 kB; parsing and
 * validation grow with the text (measured: about 190 MB of memory and 1.7 s per MB of plan), so
 * the bound keeps a check within about 15 s and 1.6 GB, under V8's default heap limit, while a
 * national roll-up of 100,000 lines (3.5 MB) is still checked (bench/PROFILE.md).
 */
export const maxPlanBytes = 8 * 1024 * 1024;

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Why a file system call failed, in a few words (`EACCES`, `ENOENT`…) rather than a trace. */
export function reasonOf(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code ?? (error instanceof Error ? error.message : String(error));
}

/** The `.cpiplan` regular files under a folder, recursively; pipes, devices, sockets and linked folders skipped. */
export function plansUnder(folder: string, shown: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, dirShown: string): void => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch (error) {
            throw new InputError(l => cliText('cannotReadFolder', l, { path: dirShown, reason: reasonOf(error) }));
        }
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full, path.join(dirShown, entry.name));
            } else if (entry.name.endsWith('.cpiplan') && isRegularFile(full, entry)) {
                found.push(full);
            }
        }
    };
    walk(folder, shown);
    return found.sort();
}

/** A regular file, or a symbolic link to one; never a FIFO, device or socket (reading one could block forever). */
function isRegularFile(full: string, entry: fs.Dirent): boolean {
    if (entry.isFile()) {
        return true;
    }
    if (!entry.isSymbolicLink()) {
        return false;
    }
    try {
        return fs.statSync(full).isFile();
    } catch {
        return false;
    }
}

/** The text of a plan: a regular file within the size bound, UTF-8 or UTF-16 (by its BOM); anything else refused. */
export function readPlanText(file: string, shown: string = file): string {
    let bytes: Buffer;
    try {
        const stats = fs.statSync(file);
        if (!stats.isFile()) {
            throw new InputError(l => cliText('notARegularFile', l, { path: shown }));
        }
        if (stats.size > maxPlanBytes) {
            throw new InputError(l => cliText('tooLarge', l, { path: shown, size: megabytes(stats.size), limit: megabytes(maxPlanBytes) }));
        }
        bytes = fs.readFileSync(file);
    } catch (error) {
        if (error instanceof InputError) {
            throw error;
        }
        throw new InputError(l => cliText('cannotRead', l, { path: shown, reason: reasonOf(error) }));
    }
    const text = decode(bytes);
    if (text === undefined) {
        throw new InputError(l => cliText('notATextFile', l, { path: shown }));
    }
    return text;
}

/** UTF-16 (little or big endian) by its byte-order mark, otherwise UTF-8 (BOM dropped); undefined for binary content. */
export function decode(bytes: Uint8Array): string | undefined {
    const [first, second] = bytes;
    const encoding = first === 0xff && second === 0xfe ? 'utf-16le' : first === 0xfe && second === 0xff ? 'utf-16be' : 'utf-8';
    let text: string;
    try {
        // The decoder drops the BOM itself (ignoreBOM false).
        text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
        return undefined;
    }
    // Control characters other than tab, newlines and form feed do not occur in text.
    return hasControlCharacters(text) ? undefined : text;
}

function hasControlCharacters(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x20 ? code <= 0x08 || code >= 0x0e : code === 0x7f) {
            return true;
        }
    }
    return false;
}
