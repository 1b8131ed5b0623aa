/** Writing outputs: never over an existing file unless asked, always atomically (temporary file + rename). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliText } from '../language/i18n/cli-messages.js';
import { InputError } from './load.js';

/** Writes `content` to `target` through a temporary file in the same folder, then renames it into place. */
export function writeAtomically(target: string, content: string | Buffer, force: boolean): void {
    const file = path.resolve(target);
    if (fs.existsSync(file) && !force) {
        throw new InputError(l => cliText('alreadyExists', l, { path: target }));
    }
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) {
        throw new InputError(l => cliText('noSuchFolder', l, { path: path.dirname(target) }));
    }
    const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    try {
        fs.writeFileSync(temporary, content);
        fs.renameSync(temporary, file);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw new InputError(l => cliText('cannotWrite', l, { path: target, reason: (error as Error).message }));
    }
}
