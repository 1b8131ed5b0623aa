/**
 * Langium's parser, letting go of the tokens once a document is parsed. Chevrotain keeps the last
 * input's token vector until the next parse: about 1.1 KB per line (six boxed positions per token),
 * held through linking and validation and, in the language server, until the next keystroke. The CST
 * keeps its own offsets and ranges, so nothing reads those tokens after the parse.
 */
import { createParser, LangiumParser, type LangiumCoreServices, type ParseResult } from 'langium';
import type { AstNode } from 'langium';

export class CpiplanParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** As Langium's `createLangiumParser`, with `CpiplanParser`. */
export function createCpiplanParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new CpiplanParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
