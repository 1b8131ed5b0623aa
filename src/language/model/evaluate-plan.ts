/**
 * Evaluates a plan: reads its rule book once, asks each concern for its figures and its
 * checks of declared totals, and merges the checks in document order.
 *
 * Validation, hover, inlay hints, code lens, tables and the CLI read figures from the
 * resulting `PlanEvaluation`; none of them adds up anything itself.
 */
import { GrammarUtils, type AstNode } from 'langium';
import type { InterventionLine, Plan } from '../generated/ast.js';
import { evaluateConsistency } from './consistency.js';
import { damageOf, elementOf, type Damage } from './damage.js';
import { evaluateDeclarations } from './declarations.js';
import { elementsOf } from './elements.js';
import { evaluateFinance } from './finance.js';
import type { Check, DeclarationFigures, FinanceFigures, PlanEvaluation, TotalCheck } from './figures.js';
import { evaluateIndicators } from './indicators.js';
import { readNumber } from './numbers.js';
import { evaluateOutline, type OutlineFigures, type SectionPresence, type UnknownReference } from './outline.js';
import { readRuleBook, type RuleBook } from './rule-book.js';
import { evaluateStaffing } from './staffing.js';
import { evaluateStatistics } from './statistics.js';

/** Checks with their difference, sorted by where their declared figure stands in the document. */
export function inDocumentOrder(checks: readonly Check[]): TotalCheck[] {
    // Each node's offset read once: a composite node's offset is looked up among its children.
    return checks
        .map(check => ({ check: { ...check, difference: check.declared - check.computed }, offset: check.node.$cstNode?.offset ?? 0 }))
        .sort((a, b) => a.offset - b.offset)
        .map(({ check }) => check);
}

/**
 * A required declaration that is missing where a syntax error skipped text that could have held
 * it: not reported, since the plan may well make it.
 */
function missingButUnreadable(declaration: DeclarationFigures, damage: Damage, codeLost: boolean): boolean {
    if (declaration.present || !damage.any) {
        return false;
    }
    // Text skipped right after a line or section may be the rest of it (its header was read, its body not);
    // elsewhere, skipped text holds the declaration only if it names its key. A declaration that belongs in a
    // section is not placed when a section's header lost its code (`sezione §`, `sezione §.4` read as 4).
    const local = declaration.anchor.$type !== 'Plan' && (damage.inBody(declaration.anchor) || damage.trailing(declaration.anchor));
    return local || damage.mentions(declaration.rule.key) || (codeLost && declaration.placement.section !== undefined);
}

/** A line code's digits: `3,3` (a comma for the dot) is the same code as `3.3` for whoever wrote it. */
const digitsOf = (code: string) => code.replace(/\D/g, '');

/**
 * A name the plan does not have, where what names it or what it names is unreadable: the
 * reference itself holds skipped text, the skipped text names it (a line, declaration or item
 * whose block was skipped), or it is the code of a line whose written code is not a readable one
 * (`linea 3,3`, reported as invalid-number). Not reported: the syntax error or the number says it.
 * Nor is a code the plan writes as the official title of a line without a code: that line is the one named.
 */
function unknownButUnreadable(reference: UnknownReference, damage: Damage, finance: FinanceFigures, rules: RuleBook, codeLost: boolean): boolean {
    // A name the parser lost (`risposta sezione §, dichiarazione …`) names nothing to look for.
    if (reference.name.replace(/"/g, '').trim() === '' || damage.within(reference.node) || damage.mentions(reference.name)) {
        return true;
    }
    // A section named by code may be the one whose header lost its code.
    if (reference.what === 'section' && codeLost) {
        return true;
    }
    if (reference.what !== 'line' || reference.name.startsWith('"')) {
        return false;
    }
    return finance.lines.some(({ line }) => line.code !== undefined && !readNumber(line.code, 'code').ok && digitsOf(line.code) === digitsOf(reference.name))
        || finance.lines.some(({ line }) => codeUnreadable(line, damage))
        // `linea "Osservatorio regionale del mercato del lavoro"`: the line the rule set calls 3.3, written without its code.
        || finance.lines.some(({ line }) => line.code === undefined && rules.lineRuleTitled(line.title)?.code === reference.name);
}

/** A line whose code may be lost: text was skipped in its header, up to its code (its title when it has none). */
function codeUnreadable(line: InterventionLine, damage: Damage): boolean {
    const cst = line.$cstNode;
    if (!cst || !damage.within(line)) {
        return false;
    }
    const end = GrammarUtils.findNodeForProperty(cst, line.code !== undefined ? 'code' : 'title')?.end ?? cst.end;
    return damage.between(cst.offset, end);
}

/**
 * A required section that is missing where a syntax error may have hidden it: the skipped text
 * names its code, a section's header lost its code (`sezione §.3`), or the section it belongs in
 * has skipped text in its block.
 */
function sectionButUnreadable(section: SectionPresence, damage: Damage, codeLost: boolean): boolean {
    if (section.present || !damage.any) {
        return false;
    }
    return codeLost || damage.mentions(section.rule.code) || (section.anchor.$type === 'Section' && damage.inBody(section.anchor));
}

/** Some section's header has skipped or dropped text: its code may be lost or misread (`sezione §.3`, `sezione §`). */
function sectionCodeLost(plan: Plan, damage: Damage): boolean {
    return damage.any && elementsOf(plan, 'Section').some(s => {
        const cst = s.$cstNode;
        const end = cst && (GrammarUtils.findNodeForKeyword(cst, '{')?.offset ?? cst.end);
        return cst !== undefined && end !== undefined && damage.between(cst.offset, end);
    });
}

/** The outline's figures, without the missing sections and unknown names a syntax error or an unreadable code accounts for. */
function outlineOf(outline: OutlineFigures, damage: Damage, finance: FinanceFigures, rules: RuleBook, codeLost: boolean): OutlineFigures {
    const unknownReferences = outline.unknownReferences.filter(reference => !unknownButUnreadable(reference, damage, finance, rules, codeLost));
    const sections = outline.sections.filter(section => !sectionButUnreadable(section, damage, codeLost));
    return unknownReferences.length === outline.unknownReferences.length && sections.length === outline.sections.length
        ? outline : { ...outline, unknownReferences, sections };
}

/** Evaluates a plan against its rule set. Pure: same AST (and parse errors), same figures. */
export function evaluatePlan(plan: Plan): PlanEvaluation {
    const ruleSet = plan.ruleSet?.ref;
    const rules = readRuleBook(ruleSet);
    const damage = damageOf(plan);
    /** The node was read whole: no text skipped inside it or right after it. */
    const readWhole = (node: AstNode) => !damage.within(node) && !damage.trailing(node);
    const codeLost = sectionCodeLost(plan, damage);
    const finance = evaluateFinance(plan, rules, damage);
    const staffing = evaluateStaffing(plan, rules);
    const statistics = evaluateStatistics(plan);
    // A declared total in a block with unread text is compared with an incomplete sum: no check.
    const totals = inDocumentOrder([...finance.checks, ...staffing.checks, ...statistics.checks])
        .filter(check => !damage.inBody(elementOf(check.node)));
    const checkOf = new Map<AstNode, TotalCheck>(totals.map(check => [check.node, check]));
    return {
        plan,
        damage,
        ruleSet,
        rules,
        sources: finance.sources,
        lines: finance.lines,
        grandTotal: finance.grandTotal,
        totalAssigned: finance.totalAssigned,
        grandTotalComplete: finance.grandTotalComplete,
        caps: finance.caps,
        declarations: evaluateDeclarations(plan, rules)
            .filter(declaration => !missingButUnreadable(declaration, damage, codeLost))
            // A declaration with skipped text (its text lost its quotes) is not judged by its content.
            .map(declaration => damage.onLinesOf(declaration.present) ? { ...declaration, missing: [], empty: false } : declaration),
        outline: outlineOf(evaluateOutline(plan, rules, finance), damage, finance, rules, codeLost),
        staffTables: staffing.staffTables,
        summaries: staffing.summaries,
        movements: staffing.movements,
        hiring: staffing.hiring,
        statistics: statistics.statistics,
        // A cost row without its heads (the count is required: the parser put in a missing one) is not the row
        // that was written: `totalx € 1.199.620,00` is a misspelt total read as a row. Its cost is not summed up.
        personnelCosts: staffing.personnelCosts.map(cost => damage.within(cost.node) || cost.rows.some(({ row }) => row.heads === undefined)
            ? { ...cost, complete: false, rows: cost.rows.map(row => ({ ...row, difference: undefined })) } : cost),
        // A function row with skipped text may have lost its heads: its category's rows are not added up.
        functions: staffing.functions.map(figures => !damage.inBody(figures.node) ? figures : {
            ...figures, complete: false,
            groups: figures.groups.map(group => damage.inBody(group.node) ? { ...group, rowsTotal: undefined } : group)
        }),
        needs: staffing.needs,
        municipalities: staffing.municipalities,
        municipalitiesTotal: staffing.municipalitiesTotal,
        indicators: evaluateIndicators(plan).map(figures => damage.within(figures.indicator) ? { ...figures, decreasing: [] } : figures),
        // A table with unread text is incomplete: it is compared with no other. Without the rule set a
        // syntax error in the header hid, or one the plan names but is not found, categories and
        // positions cannot be matched: no table is.
        consistency: !ruleSet && (damage.inHeader || plan.ruleSet !== undefined) ? evaluateConsistency(plan, rules, {
            ...staffing, functions: [], staffTables: [], summaries: [], movements: [], hiring: [], personnelCosts: [], statistics: []
        }) : evaluateConsistency(plan, rules, {
            ...staffing,
            functions: staffing.functions.filter(figures => readWhole(figures.node)),
            staffTables: staffing.staffTables.filter(figures => readWhole(figures.table)),
            summaries: staffing.summaries.filter(figures => readWhole(figures.node)),
            movements: staffing.movements.filter(figures => readWhole(figures.node)),
            hiring: staffing.hiring.filter(figures => readWhole(figures.node)),
            personnelCosts: staffing.personnelCosts.filter(figures => readWhole(figures.node)),
            statistics: statistics.statistics.filter(figures => readWhole(figures.table))
        }),
        totals,
        totalOf: node => checkOf.get(node),
        lineOf: finance.lineOf,
        sourceOf: finance.sourceOf
    };
}
