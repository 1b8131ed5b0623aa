/** Langium's document validator, with a visible code on every diagnostic. */
import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import { isPlan } from '../generated/ast.js';

/**
 * Gives every diagnostic a visible code, Langium's own (lexing, parsing, linking) included. A
 * plan whose `da` file is missing is told so once (`rule-file-missing`), not also that its rule
 * set cannot be found.
 */
export class CpiplanDocumentValidator extends DefaultDocumentValidator {
    private readonly cpiplan: CpiplanServices;

    constructor(services: CpiplanServices) {
        super(services);
        this.cpiplan = services;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const root = document.parseResult.value;
        const missingFile = isPlan(root) && !this.cpiplan.references.RuleSets.fileLoaded(root);
        return diagnostics
            .filter(diagnostic => !(missingFile && isRuleSetLinkingError(diagnostic)))
            .map(diagnostic => {
                const data = diagnostic.data as { code?: string } | undefined;
                return diagnostic.code === undefined && data?.code ? { ...diagnostic, code: data.code } : diagnostic;
            });
    }
}

function isRuleSetLinkingError(diagnostic: Diagnostic): boolean {
    const data = diagnostic.data as { code?: string; containerType?: string; property?: string } | undefined;
    return data?.code === 'linking-error' && data.containerType === 'Plan' && data.property === 'ruleSet';
}
