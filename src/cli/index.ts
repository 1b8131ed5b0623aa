/**
 * Entry of the bundled CLI. A command that uses the language runs from a start-up snapshot when there
 * is one for this build (snapshot.ts); otherwise here, with the compile cache first, so that it sees the
 * bundles loaded after it. The same entry, started by a run that found no snapshot, builds one; started by
 * the package's install (`bin/postinstall.cjs`), it installs the launcher that starts the snapshot (install.ts).
 */
import * as path from 'node:path';
import { enableCompileCache } from './compile-cache.js';
import { builderJob, buildInBackground, buildInTemporaryFolder, runFromSnapshot, snapshotFiles, snapshotUsable, snapshotWanted } from './snapshot.js';
import { isOurBundle } from './snapshot-names.js';
import { installJob, installLauncher } from './install.js';

const here = typeof __dirname === 'string' ? __dirname : process.cwd();

/** The usual path: commander and the commands' bundle, loaded in this process. */
function runHere(): void {
    enableCompileCache(filename => isOurBundle(here, filename));
    void import('./main.js').then(({ main }) => main(process.argv));
}

const job = builderJob();
const launcher = installJob();
if (job !== undefined) {
    buildInTemporaryFolder(path.resolve(job));
} else if (launcher !== undefined) {
    process.stderr.write(`cpiplan: ${installLauncher(path.resolve(launcher), here)}.\n`);
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
