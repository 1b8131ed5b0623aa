/** Scoping and linking: what a name can refer to, and what is said when it refers to nothing. */
import { DefaultLinker, DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import type { MultiMap } from 'langium';
import type { CpiplanServices } from './cpiplan-module.js';
import { issueMessage } from './i18n/issue-messages.js';
import { nearest } from './syntax/nearest.js';

/** Types a reference inside the same file may target. */
const local = new Set(['FundingSource', 'Office', 'Profile', 'HiringPlan', 'SourceKind']);

/**
 * Only referenceable things enter the scopes: rule sets (and their source kinds) globally,
 * sources, offices, profiles and hiring plans within their plan. Keeps indexing cheap on
 * large plans.
 */
export class CpiplanScopeComputation extends DefaultScopeComputation {
    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        if (node.$type === 'RuleSet') {
            super.addExportedSymbol(node, exports, document);
            for (const kind of (node as AstNode & { sourceKinds: AstNode[] }).sourceKinds) {
                super.addExportedSymbol(kind, exports, document);
            }
        }
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if (local.has(node.$type)) {
            super.addLocalSymbol(node, document, symbols);
        }
    }
}

/** Keeps Langium's linking diagnostics, with a clear localized message. */
export class CpiplanLinker extends DefaultLinker {
    private readonly services: CpiplanServices;

    constructor(services: CpiplanServices) {
        super(services);
        this.services = services;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const locale = this.services.i18n.Locale.current;
        const written = refInfo.reference.$refText;
        const known = this.scopeProvider.getScope(refInfo).getAllElements().map(description => description.name).toArray();
        const suggestion = nearest(written, known);
        return { ...error, message: issueMessage('linking-error', { referent: type, name: written, ...suggestion ? { suggestion } : {} }, locale) };
    }
}
