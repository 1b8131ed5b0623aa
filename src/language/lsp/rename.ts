/**
 * Rename that checks the new name before touching anything: the syntax of the name's token (an
 * identifier, or a quoted title), not a keyword of the language, no clash with a name of the same
 * kind in the plan (renaming source B into C would silently merge them). A refusal is a
 * ResponseError with a message in the locale; positions that are not names get no range (null).
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type CancellationToken, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import { renamedKind, renameText } from '../i18n/rename-messages.js';
import type { Locale } from '../i18n/locale.js';

/** The ID terminal of the grammar (language/terminals.langium), anchored. */
const identifier = /^[_a-zA-ZÀ-ÖØ-öø-ÿ][\w_À-ÖØ-öø-ÿ]*$/;

export class CpiplanRenameProvider extends DefaultRenameProvider {
    private readonly keywords: ReadonlySet<string>;

    constructor(private readonly services: CpiplanServices) {
        super(services);
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!target) {
            return undefined;
        }
        const locale = this.services.i18n.Locale.current;
        const quoted = target.nameNode.text.startsWith('"') || target.nameNode.text.startsWith("'");
        const name = quoted ? unquote(params.newName) : params.newName;
        const refusal = this.refusal(name, quoted, target.node, document, locale);
        if (refusal) {
            throw new ResponseError(ErrorCodes.InvalidParams, refusal);
        }
        return super.rename(document, { ...params, newName: quoted ? `"${name}"` : name }, cancelToken);
    }

    /** The declaration under the cursor and its name's token, when the position is on a name or a reference to one. */
    private targetAt(document: LangiumDocument, params: RenameParams): { node: AstNode; nameNode: CstNode } | undefined {
        if (!this.renameNodeRange(document, params.position)) {
            return undefined;
        }
        const root = document.parseResult.value.$cstNode;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const node = leaf && this.services.references.References.findDeclarations(leaf)[0];
        const nameNode = node && this.services.references.NameProvider.getNameNode(node);
        return node && nameNode ? { node, nameNode } : undefined;
    }

    /** Why the new name cannot be, or undefined when it can. */
    private refusal(name: string, quoted: boolean, node: AstNode, document: LangiumDocument, locale: Locale): string | undefined {
        if (name.trim() === '') {
            return renameText('emptyName', locale);
        }
        if (quoted ? /["'\\\r\n]/.test(name) : !identifier.test(name)) {
            return quoted ? renameText('notAString', locale, { name }) : renameText('notAnIdentifier', locale, { name });
        }
        if (!quoted && this.keywords.has(name)) {
            return renameText('keyword', locale, { name });
        }
        const names = this.services.references.NameProvider;
        const clash = AstUtils.streamAllContents(document.parseResult.value)
            .some(other => other !== node && other.$type === node.$type && names.getName(other) === name);
        return clash ? renameText('clash', locale, { kind: renamedKind(node.$type, locale), name }) : undefined;
    }
}

/** A title given with its quotes is taken without them. */
function unquote(name: string): string {
    return /^(["']).*\1$/s.test(name) ? name.slice(1, -1) : name;
}
