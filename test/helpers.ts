/** Shared test helpers: validate plans given as text, with the expected range marked «like this». */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createCpiplanServices, type CpiplanServices } from '../src/language/cpiplan-module.js';
import type { Plan } from '../src/language/generated/ast.js';
import type { PlanEvaluation } from '../src/language/model/figures.js';
import type { Locale } from '../src/language/validation/issues.js';

export const repoRoot = path.resolve(__dirname, '..');
export const rulesDir = path.join(repoRoot, 'language', 'rules');

let services: CpiplanServices | undefined;
let counter = 0;

/** One services instance per test file, with the shipped rule set loaded. */
export async function testServices(): Promise<CpiplanServices> {
    if (!services) {
        services = createCpiplanServices({ ...EmptyFileSystem, rulesDir }).Cpiplan;
        const documents = services.shared.workspace.LangiumDocuments;
        const rules = fs.readdirSync(rulesDir).map(f => {
            const document = services!.shared.workspace.LangiumDocumentFactory.fromString(
                fs.readFileSync(path.join(rulesDir, f), 'utf8'), URI.file(path.join(rulesDir, f)));
            documents.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(rules, { validation: true });
        // As a server's `initialized` does: the workspace is ready (requests wait for it).
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    }
    return services;
}

export interface Checked {
    readonly document: LangiumDocument;
    readonly diagnostics: Diagnostic[];
    /** The ranges marked «…» in the source, in order, as LSP ranges. */
    readonly marked: Diagnostic['range'][];
    readonly text: string;
    evaluation(): PlanEvaluation;
}

/** Extracts «…» markers from a text, returning the clean text and the marked offsets. */
function unmark(source: string): { text: string; spans: [number, number][] } {
    const spans: [number, number][] = [];
    let text = '';
    let open = -1;
    for (const char of source) {
        if (char === '«') {
            open = text.length;
        } else if (char === '»') {
            spans.push([open, text.length]);
        } else {
            text += char;
        }
    }
    return { text, spans };
}

/** Parses, links and validates one plan (the shipped rule set is in the workspace). */
export async function check(source: string, locale: Locale = 'en', extra: string[] = []): Promise<Checked> {
    const cpiplan = await testServices();
    cpiplan.i18n.Locale.current = locale;
    const { text, spans } = unmark(source);
    const factory = cpiplan.shared.workspace.LangiumDocumentFactory;
    const documents = cpiplan.shared.workspace.LangiumDocuments;
    const id = ++counter;
    const created = [text, ...extra].map((t, i) => {
        const document = factory.fromString(t, URI.file(`/test/plan-${id}-${i}.cpiplan`));
        documents.addDocument(document);
        return document;
    });
    await cpiplan.shared.workspace.DocumentBuilder.build(created, { validation: true });
    const document = created[0];
    const diagnostics = document.diagnostics ?? [];
    const root = document.parseResult.value;
    const evaluation = root.$type === 'Plan' ? cpiplan.model.PlanEvaluator.evaluate(root as Plan) : undefined;
    await cpiplan.shared.workspace.DocumentBuilder.update([], created.map(d => d.uri));
    return {
        document,
        diagnostics,
        text,
        marked: spans.map(([start, end]) => ({ start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) })),
        evaluation: () => {
            if (!evaluation) {
                throw new Error('Not a plan.');
            }
            return evaluation;
        }
    };
}

/** The diagnostics with one code. */
export function withCode(checked: Checked, code: string): Diagnostic[] {
    return checked.diagnostics.filter(d => d.code === code);
}

/** Reads an example plan. */
export function example(name: string): string {
    return fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
}

/** A minimal valid header plus two sources, for small fixtures. */
export const header = `piano "Test" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 1.640.250,18
fonte C "Allegato C" tipo allegato_C assegnato € 140.940,00
`;
