/**
 * Renders tables in any format. The XLSX writer (exceljs, the heaviest dependency) is loaded
 * only when a workbook is asked for: neither the server's start nor `cpiplan check` pays for it.
 * The bundles keep it in a file of its own (see esbuild.mjs).
 */
import type { TableFormat } from '../protocol.js';
import { renderCsv, renderHtml, renderJson, renderMarkdown } from './render.js';
import type { PlanTables } from './table-model.js';

/** Text formats as a string, xlsx as a buffer. */
export async function renderTables(tables: PlanTables, format: TableFormat): Promise<string | Buffer> {
    switch (format) {
        case 'md': return renderMarkdown(tables);
        case 'html': return renderHtml(tables);
        case 'csv': return renderCsv(tables);
        case 'json': return renderJson(tables);
        case 'xlsx': {
            const { renderXlsx } = await import('./render-xlsx.js');
            return renderXlsx(tables);
        }
    }
}
