// Bundles the CLI, the language server and the VS Code client as CommonJS.
import * as esbuild from 'esbuild';

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    outExtension: { '.js': '.cjs' },
    outdir: 'out'
};

await esbuild.build({
    ...common,
    entryPoints: { cli: 'src/cli/index.ts', server: 'src/language/main.ts', extension: 'src/extension/main.ts', bench: 'bench/run.ts' },
    external: ['vscode']
});

// The end-to-end suite, loaded by VS Code as an extension test module.
await esbuild.build({
    ...common,
    minify: false,
    entryPoints: { index: 'test/e2e/suite.ts' },
    outdir: 'out/e2e',
    external: ['vscode']
});
