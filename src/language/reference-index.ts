/**
 * The index of references ("who refers to this?"), built when first asked instead of on every build.
 * Langium describes every reference of a document (its path, its range) after each build, for
 * find-references, rename and cross-file invalidation; on a keystroke that is one description per
 * reference of the whole plan, then thrown away at the next keystroke unread. Here a build only
 * notes the document; its descriptions are made the first time a question needs them.
 */
import { AstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, type LangiumDocument, type LangiumSharedCoreServices, type ReferenceDescription, type Stream, type URI } from 'langium';

/** Langium's descriptions of a document's references, made at once (no pause between nodes: the caller waits). */
export class CpiplanReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    describeNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) {
                    descriptions.push(...this.createInfoDescriptions(info));
                }
            });
        }
        return descriptions;
    }
}

export class LazyReferenceIndexManager extends DefaultIndexManager {
    /** Documents built since their references were last described, by URI. */
    private readonly pending = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pending.set(uri, document);
        return Promise.resolve();
    }

    override removeReferences(uri: URI): void {
        this.pending.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: Parameters<DefaultIndexManager['findAllReferences']>[0], astNodePath: string): Stream<ReferenceDescription> {
        for (const uri of [...this.pending.keys()]) {
            this.describe(uri);
        }
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.describe(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    /** Describes a pending document's references now, as Langium's build would have. */
    private describe(uri: string): void {
        const document = this.pending.get(uri);
        if (!document) {
            return;
        }
        this.pending.delete(uri);
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (!(provider instanceof CpiplanReferenceDescriptionProvider)) {
            throw new Error('LazyReferenceIndexManager needs CpiplanReferenceDescriptionProvider');
        }
        const descriptions = provider.describeNow(document);
        this.referenceIndex.set(uri, descriptions);
    }
}
