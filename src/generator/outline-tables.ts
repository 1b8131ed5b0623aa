/**
 * Tables of the outline's descriptive constructs: objectives and results per line, the
 * timeline, governance, information systems, and the reprogramming moves with the framework
 * after them. Built from the AST and the plan's evaluation; nothing is added up here.
 */
import type { Indicator, Objectives } from '../language/generated/ast.js';
import type { PlanEvaluation } from '../language/model/figures.js';
import { elementsOf } from '../language/model/elements.js';
import { actLabel, periodLabel, targetLabel as targetText } from '../language/model/outline.js';
import { empty, money, text, type Table, type TableRow } from './table-model.js';

function objectivesHeading(block: Objectives): string {
    const which = block.general ? 'Obiettivi generali'
        : block.lineCode !== undefined ? `Linea ${block.lineCode}`
            : block.lineTitle !== undefined ? block.lineTitle : 'Obiettivi';
    return block.title !== undefined ? `${which} – ${block.title}` : which;
}

/** Obiettivi e risultati: per block (general, or of a line), each objective, result and indicator with its target and time. */
export function objectivesTable(evaluation: PlanEvaluation): Table | undefined {
    const blocks = elementsOf(evaluation.plan, 'Objectives');
    if (blocks.length === 0) {
        return undefined;
    }
    const rows: TableRow[] = [];
    const indicatorRow = (indicator: Indicator): TableRow => ({
        role: 'item', cells: [text('Indicatore'), text(indicator.title), empty, text(targetText(indicator)), empty]
    });
    for (const block of blocks) {
        rows.push({ role: 'heading', cells: [text(objectivesHeading(block)), empty, empty, empty, empty] });
        // In document order: objectives, results and indicators as the block writes them.
        const entries = [...block.objectives, ...block.results, ...block.indicators]
            .sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
        for (const entry of entries) {
            switch (entry.$type) {
                case 'Objective':
                    rows.push({ role: 'item', cells: [text('Obiettivo'), text(entry.text), text(entry.audience), empty, empty] });
                    rows.push(...entry.indicators.map(indicatorRow));
                    break;
                case 'Result':
                    rows.push({ role: 'item', cells: [text('Risultato'), text(entry.title), empty, text(targetText(entry)), text(periodLabel(entry.when))] });
                    rows.push(...entry.indicators.map(indicatorRow));
                    break;
                case 'Indicator':
                    rows.push(indicatorRow(entry));
                    break;
            }
        }
    }
    return {
        id: 'obiettivi', group: 'objectives', title: 'Obiettivi e risultati attesi per linea di intervento',
        columns: [
            { header: 'Tipo', kind: 'text' }, { header: 'Descrizione', kind: 'text' }, { header: 'Destinatari', kind: 'text' },
            { header: 'Obiettivo', kind: 'text' }, { header: 'Tempi', kind: 'text' }
        ],
        rows
    };
}

/** Cronoprogramma: each milestone, when, and the line or hiring plan it concerns. */
export function timelineTable(evaluation: PlanEvaluation): Table | undefined {
    const timelines = elementsOf(evaluation.plan, 'Timeline');
    if (timelines.length === 0) {
        return undefined;
    }
    const rows: TableRow[] = timelines.flatMap(timeline => [
        ...timelines.length > 1 || timeline.title !== undefined ? [{ role: 'heading' as const, cells: [text(timeline.title ?? 'Cronoprogramma'), empty, empty, empty] }] : [],
        ...timeline.milestones.map((milestone): TableRow => ({
            role: 'item',
            cells: [
                text(milestone.title), text(periodLabel(milestone.when)),
                text(milestone.lineCode !== undefined ? `Linea ${milestone.lineCode}` : milestone.hiring ? `Assunzioni "${milestone.hiring.$refText}"` : undefined),
                text(milestone.note)
            ]
        }))
    ]);
    return {
        id: 'cronoprogramma', group: 'timeline', title: 'Cronoprogramma',
        columns: [{ header: 'Fase', kind: 'text' }, { header: 'Tempi', kind: 'text' }, { header: 'Riferimento', kind: 'text' }, { header: 'Nota', kind: 'text' }],
        rows
    };
}

/** Il modello di governance: actors and their roles, and the procurement rules. */
export function governanceTable(evaluation: PlanEvaluation): Table | undefined {
    const blocks = elementsOf(evaluation.plan, 'Governance');
    if (blocks.length === 0) {
        return undefined;
    }
    const rows: TableRow[] = blocks.flatMap(block => [
        ...block.actors.map((actor): TableRow => ({ role: 'item', cells: [text(actor.name), text(actor.role)] })),
        ...block.procurement.map((rule): TableRow => ({
            role: 'item', cells: [text('Affidamenti'), text([`secondo ${actLabel(rule.act)}`, rule.title].filter(p => p !== undefined).join(' – '))]
        }))
    ]);
    return {
        id: 'governance', group: 'governance', title: 'Il modello di governance del piano',
        columns: [{ header: 'Soggetto', kind: 'text' }, { header: 'Ruolo', kind: 'text' }],
        rows
    };
}

/** I sistemi informativi: per system and service, its modules, access and interoperability with other systems. */
export function systemsTable(evaluation: PlanEvaluation): Table | undefined {
    const systems = elementsOf(evaluation.plan, 'InformationSystem');
    if (systems.length === 0) {
        return undefined;
    }
    const rows: TableRow[] = [];
    for (const system of systems) {
        rows.push({ role: 'heading', cells: [text(system.title), empty, empty, empty] });
        const parts = [
            ...system.modules.map(m => ({ node: m, service: undefined as string | undefined })),
            ...system.interoperability.map(i => ({ node: i, service: undefined as string | undefined })),
            ...system.services.flatMap(s => [
                { node: s, service: s.title },
                ...s.modules.map(m => ({ node: m, service: s.title })),
                ...s.access.map(a => ({ node: a, service: s.title })),
                ...s.interoperability.map(i => ({ node: i, service: s.title }))
            ])
        ].sort((a, b) => (a.node.$cstNode?.offset ?? 0) - (b.node.$cstNode?.offset ?? 0));
        for (const { node, service } of parts) {
            switch (node.$type) {
                case 'SystemService':
                    break;
                case 'SystemModule':
                    rows.push({ role: 'item', cells: [text(service), text('Modulo'), text(node.title), text([node.kind, node.description].filter(p => p !== undefined).join(' – '))] });
                    break;
                case 'SystemAccess':
                    rows.push({ role: 'item', cells: [text(service), text('Accesso'), empty, text(node.text)] });
                    break;
                case 'Interoperability': {
                    const with_ = [node.partner !== undefined ? `con ${node.partner}` : undefined, node.via !== undefined ? `tramite ${node.via}` : undefined, node.mode]
                        .filter(p => p !== undefined).join(' ');
                    rows.push({ role: 'item', cells: [text(service), text('Interoperabilità'), text(with_), text(node.text)] });
                    break;
                }
            }
        }
    }
    return {
        id: 'sistemi-informativi', group: 'systems', title: 'I sistemi informativi',
        columns: [{ header: 'Servizio', kind: 'text' }, { header: 'Elemento', kind: 'text' }, { header: 'Nome', kind: 'text' }, { header: 'Descrizione', kind: 'text' }],
        rows
    };
}

/** Riprogrammazione: the moves of each block, and every line before and after them. */
export function reprogrammingTables(evaluation: PlanEvaluation): Table[] {
    const { reprogrammings, afterMoves } = evaluation.outline;
    if (!afterMoves) {
        return [];
    }
    const rows: TableRow[] = [];
    for (const block of reprogrammings) {
        const act = block.node.act ? `approvata con ${actLabel(block.node.act)}` : undefined;
        rows.push({ role: 'heading', cells: [text([block.node.title, act].filter(p => p !== undefined).join(' – ') || 'Riprogrammazione'), empty, empty] });
        rows.push(...block.moves.map((move): TableRow => ({ role: 'item', cells: [text(move.from.label), text(move.to.label), money(move.amount)] })));
    }
    const moves: Table = {
        id: 'riprogrammazione', group: 'reprogramming', title: 'Riprogrammazione delle risorse: spostamenti',
        columns: [{ header: 'Dalla', kind: 'text' }, { header: 'Alla', kind: 'text' }, { header: 'Importo', kind: 'money' }],
        rows
    };
    const sources = afterMoves.sources.map(s => s.source);
    const after: Table = {
        id: 'riprogrammazione-quadro', group: 'reprogramming', title: 'Quadro finanziario dopo la riprogrammazione',
        columns: [
            { header: 'Linea di intervento', kind: 'text' }, { header: 'Prima', kind: 'money' }, { header: 'Variazione', kind: 'money' },
            { header: 'Dopo', kind: 'money' }, ...sources.map(s => ({ header: `Dopo, su ${s.label}`, kind: 'money' as const }))
        ],
        rows: [
            ...afterMoves.lines.map((line): TableRow => ({
                role: 'item',
                cells: [
                    text(line.line.line.code ? `${line.line.line.code} - ${line.line.line.title}` : line.line.line.title),
                    money(line.before), money(line.change), money(line.after),
                    ...sources.map(s => money(line.bySource.get(s.source)?.after))
                ]
            })),
            {
                role: 'total',
                cells: [text('Programmato per fonte'), empty, empty, empty, ...afterMoves.sources.map(s => money(s.after))]
            }
        ]
    };
    return [moves, after];
}
