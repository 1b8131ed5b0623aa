/**
 * Tables of the outline's descriptive constructs: objectives and results per line, the
 * timeline, governance, information systems, the observatory, the municipalities per CPI, staff
 * by function, staffing needs, and the reprogramming moves with the framework after them. Built
 * from the AST and the plan's evaluation; nothing is added up here.
 */
import type { Indicator, Objectives } from '../language/generated/ast.js';
import type { PlanEvaluation } from '../language/model/figures.js';
import { elementsOf } from '../language/model/elements.js';
import { actLabel, periodLabel, targetLabel as targetText, type ObservatoryFigures, type ReprogrammingFigures } from '../language/model/outline.js';
import { count, empty, money, text, type Table, type TableRow } from './table-model.js';

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
    const { reprogrammings } = evaluation.outline;
    const after = afterMovesTable(evaluation);
    if (!after) {
        return [];
    }
    const rows: TableRow[] = reprogrammings.flatMap(block => [movesHeading(block), ...moveRows(block)]);
    return [movesTable(rows, 'riprogrammazione'), after];
}

/** One block's moves, as the plan document shows them under the block's own heading. */
export function blockMovesTable(block: ReprogrammingFigures, id: string): Table {
    return movesTable(moveRows(block), id);
}

function movesTable(rows: TableRow[], id: string): Table {
    return {
        id, group: 'reprogramming', title: 'Riprogrammazione delle risorse: spostamenti',
        columns: [{ header: 'Dalla', kind: 'text' }, { header: 'Alla', kind: 'text' }, { header: 'Importo', kind: 'money' }],
        rows
    };
}

function movesHeading(block: ReprogrammingFigures): TableRow {
    const act = block.node.act ? `approvata con ${actLabel(block.node.act)}` : undefined;
    return { role: 'heading', cells: [text([block.node.title, act].filter(p => p !== undefined).join(' – ') || 'Riprogrammazione'), empty, empty] };
}

function moveRows(block: ReprogrammingFigures): TableRow[] {
    return block.moves.map((move): TableRow => ({ role: 'item', cells: [text(move.from.label), text(move.to.label), money(move.amount)] }));
}

/** Il quadro finanziario dopo la riprogrammazione: every line before and after the moves, per source; undefined when the plan moves nothing. */
export function afterMovesTable(evaluation: PlanEvaluation): Table | undefined {
    const { afterMoves } = evaluation.outline;
    if (!afterMoves) {
        return undefined;
    }
    const sources = afterMoves.sources.map(s => s.source);
    return {
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
}

/** L'osservatorio regionale del mercato del lavoro: each observatory, the act that set it up, its members. */
export function observatoryTable(evaluation: PlanEvaluation): Table | undefined {
    const observatories = evaluation.outline.observatories;
    if (observatories.length === 0) {
        return undefined;
    }
    return observatoryTableOf(observatories.flatMap(observatoryRows), 'osservatorio');
}

/** One observatory's table, as the plan document shows it where the observatory stands. */
export function singleObservatoryTable(figures: ObservatoryFigures, id: string): Table {
    return observatoryTableOf(observatoryRows(figures), id);
}

function observatoryTableOf(rows: TableRow[], id: string): Table {
    return {
        id, group: 'observatory', title: 'Osservatorio regionale del mercato del lavoro',
        columns: [{ header: 'Osservatorio / componente', kind: 'text' }, { header: 'Istituito da', kind: 'text' }, { header: 'Componenti', kind: 'count' }],
        rows
    };
}

/** The observatory's title, act and declared members, each member, and the members listed when every count is readable. */
function observatoryRows(figures: ObservatoryFigures): TableRow[] {
    const members = figures.members.map((member): TableRow => ({
        role: 'item', cells: [text(member.node.role), empty, count(member.count)]
    }));
    return [
        { role: 'heading', cells: [text(figures.node.title), text(figures.node.act ? actLabel(figures.node.act) : undefined), count(figures.declaredMembers)] },
        ...members,
        ...members.length > 0 && figures.complete ? [{ role: 'subtotal' as const, cells: [text('Componenti elencati'), empty, count(figures.listedMembers)] }] : []
    ];
}

/** I comuni serviti da ciascun CPI, and all of them together. */
export function municipalitiesTable(evaluation: PlanEvaluation): Table | undefined {
    if (evaluation.municipalities.length === 0) {
        return undefined;
    }
    return {
        id: 'comuni', group: 'municipalities', title: 'Comuni serviti da ciascun CPI',
        columns: [{ header: 'CPI', kind: 'text' }, { header: 'Comuni', kind: 'text' }, { header: 'N.', kind: 'count' }],
        rows: [
            ...evaluation.municipalities.map((figures): TableRow => ({
                role: 'item', cells: [text(figures.office), text(figures.node.names.join(', ')), count(figures.count)]
            })),
            {
                role: 'total', cells: [text('Totale'), empty, count(evaluation.municipalitiesTotal)],
                sumOf: evaluation.municipalities.map((_, row) => ({ row, sign: 1 as const }))
            }
        ]
    };
}

/**
 * Il personale per funzione, one table per office: each category on its function, or divided
 * among several (its rows, then its heads as the plan writes them, marked when the rows add up
 * to another figure), and the office's total.
 */
export function functionTables(evaluation: PlanEvaluation): Table[] {
    return evaluation.functions.map((figures, index): Table => {
        const rows: TableRow[] = [];
        const addends: number[] = [];
        for (const group of figures.groups) {
            if (group.rows.length === 0) {
                addends.push(rows.push({ role: 'item', cells: [text(group.category), text(group.node.function), count(group.count)] }) - 1);
                continue;
            }
            const first = rows.length;
            group.rows.forEach((row, i) => rows.push({
                role: 'item', cells: [text(i === 0 ? group.category : ''), text(row.node.function), count(row.count)]
            }));
            const differs = group.rowsTotal !== undefined && group.count !== undefined && group.rowsTotal !== group.count;
            addends.push(rows.push({
                role: 'subtotal',
                cells: [text(`Totale ${group.category}`), text(group.node.function), count(group.rowsTotal ?? group.count)],
                sumOf: group.rows.map((_, i) => ({ row: first + i, sign: 1 as const })),
                declared: differs ? new Map([[2, count(group.count)]]) : undefined
            }) - 1);
        }
        rows.push({
            role: 'total', cells: [text('Totale'), empty, count(figures.complete ? figures.total : undefined)],
            sumOf: addends.map(row => ({ row, sign: 1 as const }))
        });
        const title = figures.node.title ?? `Personale di ${figures.office} per funzione${figures.node.date !== undefined ? ` al ${figures.node.date}` : ''}`;
        return {
            id: `funzioni-${index + 1}`, group: 'functions', title,
            columns: [{ header: 'Categoria', kind: 'text' }, { header: 'Funzione', kind: 'text' }, { header: 'Unità', kind: 'count' }],
            rows
        };
    });
}

/** Il fabbisogno di personale: the heads each office needs, for whom, and for all the offices it concerns. */
export function needsTables(evaluation: PlanEvaluation): Table[] {
    return evaluation.needs.map((figures, index): Table => {
        const where = figures.node.each ? `Per ciascuno dei ${figures.offices.length} CPI` : `Per ${figures.offices.map(o => o.title ?? o.name).join(', ')}`;
        const rows: TableRow[] = [{ role: 'heading', cells: [text(where), empty, empty, empty] }];
        const items = figures.rows.map(({ node: row, count: heads }) => rows.push({
            role: 'item', cells: [text(row.category), text(row.profile?.ref?.title ?? row.profile?.$refText), text(row.role), count(heads)]
        }) - 1);
        rows.push({
            role: 'subtotal', cells: [text('Per ufficio'), empty, empty, count(figures.complete ? figures.perOffice : undefined)],
            sumOf: items.map(row => ({ row, sign: 1 as const }))
        });
        rows.push({
            role: 'total', cells: [text(`Totale per ${figures.offices.length} ${figures.offices.length === 1 ? 'ufficio' : 'uffici'}`), empty, empty,
                count(figures.complete ? figures.total : undefined)]
        });
        return {
            id: `fabbisogno-${index + 1}`, group: 'needs', title: figures.node.title ?? 'Fabbisogno di personale',
            columns: [{ header: 'Categoria', kind: 'text' }, { header: 'Profilo', kind: 'text' }, { header: 'Ruolo', kind: 'text' }, { header: 'Unità', kind: 'count' }],
            rows
        };
    });
}
