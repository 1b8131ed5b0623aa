/** The parser lets go of a document's tokens once it is parsed, and still reports what it found. */
import { describe, expect, test } from 'vitest';
import { testServices } from '../helpers.js';

/** Chevrotain's token vector, which the parser would otherwise keep until the next parse. */
function heldTokens(parser: unknown): unknown[] {
    return (parser as { wrapper: { input: unknown[] } }).wrapper.input;
}

describe('the parser', () => {
    test('keeps no token of the last document, and its errors survive', async () => {
        const services = await testServices();
        const parser = services.parser.LangiumParser;
        const good = parser.parse('piano "X"\nfonte B "Allegato B" assegnato € 100,00\n');
        expect(good.parserErrors).toEqual([]);
        expect(heldTokens(parser)).toEqual([]);
        const bad = parser.parse('piano "X"\nfonte B "Allegato B" assegnato\n');
        expect(bad.parserErrors.length).toBeGreaterThan(0);
        expect(heldTokens(parser)).toEqual([]);
    });
});
