/**
 * Entry of the bundled CLI. A command that uses the language runs from a start-up snapshot when there
 * is one for this build (snapshot.ts); otherwise here, with the compile cache first, so that it sees the
 * bundles loaded after it. The same entry, started by a run that found no snapshot, builds one.
 */
import * as path from 'node:path';
import { enableCompileCache } from './compile-cache.js';
import { builderJob, buildInBackground, buildSnapshot, runFromSnapshot, snapshotFiles, snapshotUsable, snapshotWanted } from './snapshot.js';
import { isOurBundle } from './snapshot-names.js';

const here = typeof __dirname === 'string' ? __dirname : process.cwd();

/** The usual path: commander and the commands' bundle, loaded in this process. */
function runHere(): void {
    enableCompileCache(filename => isOurBundle(here, filename));
    void import('./main.js').then(({ main }) => main(process.argv));
}

const job = builderJob();
if (job !== undefined) {
    buildSnapshot(path.resolve(job));
} else {
    const args = process.argv.slice(2);
    const files = snapshotWanted(args) ? snapshotFiles(here) : undefined;
    if (files === undefined) {
        runHere();
    } else {
        // Run as usual, and have a snapshot made once this run is over.
        const withoutSnapshot = () => {
            process.once('exit', () => buildInBackground(files));
            runHere();
        };
        if (snapshotUsable(files)) {
            runFromSnapshot(files, args, withoutSnapshot);
        } else {
            withoutSnapshot();
        }
    }
}
