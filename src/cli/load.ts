/**
 * Loads `.cpiplan` files for the CLI: the files and folders named, the shipped rule sets, and
 * any rule set a plan names with `regole "…" da "file"`. Then builds them all with validation.
 * A `da` file that is missing is not an input error: the plan naming it says so
 * (`rule-file-missing`) and the other plans are checked as usual.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { CpiplanServices } from '../language/cpiplan-module.js';
import { isPlan } from '../language/generated/ast.js';
import { builtinRuleFiles } from '../language/workspace.js';
import { cliText } from '../language/i18n/cli-messages.js';
import { InputError } from './errors.js';
import { plansUnder, readPlanText, reasonOf } from './input.js';

export { InputError };

/** Expands files and folders into the `.cpiplan` files they hold, in a stable order. */
export function collectFiles(paths: string[]): string[] {
    const files: string[] = [];
    for (const given of paths) {
        const resolved = path.resolve(given);
        let stats: fs.Stats;
        try {
            stats = fs.statSync(resolved);
        } catch (error) {
            const reason = reasonOf(error);
            throw new InputError(l => reason === 'ENOENT' ? cliText('noSuchPath', l, { path: given }) : cliText('cannotRead', l, { path: given, reason }));
        }
        if (stats.isDirectory()) {
            const found = plansUnder(resolved, given);
            if (found.length === 0) {
                throw new InputError(l => cliText('noPlansInFolder', l, { path: given }));
            }
            files.push(...found);
        } else {
            files.push(resolved);
        }
    }
    return [...new Set(files)];
}

export interface CheckedDocument {
    readonly path: string;
    readonly document: LangiumDocument;
    readonly diagnostics: Diagnostic[];
}

/**
 * Parses, links and validates the files; returns them in the order given, then the rule files
 * the plans name with `da` that were not given (their problems are the plans' problems too).
 */
export async function loadAndValidate(services: CpiplanServices, files: string[], rulesDir: string | undefined): Promise<CheckedDocument[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const fromFile = async (file: string): Promise<LangiumDocument> => {
        if (path.extname(file) !== '.cpiplan') {
            throw new InputError(l => cliText('notCpiplanFile', l, { path: file }));
        }
        const uri = URI.file(file);
        const known = documents.getDocument(uri);
        if (known) {
            return known;
        }
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(readPlanText(file), uri);
        documents.addDocument(document);
        return document;
    };
    const own = [];
    for (const file of files) {
        own.push(await fromFile(file));
    }
    const extra = [];
    for (const file of builtinRuleFiles(rulesDir)) {
        extra.push(await fromFile(file));
    }
    // Rule sets named by path in a plan, relative to the plan; a missing one is the plan's diagnostic.
    const named: LangiumDocument[] = [];
    for (const document of own) {
        const root = document.parseResult.value;
        if (isPlan(root) && root.ruleFile) {
            const file = path.resolve(path.dirname(document.uri.fsPath), root.ruleFile);
            if (path.extname(file) !== '.cpiplan' || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
                continue;
            }
            const ruleDocument = await fromFile(file);
            if (!own.includes(ruleDocument) && !extra.includes(ruleDocument) && !named.includes(ruleDocument)) {
                named.push(ruleDocument);
            }
        }
    }
    await services.shared.workspace.DocumentBuilder.build([...own, ...extra, ...named], { validation: true });
    return [...own, ...named].map(document => ({ path: document.uri.fsPath, document, diagnostics: document.diagnostics ?? [] }));
}
