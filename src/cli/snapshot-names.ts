/** What the launcher (snapshot.ts) and a process started from the snapshot (snapshot-entry.ts) both know. */
import * as path from 'node:path';

/** The environment variable naming the pipe on which a process started from a snapshot says it started. */
export const handshakeVariable = 'CPIPLAN_SNAPSHOT_HANDSHAKE_FD';

/** Whether `filename` is one of the CLI's bundles in `dir` (for the compile cache). */
export function isOurBundle(dir: string, filename: string): boolean {
    return path.dirname(filename) === dir && filename.endsWith('.cjs');
}
