/** The version `cpiplan --version` prints and SARIF logs name: the one in the package's package.json. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleDir } from './bundle-dir.js';

/** Reads `version` from the nearest package.json named cpiplan above `start` (the bundle's folder). */
export function packageVersion(start: string = bundleDir()): string {
    let dir = start;
    for (;;) {
        const candidate = path.join(dir, 'package.json');
        if (fs.existsSync(candidate)) {
            try {
                const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
                if (manifest.name === 'cpiplan' && typeof manifest.version === 'string') {
                    return manifest.version;
                }
            } catch {
                // An unreadable manifest is not ours; keep walking up.
            }
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return '0.0.0';
        }
        dir = parent;
    }
}
