/**
 * PDF through a real reader on this machine, never a hand-written writer: LibreOffice converts
 * the DOCX (page numbers and repeated table headers as Word shows them); when it is missing,
 * headless Chromium prints the HTML. `CPIPLAN_PDF=soffice|chromium` picks one.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { documentText } from '../language/i18n/document-messages.js';
import { InputError } from './load.js';

function onPath(names: readonly string[]): string | undefined {
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
    for (const name of names) {
        for (const dir of dirs) {
            const candidate = path.join(dir, name);
            if (fs.existsSync(candidate)) {
                return candidate;
            }
        }
    }
    return undefined;
}

export type PdfTool = { readonly kind: 'soffice' | 'chromium'; readonly path: string };

/** The converter to use, or undefined when none is installed. */
export function findPdfTool(): PdfTool | undefined {
    const wanted = process.env.CPIPLAN_PDF;
    const soffice = wanted === 'chromium' ? undefined : onPath(['soffice', 'libreoffice']);
    if (soffice) {
        return { kind: 'soffice', path: soffice };
    }
    const chromium = wanted === 'soffice' ? undefined : onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']);
    return chromium ? { kind: 'chromium', path: chromium } : undefined;
}

/** Converts with LibreOffice: DOCX in, PDF out. */
export function docxToPdf(soffice: string, docx: Buffer): Buffer {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-pdf-'));
    try {
        const input = path.join(dir, 'piano.docx');
        fs.writeFileSync(input, docx);
        // A profile of its own, so a LibreOffice the user has open does not swallow the conversion.
        execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
            { stdio: 'pipe', timeout: 180_000 });
        return fs.readFileSync(path.join(dir, 'piano.pdf'));
    } catch (error) {
        throw new InputError(l => documentText('pdfFailed', l, { tool: 'LibreOffice', reason: (error as Error).message.split('\n')[0] ?? '' }));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Prints the HTML with headless Chromium. */
export function htmlToPdf(chromium: string, html: string): Buffer {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-pdf-'));
    try {
        const input = path.join(dir, 'piano.html');
        const output = path.join(dir, 'piano.pdf');
        fs.writeFileSync(input, html);
        execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${dir}/profile`,
            `--print-to-pdf=${output}`, `file://${input}`], { stdio: 'pipe', timeout: 180_000 });
        return fs.readFileSync(output);
    } catch (error) {
        throw new InputError(l => documentText('pdfFailed', l, { tool: 'Chromium', reason: (error as Error).message.split('\n')[0] ?? '' }));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
