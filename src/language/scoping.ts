/** Scoping and linking: what a name can refer to, and what is said when it refers to nothing. */
import {
    Cancellation, DefaultLinker, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, interruptAndCheck, MultiMap, stream,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LinkingError, type LocalSymbols, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import type { CpiplanServices } from './cpiplan-module.js';
import { isFundingSource, isPlan, isRuleSet, isSection, type Plan } from './generated/ast.js';
import type { RuleSets } from './rule-sets.js';
import { issueMessage } from './i18n/issue-messages.js';
import { nearest } from './syntax/nearest.js';
import { forEachReference, nodesOf } from './ast-walk.js';

/** Types a reference inside the same file may target. */
const local = new Set(['FundingSource', 'Office', 'Profile', 'HiringPlan', 'SourceKind']);

/**
 * Only referenceable things enter the scopes: rule sets globally; sources, offices, profiles
 * and hiring plans within their plan; source kinds within their rule set. Keeps indexing cheap
 * on large plans.
 */
export class CpiplanScopeComputation extends DefaultScopeComputation {
    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        if (node.$type === 'RuleSet') {
            super.addExportedSymbol(node, exports, document);
        }
    }

    /**
     * The same symbols as Langium's walk of every node, found where the grammar can put them: the
     * elements of a plan and of its sections (at any depth), the source kinds of a rule set. A
     * keystroke in a real plan no longer visits its thousands of figures and prose nodes here.
     */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const visit = async (elements: readonly AstNode[]): Promise<void> => {
            for (const node of elements) {
                await interruptAndCheck(cancelToken);
                this.addLocalSymbol(node, document, symbols);
                if (isSection(node)) {
                    await visit(node.elements);
                }
            }
        };
        if (isPlan(root)) {
            await visit(root.elements);
        } else if (isRuleSet(root)) {
            await visit(root.sourceKinds);
        }
        return symbols;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if (local.has(node.$type)) {
            super.addLocalSymbol(node, document, symbols);
        }
    }
}

/**
 * Resolution as the README states it: a plan's `regole` names a rule set in its `da` file when
 * it has one, otherwise the rule sets of the workspace, the shipped one first; a source's
 * `tipo` names a source kind of the plan's own rule set, never another one's.
 */
export class CpiplanScopeProvider extends DefaultScopeProvider {
    private readonly services: CpiplanServices;

    constructor(services: CpiplanServices) {
        super(services);
        this.services = services;
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isFundingSource(container) && context.property === 'kind') {
            const plan = container.$container;
            const ruleSet = isPlan(plan) ? plan.ruleSet?.ref : undefined;
            return ruleSet ? this.createScopeForNodes(ruleSet.sourceKinds) : EMPTY_SCOPE;
        }
        if (isPlan(container) && context.property === 'ruleSet') {
            return new RuleSetScope(this.services.references.RuleSets, container);
        }
        return super.getScope(context);
    }
}

/**
 * The rule sets a plan can name, as a `StreamScope` of `RuleSets.candidates` would give them, but
 * resolving one name sorts only the rule sets of that name.
 */
class RuleSetScope implements Scope {
    constructor(private readonly ruleSets: RuleSets, private readonly plan: Plan) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.ruleSets.candidates(this.plan, name)[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.ruleSets.candidates(this.plan, name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.ruleSets.candidates(this.plan));
    }
}

/** Keeps Langium's linking diagnostics, with a clear localized message. */
export class CpiplanLinker extends DefaultLinker {
    private readonly services: CpiplanServices;

    constructor(services: CpiplanServices) {
        super(services);
        this.services = services;
    }

    /**
     * Langium's linking of every reference in document order, yielding to the event loop (and
     * noticing a cancellation) every 128 nodes instead of awaiting a promise at each node, and
     * walking the tree without a stream per node (ast-walk.ts).
     */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const nodes = nodesOf(document.parseResult.value);
        const link = (reference: ReferenceInfo) => this.doLink(reference, document);
        for (let i = 0; i < nodes.length; i++) {
            if (i % 128 === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[i], link);
        }
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
