/**
 * `npm run fuzz -- --edits 10000 --seed 1`: the long fuzz run of the language server (see
 * bench/fuzz-harness.ts). Prints requests, errors, p50/p99 latency per request kind and the
 * server's memory; writes one reproduction per failure class to out/fuzz-failures/.
 * Exit code 1 if any request failed, was slower than 2 s, or the server died.
 */
import * as path from 'node:path';
import { formatReport, runFuzz } from './fuzz-harness.js';

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(`--${name}`);
    const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) {
        console.error(`--${name} wants a whole number`);
        process.exit(2);
    }
    return value;
}

const root = path.resolve(typeof __dirname === 'string' ? path.join(__dirname, '..') : process.cwd());
const edits = option('edits', 10_000);
const seed = option('seed', 1);
const failuresDir = path.join(root, 'out', 'fuzz-failures');
console.log(`fuzz: ${edits} edits, seed ${seed}`);
void runFuzz({
    edits, seed, root, failuresDir,
    progress: (done, r) => {
        if (done % 1000 === 0) {
            console.log(`  ${done} edits, ${r.requests} requests, ${r.errors} errors, ${r.slow} slow, RSS ${r.rssMb ?? '?'} MB, ${r.seconds.toFixed(0)} s`);
        }
    }
}).then(report => {
    console.log(formatReport(report));
    if (report.failures.length > 0) {
        console.log(`\nreproductions in ${failuresDir}`);
    }
    process.exitCode = report.errors > 0 || report.slow > 0 || !report.alive ? 1 : 0;
});
