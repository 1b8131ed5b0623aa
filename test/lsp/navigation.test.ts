/** Completion, outline, go to definition, find references and rename. */
import { afterEach, describe, expect, test } from 'vitest';
import type { CompletionList, DocumentSymbol, Location, LocationLink } from 'vscode-languageserver';
import { testServices } from '../helpers.js';
import { open, positionOf } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

const plan = `piano "X" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 100,00
cpi aosta "CPI di Aosta"
profilo istruttore "Istruttore tecnico" categoria D
linea 3.1 "Comunicazione" {
    voce "Campagna" € 1,00 su B
}
personale al 24/11/2020 { ufficio aosta { istruttore D 3 } }
sezione 4 "Governance" { dichiarazione governance_lep "LEP" }
`;

describe('completion', () => {
    test('after linea, the rule set codes not yet used, with their official titles', async () => {
        const services = await testServices();
        const opened = await open(plan + 'linea ');
        close = opened.close;
        const list = await services.lsp.CompletionProvider!.getCompletion(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: opened.document.textDocument.positionAt(opened.document.textDocument.getText().length)
        }) as CompletionList;
        const codes = list.items.filter(i => i.kind === 20).map(i => [i.label, i.detail]);
        expect(codes).toEqual([
            ['3.2', 'Formazione degli operatori'], ['3.3', 'Osservatorio regionale del mercato del lavoro'],
            ['3.4', 'Adeguamento strumentale e infrastrutturale delle sedi dei CPI'], ['3.5', 'Sistemi informativi'],
            ['3.6', "Spese generali e per l'attuazione"]
        ]);
    });

    test('after dichiarazione, the keys the rule set requires in that block, with their standard wording', async () => {
        const services = await testServices();
        const complete = async (text: string, at: string) => {
            const opened = await open(text);
            try {
                const list = await services.lsp.CompletionProvider!.getCompletion(opened.document, {
                    textDocument: { uri: opened.document.uri.toString() }, position: positionOf(opened.document, at, at.length)
                }) as CompletionList;
                return list.items.filter(i => i.kind === 10);
            } finally {
                await opened.close();
            }
        };
        const inLine = await complete('piano "X" regole "DM 74/2019"\nlinea 3.3 "Osservatorio regionale del mercato del lavoro" {\n    dichiarazione \n}\n', 'dichiarazione ');
        expect(inLine.map(i => i.label)).toEqual(['nessun_compenso_osservatorio']);
        expect(inLine[0].insertText).toMatch(/^nessun_compenso_osservatorio "Si precisa che, .* comunque denominato\."$/);
        const inSection = await complete('piano "X" regole "DM 74/2019"\nsezione 4 "Governance" {\n    dichiarazione \n}\n', 'dichiarazione ');
        expect(inSection.map(i => i.label)).toEqual(['governance_lep']);
        // Already there: nothing to offer.
        const done = await complete('piano "X" regole "DM 74/2019"\nsezione 4 "Governance" {\n    dichiarazione governance_lep "x"\n    dichiarazione \n}\n', 'dichiarazione ', );
        expect(done).toEqual([]);
    });

    test('sources after su', async () => {
        const services = await testServices();
        const opened = await open(plan.replace('su B', 'su '));
        close = opened.close;
        const list = await services.lsp.CompletionProvider!.getCompletion(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: positionOf(opened.document, 'su ', 3)
        }) as CompletionList;
        expect(list.items.map(i => i.label)).toContain('B');
    });
});

describe('outline and navigation', () => {
    test('document symbols by section and line', async () => {
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(opened.document, { textDocument: { uri: opened.document.uri.toString() } }) as DocumentSymbol[];
        expect(symbols[0].name).toBe('X');
        expect(symbols[0].children!.map(s => s.name)).toEqual(['B', 'aosta', 'istruttore', '3.1 Comunicazione', 'personale al 24/11/2020', '4 Governance']);
        expect(symbols[0].children![3].children!.map(s => s.name)).toEqual(['Campagna']);
    });

    test('go to definition, find references and rename a source, an office and a profile', async () => {
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        const uri = opened.document.uri.toString();
        const definition = await services.lsp.DefinitionProvider!.getDefinition(opened.document, { textDocument: { uri }, position: positionOf(opened.document, 'su B', 3) }) as LocationLink[];
        expect(definition[0].targetSelectionRange.start).toEqual(positionOf(opened.document, 'fonte B', 6));
        const references = await services.lsp.ReferencesProvider!.findReferences(opened.document, {
            textDocument: { uri }, position: positionOf(opened.document, 'cpi aosta', 4), context: { includeDeclaration: true }
        }) as Location[];
        expect(references).toHaveLength(2);
        const rename = await services.lsp.RenameProvider!.rename(opened.document, { textDocument: { uri }, position: positionOf(opened.document, 'profilo istruttore', 8), newName: 'tecnico' });
        expect(rename!.changes![uri].map(e => e.newText)).toEqual(['tecnico', 'tecnico']);
    });
});

describe('folding and semantic tokens', () => {
    test('blocks fold; names, codes and amounts are highlighted', async () => {
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        const uri = opened.document.uri.toString();
        const folds = await services.lsp.FoldingRangeProvider!.getFoldingRanges(opened.document, { textDocument: { uri } });
        expect(folds.map(f => [f.startLine, f.endLine])).toContainEqual([4, 5]); // the closing brace stays visible
        const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(opened.document, { textDocument: { uri } });
        // B, aosta, istruttore (declared); 3.1; € 100,00, € 1,00, 3 (numbers); su B, ufficio aosta, istruttore (references); section 4
        expect(tokens.data.length / 5).toBe(11);
    });
});
