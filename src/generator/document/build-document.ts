/**
 * Builds the plan document from the evaluation and the AST: the sections in the order the
 * plan writes them with their prose, and every construct presented as a table or a list where
 * it stands. Constructs written at the plan's top level (outside any section) go into the
 * section of the Ministry's outline that presents them (staff in 1.2, the financial framework
 * in 2.2, governance in 4…); when the plan has no such section, into a last chapter.
 */
import type { AstNode } from 'langium';
import type {
    Act, ActRef, Area, BulletList, Declaration, Governance, InformationSystem, ListItem, Municipalities, Objectives,
    Observatory, Office, PercentageTable, Period, Plan, PlanElement, Profile, Prose, Reprogramming, Review, Section,
    SectionElement, SystemService, Timeline, Fact, Indicator, Result, Measure
} from '../../language/generated/ast.js';
import type { PlanEvaluation } from '../../language/model/figures.js';
import { elementsOf } from '../../language/model/elements.js';
import { costTables, financeTable, hiringTables, indicatorTable, staffTables, statisticsTables } from '../build-tables.js';
import { afterMovesTable, blockMovesTable, functionTables, needsTables, singleObservatoryTable } from '../outline-tables.js';
import { empty, money, text, type Table, type TableColumn, type TableRow } from '../table-model.js';
import type { Block, ContentsEntry, Cover, ListEntry, PlanDocument } from './document-model.js';

type Element = PlanElement | SectionElement;

/** The section of the Ministry's outline that presents a construct written outside any section. */
const homeOf: Partial<Record<Element['$type'], string>> = {
    FundingSource: '2.2', InterventionLine: '2.2', DeclaredTotal: '2.2',
    Office: '1.2', Profile: '1.2', StaffTable: '1.2', CategorySummary: '1.2', Movements: '1.2', HiringPlan: '1.2',
    PersonnelCost: '1.2', StaffByFunction: '1.2', StaffingNeeds: '1.2', Municipalities: '1.1',
    StatisticsTable: '1.3', Fact: '1.3', PercentageTable: '1.3',
    InformationSystem: '1.4', Observatory: '1.5', Objectives: '2.1', Area: '3',
    Governance: '4', Reprogramming: '5', Timeline: '3'
};

const unquote = (value: string) => value.replace(/^["']|["']$/g, '');

/** An act as the plan cites it: `DGR n. 955/2020 del 28/09/2020`, `nota prot. n. 46104/DPLF del 06/11/2020`. */
export function actText(act: Act | ActRef): string {
    return [unquote(act.kind), act.number, act.protocol ? `prot. n. ${act.protocol}` : undefined, act.date ? `del ${act.date}` : undefined]
        .filter((part): part is string => part !== undefined && part !== '').join(' ');
}

/** A period as the plan writes it (`da marzo 2020`, `nel triennio 2020-2022`). */
function periodText(period: Period | undefined): string {
    if (!period) {
        return '';
    }
    if (period.fromDate) {
        return `dal ${period.fromDate}${period.toDate ? ` al ${period.toDate}` : ''}`;
    }
    if (period.span) {
        return [period.preposition, period.span, `${period.from}-${period.to}`].filter(Boolean).join(' ');
    }
    return [period.preposition, period.part, period.month, period.year].filter(Boolean).join(' ');
}

/*
 * Figures of the prose (targets, counts of a list, amounts a sentence states) are printed as the
 * plan writes them; the figures that add up come from the evaluation (build-tables.ts).
 */
function measureText(measure: Measure | undefined, atLeast = false): string {
    return measure ? `${atLeast ? 'almeno ' : ''}${measure.negative ? '-' : ''}${measure.value}${measure.percent ? '%' : ''}` : '';
}

const moneyText = (node: { readonly value: string } | undefined) => node ? `€ ${node.value}` : '';
const countText = (node: { readonly value: string } | undefined) => text(node?.value);

const listEntries = (items: readonly ListItem[]): ListEntry[] => items.map(item => ({ text: item.text, items: listEntries(item.items) }));

function simpleTable(id: string, title: string, headers: readonly (string | [string, TableColumn['kind']])[], rows: readonly TableRow['cells'][]): Table {
    return {
        id, group: 'finance', title,
        columns: headers.map(h => typeof h === 'string' ? { header: h, kind: 'text' as const } : { header: h[0], kind: h[1] }),
        rows: rows.map(cells => ({ role: 'item' as const, cells }))
    };
}

/** Collects blocks and the table of contents. */
class Writer {
    readonly blocks: Block[] = [];
    readonly contents: ContentsEntry[] = [];
    private ids = 0;
    heading(level: number, title: string): void {
        const id = `s${++this.ids}`;
        this.blocks.push({ kind: 'heading', level, id, title });
        if (level <= 3) {
            this.contents.push({ level, id, title });
        }
    }
    paragraph(value: string, style?: 'note' | 'label'): void {
        if (value.trim() !== '') {
            this.blocks.push({ kind: 'paragraph', text: value, style });
        }
    }
    table(table: Table | undefined, notes: readonly string[] = []): void {
        if (table && table.rows.length > 0) {
            this.blocks.push({ kind: 'table', table, notes });
        }
    }
    list(items: ListEntry[], numbered = false, title?: string): void {
        if (items.length > 0) {
            this.blocks.push({ kind: 'list', numbered, title, items });
        }
    }
}

/** Builds the document of one plan; `problems` is the number of open errors (a draft when above zero). */
export function buildDocument(evaluation: PlanEvaluation, problems: number): PlanDocument {
    const plan = evaluation.plan;
    const out = new Writer();
    const tables = tablesByNode(evaluation);
    let tableCount = 0;
    const nextId = (prefix: string) => `${prefix}-${++tableCount}`;
    const shown = new Set<string>();

    const sections = elementsOf(plan, 'Section');
    const sectionCodes = new Set(sections.map(s => s.code).filter((c): c is string => c !== undefined));
    const orphans = new Map<string, Element[]>();
    const rest: Element[] = [];
    for (const element of plan.elements) {
        if (element.$type === 'Section' || element.$type === 'Act' || element.$type === 'Declaration') {
            continue;
        }
        const home = homeOf[element.$type];
        if (home && sectionCodes.has(home)) {
            orphans.set(home, [...orphans.get(home) ?? [], element]);
        } else {
            rest.push(element);
        }
    }

    const prose = (item: Prose) => item.$type === 'Paragraph' ? out.paragraph(item.text) : bulletList(item);
    const bulletList = (list: BulletList) => out.list(listEntries(list.items), list.numbered, list.title);

    const element = (node: Element, level: number): void => {
        switch (node.$type) {
            case 'Paragraph': return out.paragraph(node.text);
            case 'BulletList': return bulletList(node);
            case 'Section': return section(node, level);
            case 'FundingSource': case 'InterventionLine': case 'DeclaredTotal': return finance();
            case 'Office': return offices();
            case 'Profile': return profiles();
            case 'StaffTable': case 'CategorySummary': case 'Movements': case 'HiringPlan': case 'PersonnelCost': case 'StatisticsTable':
            case 'StaffByFunction': case 'StaffingNeeds':
                return out.table(tables.get(node), node.$type === 'StatisticsTable' ? rowNotes(node.rows.concat(node.groups.flatMap(g => g.rows))) : []);
            case 'Area': return area(node, level);
            case 'Objectives': return objectives(node, level);
            case 'Timeline': return out.table(timelineTable(node, nextId('cronoprogramma')));
            case 'Governance': return governance(node, level);
            case 'InformationSystem': return informationSystem(node, level);
            case 'Observatory': return observatory(node, level);
            case 'Reprogramming': return reprogramming(node, level);
            case 'Review': return review(node, level);
            case 'Fact': return out.paragraph(factText(node));
            case 'PercentageTable': return out.table(percentageTable(node, nextId('percentuali')), node.source ? [`Fonte: ${node.source}`] : []);
            case 'Municipalities': return municipalities(node);
            case 'Act': case 'Declaration': return;
        }
    };

    const once = (key: string, show: () => void) => {
        if (!shown.has(key)) {
            shown.add(key);
            show();
        }
    };
    const finance = () => once('finance', () => {
        out.table(sourcesTable(evaluation.sources));
        const lineNotes = evaluation.lines.flatMap(l => [
            ...l.line.note ? [`${l.label}: ${l.line.note}`] : [],
            ...[...l.line.items, ...l.line.groups.flatMap(g => g.items)].flatMap(i => i.note ? [`${i.title}: ${i.note}`] : [])
        ]);
        // Each group of items has its subtotal row there, with its declared subtotal when it differs.
        out.table(financeTable(evaluation), lineNotes);
    });
    const offices = () => once('offices', () => out.table(officeTable(elementsOf(plan, 'Office'))));
    const profiles = () => once('profiles', () => out.table(profileTable(elementsOf(plan, 'Profile'))));

    const area = (node: Area, level: number) => {
        out.heading(level, node.title);
        node.prose.forEach(prose);
        out.list(node.activities.map(a => ({ text: a.title, items: a.results.map(r => ({ text: resultText(r), items: [] })) })), false, 'Attività');
        out.list(node.results.map(r => ({ text: resultText(r), items: r.indicators.map(i => ({ text: indicatorText(i), items: [] })) })), false, 'Risultati attesi');
        once('indicators', () => out.table(indicatorTable(evaluation)));
    };
    const objectives = (node: Objectives, level: number) => {
        const target = node.general ? 'Obiettivi generali' : node.lineCode ? `Obiettivi e risultati della linea ${node.lineCode}` : node.lineTitle ? `Obiettivi e risultati: ${node.lineTitle}` : 'Obiettivi';
        out.paragraph(node.title ? `${target} – ${node.title}` : target, 'label');
        node.prose.forEach(prose);
        const rows: TableRow['cells'][] = [
            ...node.objectives.map(o => [text('Obiettivo'), text(o.text), text(o.audience), text(o.indicators.map(indicatorText).join('; '))]),
            ...node.results.map(r => [text('Risultato atteso'), text(resultText(r)), empty, text(r.indicators.map(indicatorText).join('; '))]),
            ...node.indicators.map(i => [text('Indicatore'), text(indicatorText(i)), empty, empty])
        ];
        out.table(simpleTable(nextId('obiettivi'), target, ['Tipo', 'Descrizione', 'Destinatari', 'Indicatori'], rows));
        void level;
    };
    const governance = (node: Governance, level: number) => {
        if (node.title) {
            out.heading(level, node.title);
        }
        node.prose.forEach(prose);
        out.table(simpleTable(nextId('governance'), 'Soggetti e ruoli', ['Soggetto', 'Ruolo'], node.actors.map(a => [text(a.name), text(a.role)])));
        out.list(node.procurement.map(p => ({ text: `Affidamenti secondo ${actText(p.act)}${p.title ? ` “${p.title}”` : ''}`, items: [] })));
    };
    const informationSystem = (node: InformationSystem, level: number) => {
        out.heading(level, node.title);
        node.prose.forEach(prose);
        const service = (s: SystemService): ListEntry => ({
            text: s.title,
            items: [
                ...s.modules.map(m => ({ text: moduleText(m.title, m.kind, m.description), items: [] })),
                ...s.access.map(a => ({ text: `Accesso: ${a.text}`, items: [] })),
                ...s.interoperability.map(i => ({ text: interoperabilityText(i), items: [] }))
            ]
        });
        out.list([
            ...node.modules.map(m => ({ text: moduleText(m.title, m.kind, m.description), items: [] })),
            ...node.services.map(service),
            ...node.interoperability.map(i => ({ text: interoperabilityText(i), items: [] }))
        ]);
    };
    const observatory = (node: Observatory, level: number) => {
        out.heading(level, node.title);
        node.prose.forEach(prose);
        // The act and the declared members are in the table's first row, as `cpiplan tables` shows them.
        const figures = evaluation.outline.observatories.find(o => o.node === node);
        out.table(figures ? singleObservatoryTable(figures, nextId('osservatorio')) : undefined);
    };
    const reprogramming = (node: Reprogramming, level: number) => {
        const title = `${node.title ?? 'Riprogrammazione'}${node.act ? ` (approvata con ${actText(node.act)})` : ''}`;
        out.heading(level, title);
        node.prose.forEach(prose);
        // The moves and the framework after them as `cpiplan tables` gives them: amounts and sides read once, in the model.
        const block = evaluation.outline.reprogrammings.find(r => r.node === node);
        out.table(block ? blockMovesTable(block, nextId('riprogrammazione')) : undefined);
        if (node === evaluation.outline.reprogrammings.at(-1)?.node) {
            out.table(afterMovesTable(evaluation));
        }
    };
    const review = (node: Review, level: number) => {
        out.heading(level, `${node.title ?? 'Valutazione'}${node.act ? ` – ${actText(node.act)}` : ''}`);
        node.prose.forEach(prose);
        out.table(simpleTable(nextId('richieste'), 'Richieste e risposte', ['N.', 'Richiesta', 'Risposta nel piano'],
            node.requests.map(r => [text(r.number), text(r.text), text(r.answers.map(a => a.lineCode ? `linea ${a.lineCode}` : a.sectionCode ? `sezione ${a.sectionCode}` : `dichiarazione ${a.declaration ?? ''}`).join(', '))])));
    };
    const municipalities = (node: Municipalities) => {
        const office = node.office.ref?.title ?? node.office.$refText;
        out.paragraph(`${node.note ?? `Comuni del ${office}`}: ${node.names.join(', ')}.`, 'note');
    };

    const section = (node: Section, level: number): void => {
        out.heading(level, node.code ? `${node.code}${node.title ? ` ${node.title}` : ''}` : node.title ?? '');
        for (const child of node.elements) {
            element(child, level + 1);
        }
        for (const orphan of node.code ? orphans.get(node.code) ?? [] : []) {
            element(orphan, level + 1);
        }
    };

    for (const node of plan.elements) {
        if (node.$type === 'Section') {
            section(node, 1);
        }
    }
    if (rest.length > 0) {
        out.heading(1, 'Altri contenuti del piano');
        rest.forEach(node => element(node, 2));
    }
    declarationsChapter(out, plan);
    actsChapter(out, plan);
    return { cover: cover(plan, problems), contents: out.contents, blocks: out.blocks };
}

function cover(plan: Plan, problems: number): Cover {
    const acts = plan.elements.filter((e): e is Act => e.$type === 'Act');
    const approving = acts.find(a => acts.some(b => b.amendedNumber === a.number && b.amendedKind === a.kind));
    const amending = approving ? acts.filter(b => b.amendedNumber === approving.number && b.amendedKind === approving.kind) : [];
    const approvedBy = approving
        ? `Approvato con ${actText(approving)}${amending.map(a => `, modificato con ${actText(a)}`).join('')}`
        : undefined;
    return {
        region: plan.region,
        title: plan.title,
        period: plan.periodStart && plan.periodEnd ? `${plan.periodStart}–${plan.periodEnd}` : undefined,
        approvedBy,
        problems
    };
}

/** Every declaration of the plan, with where it stands. */
function declarationsChapter(out: Writer, plan: Plan): void {
    const all: { where: string; declaration: Declaration }[] = [];
    for (const d of plan.elements.filter((e): e is Declaration => e.$type === 'Declaration')) {
        all.push({ where: 'Piano', declaration: d });
    }
    for (const s of elementsOf(plan, 'Section')) {
        s.declarations.forEach(d => all.push({ where: s.code ? `Sezione ${s.code}` : s.title ?? '', declaration: d }));
    }
    for (const l of elementsOf(plan, 'InterventionLine')) {
        l.declarations.forEach(d => all.push({ where: l.code ? `Linea ${l.code}` : l.title, declaration: d }));
    }
    if (all.length > 0) {
        out.heading(1, 'Dichiarazioni');
        out.table(simpleTable('dichiarazioni', 'Dichiarazioni del piano', ['Dove', 'Dichiarazione', 'Testo'],
            all.map(({ where, declaration }) => [text(where), text(declaration.key.replace(/_/g, ' ')), text(declaration.text)])));
    }
}

/** Every act the plan cites, in the order it cites them. */
function actsChapter(out: Writer, plan: Plan): void {
    const acts = elementsOf(plan, 'Act');
    if (acts.length > 0) {
        out.heading(1, 'Atti citati');
        out.table(simpleTable('atti', 'Atti citati', ['Atto', 'Oggetto'], acts.map(a => [
            text(actText(a) + (a.amendedKind && a.amendedNumber ? ` (modifica ${unquote(a.amendedKind)} ${a.amendedNumber})` : '')),
            text(a.title)
        ])));
    }
}

function tablesByNode(evaluation: PlanEvaluation): Map<AstNode, Table> {
    const map = new Map<AstNode, Table>();
    const staff = staffTables(evaluation);
    const nodes: AstNode[] = [
        ...evaluation.staffTables.map(s => s.table),
        ...evaluation.summaries.map(s => s.node),
        ...evaluation.movements.map(m => m.node)
    ];
    nodes.forEach((node, i) => { const table = staff[i]; if (table) { map.set(node, table); } });
    hiringTables(evaluation).forEach((table, i) => { const node = evaluation.hiring[i]?.node; if (node) { map.set(node, table); } });
    costTables(evaluation).forEach((table, i) => { const node = evaluation.personnelCosts[i]?.node; if (node) { map.set(node, table); } });
    statisticsTables(evaluation).forEach((table, i) => { const node = evaluation.statistics[i]?.table; if (node) { map.set(node, table); } });
    functionTables(evaluation).forEach((table, i) => { const node = evaluation.functions[i]?.node; if (node) { map.set(node, table); } });
    needsTables(evaluation).forEach((table, i) => { const node = evaluation.needs[i]?.node; if (node) { map.set(node, table); } });
    return map;
}

function rowNotes(rows: readonly { readonly note?: string; readonly label?: string; readonly office?: { readonly $refText: string } }[]): string[] {
    return rows.flatMap(r => r.note ? [r.note] : []);
}

function sourcesTable(sources: PlanEvaluation['sources']): Table | undefined {
    return sources.length === 0 ? undefined : simpleTable('fonti', 'Fonti di finanziamento', ['Fonte', 'Descrizione', ['Assegnato', 'money']],
        sources.map(s => [text(s.source.name), text(s.source.title), money(s.assigned)]));
}

function officeTable(offices: readonly Office[]): Table | undefined {
    const kinds = { cpi: 'CPI', sede: 'Sede decentrata', sportello: 'Sportello', coordinamento: 'Coordinamento' } as const;
    return offices.length === 0 ? undefined : simpleTable('uffici', 'Centri per l\'Impiego e sedi',
        ['Ufficio', 'Tipo', 'Dipende da', 'Provincia', ['Residenti', 'count'], ['Iscritti', 'count']],
        offices.map(o => [text(o.title), text(kinds[o.kind]), text(o.parent?.ref?.title), text(o.province), countText(o.residents), countText(o.registered)]));
}

function profileTable(profiles: readonly Profile[]): Table | undefined {
    return profiles.length === 0 ? undefined : simpleTable('profili', 'Profili professionali', ['Profilo', 'Categoria', ['Costo annuo', 'money']],
        profiles.map(p => [text(p.title), text(p.category), text(moneyText(p.unitCost))]));
}

function timelineTable(node: Timeline, id: string): Table {
    return simpleTable(id, node.title ?? 'Cronoprogramma', ['Fase', 'Quando', 'Riferimento', 'Nota'],
        node.milestones.map(m => [text(m.title), text(periodText(m.when)),
            text(m.lineCode ? `linea ${m.lineCode}` : m.hiring ? `assunzioni “${m.hiring.$refText}”` : undefined), text(m.note)]));
}

function percentageTable(node: PercentageTable, id: string): Table {
    return simpleTable(id, node.title, ['Voce', 'Quota', 'Nota'], node.rows.map(r => {
        return [text(r.label), text(`${r.share.negative ? '-' : ''}${r.share.value}%`), text(r.note)];
    }));
}

function factText(fact: Fact): string {
    const value = fact.amount ? moneyText(fact.amount) : measureText(fact.value);
    return [`${fact.label}:`, fact.bound, value, periodText(fact.when), fact.office ? `(${fact.office.ref?.title ?? fact.office.$refText})` : '', fact.note ? `– ${fact.note}` : '']
        .filter(Boolean).join(' ');
}

function resultText(result: Result): string {
    const target = result.target ? ` – obiettivo ${measureText(result.target, result.atLeast)}` : '';
    const when = result.when ? ` (${periodText(result.when)})` : '';
    return `${result.title}${target}${when}`;
}

function indicatorText(indicator: Indicator): string {
    const target = indicator.target ? ` – obiettivo ${measureText(indicator.target, indicator.atLeast)}` : '';
    return `${indicator.title}${target}`;
}

function moduleText(title: string, kind: string | undefined, description: string | undefined): string {
    return `${title}${kind ? ` (${kind})` : ''}${description ? `: ${description}` : ''}`;
}

function interoperabilityText(i: { partner?: string; via?: string; mode?: string; text?: string }): string {
    return ['Interoperabilità', i.partner ? `con ${i.partner}` : '', i.via ? `tramite ${i.via}` : '', i.mode ? `(${i.mode})` : '', i.text ? `: ${i.text}` : '']
        .filter(Boolean).join(' ').replace(' :', ':');
}
