/** Helpers of `cpiplan tables` and `cpiplan diff`: load one plan, pick and render tables. */
import type { CpiplanServices } from '../language/cpiplan-module.js';
import { isPlan } from '../language/generated/ast.js';
import type { PlanEvaluation } from '../language/model/evaluation.js';
import { renderCsv, renderHtml, renderJson, renderMarkdown } from '../generator/render.js';
import { renderXlsx } from '../generator/render-xlsx.js';
import { tableGroups, type PlanTables, type TableGroup } from '../generator/table-model.js';
import { InputError, loadAndValidate } from './load.js';

export type TableFormat = 'md' | 'html' | 'csv' | 'xlsx' | 'json';

/** Loads one plan and returns its evaluation and error count. */
export async function evaluateFile(services: CpiplanServices, file: string, rulesDir: string | undefined): Promise<{ evaluation: PlanEvaluation; errors: number }> {
    const [checked] = await loadAndValidate(services, [file], rulesDir);
    const root = checked.document.parseResult.value;
    if (!isPlan(root)) {
        throw new InputError(`${file}: not a plan (it holds a rule set)`);
    }
    return {
        evaluation: services.model.PlanEvaluator.evaluate(root),
        errors: checked.diagnostics.filter(d => d.severity === 1).length
    };
}

/** Renders tables in a format: text or, for xlsx, a buffer. */
export async function renderTables(tables: PlanTables, format: TableFormat): Promise<string | Buffer> {
    switch (format) {
        case 'md': return renderMarkdown(tables);
        case 'html': return renderHtml(tables);
        case 'csv': return renderCsv(tables);
        case 'json': return renderJson(tables);
        case 'xlsx': return renderXlsx(tables);
    }
}

/** The groups `--table` selects. */
export function selectGroups(table: string): readonly TableGroup[] {
    return table === 'all' ? tableGroups : [table as TableGroup];
}
