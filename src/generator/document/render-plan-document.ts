/**
 * Renders the plan document in a text format or as DOCX. The DOCX writer (the `docx` library) is
 * loaded only when a Word file is asked for; the bundles keep it in out/docx.cjs (see esbuild.mjs).
 */
import type { PlanDocument } from './document-model.js';
import { renderDocumentHtml, renderDocumentMarkdown } from './render-document.js';

export async function renderPlanDocument(document: PlanDocument, format: 'docx' | 'html' | 'md'): Promise<string | Buffer> {
    switch (format) {
        case 'md': return renderDocumentMarkdown(document);
        case 'html': return renderDocumentHtml(document);
        case 'docx': {
            const { renderDocx } = await import('./render-docx.js');
            return renderDocx(document);
        }
    }
}
