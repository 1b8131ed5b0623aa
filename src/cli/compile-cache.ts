/**
 * Caches V8's compiled code of the CLI's own bundles, so that the next run does not parse and compile
 * them again. Node ≥ 22.1 has this built in (`module.enableCompileCache`); on Node 20 the bundles
 * required after this module (`out/cli-commands.cjs`, `out/xlsx.cjs`) are compiled with V8's code
 * cache by hand. The cache is written when the process exits, after the code ran, so that it holds
 * the functions compiled lazily during the run too: the `v8-compile-cache` package caches only what
 * V8 compiles up front, which was 4 % of a cold check here against 20 % for this (bench/PROFILE.md).
 * `CPIPLAN_NO_COMPILE_CACHE=1` turns it off. A cache that cannot be read or written is ignored. A run that
 * writes a cache keeps the `keptCaches` used last (other builds' and places' go).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface CompilingModule {
    exports: unknown;
    _compile(content: string, filename: string): unknown;
}

/** The cache folder: per user and per V8 version (a code cache is only valid for the V8 that made it). */
function cacheDir(): string {
    const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
    return path.join(os.tmpdir(), `cpiplan-compile-cache${user}`, `${process.arch}-${process.versions.v8}`);
}

/** Writes through a temporary file and a rename, so that two processes never read half a cache. */
function writeQuietly(file: string, data: Buffer): void {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, data);
        fs.renameSync(temporary, file);
    } catch {
        // No cache this time.
    }
}

/** Compiles the bundles named by `isOurs` through V8's code cache. */
export function enableCompileCache(isOurs: (filename: string) => boolean): void {
    if (process.env.CPIPLAN_NO_COMPILE_CACHE) {
        return;
    }
    const builtin = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
    if (typeof builtin === 'function') {
        builtin();
        return;
    }
    const dir = cacheDir();
    const toWrite: { file: string; script: vm.Script }[] = [];
    const prototype = (nodeModule as unknown as { prototype: CompilingModule }).prototype;
    const compile = prototype._compile;
    prototype._compile = function (this: CompilingModule, content: string, filename: string): unknown {
        if (!isOurs(filename)) {
            return compile.call(this, content, filename);
        }
        const key = crypto.createHash('sha1').update(filename).update('\0').update(content).digest('hex');
        const file = path.join(dir, `${key}.bin`);
        let cachedData: Buffer | undefined;
        try {
            cachedData = fs.readFileSync(file);
        } catch {
            cachedData = undefined;
        }
        const script = new vm.Script(nodeModule.wrap(content), { filename, cachedData });
        if (cachedData === undefined || script.cachedDataRejected === true) {
            toWrite.push({ file, script });
        } else {
            touch(file);
        }
        const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
        const require = nodeModule.createRequire(filename);
        return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
    };
    process.once('exit', () => {
        for (const { file, script } of toWrite) {
            writeQuietly(file, script.createCachedData());
        }
        if (toWrite.length > 0) {
            prune(dir);
        }
    });
}

/**
 * Caches kept: a cache is named by its bundle's path and content, so every build and every place of the
 * package adds its own (4 bundles, 1–3 MB). A run that wrote one keeps those used last (a run that reads
 * a cache marks it used); one removed that is still in use is written again by its next run.
 */
export const keptCaches = 24;

/** Marks a cache as used now: the folder keeps the caches used last. */
function touch(file: string): void {
    try {
        const now = new Date();
        fs.utimesSync(file, now, now);
    } catch {
        // Kept or not by its time of writing.
    }
}

/** Keeps the caches of the folder used last, and removes what writers that died left. */
function prune(dir: string): void {
    try {
        const names = fs.readdirSync(dir);
        const caches = names.filter(n => /^[0-9a-f]{40}\.bin$/.test(n))
            .map(n => ({ file: path.join(dir, n), time: fs.statSync(path.join(dir, n)).mtimeMs }))
            .sort((a, b) => b.time - a.time);
        for (const { file } of caches.slice(keptCaches)) {
            fs.rmSync(file, { force: true });
        }
        for (const name of names.filter(n => n.endsWith('.tmp'))) {
            const file = path.join(dir, name);
            if (Date.now() - fs.statSync(file).mtimeMs > 10 * 60 * 1000) {
                fs.rmSync(file, { force: true });
            }
        }
    } catch {
        // Pruned by a later run.
    }
}
