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
    keepNames: true,
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

await esbuild.build({
    ...common,
    entryPoints: {
        cli: 'src/cli/index.ts', server: 'src/server/main.ts', extension: 'src/extension/main.ts',
        xlsx: 'src/generator/render-xlsx.ts', docx: 'src/generator/document/render-docx.ts',
        import: 'src/import/read-office.ts'
    },
    external: ['vscode'],
    plugins: [xlsxApart]
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
