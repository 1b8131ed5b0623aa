/** Editor features on the outline's constructs: hover, document symbols nested by section, folding. */
import { afterEach, describe, expect, test } from 'vitest';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { example, header, testServices } from '../helpers.js';
import { hoverText, open, positionOf } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

const hover = (text: string, needle: string, shift = 1, locale: 'it' | 'en' = 'it') => hoverText(text, needle, shift, locale);

const plan = `${header}linea 3.1 "Comunicazione" { voce "Piano" € 20.000,00 su B }
linea 3.4 "Sedi" {
    voce "Immobili" € 100.000,00 su B
    gruppo "Uffici e apparati" € 150.000,00 { voce "Uffici" € 70.000,00 su B voce "Apparati" € 80.000,00 su B }
}
sezione 2 "Obiettivi" {
    testo "…"
    elenco { • "a" }
    sezione 2.1 "Obiettivi generali" {
        obiettivi linea 3.1 {
            obiettivo "conoscenza dei servizi" per "cittadini"
            risultato "piano di comunicazione" obiettivo almeno 3 tempi nel triennio 2020-2022
        }
    }
}
sezione 4 "Governance" {
    governance { soggetto "ANPAL" ruolo "LEP" }
    cronoprogramma { fase "Avvio" da marzo 2020 linea 3.1 }
}
sezione 5 "Riprogrammazione" {
    riprogrammazione "R" { sposta € 4.000,00 dalla linea 3.4 voce "Immobili" alla linea 3.1 }
    valutazione { richiesta 1 "Governance" risposta sezione 4, linea 3.9 }
}
`;

describe('hover on the outline', () => {
    test('a section: its title and what it holds', async () => {
        expect(await hover(plan, 'sezione 2 "', 2)).toBe('**Sezione 2** Obiettivi\n\nContiene: 1 paragrafi, 1 elenchi, 1 sottosezioni');
    });

    test('objectives and results with their targets and times', async () => {
        expect(await hover(plan, 'obiettivo "conoscenza', 2)).toBe('**Obiettivo** conoscenza dei servizi\n\nDestinatari: cittadini');
        expect(await hover(plan, 'risultato "piano', 2, 'en')).toBe('**Result** piano di comunicazione\n\nTarget: almeno 3\n\nWhen: nel triennio 2020-2022');
    });

    test('an actor and its role; a milestone with its period', async () => {
        expect(await hover(plan, 'soggetto "ANPAL"', 2)).toBe('**Soggetto** ANPAL\n\nRuolo: LEP');
        expect(await hover(plan, 'fase "Avvio"', 2)).toBe('**Fase** Avvio\n\nTempi: da marzo 2020 · Linea 3.1');
    });

    test('a move with its amount, what was available and the lines after it', async () => {
        expect(await hover(plan, 'sposta', 2)).toBe([
            '**Spostamento** € 4.000,00: 3.4 "Immobili" → 3.1', '',
            '€ 100.000,00 disponibile prima dello spostamento', '',
            'Linea 3.1: € 20.000,00 → € 24.000,00 dopo la riprogrammazione', '',
            'Linea 3.4: € 250.000,00 → € 246.000,00 dopo la riprogrammazione'
        ].join('\n'));
    });

    test('a request with its answers, found or not; an item group with its subtotal', async () => {
        expect(await hover(plan, 'richiesta 1', 2)).toBe('**Richiesta 1**\n\nRisposta: sezione 4 ✓, linea 3.9 (non presente nel piano)');
        expect(await hover(plan, 'gruppo "Uffici', 2)).toBe('**Gruppo** Uffici e apparati\n\nTotale: **€ 150.000,00** · Subtotale dichiarato € 150.000,00 ✓');
        expect(await hover(plan, 'voce "Uffici"', 2)).toBe('**Voce** Uffici\n\nImporto: **€ 70.000,00** · 28% della linea · 25,93% del piano');
    });
});

describe('outline and folding', () => {
    test('sections nest with their subsections and constructs, in document order', async () => {
        const services = await testServices();
        const opened = await open(plan);
        close = opened.close;
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(opened.document, { textDocument: { uri: opened.document.uri.toString() } }) as DocumentSymbol[];
        const tree = (s: DocumentSymbol): unknown => s.children && s.children.length > 0 ? { [s.name]: s.children.map(tree) } : s.name;
        expect(symbols[0].children!.slice(2).map(tree)).toEqual([
            { '3.1 Comunicazione': ['Piano'] },
            { '3.4 Sedi': ['Immobili', { 'Uffici e apparati': ['Uffici', 'Apparati'] }] },
            { '2 Obiettivi': [{ '2.1 Obiettivi generali': [{ 'obiettivi linea 3.1': ['conoscenza dei servizi', 'piano di comunicazione'] }] }] },
            { '4 Governance': [{ governance: ['ANPAL'] }, { cronoprogramma: ['Avvio'] }] },
            { '5 Riprogrammazione': [{ R: ['sposta € 4.000,00'] }, { valutazione: ['richiesta 1'] }] }
        ]);
    });

    test("every block of the outline folds, Valle d'Aosta's sections included", async () => {
        const services = await testServices();
        const opened = await open(example('valle-d-aosta-2020.cpiplan'));
        close = opened.close;
        const text = opened.document.textDocument.getText();
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(opened.document, { textDocument: { uri: opened.document.uri.toString() } }) as FoldingRange[];
        const starts = new Set(ranges.map(r => r.startLine));
        const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
        for (const needle of ['sezione 4 "', 'governance {', 'valutazione "', 'sistema "SIL VDA', 'gruppo "Adeguamento']) {
            expect(starts.has(lineOf(needle)), needle).toBe(true);
        }
    });
});

describe('semantic tokens, navigation and completion on the outline', () => {
    const staffed = `${header}cpi aosta "CPI di Aosta"
profilo istruttore "Istruttore" categoria D
assunzioni "Fabbisogno" { anno 2020 D istruttore 1 }
linea 3.1 "Comunicazione" { voce "Piano" € 20.000,00 su B }
sezione 1 "Contesto" {
    comuni di aosta { "Aosta" }
    fabbisogno di aosta { D istruttore 1 "funzionario" }
    cronoprogramma { fase "Assunzioni" da marzo 2020 assunzioni "Fabbisogno" }
}
riprogrammazione { sposta € 1,00 dalla linea 3.1 su B alla linea 3.1 su C }
`;

    test('section codes, line codes, offices, profiles, hiring plans and sources the outline names are highlighted', async () => {
        const services = await testServices();
        const opened = await open(staffed);
        close = opened.close;
        const uri = opened.document.uri.toString();
        const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(opened.document, { textDocument: { uri } });
        const lines = opened.document.textDocument.getText().split('\n');
        // Decode the relative (line, start, length) triples into the highlighted words.
        const words: string[] = [];
        let line = 0;
        let start = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
            words.push(lines[line].slice(start, start + tokens.data[i + 2]));
        }
        expect(words).toEqual(expect.arrayContaining(['1', 'aosta', 'istruttore', '"Fabbisogno"', 'B', 'C']));
        expect(words.filter(w => w === '3.1')).toHaveLength(3);
        expect(words.filter(w => w === 'aosta')).toHaveLength(3);
    });

    test('go to definition from a milestone to its hiring plan, and rename an office the outline names', async () => {
        const services = await testServices();
        const opened = await open(staffed);
        close = opened.close;
        const uri = opened.document.uri.toString();
        const definition = await services.lsp.DefinitionProvider!.getDefinition(opened.document, { textDocument: { uri }, position: positionOf(opened.document, 'assunzioni "Fabbisogno" }', 13) });
        expect(definition![0].targetSelectionRange.start).toEqual(positionOf(opened.document, 'assunzioni "Fabbisogno" {', 11));
        const rename = await services.lsp.RenameProvider!.rename(opened.document, { textDocument: { uri }, position: positionOf(opened.document, 'cpi aosta', 4), newName: 'aosta_centro' });
        expect(rename!.changes![uri]).toHaveLength(3);
    });

    test('completion offers the offices after `comuni di`', async () => {
        const services = await testServices();
        const opened = await open(`${header}cpi aosta "CPI di Aosta"\ncpi verres "CPI di Verrès"\ncomuni di `);
        close = opened.close;
        const list = await services.lsp.CompletionProvider!.getCompletion(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, position: positionOf(opened.document, 'comuni di ', 10)
        });
        expect(list!.items.map(i => i.label)).toEqual(expect.arrayContaining(['aosta', 'verres']));
    });
});
