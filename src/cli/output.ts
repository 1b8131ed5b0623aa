/** Writing outputs: never over an existing file unless asked, always atomically (temporary file + rename). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliText } from '../language/i18n/cli-messages.js';
import { InputError } from './errors.js';
import { reasonOf } from './input.js';
import { trackTemporary } from './process-guard.js';

/**
 * Writes `content` to `target` through a temporary file in the same folder, then renames it into place.
 * Only a regular file is written or replaced: never a device, a pipe, or a file through a symbolic link.
 */
export function writeAtomically(target: string, content: string | Buffer, force: boolean): void {
    const file = path.resolve(target);
    const existing = fs.lstatSync(file, { throwIfNoEntry: false });
    if (existing && !existing.isFile()) {
        throw new InputError(l => cliText('outNotRegular', l, { path: target }));
    }
    if (existing && !force) {
        throw new InputError(l => cliText('alreadyExists', l, { path: target }));
    }
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) {
        throw new InputError(l => cliText('noSuchFolder', l, { path: path.dirname(target) }));
    }
    const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    const done = trackTemporary(temporary);
    try {
        // 'wx': a new file, never one that appeared meanwhile (nor a link placed there).
        fs.writeFileSync(temporary, content, { flag: 'wx' });
        fs.renameSync(temporary, file);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw new InputError(l => cliText('cannotWrite', l, { path: target, reason: reasonOf(error) }));
    } finally {
        done();
    }
}
