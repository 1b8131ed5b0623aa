/** Declarations the rule set requires. */
import type { PlanEvaluation } from '../model/figures.js';
import type { DeclarationPlace } from './issues.js';
import { severityFromRule, type IssueReporter } from './reporter.js';

function placeOf(placement: { readonly line?: string; readonly section?: string }): DeclarationPlace {
    return placement.line !== undefined ? { in: 'line', line: placement.line }
        : placement.section !== undefined ? { in: 'section', section: placement.section } : { in: 'plan' };
}

/** Each declaration the rule set requires must be present where it belongs. */
export function requiredDeclarationMustBePresent(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const declaration of evaluation.declarations) {
        if (declaration.present) {
            continue;
        }
        const anchor = declaration.anchor;
        const property = anchor.$type === 'InterventionLine' || anchor.$type === 'Section' ? 'code' : 'region';
        reporter.report('missing-declaration', {
            key: declaration.rule.key,
            title: declaration.rule.title,
            line: declaration.placement.line,
            section: declaration.placement.section,
            ruleSet: evaluation.ruleSet?.name ?? ''
        }, { node: anchor, property }, {
            severity: severityFromRule(declaration.rule.severity),
            data: { key: declaration.rule.key, text: declaration.rule.text, place: placeOf(declaration.placement) }
        });
    }
}

/**
 * A required declaration that is present must say what the rule set requires (its `contiene`
 * phrases) and must not be empty; the fix writes the standard wording in its place.
 */
export function requiredDeclarationMustBeComplete(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const declaration of evaluation.declarations) {
        const present = declaration.present;
        if (!present || (!declaration.empty && declaration.missing.length === 0)) {
            continue;
        }
        reporter.report('incomplete-declaration', {
            key: declaration.rule.key,
            title: declaration.rule.title,
            ruleSet: evaluation.ruleSet?.name ?? '',
            missing: declaration.missing,
            empty: declaration.empty
        }, { node: present, property: 'text' }, {
            severity: severityFromRule(declaration.rule.severity),
            data: { key: declaration.rule.key, text: declaration.rule.text, missing: declaration.missing }
        });
    }
}
