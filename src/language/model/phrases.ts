/**
 * What a declaration's text must say (a rule set's `contiene "a" e ("b" oppure "c")`), matched
 * the way a reader would: ignoring case, accents, typographic apostrophes and runs of
 * whitespace, on whole words (`LEP` is not found in `lepre`).
 */

/** A text as phrases are matched in: lower case, no accents, straight apostrophes, single spaces. */
export function normalisePhrase(text: string): string {
    return text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
        .replace(/\s+/gu, ' ')
        .trim();
}

const wordChar = /[\p{L}\p{N}]/u;

/** Whether a normalised text contains a normalised phrase as whole words. */
function containsWords(text: string, phrase: string): boolean {
    if (phrase === '') {
        return true;
    }
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        const before = at === 0 ? '' : text[at - 1];
        const after = text[at + phrase.length] ?? '';
        const startsWord = !wordChar.test(phrase[0]) || !wordChar.test(before);
        const endsWord = !wordChar.test(phrase[phrase.length - 1]) || !wordChar.test(after);
        if (startsWord && endsWord) {
            return true;
        }
    }
    return false;
}

/**
 * The requirements a text does not meet: each requirement is a list of alternatives, met when
 * the text contains any of them. Returned as written in the rule set, in its order.
 */
export function missingPhrases(text: string, requirements: readonly (readonly string[])[]): (readonly string[])[] {
    const normalised = normalisePhrase(text);
    return requirements.filter(alternatives => !alternatives.some(phrase => containsWords(normalised, normalisePhrase(phrase))));
}
