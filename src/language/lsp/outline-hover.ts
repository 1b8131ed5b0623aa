/**
 * Hover on the outline's constructs: a section (its title and what it holds), objectives and
 * results with their targets, actors and roles, moves with their amounts and the lines after
 * them, milestones with their periods, requests with their answers, item groups with their
 * subtotal. Figures come from the plan's evaluation.
 */
import type { AstNode } from 'langium';
import type { Actor, ItemGroup, Milestone, Move, Objective, Request, Result, Section } from '../generated/ast.js';
import type { PlanEvaluation } from '../model/figures.js';
import { formatMoney } from '../model/numbers.js';
import { periodLabel, targetLabel } from '../model/outline.js';
import type { Locale } from '../i18n/locale.js';
import { word } from '../i18n/words.js';

/** The hover of an outline construct, or undefined when the node is not one. */
export function outlineHover(node: AstNode, evaluation: PlanEvaluation, locale: Locale): string | undefined {
    switch (node.$type) {
        case 'Section': return section(node as Section, locale);
        case 'Objective': {
            const objective = node as Objective;
            return [`**${word('objective', locale)}** ${objective.text}`,
                ...objective.audience !== undefined ? ['', `${word('audience', locale)}: ${objective.audience}`] : []].join('\n');
        }
        case 'Result': return result(node as Result, locale);
        case 'Actor': {
            const actor = node as Actor;
            return [`**${word('actor', locale)}** ${actor.name}`, ...actor.role !== undefined ? ['', `${word('role', locale)}: ${actor.role}`] : []].join('\n');
        }
        case 'Move': return move(node as Move, evaluation, locale);
        case 'Milestone': {
            const milestone = node as Milestone;
            const about = milestone.lineCode !== undefined ? ` · ${word('line', locale)} ${milestone.lineCode}` : milestone.hiring ? ` · "${milestone.hiring.$refText}"` : '';
            return `**${word('milestone', locale)}** ${milestone.title}\n\n${word('when', locale)}: ${periodLabel(milestone.when)}${about}`;
        }
        case 'Request': return request(node as Request, evaluation, locale);
        case 'ItemGroup': {
            const group = node as ItemGroup;
            const figures = evaluation.lines.flatMap(l => l.groups).find(g => g.group === group);
            if (!figures) {
                return undefined;
            }
            const declared = figures.declared === undefined ? '' : ` · ${word('subtotal', locale)} ${formatMoney(figures.declared)}${figures.declared === figures.total ? ' ✓' : ''}`;
            return `**${word('group', locale)}** ${group.title}\n\n${word('total', locale)}: **${formatMoney(figures.total)}**${declared}`;
        }
        default: return undefined;
    }
}

function section(node: Section, locale: Locale): string {
    const counts = new Map<string, number>();
    const add = (key: Parameters<typeof word>[0]) => counts.set(word(key, locale), (counts.get(word(key, locale)) ?? 0) + 1);
    node.elements.forEach(e => add(e.$type === 'Paragraph' ? 'paragraphs' : e.$type === 'BulletList' ? 'lists' : e.$type === 'Section' ? 'subsections' : 'constructs'));
    node.declarations.forEach(() => add('declarations'));
    const holds = [...counts].map(([what, n]) => `${n} ${what}`).join(', ');
    const heading = `**${word('section', locale)}${node.code !== undefined ? ` ${node.code}` : ''}** ${node.title ?? ''}`.trimEnd();
    return holds ? `${heading}\n\n${word('holds', locale)}: ${holds}` : heading;
}

function result(node: Result, locale: Locale): string {
    const out = [`**${word('result', locale)}** ${node.title}`];
    const target = targetLabel(node);
    if (target) {
        out.push('', `${word('target', locale)}: ${target}`);
    }
    if (node.when) {
        out.push('', `${word('when', locale)}: ${periodLabel(node.when)}`);
    }
    return out.join('\n');
}

function move(node: Move, evaluation: PlanEvaluation, locale: Locale): string | undefined {
    const figures = evaluation.outline.reprogrammings.flatMap(r => r.moves).find(m => m.move === node);
    if (!figures) {
        return undefined;
    }
    const out = [`**${word('move', locale)}** ${figures.amount === undefined ? '' : formatMoney(figures.amount)}: ${figures.from.label} → ${figures.to.label}`];
    if (figures.available !== undefined) {
        out.push('', `${formatMoney(figures.available)} ${word('available', locale)}`);
    }
    const lines = evaluation.outline.afterMoves?.lines.filter(l => l.line === figures.from.line || l.line === figures.to.line) ?? [];
    for (const line of lines) {
        out.push('', `${word('line', locale)} ${line.line.label}: ${formatMoney(line.before)} → ${formatMoney(line.after)} ${word('afterMoves', locale)}`);
    }
    return out.join('\n');
}

function request(node: Request, evaluation: PlanEvaluation, locale: Locale): string | undefined {
    const figures = evaluation.outline.requests.find(r => r.request === node);
    if (!figures) {
        return undefined;
    }
    const answers = figures.answers.map(a => `${a.what === 'line' ? word('line', locale).toLowerCase() : a.what === 'section' ? word('section', locale).toLowerCase() : ''} ${a.name}${a.target ? ' ✓' : ` (${word('notInPlan', locale)})`}`.trim());
    return `**${word('request', locale)} ${node.number ?? ''}**`.replace(' **', '**') + `\n\n${word('answeredBy', locale)}: ${answers.length > 0 ? answers.join(', ') : word('noAnswer', locale)}`;
}
