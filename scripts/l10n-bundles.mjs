#!/usr/bin/env node
// Writes the VS Code client's l10n bundles (l10n/bundle.l10n.<locale>.json) from the message
// catalogues under src/language/i18n, the one home of every text (src/extension/l10n-bundle.ts).
// Run by `npm run build`; the folder is an artefact like out/, not committed, so it cannot go stale.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { outputFiles } = await esbuild.build({
    entryPoints: [path.join(root, 'src/extension/l10n-bundle.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning'
});
const source = outputFiles[0].text;
const { l10nBundleFiles } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const folder = path.join(root, 'l10n');
fs.rmSync(folder, { recursive: true, force: true });
fs.mkdirSync(folder);
for (const [file, bundle] of Object.entries(l10nBundleFiles())) {
    fs.writeFileSync(path.join(folder, file), `${JSON.stringify(bundle, null, 2)}\n`);
}
