/** Helpers of the tests that run the CLI from a start-up snapshot: each with a TMPDIR of its own. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { snapshotFiles, snapshotUsable, type SnapshotFiles } from '../../src/cli/snapshot.js';
import { repoRoot } from '../helpers.js';

/** The environment of a run: snapshots on (the suite turns them off elsewhere, vitest.config.ts), TMPDIR given. */
export function environment(tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', TMPDIR: tmp, ...extra };
    if (extra.CPIPLAN_NO_SNAPSHOT === undefined) {
        delete env.CPIPLAN_NO_SNAPSHOT;
    }
    return env;
}

/** The snapshot files of a package's bundles under a TMPDIR. */
export function filesUnder(tmp: string, bundles = path.join(repoRoot, 'out')): SnapshotFiles {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
        const files = snapshotFiles(bundles);
        if (files === undefined) {
            throw new Error(`no snapshot bundle in ${bundles}`);
        }
        return files;
    } finally {
        if (before === undefined) {
            delete process.env.TMPDIR;
        } else {
            process.env.TMPDIR = before;
        }
    }
}

/** Waits until the background builder has left a usable snapshot (and has finished). */
export async function snapshotBuilt(files: SnapshotFiles): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (!(snapshotUsable(files) && !fs.existsSync(files.lock))) {
        if (Date.now() > deadline || fs.existsSync(files.failed)) {
            throw new Error(`no snapshot was built in ${files.folder}: ${fs.existsSync(files.failed) ? fs.readFileSync(files.failed, 'utf8') : 'timeout'}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}


const made: string[] = [];

/** A scratch folder (a TMPDIR for snapshots of 10 MB each, a copy of the package), removed by `removeSnapshotTmps`. */
export function snapshotTmp(): string {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-snapshot-test-'));
    made.push(tmp);
    return tmp;
}

/** Removes the TMPDIRs made by `snapshotTmp` (their builders have finished: every test waits for its own). */
export function removeSnapshotTmps(): void {
    for (const tmp of made.splice(0)) {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}
