/**
 * A plan's rule set, read once: line rules by code, caps by source kind, required
 * declarations, and severity overrides by issue code. Every consumer (line evaluation, caps,
 * declarations, the issue reporter) asks the book instead of scanning the rule set.
 */
import type { DeclarationRule, LineRule, RuleSet, SectionRule, Severity, SourceKind } from '../generated/ast.js';
import type { Decimal } from './numbers.js';
import { decimal } from './reader.js';
import { capInRange } from './rule-set-problems.js';

export interface LineCap {
    readonly rule: LineRule;
    readonly rate: Decimal;
    readonly kind: SourceKind;
}

export interface RuleBook {
    readonly ruleSet?: RuleSet;
    /** The rule of a standard intervention line, by its code (`3.1`). */
    lineRule(code: string | undefined): LineRule | undefined;
    /** The standard line whose title (or one of its `variante` titles) a line carries, compared as printed. */
    lineRuleTitled(title: string | undefined): LineRule | undefined;
    /** The cap of a standard line, read once: its rate and the kind of source it is a share of. */
    capOf(code: string | undefined): LineCap | undefined;
    /** The line rules whose cap is a share of the given kind of source. */
    capsOn(kind: SourceKind): readonly LineRule[];
    /** The rule of a line whose cap is written but cannot be applied (unreadable, outside 0–100%, of an unknown kind). */
    unusableCapOf(code: string | undefined): LineRule | undefined;
    /** Whether some line has a cap on a kind of source: then every source must say its kind. */
    readonly capsOnKinds: boolean;
    /** The declarations the rule set requires, in its order. */
    readonly requiredDeclarations: readonly DeclarationRule[];
    /** The sections of the outline the rule set marks `obbligatoria`, in its order. */
    readonly requiredSections: readonly SectionRule[];
    /**
     * The severity the rule set gives an issue code (`under-allocated`), when it overrides the
     * default. A rule naming a code no issue has is reported by validation, not read here.
     */
    severityOf(code: string): Severity | undefined;
    /**
     * The staff category a category or position belongs to (`C2` → `C`, `C` → `C`); a name the
     * rule set does not list stands for itself.
     */
    categoryOf(name: string): string;
}

/** The issue code a rule file's severity rule names: the rule file writes `under_allocated`, codes are `under-allocated`. */
export function issueCodeOf(ruleCode: string): string {
    return ruleCode.replace(/_/g, '-');
}

/** A title compared as printed: case, spacing and the apostrophe's shape do not count. */
export function normalTitle(title: string | undefined): string {
    return (title ?? '').normalize('NFC').toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/[\s.;:]+$/, '').trim();
}

/** Reads a rule set into a rule book; an absent rule set gives an empty book. */
export function readRuleBook(ruleSet: RuleSet | undefined): RuleBook {
    const lines = new Map<string, LineRule>();
    const titled = new Map<string, LineRule>();
    const capOfLine = new Map<LineRule, LineCap>();
    const caps = new Map<SourceKind, LineRule[]>();
    const unusable = new Set<LineRule>();
    for (const rule of ruleSet?.lines ?? []) {
        if (!lines.has(rule.code)) {
            lines.set(rule.code, rule);
        }
        for (const title of [rule.title, ...rule.variants]) {
            if (title !== undefined && !titled.has(normalTitle(title))) {
                titled.set(normalTitle(title), rule);
            }
        }
        const kind = rule.source?.ref;
        const rate = decimal(rule.cap);
        if (rate && kind && capInRange(rule)) {
            capOfLine.set(rule, { rule, rate, kind });
            caps.set(kind, [...caps.get(kind) ?? [], rule]);
        } else if (rule.cap || rule.source) {
            unusable.add(rule);
        }
    }
    const severities = new Map<string, Severity>();
    for (const rule of ruleSet?.severities ?? []) {
        const code = issueCodeOf(rule.code);
        if (!severities.has(code)) {
            severities.set(code, rule.severity);
        }
    }
    const categories = new Map<string, string>();
    for (const rule of ruleSet?.categories ?? []) {
        categories.set(rule.name, rule.name);
        for (const position of rule.positions) {
            if (!categories.has(position)) {
                categories.set(position, rule.name);
            }
        }
    }
    return {
        ruleSet,
        lineRule: code => code === undefined ? undefined : lines.get(code),
        lineRuleTitled: title => title === undefined ? undefined : titled.get(normalTitle(title)),
        capOf: code => {
            const rule = code === undefined ? undefined : lines.get(code);
            return rule && capOfLine.get(rule);
        },
        capsOn: kind => caps.get(kind) ?? [],
        unusableCapOf: code => {
            const rule = code === undefined ? undefined : lines.get(code);
            return rule && unusable.has(rule) ? rule : undefined;
        },
        capsOnKinds: caps.size > 0 || unusable.size > 0,
        requiredDeclarations: ruleSet?.declarations ?? [],
        requiredSections: ruleSet?.sections.filter(s => s.required) ?? [],
        severityOf: code => severities.get(code),
        categoryOf: name => categories.get(name) ?? name
    };
}
