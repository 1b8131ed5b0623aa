/** `cpiplan import`: XLSX, CSV, pasted text or DOCX into a formatted, checked .cpiplan, reporting what it recognised and kept aside. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentText } from '../language/i18n/document-messages.js';
import { formatOf, gridOfCsv, importGrid, importText, type ImportResult } from '../import/import-plan.js';
import { InputError } from './load.js';
import { writeAtomically } from './output.js';

export interface ImportOptions { readonly out?: string; readonly force?: boolean; readonly region?: string }

/** Reads and converts the file; writes the plan; returns the result and where it went. */
export async function importFile(file: string, options: ImportOptions): Promise<{ result: ImportResult; out: string }> {
    const format = formatOf(file);
    if (!format) {
        throw new InputError(l => documentText('importUnknownFormat', l, { path: file }));
    }
    if (!fs.existsSync(file)) {
        throw new InputError(l => documentText('importUnknownFormat', l, { path: file }));
    }
    const origin = path.basename(file);
    const region = options.region ?? 'Regione';
    let result: ImportResult;
    switch (format) {
        case 'text': result = importText(fs.readFileSync(file, 'utf8'), origin, region); break;
        case 'csv': result = importGrid(gridOfCsv(fs.readFileSync(file, 'utf8')), [], origin, region); break;
        case 'xlsx': {
            const { gridOfXlsx } = await import('../import/read-office.js');
            result = importGrid(await gridOfXlsx(fs.readFileSync(file)), [], origin, region);
            break;
        }
        case 'docx': {
            const { readDocx } = await import('../import/read-office.js');
            const word = await readDocx(fs.readFileSync(file));
            result = importGrid(word.grid, { outline: word.prose }, origin, region);
            break;
        }
    }
    const out = options.out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.cpiplan`);
    writeAtomically(out, result.text, options.force ?? false);
    return { result, out };
}

