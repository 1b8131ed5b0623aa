/**
 * Entry of `out/cli-snapshot.cjs`, the whole CLI in one bundle, from which `node --build-snapshot`
 * makes a V8 start-up snapshot (see snapshot.ts for when and where). While the snapshot is built it
 * makes the language's services, builds their parser (Langium and chevrotain build it on every
 * start and cannot save it) and checks the shipped rule sets once with a throw-away set, so the
 * code that a check runs is compiled too. A process started from the snapshot then runs the CLI's
 * `main` as `out/cli.cjs` would, with the folder of the bundles given by the launcher: nothing
 * that depends on where the package is, on the locale or on the environment is read before that.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import warmUpPlan from '../../examples/valle-d-aosta-2020.cpiplan';
import warmUpPlanWithErrors from '../../examples/marche-2020.cpiplan';
import { createCpiplanServices } from '../language/cpiplan-module.js';
import { builtinRuleFiles, findRulesDir } from '../language/workspace.js';
import { bundleDir, setBundleDir } from './bundle-dir.js';
import { prepareServices } from './cli-services.js';
import { enableCompileCache } from './compile-cache.js';
import { renderText } from './check.js';
import { loadAndValidate } from './load.js';
import { main, program } from './main.js';
import { handshakeVariable, isOurBundle } from './snapshot-names.js';

/**
 * Runs what a check runs, with services of its own that are then dropped: two real plans (Valle d'Aosta,
 * whose figures are all right, and Marche, which has errors and warnings, so that the code reporting
 * them is compiled too) and the shipped rule sets, parsed, linked, validated and printed; and builds the
 * command line. What a process started from the snapshot runs for the first time is compiled then, and
 * was 256 functions, about 9 ms of a cold check, when this warmed up Valle d'Aosta alone (PROFILE.md, round 6).
 */
async function warmUp(rulesDir: string | undefined): Promise<void> {
    const { Cpiplan } = createCpiplanServices({ ...NodeFileSystem, rulesDir });
    const plans = [warmUpPlan, warmUpPlanWithErrors].map((text, i) =>
        Cpiplan.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(bundleDir(), `warm-up-${i}.cpiplan`))));
    plans.forEach(plan => Cpiplan.shared.workspace.LangiumDocuments.addDocument(plan));
    const checked = await loadAndValidate(Cpiplan, builtinRuleFiles(rulesDir), rulesDir);
    await Cpiplan.shared.workspace.DocumentBuilder.build(plans, { validation: true });
    renderText([...checked, ...plans.map(plan => ({ path: plan.uri.fsPath, document: plan, diagnostics: plan.diagnostics ?? [] }))], 'en');
    program('en');
}

/** The services a command of the started process takes, with their parser built. */
function prepare(rulesDir: string | undefined): void {
    const { Cpiplan } = createCpiplanServices({ ...NodeFileSystem, rulesDir });
    // Services are made when first asked for: asking for the parser builds it (and the lexer).
    Cpiplan.parser.LangiumParser.parse('');
    prepareServices(rulesDir, Cpiplan);
}

/** Tells the launcher, through the pipe it named, that the snapshot loaded and the CLI starts. */
function answerLauncher(): void {
    const fd = Number(process.env[handshakeVariable]);
    delete process.env[handshakeVariable];
    if (Number.isInteger(fd) && fd > 2) {
        try {
            fs.writeSync(fd, 'started');
            fs.closeSync(fd);
        } catch {
            // No launcher listening: nothing to tell.
        }
    }
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
    const rulesDir = findRulesDir(bundleDir());
    void warmUp(rulesDir).finally(() => prepare(rulesDir));
    v8.startupSnapshot.setDeserializeMainFunction(() => {
        answerLauncher();
        // `node --snapshot-blob <blob> <bundle folder> <arguments…>`: no script path in argv.
        const [node = process.execPath, dir = '', ...args] = process.argv;
        setBundleDir(dir);
        enableCompileCache(filename => isOurBundle(dir, filename));
        process.argv = [node, path.join(dir, 'cli.cjs'), ...args];
        void main(process.argv);
    });
}
