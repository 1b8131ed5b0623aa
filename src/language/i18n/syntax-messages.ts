/**
 * Syntax errors in the language's words, Italian and English: what was expected, what was
 * found, where a block was opened, and a suggestion for a slip. Tokens arrive already written
 * (`'voce'`, `'3.3'`); terminals are named by `tokenWords`.
 */
import type { Locale } from './locale.js';
import { textOf, type ArgumentList } from './template.js';

export const syntaxMessages = {
    /** Something the grammar requires is not there. */
    missing: { it: 'Manca {expected} dopo {previous}: trovato {found}.', en: 'Missing {expected} after {previous}: found {found}.' },
    /** Something is missing at the very start of the file. */
    missingAtStart: { it: 'Il file deve iniziare con {expected}: trovato {found}.', en: 'The file must start with {expected}: found {found}.' },
    /** A block's closing brace is missing. */
    missingClose: {
        it: "Manca '}' per chiudere il blocco {block} aperto alla riga {line}.",
        en: "Missing '}' to close the block {block} opened on line {line}."
    },
    /** Text the parser skipped. */
    unexpected: { it: '{found} non è previsto qui: il testo fino a {until} è ignorato.', en: '{found} is not expected here: the text up to {until} is ignored.' },
    unexpectedOne: { it: '{found} non è previsto qui ed è ignorato.', en: '{found} is not expected here and is ignored.' },
    missingBefore: { it: 'Forse manca {keyword} prima di {found}?', en: 'Is {keyword} missing before {found}?' },
    tokenOnLine: { it: '{token} alla riga {line}', en: '{token} on line {line}' },
    didYouMean: { it: 'Forse {suggestion}?', en: 'Did you mean {suggestion}?' },
    /** A slip for a keyword where a name is also allowed, so the parser read it as a name (`totalx 322 338` in a summary). */
    readAsCategory: {
        it: '{found} è letto come una categoria, non come {keyword}: le cifre della tabella non sono confrontate con altre tabelle. Forse {keyword}?',
        en: '{found} is read as a category, not as {keyword}: the table\'s figures are not compared with other tables. Did you mean {keyword}?'
    },
    /** Two numbers in a row, as `300 000,00` is read. */
    spacedNumber: {
        it: 'Un numero si scrive senza spazi: {written} va scritto {suggestion}.',
        en: 'A number is written without spaces: {written} should be {suggestion}.'
    },
    /** A character the language has no use for. */
    unexpectedCharacter: {
        it: "Carattere non ammesso '{character}' alla riga {line}, colonna {column}: è ignorato.",
        en: "Character '{character}' is not allowed (line {line}, column {column}): it is ignored."
    },
    /** A typographic character pasted from a word processor. */
    typographicCharacter: {
        it: "Carattere tipografico '{character}' alla riga {line}, colonna {column}: scrivere {replacement}.",
        en: "Typographic character '{character}' on line {line}, column {column}: write {replacement} instead."
    },
    /** A quote opened and not closed on its line. */
    unclosedQuote: {
        it: 'Virgolette aperte alla riga {line}, colonna {column} e mai chiuse: un testo tra virgolette finisce sulla stessa riga.',
        en: 'Quote opened on line {line}, column {column} and never closed: a quoted text ends on the same line.'
    }
} as const;

/** How terminals and the end of the file are named in messages. */
export const tokenWords = {
    STRING: { it: 'un testo tra virgolette', en: 'a quoted text' },
    NUMBER: { it: 'un numero', en: 'a number' },
    ID: { it: 'un nome', en: 'a name' },
    DATE: { it: 'una data (24/11/2020)', en: 'a date (24/11/2020)' },
    ACT_NUMBER: { it: 'un numero di atto (955/2020)', en: 'an act number (955/2020)' },
    EOF: { it: 'la fine del file', en: 'the end of the file' },
    or: { it: 'o', en: 'or' },
    straightQuote: { it: 'le virgolette dritte "', en: 'a straight quote "' },
    straightApostrophe: { it: "l'apostrofo dritto '", en: "a straight apostrophe '" },
    hyphen: { it: 'il trattino -', en: 'a hyphen -' },
    dots: { it: 'tre punti ...', en: 'three dots ...' }
} as const;

export type SyntaxMessage = keyof typeof syntaxMessages;
export type TokenWord = keyof typeof tokenWords;

/** A syntax message in the locale. */
export function syntaxMessage<K extends SyntaxMessage>(key: K, locale: Locale, ...args: ArgumentList<(typeof syntaxMessages)[K]>): string {
    return textOf(syntaxMessages, key, locale, ...args);
}

/** How a terminal (or the end of the file) is named; undefined for a name the catalogue does not know. */
export function tokenWord(name: string, locale: Locale): string | undefined {
    return name in tokenWords ? tokenWords[name as TokenWord][locale] : undefined;
}
