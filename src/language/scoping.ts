/** Scoping and linking: what a name can refer to, and what is said when it refers to nothing. */
import {
    AstUtils, Cancellation, CstUtils, DefaultAstNodeDescriptionProvider, DefaultLinker, DefaultScopeComputation, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, interruptAndCheck, isAstNode,
    isAstNodeDescription, isLinkingError, MultiMap, RefResolving, stream, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument,
    type DocumentSegment, type LinkingError, type LocalSymbols, type Reference, type ReferenceInfo, type Scope, type Stream, type URI
} from 'langium';
import type { CpiplanServices } from './cpiplan-module.js';
import { isFundingSource, isPlan, isRuleSet, isSection, type Plan } from './generated/ast.js';
import type { RuleSets } from './rule-sets.js';
import { issueMessage } from './i18n/issue-messages.js';
import { nearest } from './syntax/nearest.js';
import { allNodesOf, forEachReference } from './ast-walk.js';

/**
 * A symbol's description whose path and segments are worked out when first read. Langium's made
 * the path and the selection's range of every symbol on every build, though only a rename, a
 * find-references or a node loaded from another file reads them: on a cold check of a real plan
 * that was a tenth of the time spent before validation.
 */
class LazyDescription implements AstNodeDescription {
    readonly node: AstNode;
    readonly name: string;
    readonly type: string;
    readonly documentUri: URI;
    readonly #describer: CpiplanAstNodeDescriptionProvider;
    #path: string | undefined;
    #nameSegment: DocumentSegment | undefined;
    #selectionSegment: DocumentSegment | undefined;

    constructor(node: AstNode, name: string, documentUri: URI, describer: CpiplanAstNodeDescriptionProvider) {
        this.node = node;
        this.name = name;
        this.type = node.$type;
        this.documentUri = documentUri;
        this.#describer = describer;
    }

    get path(): string {
        return this.#path ??= this.#describer.pathOf(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.#nameSegment ??= this.#describer.nameSegmentOf(this.node);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.#selectionSegment ??= this.node.$cstNode && CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/** Langium's descriptions of symbols, made lazily (`LazyDescription`). */
export class CpiplanAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const named = name ?? this.nameProvider.getName(node);
        if (!named) {
            throw new Error(`Node at path ${this.pathOf(node)} has no name.`);
        }
        return new LazyDescription(node, named, (document ?? AstUtils.getDocument(node)).uri, this);
    }

    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }

    nameSegmentOf(node: AstNode): DocumentSegment | undefined {
        const cst = this.nameProvider.getNameNode(node) ?? node.$cstNode;
        return cst && CstUtils.toDocumentSegment(cst);
    }
}

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
        const symbols = AstUtils.getDocument(container).localSymbols;
        if (symbols === undefined) {
            return super.getScope(context);
        }
        const type = this.reflection.getReferenceType(context);
        const holder = nearestHolder(symbols, container);
        return holder ? this.localScope(symbols, holder, type, context) : this.getGlobalScope(type, context);
    }

    /** The scopes of a document's local symbols, by the node holding them and the type referred to. */
    private readonly localScopes = new WeakMap<LocalSymbols, Map<AstNode, Map<string, IndexedScope>>>();

    /**
     * Langium's chain of scopes (the symbols of each enclosing node that holds some, innermost
     * first, then the workspace's), made once per holder and type for a build of the document, and
     * searched by name through a table: Langium made the chain anew for every reference and scanned
     * each scope's symbols in turn (a fifth of linking on the real plans; bench/PROFILE.md, round 3).
     */
    private localScope(symbols: LocalSymbols, holder: AstNode, type: string, context: ReferenceInfo): Scope {
        let byHolder = this.localScopes.get(symbols);
        if (byHolder === undefined) {
            byHolder = new Map();
            this.localScopes.set(symbols, byHolder);
        }
        let byType = byHolder.get(holder);
        if (byType === undefined) {
            byType = new Map();
            byHolder.set(holder, byType);
        }
        const global = this.getGlobalScope(type, context);
        let scope = byType.get(type);
        if (scope === undefined || scope.global !== global) {
            const outerHolder = holder.$container ? nearestHolder(symbols, holder.$container) : undefined;
            const outer = outerHolder ? this.localScope(symbols, outerHolder, type, context) : global;
            const elements = symbols.getStream(holder).filter(description => this.reflection.isSubtype(description.type, type)).toArray();
            scope = new IndexedScope(elements, outer, global);
            byType.set(type, scope);
        }
        return scope;
    }
}

/** The node nearest `node` (itself included) that holds local symbols. */
function nearestHolder(symbols: LocalSymbols, node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && !symbols.has(current)) {
        current = current.$container;
    }
    return current;
}

/** Langium's `StreamScope` over a holder's symbols, found by name through a table (the first of a name wins, as there). */
class IndexedScope implements Scope {
    private readonly byName = new Map<string, AstNodeDescription>();

    constructor(private readonly elements: readonly AstNodeDescription[], private readonly outer: Scope, readonly global: Scope) {
        for (const element of elements) {
            if (!this.byName.has(element.name)) {
                this.byName.set(element.name, element);
            }
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name) ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.elements.filter(element => element.name === name)).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.elements).concat(this.outer.getAllElements());
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

/** What a reference asks its linker: the protected steps of Langium's `DefaultLinker`. */
interface Resolver {
    loadAstNode(description: AstNodeDescription): AstNode | undefined;
    createLinkingError(info: ReferenceInfo, description?: AstNodeDescription): LinkingError;
    getLinkedNode(info: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

/**
 * A reference as Langium's `DefaultLinker.buildReference` makes it, resolving the same way, with
 * its getters on a class: Langium's object literal made three closures and three accessor pairs
 * per reference, about a tenth of what a built plan holds (bench/PROFILE.md, round 3). What it
 * needs to resolve itself is in private fields: a reference's own keys are Langium's.
 */
class LazyReference implements Reference {
    readonly $refNode: CstNode | undefined;
    readonly $refText: string;
    _ref: AstNode | LinkingError | typeof RefResolving | undefined;
    declare _nodeDescription?: AstNodeDescription;
    readonly #resolver: Resolver;
    readonly #container: AstNode;
    readonly #property: string;

    constructor(resolver: Resolver, container: AstNode, property: string, refNode: CstNode | undefined, refText: string) {
        this.$refNode = refNode;
        this.$refText = refText;
        this._ref = undefined;
        this.#resolver = resolver;
        this.#container = container;
        this.#property = property;
    }

    get ref(): AstNode | undefined {
        if (isAstNode(this._ref)) {
            return this._ref;
        }
        const info = () => ({ reference: this, container: this.#container, property: this.#property });
        if (isAstNodeDescription(this._nodeDescription)) {
            this._ref = this.#resolver.loadAstNode(this._nodeDescription) ?? this.#resolver.createLinkingError(info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            this._ref = RefResolving;
            const document = AstUtils.findRootNode(this.#container).$document;
            const linked = this.#resolver.getLinkedNode(info());
            if (linked.error && document && document.state < DocumentState.ComputedScopes) {
                // Scopes not ready: left unresolved so that linking tries again.
                return this._ref = undefined;
            }
            this._ref = linked.node ?? linked.error;
            this._nodeDescription = linked.descr;
            document?.references.push(this);
        } else if (this._ref === RefResolving) {
            this.#resolver.throwCyclicReferenceError(this.#container, this.#property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

/** Keeps Langium's linking diagnostics, with a clear localized message. */
export class CpiplanLinker extends DefaultLinker {
    private readonly services: CpiplanServices;
    private readonly resolver: Resolver;

    constructor(services: CpiplanServices) {
        super(services);
        this.services = services;
        this.resolver = {
            loadAstNode: description => this.loadAstNode(description),
            createLinkingError: (info, description) => this.createLinkingError(info, description),
            getLinkedNode: info => this.getLinkedNode(info),
            throwCyclicReferenceError: (node, property, refText) => this.throwCyclicReferenceError(node, property, refText)
        };
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new LazyReference(this.resolver, node, property, refNode, refText);
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
        const nodes = allNodesOf(document.parseResult.value);
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
