/** Helpers for language-server features: open a plan, find positions, apply edits. */
import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver';
import { testServices } from '../helpers.js';
import type { Locale } from '../../src/language/validation/issues.js';

let counter = 0;

/** Opens a plan (validated) and returns it with a function that closes it. */
export async function open(text: string, locale: Locale = 'en'): Promise<{ document: LangiumDocument; close: () => Promise<void> }> {
    const services = await testServices();
    services.i18n.Locale.current = locale;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/lsp/plan-${++counter}.cpiplan`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { document, close: async () => { await services.shared.workspace.DocumentBuilder.update([], [document.uri]); } };
}

/** The position of the `n`-th occurrence of `needle` (plus `shift` characters). */
export function positionOf(document: LangiumDocument, needle: string, shift = 0, occurrence = 1): Position {
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = document.textDocument.getText().indexOf(needle, index + 1);
    }
    if (index < 0) {
        throw new Error(`'${needle}' not found`);
    }
    return document.textDocument.positionAt(index + shift);
}

/** The text after applying a code action's edits. */
export function applyAction(document: LangiumDocument, action: CodeAction): string {
    const edits: TextEdit[] = Object.values(action.edit?.changes ?? {}).flat();
    return TextDocument.applyEdits(TextDocument.create('x', 'cpiplan', 0, document.textDocument.getText()), edits);
}

/** The hover's Markdown at the `shift`-th character of `needle` in a plan opened for the occasion. */
export async function hoverText(text: string, needle: string, shift: number, locale: Locale): Promise<string | undefined> {
    const services = await testServices();
    const opened = await open(text, locale);
    try {
        const result = await services.lsp.HoverProvider?.getHoverContent(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: positionOf(opened.document, needle, shift)
        }) as Hover | undefined;
        return (result?.contents as MarkupContent | undefined)?.value;
    } finally {
        await opened.close();
    }
}
