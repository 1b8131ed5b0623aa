/** The index of references is built when first asked, not on every build, and answers as Langium's would. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Location } from 'vscode-languageserver';
import { testServices } from '../helpers.js';
import { open, positionOf } from '../lsp/helpers.js';
import { CpiplanReferenceDescriptionProvider } from '../../src/language/reference-index.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; vi.restoreAllMocks(); });

const plan = `piano "X" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 100,00
cpi aosta "CPI di Aosta"
linea 3.1 "Comunicazione" {
    voce "Campagna" € 1,00 su B
}
personale al 24/11/2020 { ufficio aosta { istruttore D 3 } }
`;

describe('the reference index', () => {
    test('a build describes no reference; the first question describes them, the next ones reuse them', async () => {
        const describe = vi.spyOn(CpiplanReferenceDescriptionProvider.prototype, 'describeNow');
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        expect(describe).not.toHaveBeenCalled();
        const uri = opened.document.uri.toString();
        const find = async () => await services.lsp.ReferencesProvider!.findReferences(opened.document, {
            textDocument: { uri }, position: positionOf(opened.document, 'cpi aosta', 4), context: { includeDeclaration: false }
        }) as Location[];
        expect((await find()).map(l => l.range.start)).toEqual([positionOf(opened.document, 'ufficio aosta', 8)]);
        const calls = describe.mock.calls.length;
        expect(calls).toBeGreaterThan(0);
        expect(await find()).toHaveLength(1);
        expect(describe.mock.calls.length).toBe(calls);
    });

    test('a plan is affected by a change to the rule set it names, and not by another file', async () => {
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        const index = services.shared.workspace.IndexManager;
        const ruleSet = services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path.endsWith('dm74-2019.cpiplan'));
        expect(ruleSet).toBeDefined();
        expect(index.isAffected(opened.document, new Set([ruleSet?.uri.toString() ?? '']))).toBe(true);
        expect(index.isAffected(opened.document, new Set(['file:///elsewhere.cpiplan']))).toBe(false);
    });
});
