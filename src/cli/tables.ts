/** Helpers of `cpiplan tables` and `cpiplan diff`: load one plan, pick and render tables. */
import type { CpiplanServices } from '../language/cpiplan-module.js';
import { isPlan } from '../language/generated/ast.js';
import type { PlanEvaluation } from '../language/model/figures.js';
import { tableGroups, type TableGroup, type TableSelection } from '../protocol.js';
import { cliText } from '../language/i18n/cli-messages.js';
import { InputError, loadAndValidate } from './load.js';

/** Loads one plan and returns its evaluation and error count. */
export async function evaluateFile(services: CpiplanServices, file: string, rulesDir: string | undefined): Promise<{ evaluation: PlanEvaluation; errors: number }> {
    const [checked] = await loadAndValidate(services, [file], rulesDir);
    const root = checked.document.parseResult.value;
    if (!isPlan(root)) {
        throw new InputError(l => cliText('notAPlan', l, { path: file }));
    }
    return {
        evaluation: services.model.PlanEvaluator.evaluate(root),
        errors: checked.diagnostics.filter(d => d.severity === 1).length
    };
}

/** The groups `--table` selects. */
export function selectGroups(table: TableSelection): readonly TableGroup[] {
    return table === 'all' ? tableGroups : [table];
}
