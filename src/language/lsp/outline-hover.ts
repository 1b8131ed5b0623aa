/**
 * Hover on the outline's constructs: a section (its title and what it holds), objectives and
 * results with their targets, actors and roles, moves with their amounts and the lines after
 * them, milestones with their periods, requests with their answers, item groups with their
 * subtotal, the observatory and its members, the municipalities of a CPI, staff by function and
 * staffing needs with their totals. Figures come from the plan's evaluation.
 */
import type { AstNode } from 'langium';
import type {
    Actor, FunctionGroup, ItemGroup, Member, Milestone, Move, Municipalities, Objective, Observatory, Request, Result, Section, StaffByFunction, StaffingNeeds
} from '../generated/ast.js';
import type { FunctionGroupFigures, PlanEvaluation } from '../model/figures.js';
import { formatInteger, formatMoney } from '../model/numbers.js';
import { actLabel, periodLabel, targetLabel } from '../model/outline.js';
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
        case 'Observatory': return observatory(node as Observatory, evaluation, locale);
        case 'Member': {
            const member = node as Member;
            const figures = evaluation.outline.observatories.flatMap(o => o.members).find(m => m.node === member);
            return figures && `**${word('member', locale)}** ${member.role ?? ''}\n\n${word('heads', locale)}: ${figures.count === undefined ? '—' : formatInteger(figures.count)}`;
        }
        case 'Municipalities': {
            const figures = evaluation.municipalities.find(m => m.node === node);
            const note = (node as Municipalities).note;
            return figures && `**${word('municipalities', locale)}** ${figures.office}: **${formatInteger(figures.count)}**${note !== undefined ? `\n\n${note}` : ''}`;
        }
        case 'StaffByFunction': return staffByFunction(node as StaffByFunction, evaluation, locale);
        case 'FunctionGroup': {
            const figures = evaluation.functions.flatMap(f => f.groups).find(g => g.node === node as FunctionGroup);
            return figures && `**${figures.category}** ${groupLine(figures)}`;
        }
        case 'StaffingNeeds': return staffingNeeds(node as StaffingNeeds, evaluation, locale);
        default: return undefined;
    }
}

function observatory(node: Observatory, evaluation: PlanEvaluation, locale: Locale): string | undefined {
    const figures = evaluation.outline.observatories.find(o => o.node === node);
    if (!figures) {
        return undefined;
    }
    // Guarded: while typing, the parser leaves a missing title undefined whatever the AST type says.
    const out = [`**${word('observatory', locale)}** ${node.title ?? ''}`.trimEnd()];
    if (node.act) {
        out.push('', `${word('establishedBy', locale)}: ${actLabel(node.act)}`);
    }
    const declared = figures.declaredMembers === undefined ? undefined : `**${formatInteger(figures.declaredMembers)}**`;
    const listed = node.members.length > 0 && figures.complete ? `${formatInteger(figures.listedMembers)} ${word('listed', locale)}` : undefined;
    if (declared !== undefined || listed !== undefined) {
        out.push('', `${word('members', locale)}: ${[declared, listed].filter(p => p !== undefined).join(' · ')}`);
    }
    return out.join('\n');
}

/** `19 (3 + 2 + …: 19 ✓)`: a category's heads, and whether its rows add up to them. */
function groupLine(group: FunctionGroupFigures): string {
    const heads = group.count === undefined ? '—' : formatInteger(group.count);
    if (group.rowsTotal === undefined) {
        return heads;
    }
    const rows = group.rows.map(r => r.count === undefined ? '?' : formatInteger(r.count)).join(' + ');
    return `${heads} (${rows} = ${formatInteger(group.rowsTotal)}${group.rowsTotal === group.count ? ' ✓' : ' ≠'})`;
}

function staffByFunction(node: StaffByFunction, evaluation: PlanEvaluation, locale: Locale): string | undefined {
    const figures = evaluation.functions.find(f => f.node === node);
    if (!figures) {
        return undefined;
    }
    const out = [`**${word('staffByFunction', locale)}** ${figures.office}${node.date !== undefined ? ` · ${node.date}` : ''}`, '',
        `${word('total', locale)}: **${figures.complete ? formatInteger(figures.total) : '—'}**${figures.groups.length > 0 ? '  ' : ''}`];
    figures.groups.forEach((group, i) => out.push(`- ${group.category}: ${groupLine(group)}${i < figures.groups.length - 1 ? '  ' : ''}`));
    return out.join('\n');
}

function staffingNeeds(node: StaffingNeeds, evaluation: PlanEvaluation, locale: Locale): string | undefined {
    const figures = evaluation.needs.find(n => n.node === node);
    if (!figures) {
        return undefined;
    }
    const where = node.each ? `${word('everyCpi', locale)} (${formatInteger(figures.offices.length)})` : figures.offices.map(o => o.title ?? o.name).join(', ');
    const perOffice = figures.complete ? formatInteger(figures.perOffice) : '—';
    const total = figures.complete ? formatInteger(figures.total) : '—';
    return [`**${word('staffingNeeds', locale)}** ${node.title ?? ''}`.trimEnd(), '',
        `${word('offices', locale)}: ${where}  `, `${word('perOffice', locale)}: **${perOffice}** · ${word('total', locale)}: **${total}**`].join('\n');
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
