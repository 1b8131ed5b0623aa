/**
 * The validator: one registration table keyed by AST type. Plan-level rules read the plan's
 * evaluation (computed once per build); node-level rules look at one node.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CpiplanAstType, InterventionLine, LineRule, Measure, Plan, RuleSet, Section } from '../generated/ast.js';
import type { CpiplanServices } from '../cpiplan-module.js';
import type { PlanEvaluation } from '../model/figures.js';
import type { RuleBook } from '../model/rule-book.js';
import type { NumberNode } from '../model/reader.js';
import { IssueReporter } from './reporter.js';
import {
    itemMustNameItsSource, itemPartsMustMatchAmount, lineChargeMustNotExceedCap, sourceMustNotBeOverAllocated,
    sourceShouldBeFullyProgrammed
} from './finance-rules.js';
import { declaredTotalMustMatchComputed } from './total-rules.js';
import { requiredDeclarationMustBeComplete, requiredDeclarationMustBePresent } from './declaration-rules.js';
import {
    costRowMustHaveUnitCost, functionsMustMatchStaffTable, hireMustBeInProfileCategory, hiringPeriodMustBeGivenOnce, movementsMustMatchSummaryChange,
    officeFigureMustMatchStatistics, officeMustBeListedOnce, personnelCostMustCountHires, summaryMustMatchStaffTable
} from './consistency-rules.js';
import {
    capMustHoldAfterMoves, moveMustNotExceedAvailable, movesMustBalance, referenceMustNameWhatThePlanHas, requestMustHaveAnswer,
    requiredSectionMustBePresent, sourceMustHoldAfterMoves
} from './outline-rules.js';
import { functionRowsMustAddUpToCategory, fundingSharesMustCoverCost, personnelCostMustBeHeadsTimesUnitCost } from './staffing-rules.js';
import { cumulativeValuesMustNotDecrease, percentageMustBeWithinRange } from './indicator-rules.js';
import {
    capMustBeApplicable, lineCodeMustBeOfficial, lineTitleShouldBeOfficial, planMustNameRuleSet, ruleFileMustBeLoaded, ruleSetMustBeValid,
    ruleSetNameMustBeUnambiguous, sourceMustNameItsKind
} from './rule-set-rules.js';
import { dateMustExist, periodMustNotEndBeforeStart, planPeriodMustBeYearsInOrder, type DatedNode } from './date-rules.js';
import { codeMustBeWellFormed, numberMustBeItalian, planNamesMustBeUnique, ruleSetNamesMustBeUnique, severityRuleMustNameKnownCode } from './naming-rules.js';

/** The rules that read a plan's figures, in the order their diagnostics are reported. */
const planRules: ReadonlyArray<(evaluation: PlanEvaluation, reporter: IssueReporter) => void> = [
    sourceMustNotBeOverAllocated,
    sourceShouldBeFullyProgrammed,
    sourceMustNameItsKind,
    lineCodeMustBeOfficial,
    lineTitleShouldBeOfficial,
    capMustBeApplicable,
    lineChargeMustNotExceedCap,
    itemPartsMustMatchAmount,
    itemMustNameItsSource,
    declaredTotalMustMatchComputed,
    requiredDeclarationMustBePresent,
    requiredDeclarationMustBeComplete,
    summaryMustMatchStaffTable,
    functionsMustMatchStaffTable,
    movementsMustMatchSummaryChange,
    officeMustBeListedOnce,
    hiringPeriodMustBeGivenOnce,
    hireMustBeInProfileCategory,
    requiredSectionMustBePresent,
    requestMustHaveAnswer,
    referenceMustNameWhatThePlanHas,
    movesMustBalance,
    moveMustNotExceedAvailable,
    sourceMustHoldAfterMoves,
    capMustHoldAfterMoves,
    personnelCostMustBeHeadsTimesUnitCost,
    costRowMustHaveUnitCost,
    personnelCostMustCountHires,
    fundingSharesMustCoverCost,
    functionRowsMustAddUpToCategory,
    officeFigureMustMatchStatistics,
    cumulativeValuesMustNotDecrease
];

export class CpiplanValidator {
    constructor(private readonly services: CpiplanServices) { }

    private reporter(accept: ValidationAcceptor, rules?: RuleBook): IssueReporter {
        return new IssueReporter(accept, this.services.i18n.Locale.current, rules);
    }

    checkPlan(plan: Plan, accept: ValidationAcceptor): void {
        const evaluation = this.services.model.PlanEvaluator.evaluate(plan);
        const reporter = this.reporter(accept, evaluation.rules);
        planNamesMustBeUnique(plan, reporter);
        const ruleSets = this.services.references.RuleSets;
        // A header with skipped text may hold the `regole` a syntax error hid: that error says it.
        if (!evaluation.damage.inHeader) {
            planMustNameRuleSet(plan, ruleSets, reporter);
        }
        ruleFileMustBeLoaded(plan, ruleSets, reporter);
        ruleSetNameMustBeUnambiguous(plan, ruleSets, reporter);
        ruleSetMustBeValid(plan, ruleSets, reporter);
        planPeriodMustBeYearsInOrder(plan, reporter, evaluation.damage);
        for (const rule of planRules) {
            rule(evaluation, reporter);
        }
    }

    checkRuleSet(ruleSet: RuleSet, accept: ValidationAcceptor): void {
        const reporter = this.reporter(accept);
        ruleSetNamesMustBeUnique(ruleSet, reporter);
        severityRuleMustNameKnownCode(ruleSet, reporter);
    }

    checkNumber(node: NumberNode, accept: ValidationAcceptor): void {
        numberMustBeItalian(node, this.reporter(accept));
    }

    checkPercentage(node: NumberNode & { $type: 'Percentage' | 'Measure' }, accept: ValidationAcceptor): void {
        if (node.$type === 'Percentage' || (node as Measure).percent) {
            percentageMustBeWithinRange(node, this.reporter(accept));
        }
    }

    checkDates(node: DatedNode, accept: ValidationAcceptor): void {
        const reporter = this.reporter(accept);
        dateMustExist(node, reporter);
        if (node.$type === 'CategorySummary' || node.$type === 'Movements') {
            periodMustNotEndBeforeStart(node, reporter);
        }
    }

    checkCode(node: InterventionLine | LineRule | Section, accept: ValidationAcceptor): void {
        codeMustBeWellFormed(node, this.reporter(accept));
    }
}

/** Registers every check with Langium's validation registry. */
export function registerValidationChecks(services: CpiplanServices): void {
    const validator = services.validation.CpiplanValidator;
    const checks: ValidationChecks<CpiplanAstType> = {
        Plan: validator.checkPlan,
        RuleSet: validator.checkRuleSet,
        Money: validator.checkNumber,
        Count: validator.checkNumber,
        Percentage: [validator.checkNumber, validator.checkPercentage],
        Measure: [validator.checkNumber, validator.checkPercentage],
        InterventionLine: validator.checkCode,
        LineRule: validator.checkCode,
        Section: validator.checkCode,
        Act: validator.checkDates,
        StaffTable: validator.checkDates,
        CategorySummary: validator.checkDates,
        Movements: validator.checkDates
    };
    services.validation.ValidationRegistry.register(checks, validator);
}
