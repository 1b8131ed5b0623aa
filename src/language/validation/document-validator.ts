/** Langium's document validator, with a visible code on every diagnostic. */
import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';

/** Gives every diagnostic a visible code, Langium's own (lexing, parsing, linking) included. */
export class CpiplanDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return diagnostics.map(diagnostic => {
            const data = diagnostic.data as { code?: string } | undefined;
            return diagnostic.code === undefined && data?.code ? { ...diagnostic, code: data.code } : diagnostic;
        });
    }
}
