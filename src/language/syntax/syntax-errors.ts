/**
 * Syntax errors in the language's words, in the locale in force: the message providers Langium
 * hands to Chevrotain (they word each error as it is found), and the rewording the document
 * validator applies once the whole parse is known (a missing `}` named with the block it should
 * close, skipped text named as such, with a "did you mean" for a misspelt keyword).
 *
 * Everything here is derived from the grammar: keywords are the grammar's, terminals are named
 * by the i18n catalogue (by their rule name, the rule name itself when the catalogue lacks it).
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { allNodesOf } from '../ast-walk.js';
import { EOF, tokenMatcher, type ILexerErrorMessageProvider, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { Locale } from '../i18n/locale.js';
import { syntaxMessage, tokenWord, tokenWords } from '../i18n/syntax-messages.js';
import { nearest } from './nearest.js';

/** What the messages need to know of the grammar and the locale. */
export interface SyntaxContext {
    readonly grammar: GrammarAST.Grammar;
    locale(): Locale;
}

/** The grammar's words: keywords made of letters (the ones a slip can misspell) and terminal names. */
class Vocabulary {
    readonly keywords: readonly string[];
    /** The keywords written right before a name of each type (`su B`: 'su' before a FundingSource). */
    readonly beforeReference: ReadonlyMap<string, readonly string[]>;
    private readonly terminals: ReadonlySet<string>;

    constructor(grammar: GrammarAST.Grammar) {
        const keywords = new Set<string>();
        for (const node of AstUtils.streamAllContents(grammar)) {
            if (GrammarAST.isKeyword(node) && /^\p{L}+$/u.test(node.value)) {
                keywords.add(node.value);
            }
        }
        this.keywords = [...keywords].sort();
        this.terminals = new Set(grammar.rules.filter(GrammarAST.isTerminalRule).map(rule => rule.name));
        const before = new Map<string, Set<string>>();
        // Only optional groups (`('su' source=[FundingSource])?`): a keyword left out there leaves the name alone; a
        // keyword that starts a required alternative (`'fonte' source=…`) is not the one a writer forgets.
        for (const group of AstUtils.streamAllContents(grammar).filter(GrammarAST.isGroup).filter(g => g.cardinality === '?' || g.cardinality === '*')) {
            group.elements.forEach((element, i) => {
                const next = group.elements[i + 1];
                const type = next && !next.cardinality ? referencedType(next) : undefined;
                if (GrammarAST.isKeyword(element) && /^\p{L}+$/u.test(element.value) && type) {
                    before.set(type, (before.get(type) ?? new Set()).add(element.value));
                }
            });
        }
        this.beforeReference = new Map([...before].map(([type, words]) => [type, [...words]]));
    }

    isTerminal(name: string): boolean {
        return this.terminals.has(name);
    }
}

/** The type a grammar element refers to first: `source=[FundingSource:ID]`, or a rule call whose rule starts with one. */
function referencedType(element: GrammarAST.AbstractElement, depth = 0): string | undefined {
    if (GrammarAST.isAssignment(element)) {
        const terminal = element.terminal;
        if (GrammarAST.isCrossReference(terminal)) {
            return terminal.type.ref?.name;
        }
        return depth < 2 && GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref) ? referencedType(terminal.rule.ref.definition, depth + 1) : undefined;
    }
    if (GrammarAST.isGroup(element) && !element.cardinality && element.elements.length > 0) {
        return referencedType(element.elements[0], depth);
    }
    return undefined;
}

const maxShown = 30;

/** A token as found in the text: `'linee'`, or the end of the file. */
export function describeFound(token: IToken | undefined, locale: Locale): string {
    if (!token || tokenMatcher(token, EOF) || token.image === undefined) {
        return tokenWords.EOF[locale];
    }
    const image = token.image.length > maxShown ? `${token.image.slice(0, maxShown)}…` : token.image;
    return `'${image}'`;
}

/** Chevrotain's EOF and tokens inserted by recovery have no position. */
function isReal(token: IToken | undefined): token is IToken {
    return token !== undefined && !Number.isNaN(token.startOffset) && !tokenMatcher(token, EOF);
}

export class SyntaxErrorWording {
    private readonly vocabulary: Vocabulary;

    constructor(private readonly context: SyntaxContext) {
        this.vocabulary = new Vocabulary(context.grammar);
    }

    /** A token type in words: `'voce'` for a keyword, "a quoted text" for STRING. */
    describeExpected(type: TokenType, locale: Locale): string {
        if (type === EOF) {
            return tokenWords.EOF[locale];
        }
        return this.vocabulary.isTerminal(type.name) ? tokenWord(type.name, locale) ?? type.name : `'${type.name}'`;
    }

    /** Several token types: "'€' or a number". */
    describeChoice(types: readonly TokenType[], locale: Locale): string {
        const words = [...new Set(types.map(type => this.describeExpected(type, locale)))];
        return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${tokenWords.or[locale]} ${words.at(-1)}`;
    }

    missing(expected: readonly TokenType[], actual: IToken, previous: IToken | undefined): string {
        const locale = this.context.locale();
        const args = { expected: this.describeChoice(expected, locale), found: describeFound(actual, locale) };
        return isReal(previous)
            ? syntaxMessage('missing', locale, { ...args, previous: describeFound(previous, locale) })
            : syntaxMessage('missingAtStart', locale, args);
    }

    /** The keyword a misspelt word was probably meant to be. */
    suggestionFor(token: IToken): string | undefined {
        return /^\p{L}+$/u.test(token.image ?? '') ? nearest(token.image, this.vocabulary.keywords) : undefined;
    }

    /** Skipped text: what it starts with, up to where, and a suggestion for a slip. */
    unexpected(first: IToken, last: IToken | undefined, source: string | undefined, document?: LangiumDocument): string {
        const locale = this.context.locale();
        const found = describeFound(first, locale);
        const spaced = source === undefined ? undefined : spacedNumber(source, first);
        if (spaced) {
            return syntaxMessage('spacedNumber', locale, spaced);
        }
        const message = last && last !== first
            ? syntaxMessage('unexpected', locale, {
                found, until: syntaxMessage('tokenOnLine', locale, { token: describeFound(last, locale), line: (last.startLine ?? 0) })
            })
            : syntaxMessage('unexpectedOne', locale, { found });
        const suggestion = this.suggestionFor(first);
        if (suggestion) {
            return `${message} ${syntaxMessage('didYouMean', locale, { suggestion: `'${suggestion}'` })}`;
        }
        const keyword = document && this.keywordBefore(first, document);
        return keyword ? `${message} ${syntaxMessage('missingBefore', locale, { keyword: `'${keyword}'`, found })}` : message;
    }

    /** The one keyword the grammar writes before a name like this one (`su` before a source), when the name is declared in the document. */
    private keywordBefore(token: IToken, document: LangiumDocument): string | undefined {
        const type = this.namesOf(document).get(token.image);
        const keywords = type && this.vocabulary.beforeReference.get(type);
        return keywords?.length === 1 ? keywords[0] : undefined;
    }

    private readonly names = new WeakMap<object, Map<string, string>>();

    /** The names the document declares, with their type (first declaration wins), once per parse (a re-parsed block keeps the root node: syntax/incremental.ts). */
    private namesOf(document: LangiumDocument): Map<string, string> {
        const root = document.parseResult.value;
        let names = this.names.get(document.parseResult);
        if (!names) {
            names = new Map();
            // The walk of the tree linking and validation share (the same order as Langium's stream).
            for (const node of allNodesOf(root)) {
                const name = (node as AstNode & { name?: unknown }).name;
                if (typeof name === 'string' && !names.has(name)) {
                    names.set(name, node.$type);
                }
            }
            this.names.set(document.parseResult, names);
        }
        return names;
    }

    /** A block without its `}`, named by its header (`linea 3.2 "Formazione degli operatori"`) and the line it opens on. */
    missingClose(block: AstNode, text: string): string | undefined {
        const cst = block.$cstNode;
        const open = cst && GrammarUtils.findNodeForKeyword(cst, '{');
        if (!cst || !open) {
            return undefined;
        }
        return syntaxMessage('missingClose', this.context.locale(), { block: headerOf(text.slice(cst.offset, open.offset)), line: cst.range.start.line + 1 });
    }

    /** Rewords a parser error knowing the whole parse; undefined keeps the provider's wording. */
    reword(error: IRecognitionException, document: LangiumDocument, read: ReadonlySet<number>): string | undefined {
        const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
        const text = document.textDocument.getText();
        if (isReal(error.token) && !read.has(error.token.startOffset)) {
            // Chevrotain words a mismatch before skipping (its previous token comes first): that wording says what was expected.
            const worded = error.name === 'MismatchedTokenException' && isReal(previous) && previous.startOffset < error.token.startOffset;
            // A capitalised word where something else was expected is text without its quotes (`linea 3.3 Osservatorio …`), not a misspelt keyword.
            const suggestion = worded && /^\p{Lu}/u.test(error.token.image) ? undefined : this.suggestionFor(error.token);
            return worded
                ? suggestion ? `${error.message} ${syntaxMessage('didYouMean', this.context.locale(), { suggestion: `'${suggestion}'` })}` : error.message
                : this.unexpected(error.token, error.resyncedTokens.at(-1), text, document);
        }
        if (isReal(previous)) {
            const block = unclosedBlockAt(document, previous.startOffset);
            return block && this.missingClose(block, text);
        }
        return undefined;
    }
}

/** `300 000,00`: a number, a space, and a group of three digits, read as two numbers. */
function spacedNumber(text: string, token: IToken): { written: string; suggestion: string } | undefined {
    const before = /(\d[\d.,]*) +$/.exec(text.slice(Math.max(0, token.startOffset - 40), token.startOffset));
    if (!before || !/^\d{3}(?:[.,]\d*)?$/.test(token.image)) {
        return undefined;
    }
    return { written: `'${before[1]} ${token.image}'`, suggestion: `'${before[1]}.${token.image}'` };
}

/** A block's header on one line, its title shortened: `linea 3.2 "Formazione degli operatori"`. */
function headerOf(text: string): string {
    const header = text.replace(/\s+/g, ' ').trim();
    return `'${header.length > 50 ? `${header.slice(0, 48)}…` : header}'`;
}

/** The innermost node around an offset that opens a `{` and has no `}` of its own. */
function unclosedBlockAt(document: LangiumDocument, offset: number): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const cst = node.$cstNode;
        if (cst && GrammarUtils.findNodeForKeyword(cst, '{') && !GrammarUtils.findNodeForKeyword(cst, '}')) {
            return node;
        }
    }
    return undefined;
}

/** Chevrotain's parser messages, in the locale. */
export class CpiplanParserErrorMessageProvider implements IParserErrorMessageProvider {
    constructor(private readonly wording: SyntaxErrorWording) { }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return this.wording.missing([options.expected], options.actual, options.previous);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.wording.unexpected(options.firstRedundant, undefined, undefined);
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(alternative => alternative.flatMap(path => path.slice(0, 1)));
        return this.wording.missing(firsts, options.actual[0], options.previous);
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        return this.wording.missing(options.expectedIterationPaths.flatMap(path => path.slice(0, 1)), options.actual[0], options.previous);
    }
}

/** Characters a word processor puts in, and what to write instead. */
const typographic: Readonly<Record<string, 'straightQuote' | 'straightApostrophe' | 'hyphen' | 'dots'>> = {
    '“': 'straightQuote', '”': 'straightQuote', '„': 'straightQuote', '«': 'straightQuote', '»': 'straightQuote', '″': 'straightQuote',
    '‘': 'straightApostrophe', '’': 'straightApostrophe', '′': 'straightApostrophe',
    '–': 'hyphen', '—': 'hyphen', '−': 'hyphen', '…': 'dots'
};

/** Chevrotain's lexer messages, in the locale: the character, its line and column, and what to write for a typographic one. */
export class CpiplanLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    constructor(private readonly context: SyntaxContext) { }

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, line?: number, column?: number): string {
        const locale = this.context.locale();
        const character = fullText.slice(startOffset, startOffset + Math.min(length, 10));
        const position = { line: line ?? 0, column: column ?? 0 };
        const first = character.charAt(0);
        if (first === '"' || first === "'") {
            return syntaxMessage('unclosedQuote', locale, position);
        }
        const replacement = typographic[first];
        return replacement
            ? syntaxMessage('typographicCharacter', locale, { ...position, character, replacement: tokenWords[replacement][locale] })
            : syntaxMessage('unexpectedCharacter', locale, { ...position, character });
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return syntaxMessage('unexpectedOne', this.context.locale(), { found: describeFound(token, this.context.locale()) });
    }
}
