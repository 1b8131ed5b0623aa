/** `cpiplan document`: the plan document in DOCX, HTML, PDF or Markdown, written next to the plan unless --out says where. */
import * as path from 'node:path';
import type { CpiplanServices } from '../language/cpiplan-module.js';
import { documentText } from '../language/i18n/document-messages.js';
import { buildDocument } from '../generator/document/build-document.js';
import { renderPlanDocument } from '../generator/document/render-plan-document.js';
import { renderDocumentHtml } from '../generator/document/render-document.js';
import type { DocumentFormat } from '../protocol.js';
import { collectFiles, InputError } from './load.js';
import { writeAtomically } from './output.js';
import { evaluateFile } from './tables.js';
import { docxToPdf, findPdfTool, htmlToPdf } from './pdf.js';

export interface DocumentOptions { readonly format: DocumentFormat; readonly out?: string; readonly force?: boolean }

/** Writes the document; returns the number of open errors of the plan. */
export async function writeDocument(services: CpiplanServices, rulesDir: string | undefined, file: string, options: DocumentOptions): Promise<{ errors: number; out: string }> {
    collectFiles([file]);
    const { evaluation, errors } = await evaluateFile(services, file, rulesDir);
    const document = buildDocument(evaluation, errors);
    const out = options.out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.${options.format}`);
    let content: string | Buffer;
    if (options.format === 'pdf') {
        const tool = findPdfTool();
        if (!tool) {
            throw new InputError(l => documentText('noPdfConverter', l));
        }
        content = tool.kind === 'soffice'
            ? docxToPdf(tool.path, await renderPlanDocument(document, 'docx') as Buffer)
            : htmlToPdf(tool.path, renderDocumentHtml(document));
    } else {
        content = await renderPlanDocument(document, options.format);
    }
    writeAtomically(out, content, options.force ?? false);
    return { errors, out };
}

