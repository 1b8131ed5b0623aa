/**
 * The formatter: canonical layout, amounts aligned on the decimal comma within a block,
 * idempotent. It works on the token stream, comments included, so a comment can never be lost
 * or moved to another line. Lines keep their statements; only spacing and indentation change.
 */
import type { IToken } from 'chevrotain';
import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';

interface Line {
    readonly tokens: IToken[];
    /** Blank lines in the source before this line (at most one is kept). */
    readonly blankBefore: boolean;
    readonly depth: number;
    /** The first token of the line that opened the enclosing block, e.g. `linea`. */
    readonly block: { opener: string; id: number };
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

function join(tokens: IToken[]): string {
    let text = '';
    tokens.forEach((token, i) => {
        const previous = tokens[i - 1];
        const glued = i === 0 || token.image === ',' || token.image === '%' || previous?.image === '-'
            || (token.image === '-' && previous?.tokenType.name === 'NUMBER');
        text += (glued ? '' : ' ') + token.image;
    });
    return text;
}

/** Formats a plan's text; returns it unchanged when it cannot be lexed. */
export function formatText(text: string, tokenize: (text: string) => { tokens: IToken[]; hidden: IToken[]; errors: unknown[] }, indentUnit = '    '): string {
    const lexed = tokenize(text);
    if (lexed.errors.length > 0) {
        return text;
    }
    const tokens = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
    const lines: Line[] = [];
    let depth = 0;
    const blocks: { opener: string; id: number }[] = [{ opener: '', id: 0 }];
    let blockCount = 0;
    let lastEndLine = 0;
    for (const token of tokens) {
        const current = lines.at(-1);
        if (!current || token.startLine! > lastEndLine) {
            const closes = token.image === '}' ? 1 : 0;
            lines.push({
                tokens: [token], blankBefore: current !== undefined && token.startLine! - lastEndLine > 1,
                depth: Math.max(0, depth - closes), block: blocks.at(-1)!
            });
        } else {
            current.tokens.push(token);
        }
        if (token.image === '{' && token.tokenType.name !== 'STRING') {
            depth++;
            blocks.push({ opener: lines.at(-1)!.tokens[0].image, id: ++blockCount });
        } else if (token.image === '}') {
            depth = Math.max(0, depth - 1);
            if (blocks.length > 1) {
                blocks.pop();
            }
        }
        lastEndLine = Math.max(lastEndLine, token.endLine!);
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
        const width = join(line.tokens.slice(0, at)).length + 1 + (line.tokens[at].image === '€' ? 2 : 0) + comma;
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
    const out: string[] = [];
    for (const line of lines) {
        if (line.blankBefore) {
            out.push('');
        }
        const at = amountIndex(line.tokens);
        const pad = pads.get(line) ?? 0;
        const body = pad > 0 && at !== undefined
            ? `${join(line.tokens.slice(0, at))}${' '.repeat(pad + 1)}${join(line.tokens.slice(at))}`
            : join(line.tokens);
        out.push(indentUnit.repeat(line.depth) + body);
    }
    return out.length === 0 ? '' : out.join('\n') + '\n';
}

export class CpiplanFormatter implements Formatter {
    constructor(private readonly services: CpiplanServices) { }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        const text = document.textDocument.getText();
        const unit = params.options.insertSpaces === false ? '\t' : ' '.repeat(params.options.tabSize || 4);
        const formatted = formatText(text, t => this.services.parser.Lexer.tokenize(t) as never, unit);
        if (formatted === text) {
            return [];
        }
        return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.formatDocument(document, { textDocument: params.textDocument, options: params.options });
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}
