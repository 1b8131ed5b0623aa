// Bundles the CLI, the language server and the VS Code client as CommonJS.
import * as esbuild from 'esbuild';

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // External maps: kept beside the bundles for debugging, no sourceMappingURL line pointing at a file the .vsix does not ship.
    sourcemap: 'external',
    minify: true,
    // No `keepNames`: it wraps every function and class created at run time in a naming call, 7 % of a keystroke's
    // processor time (bench/PROFILE.md). Nothing reads a function's name at run time; the source maps restore stack traces.
    keepNames: false,
    logLevel: 'warning',
    outExtension: { '.js': '.cjs' },
    outdir: 'out'
};

/**
 * The XLSX writer (exceljs) is its own bundle, `out/xlsx.cjs`, required at run time only when a
 * workbook is written: the server and the CLI start without parsing it.
 */
const xlsxApart = {
    name: 'xlsx-apart',
    setup(build) {
        build.onResolve({ filter: /\/render-xlsx\.js$/ }, args => args.kind === 'dynamic-import'
            ? { path: './xlsx.cjs', external: true }
            : undefined);
        // The readers of office files for `cpiplan import` (exceljs, mammoth): out/import.cjs.
        build.onResolve({ filter: /\/read-office\.js$/ }, args => args.kind === 'dynamic-import'
            ? { path: './import.cjs', external: true }
            : undefined);
        // The same for the DOCX writer (the `docx` library): out/docx.cjs.
        build.onResolve({ filter: /\/render-docx\.js$/ }, args => args.kind === 'dynamic-import'
            ? { path: './docx.cjs', external: true }
            : undefined);
    }
};

/**
 * The CLI's commands (Langium, the language, the generator) are their own bundle, `out/cli-commands.cjs`,
 * required by `out/cli.cjs` only when a command runs: `--version` and `--help` load commander and the help texts.
 */
const commandsApart = {
    name: 'commands-apart',
    setup(build) {
        build.onResolve({ filter: /\/commands\.js$/ }, args => args.kind === 'dynamic-import' && args.importer.endsWith('main.ts')
            ? { path: './cli-commands.cjs', external: true }
            : undefined);
    }
};

await esbuild.build({
    ...common,
    entryPoints: {
        cli: 'src/cli/index.ts', 'cli-commands': 'src/cli/commands.ts', server: 'src/server/main.ts', extension: 'src/extension/main.ts',
        xlsx: 'src/generator/render-xlsx.ts', fuzz: 'bench/fuzz.ts', docx: 'src/generator/document/render-docx.ts',
        import: 'src/import/read-office.ts'
    },
    external: ['vscode'],
    // `import()` becomes `require()`: the bundles apart are CommonJS, and a require needs no ES module loader.
    supported: { 'dynamic-import': false },
    plugins: [xlsxApart, commandsApart]
});

/**
 * The whole CLI in one bundle, `out/cli-snapshot.cjs`, from which the CLI makes a V8 start-up snapshot
 * (src/cli/snapshot.ts): `node --build-snapshot` runs one file, whose `require` knows Node's own modules
 * only, so the commands are in it; the bundles loaded when used (XLSX, DOCX, office readers) are required
 * at run time from the folder the launcher names, through `createRequire`.
 */
const apartAtRunTime = {
    name: 'apart-at-run-time',
    setup(build) {
        const apart = [[/\/render-xlsx\.js$/, 'xlsx.cjs'], [/\/read-office\.js$/, 'import.cjs'], [/\/render-docx\.js$/, 'docx.cjs']];
        for (const [filter, bundle] of apart) {
            build.onResolve({ filter }, args => args.kind === 'dynamic-import' ? { path: bundle, namespace: 'apart' } : undefined);
        }
        build.onLoad({ filter: /.*/, namespace: 'apart' }, args => ({
            resolveDir: 'src/cli',
            loader: 'js',
            contents: `const { bundleDir } = require('./bundle-dir.ts');
module.exports = require('node:module').createRequire(require('node:path').join(bundleDir(), 'cli.cjs'))('./${args.path}');`
        }));
    }
};

await esbuild.build({
    ...common,
    entryPoints: { 'cli-snapshot': 'src/cli/snapshot-entry.ts' },
    external: ['vscode'],
    supported: { 'dynamic-import': false },
    // The plan the snapshot is warmed up on (src/cli/snapshot-entry.ts), as text.
    loader: { '.cpiplan': 'text' },
    plugins: [apartAtRunTime]
});

// The benchmark (`npm run bench`); it runs esbuild itself to measure what each dependency costs to load.
await esbuild.build({
    ...common,
    entryPoints: { bench: 'bench/run.ts' },
    external: ['vscode', 'esbuild']
});

// The end-to-end suite, loaded by VS Code as an extension test module.
await esbuild.build({
    ...common,
    minify: false,
    entryPoints: { index: 'test/e2e/suite.ts' },
    outdir: 'out/e2e',
    external: ['vscode']
});
