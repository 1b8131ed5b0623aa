/**
 * The folder of the CLI's bundles (`out/`), from which the shipped rule sets and the package's
 * version are found. It is where the running bundle lies, except in a process started from a
 * start-up snapshot: there the code was loaded when the snapshot was built, so the launcher
 * says where the package is now and `setBundleDir` records it before any command runs.
 */

let given: string | undefined;

/** Records where the bundles are (a run from a start-up snapshot). */
export function setBundleDir(dir: string): void {
    given = dir;
}

/** Where the bundles are. */
export function bundleDir(): string {
    return given ?? (typeof __dirname === 'string' ? __dirname : process.cwd());
}
