/** Hover, inlay hints and code lens show the evaluation's figures, exactly. */
import { afterEach, describe, expect, test } from 'vitest';
import { example, testServices } from '../helpers.js';
import { hoverText, open } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

const hover = (text: string, needle: string, shift = 1, locale: 'it' | 'en' = 'it') => hoverText(text, needle, shift, locale);

describe('hover', () => {
    const vda = example('valle-d-aosta-2020.cpiplan');

    test('on a line: total, split by source with shares of the assigned totals, cap and headroom', async () => {
        expect(await hover(vda, 'linea 3.6', 7)).toBe([
            "**Linea 3.6** Spese generali e per l'attuazione",
            '',
            'Totale: **€ 85.590,16** (4,81% del piano)',
            '',
            'Per fonte:',
            "- Allegato B d.m. 74/2019: € 65.600,00 (3,999% dell'assegnato)",
            "- Allegato C d.m. 74/2019: € 19.990,16 (14,18% dell'assegnato)",
            '',
            'Tetto: max 4% Allegato B d.m. 74/2019 = € 65.610,01 · margine € 10,01 (99,98% del tetto)'
        ].join('\n'));
    });

    test('on a regional extra line: its title as the heading', async () => {
        expect((await hover(vda, 'linea "Azioni di politica attiva"', 8))!.split('\n')[0]).toBe('**Azioni di politica attiva**');
    });

    test('in English too', async () => {
        expect(await hover(vda, 'linea 3.1', 7, 'en')).toContain('Cap: max 1,5% Allegato B d.m. 74/2019 = € 24.603,75 · headroom € 3,75 (99,98% of cap)');
    });

    test('on an item: amount, share of its line and of the plan', async () => {
        expect(await hover(vda, 'voce "Ammodernamento degli uffici"', 8)).toBe(
            '**Voce** Ammodernamento degli uffici\n\nImporto: **€ 70.000,00** · 8,97% della linea · 3,93% del piano');
    });

    test('on a source, at its declaration or where it is used', async () => {
        const expected = '**Fonte C** Allegato C d.m. 74/2019\n\nAssegnato: € 140.940,00  \nProgrammato: € 140.940,00  \nDa programmare: € 0,00';
        expect(await hover(vda, 'fonte C', 6)).toBe(expected);
        expect(await hover(vda, ', C € 19.990,16', 2)).toBe(expected);
    });

    test('on an office and a profile: staff by category, unit cost, heads and yearly cost', async () => {
        expect(await hover(vda, 'cpi aosta', 5)).toBe('**Ufficio** CPI di Aosta  \nResidenti: 78.001  \nIscritti (DID): 4.157  \nPersonale (17/11/2020): **27** — D 19, C 5, B 2, A 1');
        expect(await hover(vda, 'profilo istruttore_tecnico', 9)).toBe([
            '**Profilo** Istruttore tecnico (categoria D)', 'Costo per unità: € 55.820,00', 'In servizio (17/11/2020): 16',
            'Costo annuo 2020: 10 × € 55.820,00 = € 558.200,00', 'Costo annuo dal 2021: 18 × € 55.820,00 = € 1.004.760,00'
        ].join('  \n'));
    });

    test('on a declared total: declared, and whether it matches', async () => {
        const marche = example('marche-2020.cpiplan');
        expect(await hover(marche, 'totale 13.525.104,60 €', 9)).toBe('**Dichiarato** € 13.525.104,60 · ≠ calcolato € 15.525.104,60');
        expect(await hover(vda, 'totale € 24.600,00', 9)).toBe('**Dichiarato** € 24.600,00 · ✓ corrisponde');
    });

    test('on an indicator: baseline, yearly values, target, progress', async () => {
        expect(await hover(example('puglia-2020.cpiplan'), 'Tasso di intermediazione')).toBe(
            '**Indicatore** Tasso di intermediazione dei CPI da 1,2% a 6,2\n\nBase: 1,2% (2018)  \nValori annuali: 2019 2,2% · 2020 3,7%  \nObiettivo: 6,2%  \nAvanzamento: **50%**');
    });

    test('answers nothing on a comment, and never throws on broken text', async () => {
        expect(await hover(vda, '// 1.1 Il quadro', 3)).toBeUndefined();
        expect(await hover('piano "X"\nlinea 3.1 { voce € su', 'voce', 1)).toBeUndefined();
    });
});

describe('inlay hints and code lens', () => {
    test('computed totals after line headers with cap usage; ✓ or the computed figure next to declared totals', async () => {
        const services = await testServices();
        const opened = await open(`piano "X" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 1.640.250,18
linea 3.1 "Comunicazione coordinata sulle politiche attive del lavoro e sui servizi offerti" {
    voce "Campagna" € 24.600,00
    totale € 24.600,00
}
linea 3.4 "Adeguamento strumentale e infrastrutturale delle sedi dei CPI" {
    voce "Immobili" € 700.000,00
    totale € 780.000,00
}`, 'it');
        close = opened.close;
        const hints = await services.lsp.InlayHintProvider!.getInlayHints(opened.document, {
            textDocument: { uri: opened.document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }
        });
        expect(hints!.map(h => [h.position.line, h.label])).toEqual([
            [2, '= € 24.600,00 · 99,98% del tetto'],
            [6, '= € 700.000,00'],
            [4, '✓'],
            [8, '≠ € 700.000,00']
        ]);
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(opened.document, { textDocument: { uri: opened.document.uri.toString() } });
        expect(lenses!.map(l => [l.range.start.line, l.command!.title])).toEqual([
            [0, 'Totale del piano € 724.600,00 · 2 errori, 1 avvisi'], // line 3.4's total, the governance declaration
            [0, 'Genera tabelle'],
            [0, 'Anteprima'],
            [2, '€ 24.600,00 · 99,98% del tetto'],
            [6, '€ 700.000,00']
        ]);
    });
});

describe('settings', () => {
    test('cpiplan.inlayHints.enabled = false switches the hints off', async () => {
        const services = await testServices();
        const opened = await open(example('valle-d-aosta-2020.cpiplan'));
        close = opened.close;
        const request = { textDocument: { uri: opened.document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } };
        expect((await services.lsp.InlayHintProvider!.getInlayHints(opened.document, request))!.length).toBeGreaterThan(20);
        const configuration = services.shared.workspace.ConfigurationProvider;
        configuration.updateConfiguration({ settings: { cpiplan: { inlayHints: { enabled: false } } } });
        try {
            expect(await services.lsp.InlayHintProvider!.getInlayHints(opened.document, request)).toBeUndefined();
        } finally {
            configuration.updateConfiguration({ settings: { cpiplan: { inlayHints: { enabled: true } } } });
        }
    });
});
