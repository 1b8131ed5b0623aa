/**
 * The formatter: canonical layout, amounts aligned on the decimal comma within a block,
 * idempotent. It works on the token stream, comments included, so a comment can never be lost
 * or moved to another line. Lines keep their statements; only spacing and indentation change.
 */
import type { IToken } from 'chevrotain';
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';

/** What the syntax tree says about a token that the token stream alone cannot. */
export interface TokenLayout {
    /** The token starts a source line that continues a statement begun on an earlier line (`titolo …` under `piano …`). */
    continues(token: IToken): boolean;
    /** The token is a `-` standing alone: an empty statistics cell or a list bullet, never glued to its neighbours. */
    isEmptyCell(token: IToken): boolean;
}

/** Without a syntax tree: every line is a statement, every `-` a sign or a range. */
const flatLayout: TokenLayout = { continues: () => false, isEmptyCell: () => false };

interface Line {
    readonly tokens: IToken[];
    /** Blank lines in the source before this line (at most one is kept). */
    readonly blankBefore: boolean;
    readonly depth: number;
    /** The first token of the line that opened the enclosing block, e.g. `linea`. */
    readonly block: { opener: string; id: number };
    /** Source lines (0-based) the line's tokens span. */
    readonly firstLine: number;
    lastLine: number;
}

/** One formatted line and the source lines it replaces. */
export interface FormattedLine {
    readonly firstLine: number;
    readonly lastLine: number;
    readonly blankBefore: boolean;
    readonly text: string;
}

const isMoney = (token: IToken | undefined) => token?.image === '€' || token?.tokenType.name === 'NUMBER';

/** Where a line's amount starts, for `voce "…" € …` and `totale [source] € …` lines. */
function amountIndex(tokens: IToken[]): number | undefined {
    if (tokens[0]?.image === 'voce' && tokens[1]?.tokenType.name === 'STRING' && isMoney(tokens[2])) {
        return 2;
    }
    if (tokens[0]?.image === 'totale') {
        const at = tokens[1]?.tokenType.name === 'ID' ? 2 : 1;
        const money = tokens[at]?.image === '€' || tokens[at + 1]?.image === '€';
        return money ? at : undefined;
    }
    return undefined;
}

const currencies = new Set(['€', 'EUR', 'euro']);

function join(tokens: IToken[], layout: TokenLayout): string {
    let text = '';
    tokens.forEach((token, i) => {
        const previous = tokens[i - 1];
        const cell = layout.isEmptyCell(token) || (previous !== undefined && layout.isEmptyCell(previous));
        // `€ ,50` (reported as invalid-number) keeps its comma on the figure, so the rewrite's range stays one amount.
        const leadingComma = (t: IToken | undefined, before: IToken | undefined) => t?.image === ',' && before !== undefined && currencies.has(before.image);
        const glued = i === 0 || (token.image === ',' && !leadingComma(token, previous)) || token.image === '%' || token.image === ')' || previous?.image === '('
            || leadingComma(previous, tokens[i - 2])
            || (!cell && (previous?.image === '-' || (token.image === '-' && previous?.tokenType.name === 'NUMBER')));
        text += (glued ? '' : ' ') + token.image;
    });
    return text;
}

type Tokenize = (text: string) => { tokens: IToken[]; hidden: IToken[]; errors: unknown[] };

/** Formats a plan's text; returns it unchanged when it cannot be lexed. */
export function formatText(text: string, tokenize: Tokenize, indentUnit = '    ', layout: TokenLayout = flatLayout): string {
    const lines = formatLines(text, tokenize, indentUnit, layout);
    if (!lines) {
        return text;
    }
    const out = lines.flatMap(line => line.blankBefore ? ['', line.text] : [line.text]);
    return out.length === 0 ? '' : out.join('\n') + '\n';
}

/** The formatted lines of a text, each with the source lines it replaces; undefined when the text cannot be lexed. */
export function formatLines(text: string, tokenize: Tokenize, indentUnit = '    ', layout: TokenLayout = flatLayout): FormattedLine[] | undefined {
    const lexed = tokenize(text);
    if (lexed.errors.length > 0) {
        return undefined;
    }
    const tokens = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
    const lines: Line[] = [];
    let depth = 0;
    const blocks: { opener: string; id: number }[] = [{ opener: '', id: 0 }];
    let blockCount = 0;
    let lastEndLine = 0;
    for (const token of tokens) {
        const current = lines.at(-1);
        const startLine = token.startLine ?? 0;
        const endLine = token.endLine ?? startLine;
        let line: Line;
        if (!current || startLine > lastEndLine) {
            const closes = token.image === '}' ? 1 : 0;
            const continuation = closes === 0 && layout.continues(token) ? 1 : 0;
            line = {
                tokens: [token], blankBefore: current !== undefined && startLine - lastEndLine > 1,
                depth: Math.max(0, depth - closes) + continuation, block: blocks[blocks.length - 1],
                firstLine: startLine - 1, lastLine: endLine - 1
            };
            lines.push(line);
        } else {
            line = current;
            current.tokens.push(token);
            current.lastLine = Math.max(current.lastLine, endLine - 1);
        }
        if (token.image === '{' && token.tokenType.name !== 'STRING') {
            depth++;
            blocks.push({ opener: line.tokens[0].image, id: ++blockCount });
        } else if (token.image === '}') {
            depth = Math.max(0, depth - 1);
            if (blocks.length > 1) {
                blocks.pop();
            }
        }
        lastEndLine = Math.max(lastEndLine, endLine);
    }
    // Align amounts on the decimal comma among the voce/totale lines of the same block.
    const pads = new Map<Line, number>();
    const groups = new Map<number, { line: Line; width: number }[]>();
    for (const line of lines) {
        const at = amountIndex(line.tokens);
        if (at === undefined || (line.block.opener !== 'linea' && line.block.id !== 0)) {
            continue;
        }
        const number = line.tokens[at].image === '€' ? line.tokens[at + 1] : line.tokens[at];
        if (number?.tokenType.name !== 'NUMBER') {
            continue;
        }
        const comma = number.image.includes(',') ? number.image.indexOf(',') : number.image.length;
        const width = join(line.tokens.slice(0, at), layout).length + 1 + (line.tokens[at].image === '€' ? 2 : 0) + comma;
        const group = groups.get(line.block.id) ?? [];
        group.push({ line, width });
        groups.set(line.block.id, group);
    }
    for (const group of groups.values()) {
        const widest = Math.max(...group.map(g => g.width));
        for (const { line, width } of group) {
            pads.set(line, widest - width);
        }
    }
    return lines.map(line => {
        const at = amountIndex(line.tokens);
        const pad = pads.get(line) ?? 0;
        const body = pad > 0 && at !== undefined
            ? `${join(line.tokens.slice(0, at), layout)}${' '.repeat(pad + 1)}${join(line.tokens.slice(at), layout)}`
            : join(line.tokens, layout);
        return { firstLine: line.firstLine, lastLine: line.lastLine, blankBefore: line.blankBefore, text: indentUnit.repeat(line.depth) + body };
    });
}

/**
 * The layout the syntax tree gives: a line continues a statement when its first token belongs to
 * a node begun on an earlier line and does not open a statement of its own inside that node's
 * braces; a `-` owned by a statistics cell is an empty cell.
 */
export function layoutOf(root: AstNode | undefined): TokenLayout {
    const rootCst = root?.$cstNode;
    if (!root || !rootCst) {
        return flatLayout;
    }
    const leafAt = (token: IToken) => CstUtils.findLeafNodeAtOffset(rootCst, token.startOffset);
    return {
        isEmptyCell: token => token.image === '-' && (leafAt(token)?.astNode.$type === 'Cell' || leafAt(token)?.astNode.$type === 'ListItem'),
        continues: token => {
            const leaf = leafAt(token);
            if (!leaf || leaf.offset !== token.startOffset) {
                return false;
            }
            const line = leaf.range.start.line;
            for (let node: AstNode | undefined = leaf.astNode; node; node = node.$container) {
                const cst = node.$cstNode;
                if (!cst || cst.range.start.line >= line) {
                    continue;
                }
                if (node === root && leaf.astNode !== root) {
                    return false; // a statement of the plan itself
                }
                // Begun earlier: the token continues it unless it sits inside the node's own braces.
                const brace = CstUtils.streamCst(cst).find(n => n.astNode === node && n.text === '{' && n.offset < token.startOffset);
                return brace === undefined;
            }
            return false;
        }
    };
}

export class CpiplanFormatter implements Formatter {
    constructor(private readonly services: CpiplanServices) { }

    private lines(document: LangiumDocument, options: FormattingOptions): FormattedLine[] | undefined {
        const unit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize || 4);
        return formatLines(document.textDocument.getText(), t => this.services.parser.Lexer.tokenize(t) as never, unit, layoutOf(document.parseResult.value));
    }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        const text = document.textDocument.getText();
        const lines = this.lines(document, params.options);
        const out = lines?.flatMap(line => line.blankBefore ? ['', line.text] : [line.text]) ?? [];
        const formatted = !lines ? text : out.length === 0 ? '' : out.join('\n') + '\n';
        if (formatted === text) {
            return [];
        }
        return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
    }

    /** Only the statements that start inside the range change; the rest of the file is left as it is. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const textDocument = document.textDocument;
        const edits: TextEdit[] = [];
        for (const line of this.lines(document, params.options) ?? []) {
            if (line.firstLine < params.range.start.line || line.firstLine > params.range.end.line) {
                continue;
            }
            const start = { line: line.firstLine, character: 0 };
            const end = textDocument.positionAt(textDocument.offsetAt({ line: line.lastLine + 1, character: 0 }));
            const old = textDocument.getText({ start, end });
            const newText = line.text + (old.endsWith('\n') ? (old.endsWith('\r\n') ? '\r\n' : '\n') : '');
            if (old !== newText) {
                edits.push({ range: { start, end }, newText });
            }
        }
        return edits;
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}
