/**
 * Requests the VS Code client sends for its commands: the plan's tables, the live preview,
 * the comparison with another version, and the status bar's summary. The client only shows
 * what these return; every figure comes from the evaluation here.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';
import type { Plan } from '../generated/ast.js';
import { diffPlans } from '../model/diff.js';
import { formatMoney } from '../model/numbers.js';
import { buildTables, capCharts } from '../../generator/build-tables.js';
import { diffTables } from '../../generator/diff-tables.js';
import { renderCapCharts, renderCsv, renderHtml, renderHtmlSections, renderJson, renderMarkdown, tableStyle } from '../../generator/render.js';
import { renderXlsx } from '../../generator/render-xlsx.js';
import { tableGroups, type TableGroup } from '../../generator/table-model.js';

export const requests = {
    tables: 'cpiplan/tables',
    preview: 'cpiplan/preview',
    diff: 'cpiplan/diff',
    summary: 'cpiplan/summary'
} as const;

export interface TablesParams { uri: string; table: TableGroup | 'all'; format: 'md' | 'html' | 'csv' | 'xlsx' | 'json' }
/** Text formats as text; xlsx as base64. */
export interface TablesResult { content: string; encoding: 'utf8' | 'base64' }
export interface PreviewResult { title: string; body: string; style: string }
export interface DiffParams { newUri: string; oldText: string; oldLabel: string }
export interface SummaryResult { grandTotal: string; errors: number; warnings: number }

/** The plan of a document, once it is validated; a clear error otherwise. */
async function planOf(services: CpiplanServices, uri: string): Promise<{ plan: Plan; document: LangiumDocument }> {
    const parsed = URI.parse(uri);
    await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
    const document = services.shared.workspace.LangiumDocuments.getDocument(parsed);
    const root = document?.parseResult.value;
    if (!document || root?.$type !== 'Plan') {
        throw new Error(services.i18n.Locale.current === 'it' ? 'Il file non contiene un piano.' : 'The file does not hold a plan.');
    }
    return { plan: root as Plan, document };
}

let scratch = 0;

/** Registers the requests on the connection. */
export function registerRequests(connection: Connection, services: CpiplanServices): void {
    connection.onRequest(requests.tables, async (params: TablesParams): Promise<TablesResult> => {
        const { plan } = await planOf(services, params.uri);
        const tables = buildTables(services.model.PlanEvaluator.evaluate(plan), params.table === 'all' ? tableGroups : [params.table]);
        switch (params.format) {
            case 'xlsx': return { content: (await renderXlsx(tables)).toString('base64'), encoding: 'base64' };
            case 'html': return { content: renderHtml(tables), encoding: 'utf8' };
            case 'csv': return { content: renderCsv(tables), encoding: 'utf8' };
            case 'json': return { content: renderJson(tables), encoding: 'utf8' };
            default: return { content: renderMarkdown(tables), encoding: 'utf8' };
        }
    });
    connection.onRequest(requests.preview, async (params: { uri: string }): Promise<PreviewResult> => {
        const { plan } = await planOf(services, params.uri);
        const evaluation = services.model.PlanEvaluator.evaluate(plan);
        return {
            title: plan.region ?? '',
            body: renderCapCharts(capCharts(evaluation)) + renderHtmlSections(buildTables(evaluation)),
            style: tableStyle
        };
    });
    connection.onRequest(requests.diff, async (params: DiffParams): Promise<{ markdown: string }> => {
        const { plan } = await planOf(services, params.newUri);
        const workspace = services.shared.workspace;
        const uri = URI.parse(`cpiplan-compare:/${++scratch}/${encodeURIComponent(params.oldLabel)}.cpiplan`);
        const old = workspace.LangiumDocumentFactory.fromString(params.oldText, uri);
        workspace.LangiumDocuments.addDocument(old);
        try {
            await workspace.DocumentBuilder.build([old], { validation: false });
            const root = old.parseResult.value;
            if (root?.$type !== 'Plan') {
                throw new Error(services.i18n.Locale.current === 'it' ? 'La versione da confrontare non contiene un piano.' : 'The version to compare with does not hold a plan.');
            }
            const diff = diffPlans(services.model.PlanEvaluator.evaluate(root as Plan), services.model.PlanEvaluator.evaluate(plan));
            return { markdown: renderMarkdown(diffTables(diff)) };
        } finally {
            await workspace.DocumentBuilder.update([], [uri]);
        }
    });
    connection.onRequest(requests.summary, async (params: { uri: string }): Promise<SummaryResult> => {
        const { plan, document } = await planOf(services, params.uri);
        const diagnostics = document.diagnostics ?? [];
        return {
            grandTotal: formatMoney(services.model.PlanEvaluator.evaluate(plan).grandTotal),
            errors: diagnostics.filter(d => d.severity === 1).length,
            warnings: diagnostics.filter(d => d.severity === 2).length
        };
    });
}
