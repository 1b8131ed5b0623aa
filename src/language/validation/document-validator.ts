/** Langium's document validator, with a visible code on every diagnostic. */
import {
    AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ValidationAcceptor,
    type ValidationCheck, type ValidationOptions
} from 'langium';
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

    /**
     * Langium's walk of every node, running the same checks in the same order, without its
     * per-node overhead: the checks of a type are looked up once per document, not streamed
     * anew for each node, and the walk yields to the event loop (and notices a cancellation)
     * every 128 nodes instead of awaiting a promise at each (bench/PROFILE.md).
     */
    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksOf = new Map<string, ValidationCheck[]>();
        const nodes = AstUtils.streamAst(rootNode).iterator();
        let count = 0;
        for (const node of nodes) {
            if (count++ % 128 === 0) {
                await interruptAndCheck(cancelToken);
            }
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksOf.get(node.$type);
                if (checks === undefined) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksOf.set(node.$type, checks);
                }
                for (const check of checks) {
                    await check(node, acceptor, cancelToken);
                }
            }
            if (!nodeOptions.validateChildren) {
                nodes.prune();
            }
        }
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
