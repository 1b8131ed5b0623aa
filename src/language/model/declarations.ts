/**
 * Declarations the rule book requires: where each belongs and whether the plan makes it.
 */
import type { Declaration, DeclarationRule, Plan } from '../generated/ast.js';
import { elementsOf } from './elements.js';
import type { DeclarationFigures } from './figures.js';
import { missingPhrases } from './phrases.js';
import type { RuleBook } from './rule-book.js';

/**
 * What a present declaration's text leaves out of what the rule requires; an empty text leaves
 * out everything (and is incomplete even when the rule requires no phrase).
 */
function contentOf(rule: DeclarationRule, present: Declaration | undefined): Pick<DeclarationFigures, 'missing' | 'empty'> {
    if (!present) {
        return { missing: [], empty: false };
    }
    const requirements = rule.requires.map(r => r.phrases);
    const empty = (present.text ?? '').trim() === '';
    return { missing: empty ? requirements : missingPhrases(present.text, requirements), empty };
}

export function evaluateDeclarations(plan: Plan, rules: RuleBook): DeclarationFigures[] {
    const lines = elementsOf(plan, 'InterventionLine');
    const sections = elementsOf(plan, 'Section');
    const planLevel = elementsOf(plan, 'Declaration').filter(d => d.$container === plan);
    return rules.requiredDeclarations.flatMap((rule): Omit<DeclarationFigures, 'missing' | 'empty'>[] => {
        if (rule.lineCode !== undefined) {
            return lines.filter(l => l.code === rule.lineCode).map(line => ({
                rule, anchor: line, placement: { line: rule.lineCode },
                present: line.declarations.find(d => d.key === rule.key)
            }));
        }
        if (rule.sectionCode !== undefined) {
            const inSections = sections.filter(s => s.code === rule.sectionCode);
            const inSection = inSections.flatMap(s => s.declarations).find(d => d.key === rule.key);
            return [{
                rule, anchor: inSections[0] ?? plan, placement: { section: rule.sectionCode },
                present: inSection ?? planLevel.find(d => d.key === rule.key)
            }];
        }
        const nested = [...sections, ...lines].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
        const anywhere = [...planLevel, ...nested.flatMap(e => e.declarations)];
        return [{ rule, anchor: plan, placement: {}, present: anywhere.find(d => d.key === rule.key) }];
    }).map(figures => ({ ...figures, ...contentOf(figures.rule, figures.present) }));
}
