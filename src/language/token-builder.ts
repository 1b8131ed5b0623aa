/**
 * The lexer's one departure from the grammar's terminals: a figure written with spaces between
 * its thousands (`€ 1 000,00`, as PDFs paste it) is one NUMBER token after a currency sign or
 * word, so it is read (and reported) as the figure it is, never as `1` followed by a stray `000,00`.
 *
 * Plain spaces join groups only after `€`, `EUR` or `euro`, or after a keyword followed by one
 * figure alone (`residenti 78 001`, `iscritti`, `obiettivo`, `almeno`, `base`): elsewhere a space
 * separates figures (the cells of a statistics row, `4.857 4.430`; a summary row, `B 68 60`),
 * and before a currency too: `istruttore 10 558,00 €` is 10 heads at € 558,00. No-break spaces (U+00A0, U+202F) are
 * part of a number anywhere, as the NUMBER terminal says. The reading layer then reports a
 * spaced figure as `invalid-number` with its canonical rewrite.
 */
import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';

/** A figure grouped by threes with spaces, with its decimals (in any mark: the reader judges them). */
const SPACED = /\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,][\d.,]*\d)?(?![\d.,])/y;
/** Blanks that may stand between a currency and its figure on one line. */
const BLANK = /[ \t\u00A0\u202F]/;

/** Keywords followed by one figure alone, never by a second one. */
const SINGLE_FIGURE = /[^\p{L}\p{N}_](?:residenti|iscritti|obiettivo|almeno|base)[ \t\u00A0\u202F]*-?[ \t\u00A0\u202F]*$/u;

/**
 * Whether the text just before `offset` is a currency (`€`, `EUR`, `euro`), maybe followed by
 * `-` or `,`, or a keyword that takes one figure alone.
 */
function afterCurrency(text: string, offset: number): boolean {
    const start = Math.max(0, offset - 24);
    if (SINGLE_FIGURE.test((start === 0 ? ' ' : '') + text.slice(start, offset))) {
        return true;
    }
    let i = offset - 1;
    while (i >= 0 && BLANK.test(text[i])) {
        i--;
    }
    if (i >= 0 && (text[i] === '-' || text[i] === ',')) {
        i--;
        while (i >= 0 && BLANK.test(text[i])) {
            i--;
        }
    }
    if (text[i] === '€') {
        return true;
    }
    const word = /(?:^|[^\p{L}\p{N}_])(EUR|euro)$/u;
    return word.test(text.slice(Math.max(0, i - 4), i + 1));
}

/**
 * Whether a figure grouped by threes with spaces starts at `offset` (whatever stands before it):
 * where one does, a NUMBER token there may take more than its own digits.
 */
export function spacedFigureAt(text: string, offset: number): boolean {
    SPACED.lastIndex = offset;
    return SPACED.test(text);
}

export class CpiplanTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const pattern = token.PATTERN;
        if (terminal.name !== 'NUMBER' || !(pattern instanceof RegExp)) {
            return token;
        }
        const plain = new RegExp(pattern.source, pattern.flags + 'y');
        return {
            ...token,
            START_CHARS_HINT: [...'0123456789'],
            LINE_BREAKS: false,
            PATTERN: {
                exec: (text: string, offset: number): RegExpExecArray | null => {
                    SPACED.lastIndex = offset;
                    const spaced = SPACED.exec(text);
                    if (spaced && afterCurrency(text, offset)) {
                        return spaced;
                    }
                    plain.lastIndex = offset;
                    return plain.exec(text);
                }
            }
        };
    }
}
