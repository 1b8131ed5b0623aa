/**
 * Rules on the outline: required sections, the Ministry's review, names given by code or key,
 * and reprogramming moves (balance, availability, assignments and caps after the moves).
 */
import { formatMoney, formatPercentage } from '../model/numbers.js';
import type { PlanEvaluation } from '../model/figures.js';
import { severityFromRule, type IssueReporter } from './reporter.js';

/** Every section the rule set marks `obbligatoria` must be in the plan. */
export function requiredSectionMustBePresent(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const section of evaluation.outline.sections) {
        if (section.present) {
            continue;
        }
        reporter.report('missing-section', {
            section: section.rule.code,
            title: section.rule.title,
            ruleSet: evaluation.ruleSet?.name ?? ''
        }, { node: section.anchor, property: section.anchor.$type === 'Section' ? 'code' : 'region' }, {
            data: { section: section.rule.code }
        });
    }
}

/** Every request of the review must name the part of the plan that answers it. */
export function requestMustHaveAnswer(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    evaluation.outline.requests.forEach((figures, index) => {
        // Skipped text on its lines or on a continuation line may be its `risposta`.
        if (figures.answers.length > 0 || evaluation.damage.onLinesOf(figures.request) || evaluation.damage.beforeNext(figures.request)) {
            return;
        }
        const { request } = figures;
        reporter.report('unanswered-request', { request: request.number ?? String(index + 1) },
            { node: request, property: request.number !== undefined ? 'number' : 'text' });
    });
}

/** A line, section, declaration or item named by code or key must be in the plan. */
export function referenceMustNameWhatThePlanHas(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const reference of evaluation.outline.unknownReferences) {
        reporter.report('unknown-reference', { what: reference.what, name: reference.name, line: reference.line },
            { node: reference.node, property: reference.property });
    }
}

/** What the lines give up in a reprogramming must equal what they receive. */
export function movesMustBalance(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const block of evaluation.outline.reprogrammings) {
        if (!block.complete || block.leaving === block.arriving) {
            continue;
        }
        reporter.report('reprogramming-unbalanced', {
            leaving: formatMoney(block.leaving),
            arriving: formatMoney(block.arriving),
            difference: formatMoney(block.arriving - block.leaving)
        }, { node: block.node, property: block.node.title !== undefined ? 'title' : undefined }, {
            data: { leaving: block.leaving.toString(), arriving: block.arriving.toString() }
        });
    }
}

/** A move must not take more than its side holds at that point. */
export function moveMustNotExceedAvailable(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    for (const move of evaluation.outline.reprogrammings.flatMap(b => b.moves)) {
        if (move.amount === undefined || move.available === undefined || move.amount <= move.available) {
            continue;
        }
        reporter.report('move-exceeds-available', {
            amount: formatMoney(move.amount),
            from: move.from.label,
            available: formatMoney(move.available)
        }, { node: move.move.amount }, { data: { available: move.available.toString() } });
    }
}

/** After the moves, no source may be programmed beyond its assignment. */
export function sourceMustHoldAfterMoves(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const after = evaluation.outline.afterMoves;
    if (!after?.complete) {
        return;
    }
    for (const source of after.sources) {
        const assigned = source.source.assigned;
        if (assigned === undefined || source.after <= assigned || source.after === source.before || !source.lastMove) {
            continue;
        }
        reporter.report('reprogrammed-over-allocated', {
            source: source.source.label,
            before: formatMoney(source.before),
            after: formatMoney(source.after),
            assigned: formatMoney(assigned),
            excess: formatMoney(source.after - assigned)
        }, { node: source.lastMove.amount }, { data: { after: source.after.toString(), assigned: assigned.toString() } });
    }
}

/** After the moves, every cap must still hold. */
export function capMustHoldAfterMoves(evaluation: PlanEvaluation, reporter: IssueReporter): void {
    const after = evaluation.outline.afterMoves;
    if (!after?.complete) {
        return;
    }
    for (const cap of after.caps) {
        if (cap.after <= cap.cap.cap || cap.after === cap.before || !cap.lastMove) {
            continue;
        }
        reporter.report('reprogrammed-cap-exceeded', {
            line: cap.cap.line.code ?? cap.cap.line.title,
            source: cap.cap.source.label,
            before: formatMoney(cap.before),
            after: formatMoney(cap.after),
            cap: formatMoney(cap.cap.cap),
            rate: formatPercentage(cap.cap.rate),
            excess: formatMoney(cap.after - cap.cap.cap)
        }, { node: cap.lastMove.amount }, {
            severity: severityFromRule(cap.cap.severity),
            data: { after: cap.after.toString(), cap: cap.cap.cap.toString() }
        });
    }
}
