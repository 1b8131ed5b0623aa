/**
 * The contract between the VS Code client, the language server and the CLI: request names,
 * their params and results, table groups, output formats and command ids. It imports nothing,
 * so every side can share it without pulling in the others.
 */

/** Which tables `cpiplan tables --table` and the client's picker select. */
export type TableGroup = 'finance' | 'staff' | 'functions' | 'needs' | 'hires' | 'costs' | 'municipalities' | 'stats' | 'indicators'
    | 'objectives' | 'timeline' | 'governance' | 'systems' | 'observatory' | 'reprogramming';
export const tableGroups: readonly TableGroup[] = [
    'finance', 'staff', 'functions', 'needs', 'hires', 'costs', 'municipalities', 'stats', 'indicators', 'objectives', 'timeline', 'governance',
    'systems', 'observatory', 'reprogramming'
];
export type TableSelection = TableGroup | 'all';
export const tableSelections: readonly TableSelection[] = ['all', ...tableGroups];

/** The formats tables are rendered in; xlsx is binary. */
export type TableFormat = 'md' | 'html' | 'csv' | 'xlsx' | 'json';
export const tableFormats: readonly TableFormat[] = ['md', 'html', 'csv', 'xlsx', 'json'];

/** The formats of `cpiplan check`. */
export type CheckFormat = 'text' | 'json' | 'sarif';
export const checkFormats: readonly CheckFormat[] = ['text', 'json', 'sarif'];

/** The formats of `cpiplan diff`: the reprogramming tables in any table format. */
export type DiffFormat = TableFormat;
export const diffFormats: readonly DiffFormat[] = tableFormats;

/** The formats of `cpiplan document`: the plan document; docx and pdf are binary. */
export type DocumentFormat = 'docx' | 'html' | 'pdf' | 'md';
export const documentFormats: readonly DocumentFormat[] = ['docx', 'html', 'pdf', 'md'];

/** Custom requests the server answers. */
export const requests = {
    tables: 'cpiplan/tables',
    preview: 'cpiplan/preview',
    diff: 'cpiplan/diff',
    summary: 'cpiplan/summary',
    newPlan: 'cpiplan/newPlan',
    document: 'cpiplan/document'
} as const;

/** The plan document in a format the server renders itself (pdf is the client's: it needs a converter on the user's machine). */
export interface DocumentParams { readonly uri: string; readonly format: 'docx' | 'html' | 'md' }
/** docx as base64, html and md as text; `problems` is the number of open errors (a draft when above zero). */
export interface DocumentResult { readonly content: string; readonly encoding: 'utf8' | 'base64'; readonly problems: number }

export interface TablesParams { readonly uri: string; readonly table: TableSelection; readonly format: TableFormat }
/** Text formats as text; xlsx as base64. */
export interface TablesResult { readonly content: string; readonly encoding: 'utf8' | 'base64' }
export interface PreviewParams { readonly uri: string }
export interface PreviewResult { readonly title: string; readonly body: string; readonly style: string }
export interface DiffParams { readonly newUri: string; readonly oldText: string; readonly oldLabel: string }
/**
 * The diff as Markdown; `disagreements` counts the lines and sources where the changes differ from
 * the moves the older version declares (0 when they agree or it declares none).
 */
export interface DiffResult { readonly markdown: string; readonly disagreements: number }
export interface SummaryParams { readonly uri: string }
export interface SummaryResult { readonly grandTotal: string; readonly errors: number; readonly warnings: number }
/** A new plan's skeleton from a rule set of the workspace (default "DM 74/2019"). */
export interface NewPlanParams { readonly region: string; readonly ruleSet?: string }
export interface NewPlanResult { readonly text: string }

/**
 * Commands the server executes (`workspace/executeCommand`), so the code lens works in every LSP
 * editor: they write the tables or the preview page next to the plan. Ids distinct from the
 * client's, since a VS Code client registers the server's commands too.
 */
export const serverCommands = {
    writeTables: 'cpiplan.server.writeTables',
    writePreview: 'cpiplan.server.writePreview'
} as const;

/** Arguments of `cpiplan.server.writeTables`: the plan, and optionally which tables in which format (default all, md). */
export type WriteTablesArguments = [uri: string, table?: TableSelection, format?: TableFormat];

/** What the VS Code client tells the server at `initialize`: that it has commands of its own for the code lens. */
export interface InitializationOptions { readonly clientCommands?: boolean }

/** Commands the VS Code client registers; the server's code lens names them when the client says it has them. */
export const clientCommands = {
    generateTables: 'cpiplan.generateTables',
    openPreview: 'cpiplan.openPreview',
    compareWith: 'cpiplan.compareWith',
    newPlan: 'cpiplan.newPlan',
    generateDocument: 'cpiplan.generateDocument',
    importPlan: 'cpiplan.importPlan',
    pasteAsCpiplan: 'cpiplan.pasteAsCpiplan'
} as const;
