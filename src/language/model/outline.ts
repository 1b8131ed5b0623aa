/**
 * The outline of a plan: the sections the rule set requires, the Ministry's review and what
 * answers each request, the lines, sections, declarations and items the descriptive
 * constructs name by code or key, and the reprogramming moves with the state of sources,
 * lines and caps after them.
 *
 * Moves are read as changes to the financial framework as written: the lines' items are the
 * state before the reprogramming, and the after-state is computed here, move by move, in
 * document order. When a later version consolidates the moves into the items, it drops the
 * `riprogrammazione` block (or keeps it as prose); `diff` then shows the same changes
 * (`movesAgainstDiff` in diff.ts).
 */
import type { AstNode } from 'langium';
import type {
    ActRef, Answer, Endpoint, FundingSource, Indicator, Member, Milestone, Move, Objectives, Observatory, Period, Plan, Reprogramming, Request, Result, Section, SectionRule
} from '../generated/ast.js';
import type { ReferenceKind } from '../i18n/issue-messages.js';
import { elementsOf } from './elements.js';
import type { CapFigures, FinanceFigures, ItemFigures, LineFigures, SourceFigures } from './figures.js';
import { formatMeasure } from './numbers.js';
import { count, decimal, money } from './reader.js';
import { Sum } from './sum.js';
import type { RuleBook } from './rule-book.js';

/** A section the rule set requires, and the plan's section of that code if it has one. */
export interface SectionPresence {
    readonly rule: SectionRule;
    readonly present?: Section;
    /** Where a missing section is reported: the section it would belong to, or the plan. */
    readonly anchor: Plan | Section;
}

/** A name a construct gives by code or key, and what the plan does not have. */
export interface UnknownReference {
    readonly node: AstNode;
    readonly property: string;
    readonly what: ReferenceKind;
    readonly name: string;
    /** For an item: the line it was looked for in. */
    readonly line?: string;
}

/** A part of the plan a request names as its answer, found or not. */
export interface AnswerFigures {
    readonly answer: Answer;
    readonly what: ReferenceKind;
    readonly name: string;
    /** The line, section or declaration that answers; undefined when the plan does not have it. */
    readonly target?: AstNode;
}

export interface RequestFigures {
    readonly request: Request;
    readonly answers: readonly AnswerFigures[];
}

/** One side of a move, resolved against the plan. */
export interface EndpointFigures {
    readonly endpoint: Endpoint;
    /** `3.4`, `3.4 "voce" su B`, `fonte B`: how messages and tables name the side. */
    readonly label: string;
    /** The line it names; undefined for a source side, or when the plan has no such line. */
    readonly line?: LineFigures;
    readonly item?: ItemFigures;
    /** The source the money leaves or arrives on: written with `su`, or the only one the line (item, plan) uses. */
    readonly source?: FundingSource;
    /** The side names a line (or item) the plan has, or a source. */
    readonly resolved: boolean;
}

export interface MoveFigures {
    readonly move: Move;
    readonly amount?: bigint;
    readonly from: EndpointFigures;
    readonly to: EndpointFigures;
    /** What the leaving side held when the move came (after the moves before it). */
    readonly available?: bigint;
}

export interface ReprogrammingFigures {
    readonly node: Reprogramming;
    readonly moves: readonly MoveFigures[];
    /** What leaves lines, and what arrives at lines; a source side neither leaves nor arrives. */
    readonly leaving: bigint;
    readonly arriving: bigint;
    /** Every amount was readable and every side resolved. */
    readonly complete: boolean;
}

/** A figure before and after the moves, and the last move that changed it. */
export interface Reprogrammed {
    readonly before: bigint;
    readonly after: bigint;
    readonly lastMove?: Move;
}

export interface ReprogrammedLine extends Reprogrammed {
    readonly line: LineFigures;
    /** after − before. */
    readonly change: bigint;
    readonly bySource: ReadonlyMap<FundingSource, Reprogrammed>;
}

export interface ReprogrammedSource extends Reprogrammed {
    readonly source: SourceFigures;
}

export interface ReprogrammedCap extends Reprogrammed {
    readonly cap: CapFigures;
}

/** The financial framework after every move. */
export interface AfterMoves {
    readonly lines: readonly ReprogrammedLine[];
    readonly sources: readonly ReprogrammedSource[];
    readonly caps: readonly ReprogrammedCap[];
    /** Every move touched a known source, so sources and caps after the moves are exact. */
    readonly complete: boolean;
}

/** The observatory: the members the plan lists, and how many it says there are. */
export interface ObservatoryFigures {
    readonly node: Observatory;
    /** `componenti 5`: how many members the plan says the observatory has. */
    readonly declaredMembers?: number;
    /** Each member with its number: one when the plan writes none. */
    readonly members: readonly { readonly node: Member; readonly count?: number }[];
    /** The members listed, a `componente` without a number counting one. */
    readonly listedMembers: number;
    /** Every listed member's number was readable. */
    readonly complete: boolean;
}

export interface OutlineFigures {
    readonly sections: readonly SectionPresence[];
    readonly requests: readonly RequestFigures[];
    readonly unknownReferences: readonly UnknownReference[];
    readonly reprogrammings: readonly ReprogrammingFigures[];
    /** The framework after the moves; undefined when the plan moves nothing. */
    readonly afterMoves?: AfterMoves;
    readonly observatories: readonly ObservatoryFigures[];
}

/** Evaluates the outline against the rule book and the plan's money. */
export function evaluateOutline(plan: Plan, rules: RuleBook, finance: FinanceFigures): OutlineFigures {
    const sections = elementsOf(plan, 'Section');
    const lineByCode = (code: string) => finance.lines.find(l => l.line.code === code);
    const lineByTitle = (title: string) => finance.lines.find(l => l.line.title === title);
    const unknownReferences: UnknownReference[] = [];

    const requests = elementsOf(plan, 'Review').flatMap(review => review.requests).map((request): RequestFigures => ({
        request,
        answers: request.answers.map(answer => {
            const found = answerOf(answer, plan, lineByCode, sections);
            if (!found.target) {
                unknownReferences.push({ node: answer, property: found.property, what: found.what, name: found.name });
            }
            return { answer, what: found.what, name: found.name, target: found.target };
        })
    }));

    const lineReferences: (Objectives | Milestone)[] = [...elementsOf(plan, 'Objectives'), ...elementsOf(plan, 'Timeline').flatMap(t => t.milestones)];
    for (const node of lineReferences) {
        const code = node.lineCode;
        const title = node.$type === 'Objectives' ? node.lineTitle : undefined;
        if (code !== undefined && !lineByCode(code)) {
            unknownReferences.push({ node, property: 'lineCode', what: 'line', name: code });
        } else if (title !== undefined && !lineByTitle(title)) {
            unknownReferences.push({ node, property: 'lineTitle', what: 'line', name: `"${title}"` });
        }
    }

    const reprogrammings = evaluateMoves(elementsOf(plan, 'Reprogramming'), finance, lineByCode, lineByTitle, unknownReferences);
    return {
        sections: requiredSections(plan, rules, sections),
        requests,
        unknownReferences: unknownReferences.sort((a, b) => (a.node.$cstNode?.offset ?? 0) - (b.node.$cstNode?.offset ?? 0)),
        reprogrammings: reprogrammings.figures,
        afterMoves: reprogrammings.after,
        observatories: elementsOf(plan, 'Observatory').map(observatoryFigures)
    };
}

function observatoryFigures(node: Observatory): ObservatoryFigures {
    const listed = new Sum();
    // A member written without a number is one person.
    const members = node.members.map(member => ({ node: member, count: member.count ? count(member.count) : 1 }));
    members.forEach(member => listed.add(member.count));
    return { node, declaredMembers: count(node.memberCount), members, listedMembers: Number(listed.value), complete: listed.complete };
}

/**
 * The required sections, checked only in a plan written with its outline: a file that holds
 * only figures (a financial framework, a staff table) is not the whole document, and twelve
 * warnings on it would drown what matters.
 */
function requiredSections(plan: Plan, rules: RuleBook, sections: readonly Section[]): SectionPresence[] {
    if (!sections.some(s => s.code !== undefined)) {
        return [];
    }
    return rules.requiredSections.map(rule => {
        const present = sections.find(s => s.code === rule.code);
        // A missing 1.3 is reported on section 1 when the plan has it.
        const parentCode = rule.code.includes('.') ? rule.code.slice(0, rule.code.lastIndexOf('.')) : undefined;
        const parent = parentCode === undefined ? undefined : sections.find(s => s.code === parentCode);
        return { rule, present, anchor: parent ?? plan };
    });
}

function answerOf(
    answer: Answer, plan: Plan, lineByCode: (code: string) => LineFigures | undefined, sections: readonly Section[]
): { what: ReferenceKind; name: string; property: string; target?: AstNode } {
    if (answer.lineCode !== undefined) {
        return { what: 'line', name: answer.lineCode, property: 'lineCode', target: lineByCode(answer.lineCode)?.line };
    }
    if (answer.sectionCode !== undefined) {
        return { what: 'section', name: answer.sectionCode, property: 'sectionCode', target: sections.find(s => s.code === answer.sectionCode) };
    }
    const key = answer.declaration ?? '';
    const declarations = [...elementsOf(plan, 'Declaration'), ...elementsOf(plan, 'InterventionLine').flatMap(l => l.declarations)];
    return { what: 'declaration', name: key, property: 'declaration', target: declarations.find(d => d.key === key) };
}

/** The money of a line (or item) on each source, or on no known source (`undefined`), as the moves change it. */
type Cells = Map<FundingSource | undefined, bigint>;

function evaluateMoves(
    blocks: readonly Reprogramming[], finance: FinanceFigures,
    lineByCode: (code: string) => LineFigures | undefined, lineByTitle: (title: string) => LineFigures | undefined,
    unknownReferences: UnknownReference[]
): { figures: ReprogrammingFigures[]; after?: AfterMoves } {
    if (blocks.every(b => b.moves.length === 0)) {
        return { figures: blocks.map(node => ({ node, moves: [], leaving: 0n, arriving: 0n, complete: true })) };
    }
    const lineCells = new Map<LineFigures, Cells>(finance.lines.map(l => [l, new Map(l.bySource)]));
    const itemCells = new Map<ItemFigures, Cells>();
    const programmed = new Map<FundingSource, bigint>(finance.sources.map(s => [s.source, s.programmed]));
    const lastMoveOfLine = new Map<LineFigures, Move>();
    const lastMoveOfCell = new Map<string, Move>();
    const lastMoveOfSource = new Map<FundingSource, Move>();
    let sourcesExact = true;
    const onlySource = finance.sources.length === 1 ? finance.sources[0].source : undefined;

    const resolve = (endpoint: Endpoint, other?: EndpointFigures): EndpointFigures => {
        const written = endpoint.source?.ref;
        if (endpoint.lineCode === undefined && endpoint.lineTitle === undefined) {
            return { endpoint, label: `fonte ${endpoint.source?.$refText ?? ''}`, source: written, resolved: written !== undefined };
        }
        const line = endpoint.lineCode !== undefined ? lineByCode(endpoint.lineCode) : lineByTitle(endpoint.lineTitle ?? '');
        const lineName = endpoint.lineCode ?? `"${endpoint.lineTitle ?? ''}"`;
        if (!line) {
            unknownReferences.push({ node: endpoint, property: endpoint.lineCode !== undefined ? 'lineCode' : 'lineTitle', what: 'line', name: lineName });
        }
        const item = endpoint.item === undefined ? undefined : line?.items.find(i => i.item.title === endpoint.item);
        if (line && endpoint.item !== undefined && !item) {
            unknownReferences.push({ node: endpoint, property: 'item', what: 'item', name: `"${endpoint.item}"`, line: line.label });
        }
        const parts = item ? item.parts : line?.bySource;
        const usedSources = [...parts?.keys() ?? []];
        const source = written ?? (usedSources.length === 1 ? usedSources[0] : undefined) ?? other?.source ?? onlySource;
        const label = [lineName, endpoint.item !== undefined ? `"${endpoint.item}"` : undefined, endpoint.source?.$refText ? `su ${endpoint.source.$refText}` : undefined]
            .filter(p => p !== undefined).join(' ');
        return { endpoint, label, line, item, source, resolved: line !== undefined && (endpoint.item === undefined || item !== undefined) };
    };

    const cellsOfItem = (item: ItemFigures): Cells => {
        let cells = itemCells.get(item);
        if (!cells) {
            cells = new Map(item.parts);
            if (cells.size === 0 && item.amount !== undefined) {
                cells.set(undefined, item.amount);
            }
            itemCells.set(item, cells);
        }
        return cells;
    };
    /** The cell a side reads and writes: its source's, or the one of an item without a known source. */
    const keyOf = (cells: Cells, source: FundingSource | undefined): FundingSource | undefined =>
        source !== undefined && !cells.has(source) && cells.has(undefined) ? undefined : source;
    const held = (cells: Cells, source: FundingSource | undefined): bigint =>
        source === undefined ? [...cells.values()].reduce((a, b) => a + b, 0n) : cells.get(keyOf(cells, source)) ?? 0n;
    const change = (cells: Cells, source: FundingSource | undefined, amount: bigint): void => {
        const key = keyOf(cells, source);
        cells.set(key, (cells.get(key) ?? 0n) + amount);
    };

    const figures = blocks.map((node): ReprogrammingFigures => {
        let leaving = 0n;
        let arriving = 0n;
        let complete = true;
        const moves = node.moves.map((move): MoveFigures => {
            const from = resolve(move.from);
            const to = resolve(move.to, from);
            const amount = money(move.amount);
            if (amount === undefined || !from.resolved || !to.resolved) {
                complete = false;
                return { move, amount, from, to };
            }
            let available: bigint | undefined;
            if (from.line) {
                available = from.item ? held(cellsOfItem(from.item), from.source) : held(lineCells.get(from.line) ?? new Map(), from.source);
            } else if (from.source) {
                const assigned = finance.sourceOf(from.source)?.assigned;
                available = assigned === undefined ? undefined : assigned - (programmed.get(from.source) ?? 0n);
            }
            for (const [side, sign] of [[from, -1n], [to, 1n]] as const) {
                if (side.line) {
                    change(lineCells.get(side.line) ?? new Map(), side.source, sign * amount);
                    if (side.item) {
                        change(cellsOfItem(side.item), side.source, sign * amount);
                    }
                    lastMoveOfLine.set(side.line, move);
                    lastMoveOfCell.set(`${side.line.label}|${side.source?.name ?? ''}`, move);
                    if (sign < 0n) {
                        leaving += amount;
                    } else {
                        arriving += amount;
                    }
                    if (side.source) {
                        programmed.set(side.source, (programmed.get(side.source) ?? 0n) + sign * amount);
                        lastMoveOfSource.set(side.source, move);
                    } else {
                        sourcesExact = false;
                    }
                }
            }
            return { move, amount, from, to, available };
        });
        return { node, moves, leaving, arriving, complete };
    });

    const total = (cells: Cells | undefined) => [...cells?.values() ?? []].reduce((a, b) => a + b, 0n);
    const lines = finance.lines.map((line): ReprogrammedLine => {
        const cells = lineCells.get(line);
        const bySource = new Map<FundingSource, Reprogrammed>(finance.sources.map(s => [s.source, {
            before: line.bySource.get(s.source) ?? 0n,
            after: cells?.get(s.source) ?? 0n,
            lastMove: lastMoveOfCell.get(`${line.label}|${s.source.name}`)
        }]));
        const after = total(cells);
        return { line, before: line.total, after, change: after - line.total, lastMove: lastMoveOfLine.get(line), bySource };
    });
    const sources = finance.sources.map((source): ReprogrammedSource => ({
        source, before: source.programmed, after: programmed.get(source.source) ?? source.programmed, lastMove: lastMoveOfSource.get(source.source)
    }));
    const caps = finance.caps.map((cap): ReprogrammedCap => {
        const line = lines.find(l => l.line.line === cap.line);
        const cell = line?.bySource.get(cap.source.source);
        return { cap, before: cap.charged, after: cell?.after ?? cap.charged, lastMove: cell?.lastMove };
    });
    return { figures, after: { lines, sources, caps, complete: sourcesExact } };
}

/** A period as the plans write it: `da marzo 2020`, `nel triennio 2020-2022`, `dal 01/03/2020 al 31/12/2020`. */
export function periodLabel(period: Period | undefined): string {
    if (!period) {
        return '';
    }
    if (period.fromDate !== undefined) {
        return `dal ${period.fromDate}${period.toDate !== undefined ? ` al ${period.toDate}` : ''}`;
    }
    if (period.span !== undefined) {
        return [period.preposition, period.span, `${period.from ?? ''}-${period.to ?? ''}`].filter(w => w !== undefined).join(' ');
    }
    return [period.preposition, period.part, period.month, period.year].filter(w => w !== undefined).join(' ');
}

/** An act as cited: `PD 1234/2021 del 01/06/2021`, `nota prot. n. 46104/DPLF del 06/11/2020`. */
export function actLabel(act: ActRef | undefined): string {
    if (!act) {
        return '';
    }
    return [act.kind, act.number, act.protocol !== undefined ? `prot. n. ${act.protocol}` : undefined, act.date !== undefined ? `del ${act.date}` : undefined]
        .filter(w => w !== undefined).join(' ');
}

/** A target as the plan states it, read once here: `almeno 3.000`, `100%`; empty when there is none or it is unreadable. */
export function targetLabel(node: Result | Indicator): string {
    const value = decimal(node.target);
    return value === undefined ? '' : `${node.atLeast ? 'almeno ' : ''}${formatMeasure(value, node.target?.percent)}`;
}
