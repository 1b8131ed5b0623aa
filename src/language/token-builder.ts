/**
 * The lexer's one departure from the grammar's terminals: a figure written with spaces between
 * its thousands (`€ 1 000,00`, `1 000,00 €`, as PDFs paste them) is one NUMBER token when it
 * stands next to a currency sign or word, so it is read (and reported) as the figure it is,
 * never as `1` followed by a stray `000,00`.
 *
 * Plain spaces join groups only next to `€`, `EUR` or `euro`: elsewhere a space separates
 * figures (the cells of a statistics row, `4.857 4.430`). No-break spaces (U+00A0, U+202F) are
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
const CURRENCY_AFTER = /[ \t\u00A0\u202F]*(?:€|(?:EUR|euro)(?![\p{L}\p{N}_]))/uy;

/** Whether the text just before `offset` is a currency (`€`, `EUR`, `euro`), maybe followed by `-` or `,`. */
function afterCurrency(text: string, offset: number): boolean {
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
                    if (spaced) {
                        CURRENCY_AFTER.lastIndex = offset + spaced[0].length;
                        if (afterCurrency(text, offset) || CURRENCY_AFTER.test(text)) {
                            return spaced;
                        }
                    }
                    plain.lastIndex = offset;
                    return plain.exec(text);
                }
            }
        };
    }
}
