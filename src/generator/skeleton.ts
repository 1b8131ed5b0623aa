/**
 * The skeleton of a new plan, from its rule set: the outline's sections, the funding sources of
 * the kinds the rule set knows, every official line with its title and its cap as a comment,
 * and each required declaration with its standard wording where it belongs. It checks with no
 * errors: the analyst fills in the figures and the prose.
 */
import type { DeclarationRule, RuleSet, SectionRule } from '../language/generated/ast.js';
import { formatPercentage } from '../language/model/numbers.js';
import { readRuleBook } from '../language/model/rule-book.js';

const INDENT = '    ';

/** A string literal of the language. */
function quoted(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The short name of a source of a kind: `allegato_B` → `B`, otherwise the kind itself. */
function sourceName(kind: string): string {
    return /_([A-Za-z0-9]+)$/.exec(kind)?.[1] ?? kind;
}

/** Whether `inner` is a subsection of `outer` (`2.2` of `2`). */
const within = (inner: string, outer: string) => inner.startsWith(`${outer}.`);

export interface SkeletonOptions {
    readonly region: string;
    readonly period?: string;
}

/** The text of a new plan that follows a rule set. */
export function planSkeleton(ruleSet: RuleSet, options: SkeletonOptions): string {
    const book = readRuleBook(ruleSet);
    const out: string[] = [];
    const line = (depth: number, text: string) => out.push(`${INDENT.repeat(depth)}${text}`);
    /** A blank line between statements, none right after an opening brace. */
    const gap = () => {
        if (!out[out.length - 1]?.endsWith('{')) {
            out.push('');
        }
    };
    const declarations = (depth: number, rules: readonly DeclarationRule[]) => {
        for (const rule of rules) {
            line(depth, `dichiarazione ${rule.key} ${quoted(rule.text)}`);
        }
    };
    const kinds = new Map(ruleSet.sourceKinds.map(kind => [kind, sourceName(kind.name)]));

    out.push(`// ${options.region}: piano regionale di potenziamento dei Centri per l'Impiego secondo "${ruleSet.name}".`);
    out.push('// Scheletro scritto da cpiplan: completare le risorse assegnate, le voci di ogni linea e i testi.');
    out.push(`piano ${quoted(options.region)}`);
    line(1, `titolo ${quoted(`Piano regionale di potenziamento dei Centri per l'Impiego`)}`);
    line(1, `periodo ${options.period ?? '2019-2021'}`);
    line(1, `regole ${quoted(ruleSet.name)}`);
    out.push('');
    for (const [kind, name] of kinds) {
        out.push(`fonte ${name} ${quoted(kind.title ?? kind.name)} tipo ${kind.name} assegnato € 0,00`);
    }

    /** The official lines, each with its cap as a comment and the declarations it must hold. */
    const lines = (depth: number) => {
        for (const rule of ruleSet.lines) {
            const cap = book.capOf(rule.code);
            const note = cap ? ` // max ${formatPercentage(cap.rate)} di ${cap.kind.title ?? cap.kind.name}` : '';
            gap();
            line(depth, `linea ${rule.code} ${quoted(rule.title)} {${note}`);
            declarations(depth + 1, book.requiredDeclarations.filter(d => d.lineCode === rule.code));
            line(depth, '}');
        }
    };
    let linesWritten = false;
    const sectionRules = ruleSet.sections;
    const financeSection = sectionRules.find(s => s.title.toLowerCase().includes('quadro finanziario') && s.code.includes('.'))?.code;
    const section = (rule: SectionRule, depth: number) => {
        gap();
        line(depth, `sezione ${rule.code} ${quoted(rule.title)} {`);
        declarations(depth + 1, book.requiredDeclarations.filter(d => d.sectionCode === rule.code));
        if (rule.code === financeSection) {
            lines(depth + 1);
            linesWritten = true;
        }
        for (const inner of sectionRules.filter(s => within(s.code, rule.code) && !sectionRules.some(m => within(s.code, m.code) && within(m.code, rule.code)))) {
            section(inner, depth + 1);
        }
        line(depth, '}');
    };
    for (const rule of sectionRules.filter(s => !sectionRules.some(outer => within(s.code, outer.code)))) {
        section(rule, 0);
    }
    if (!linesWritten) {
        lines(0);
    }
    const planLevel = book.requiredDeclarations.filter(d => d.plan || (d.sectionCode !== undefined && !sectionRules.some(s => s.code === d.sectionCode)));
    for (const rule of planLevel) {
        out.push('');
        if (rule.sectionCode !== undefined) {
            out.push(`sezione ${rule.sectionCode} {`);
            declarations(1, [rule]);
            out.push('}');
        } else {
            declarations(0, [rule]);
        }
    }
    out.push('');
    out.push('totale € 0,00');
    return out.join('\n') + '\n';
}
