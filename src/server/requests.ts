/**
 * Requests the VS Code client sends for its commands: the plan's tables, the live preview,
 * the comparison with another version, and the status bar's summary. The client only shows
 * what these return; every figure comes from the evaluation here.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { CpiplanServices } from '../language/cpiplan-module.js';
import { isRuleSet, type Plan, type RuleSet } from '../language/generated/ast.js';
import { diffPlans } from '../language/model/diff.js';
import { movesAgainstDiff } from '../language/model/diff-moves.js';
import { formatMoney } from '../language/model/numbers.js';
import { clientText } from '../language/i18n/client-messages.js';
import { buildTables, capCharts } from '../generator/build-tables.js';
import { diffTables } from '../generator/diff-tables.js';
import { renderCapCharts, renderHtmlSections, renderMarkdown, tableStyle } from '../generator/render.js';
import { renderTables } from '../generator/render-tables.js';
import { planSkeleton } from '../generator/skeleton.js';
import { buildDocument } from '../generator/document/build-document.js';
import { renderPlanDocument } from '../generator/document/render-plan-document.js';
import {
    type DocumentParams, type DocumentResult,
    requests, tableGroups, type NewPlanParams, type NewPlanResult, type DiffParams, type DiffResult, type PreviewParams, type PreviewResult, type SummaryParams, type SummaryResult,
    type TablesParams, type TablesResult
} from '../protocol.js';

/** The plan of a document, once it is validated; a clear error otherwise. */
export async function planOf(services: CpiplanServices, uri: string): Promise<{ plan: Plan; document: LangiumDocument }> {
    const parsed = URI.parse(uri);
    const workspace = services.shared.workspace;
    const notAPlan = () => new Error(clientText('notAPlan', services.i18n.Locale.current));
    // Edits are written under the workspace lock after the workspace has loaded; a read runs
    // once the writes queued before it are done, so an open plan is validated by then. A plan
    // no editor has open (a request right after start-up, or from a script) is validated
    // here: the workspace's first build does not validate files nobody opened, and waiting
    // for that would never end.
    await workspace.WorkspaceManager.ready;
    const document = await workspace.WorkspaceLock.read(async (): Promise<LangiumDocument | undefined> => {
        const documents = workspace.LangiumDocuments;
        if (!documents.hasDocument(parsed) && !(await workspace.FileSystemProvider.exists(parsed))) {
            return undefined;
        }
        const found = await documents.getOrCreateDocument(parsed);
        if (found.state < DocumentState.Validated) {
            await workspace.DocumentBuilder.build([found], { validation: true });
        }
        return found;
    });
    const root = document?.parseResult.value;
    if (!document || root?.$type !== 'Plan') {
        throw notAPlan();
    }
    return { plan: root as Plan, document };
}

let scratch = 0;

/** Registers the requests on the connection. */
export function registerRequests(connection: Connection, services: CpiplanServices): void {
    connection.onRequest(requests.tables, async (params: TablesParams): Promise<TablesResult> => {
        const { plan } = await planOf(services, params.uri);
        const tables = buildTables(services.model.PlanEvaluator.evaluate(plan), params.table === 'all' ? tableGroups : [params.table]);
        const content = await renderTables(tables, params.format);
        return typeof content === 'string' ? { content, encoding: 'utf8' } : { content: content.toString('base64'), encoding: 'base64' };
    });
    connection.onRequest(requests.preview, async (params: PreviewParams): Promise<PreviewResult> => {
        const { plan } = await planOf(services, params.uri);
        const evaluation = services.model.PlanEvaluator.evaluate(plan);
        return {
            title: plan.region ?? '',
            body: renderCapCharts(capCharts(evaluation)) + renderHtmlSections(buildTables(evaluation)),
            style: tableStyle
        };
    });
    connection.onRequest(requests.diff, async (params: DiffParams): Promise<DiffResult> => {
        const { plan } = await planOf(services, params.newUri);
        const workspace = services.shared.workspace;
        // An empty label would name the file `.cpiplan`: a dot file without extension, so no language for it.
        const uri = URI.parse(`cpiplan-compare:/${++scratch}/${encodeURIComponent(params.oldLabel) || 'old'}.cpiplan`);
        const old = workspace.LangiumDocumentFactory.fromString(params.oldText, uri);
        workspace.LangiumDocuments.addDocument(old);
        try {
            await workspace.DocumentBuilder.build([old], { validation: false });
            const root = old.parseResult.value;
            if (root?.$type !== 'Plan') {
                throw new Error(clientText('otherVersionNotAPlan', services.i18n.Locale.current));
            }
            const diff = diffPlans(services.model.PlanEvaluator.evaluate(root as Plan), services.model.PlanEvaluator.evaluate(plan));
            return { markdown: renderMarkdown(diffTables(diff)), disagreements: movesAgainstDiff(diff).filter(a => !a.agrees).length };
        } finally {
            await workspace.DocumentBuilder.update([], [uri]);
        }
    });
    connection.onRequest(requests.document, async (params: DocumentParams): Promise<DocumentResult> => {
        const { plan, document } = await planOf(services, params.uri);
        const problems = (document.diagnostics ?? []).filter(d => d.severity === 1).length;
        const content = await renderPlanDocument(buildDocument(services.model.PlanEvaluator.evaluate(plan), problems), params.format);
        return typeof content === 'string' ? { content, encoding: 'utf8', problems } : { content: content.toString('base64'), encoding: 'base64', problems };
    });
    connection.onRequest(requests.summary, async (params: SummaryParams): Promise<SummaryResult> => {
        const { plan, document } = await planOf(services, params.uri);
        const diagnostics = document.diagnostics ?? [];
        return {
            grandTotal: formatMoney(services.model.PlanEvaluator.evaluate(plan).grandTotal),
            errors: diagnostics.filter(d => d.severity === 1).length,
            warnings: diagnostics.filter(d => d.severity === 2).length
        };
    });
    connection.onRequest(requests.newPlan, async (params: NewPlanParams): Promise<NewPlanResult> => {
        await services.shared.workspace.WorkspaceManager.ready;
        const name = params.ruleSet ?? 'DM 74/2019';
        const ruleSet = services.shared.workspace.LangiumDocuments.all
            .map(d => d.parseResult.value).find((root): root is RuleSet => isRuleSet(root) && root.name === name);
        if (!ruleSet) {
            throw new Error(clientText('noRuleSet', services.i18n.Locale.current, { name }));
        }
        return { text: planSkeleton(ruleSet, { region: params.region }) };
    });
}
