/** Rename checks the new name: identifier syntax, keywords, clashes; refuses in the locale; prepareRename only on names. */
import { afterEach, describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { testServices } from '../helpers.js';
import { open, positionOf } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

const plan = `piano "X" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 100,00
fonte C "Allegato C" tipo allegato_C assegnato € 50,00
cpi aosta "CPI di Aosta"
profilo istruttore "Istruttore tecnico" categoria D
assunzioni "Primo piano" {
    anno 2020 D istruttore 1
}
assunzioni "Secondo piano" modifica "Primo piano" {
    anno 2021 D istruttore 1
}
linea 3.1 "Comunicazione" {
    voce "Campagna" € 1,00 su B
}
`;

async function renameAt(anchor: string, offset: number, newName: string, locale: 'it' | 'en' = 'en') {
    const services = await testServices();
    const opened = await open(plan, locale);
    expect(opened.document.parseResult.parserErrors).toEqual([]);
    close = opened.close;
    const uri = opened.document.uri.toString();
    const position = positionOf(opened.document, anchor, offset);
    try {
        const edit = await services.lsp.RenameProvider!.rename(opened.document, { textDocument: { uri }, position, newName });
        return { edits: edit?.changes?.[uri]?.map(e => e.newText), refused: undefined };
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return { edits: undefined, refused: (error as ResponseError<unknown>).message };
    } finally {
        await close();
        close = undefined;
    }
}

describe('rename refuses a new name that cannot be', () => {
    test.each([
        ['', 'The new name is empty.'],
        ['x y', "'x y' is not a valid name: it must start with a letter or '_' and hold only letters, digits and '_' (no spaces)."],
        ['1abc', "'1abc' is not a valid name: it must start with a letter or '_' and hold only letters, digits and '_' (no spaces)."],
        ['voce', "'voce' is a keyword of the language and cannot be a name."],
        ['C', "There is already a source named 'C' in the plan: renaming would merge the two."]
    ])('renaming source B into %j', async (newName, message) => {
        expect(await renameAt('su B', 3, newName)).toEqual({ edits: undefined, refused: message });
    });

    test('the refusal is in the locale', async () => {
        expect((await renameAt('fonte B', 6, 'C', 'it')).refused).toBe("Esiste già una fonte con il nome 'C' nel piano: rinominando, i due elementi diventerebbero uno solo.");
        expect((await renameAt('fonte B', 6, 'linea', 'it')).refused).toBe("'linea' è una parola chiave del linguaggio e non può essere un nome.");
    });

    test('a name of another kind is no clash: source B may become aosta (an office)', async () => {
        expect(await renameAt('fonte B', 6, 'aosta')).toEqual({ edits: ['aosta', 'aosta'], refused: undefined });
    });

    test('a quoted name (a hiring plan) is renamed quoted, and refused when it clashes', async () => {
        expect(await renameAt('modifica "Primo piano"', 12, 'Piano base')).toEqual({ edits: ['"Piano base"', '"Piano base"'], refused: undefined });
        expect((await renameAt('modifica "Primo piano"', 12, 'Secondo piano')).refused).toBe(
            "There is already a hiring plan named 'Secondo piano' in the plan: renaming would merge the two.");
    });
});

describe('prepareRename', () => {
    test('null where there is no name (a keyword, an amount); the name range on a name', async () => {
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        const uri = opened.document.uri.toString();
        const prepare = (anchor: string, offset: number) =>
            services.lsp.RenameProvider!.prepareRename(opened.document, { textDocument: { uri }, position: positionOf(opened.document, anchor, offset) });
        expect(await prepare('linea 3.1', 1)).toBeUndefined();
        expect(await prepare('€ 1,00', 3)).toBeUndefined();
        expect(await prepare('su B', 3)).toMatchObject({ start: positionOf(opened.document, 'su B', 3) });
    });
});
