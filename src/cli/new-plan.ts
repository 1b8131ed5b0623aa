/** `cpiplan new`: the skeleton of a new plan from a rule set, written, formatted and checked. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCpiplanServices, type CpiplanServices } from '../language/cpiplan-module.js';
import { isRuleSet, type RuleSet } from '../language/generated/ast.js';
import { cliText, counted } from '../language/i18n/cli-messages.js';
import type { Locale } from '../language/i18n/locale.js';
import { builtinRuleFiles } from '../language/workspace.js';
import { planSkeleton } from '../generator/skeleton.js';
import { InputError, loadAndValidate } from './load.js';
import { writeAtomically } from './output.js';

/** The rule sets shipped in a folder, parsed. */
export async function shippedRuleSets(services: CpiplanServices, rulesDir: string | undefined): Promise<RuleSet[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const found: RuleSet[] = [];
    for (const file of builtinRuleFiles(rulesDir)) {
        const document = await documents.getOrCreateDocument(URI.file(file));
        await services.shared.workspace.DocumentBuilder.build([document]);
        const root = document.parseResult.value;
        if (isRuleSet(root)) {
            found.push(root);
        }
    }
    return found;
}

export interface NewOptions { region?: string; rules: string; force?: boolean }

export async function newPlan(file: string, options: NewOptions, rulesDir: string | undefined, locale: Locale): Promise<number> {
    if (path.extname(file) !== '.cpiplan') {
        throw new InputError(l => cliText('notCpiplanName', l, { path: file }));
    }
    if (fs.existsSync(file) && !options.force) {
        throw new InputError(l => cliText('alreadyExists', l, { path: file }));
    }
    const { Cpiplan } = createCpiplanServices({ ...NodeFileSystem, rulesDir });
    Cpiplan.i18n.Locale.current = locale;
    const ruleSets = await shippedRuleSets(Cpiplan, rulesDir);
    const ruleSet = ruleSets.find(r => r.name === options.rules);
    if (!ruleSet) {
        throw new InputError(l => cliText('noSuchRuleSet', l, { name: options.rules, known: ruleSets.map(r => `"${r.name}"`).join(', ') }));
    }
    const region = options.region ?? path.basename(file, '.cpiplan').replace(/[-_]+/g, ' ').replace(/\b\p{Ll}/gu, c => c.toUpperCase());
    writeAtomically(file, planSkeleton(ruleSet, { region }), options.force ?? false);
    const { Cpiplan: checker } = createCpiplanServices({ ...NodeFileSystem, rulesDir });
    checker.i18n.Locale.current = locale;
    const [checked] = await loadAndValidate(checker, [path.resolve(file)], rulesDir);
    const errors = checked.diagnostics.filter(d => d.severity === 1).length;
    process.stdout.write(`${cliText('newPlanWritten', locale, { file, rules: ruleSet.name, errors, errorsWord: counted('error', errors, locale) })}\n`);
    return errors > 0 ? 1 : 0;
}
