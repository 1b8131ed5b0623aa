/** Hover on every construct that has figures: costo personale, quota, assunzioni, riepilogo, ambito, osservatorio, comuni, funzioni, fabbisogno; shares next to caps. */
import { describe, expect, test } from 'vitest';
import { shareBeside } from '../../src/language/lsp/hover.js';
import { example, header } from '../helpers.js';
import { hoverText } from './helpers.js';


const hover = (text: string, needle: string, shift = 1, locale: 'it' | 'en' = 'en') => hoverText(text, needle, shift, locale);

describe('hover on the staff constructs', () => {
    const vda = example('valle-d-aosta-2020.cpiplan');

    test('costo personale: the rows, the shares and whether they match', async () => {
        expect(await hover(vda, 'costo personale 2020', 2)).toBe([
            '**Personnel cost 2020**', '',
            'Sum of the rows: **€ 704.345,00**  ',
            'Sum of the shares: € 704.345,00 · ✓ matches  ',
            '- Stato: € 541.049,29  ',
            '- Regione: € 163.295,71'
        ].join('\n'));
    });

    test('quota: the amount and its share of the cost', async () => {
        expect(await hover(vda, 'quota Stato € 541.049,29', 2, 'it')).toBe(
            '**Quota Stato**\n\nImporto: **€ 541.049,29** · 76,82% del costo (€ 704.345,00)');
    });

    test('assunzioni: the hires of each period', async () => {
        expect(await hover(vda, 'assunzioni "Piano straordinario', 2)).toBe([
            '**Hires** Piano straordinario di potenziamento: fabbisogno 2019/2021 (DGR 872/2019)', '',
            '2019: **7** hires  ', '2020: **6** hires  ', '2021: **9** hires'
        ].join('\n'));
    });

    test('riepilogo: totals at the two dates and the change', async () => {
        const value = await hover(example('marche-2020.cpiplan'), 'riepilogo al', 2);
        expect(value?.split('\n').slice(0, 3)).toEqual([
            '**Summary by category** Tab. 2 – Tabella riassuntiva variazione organico CPI tra 2019 e 2020', '',
            'Total: **322 → 338** (change +16)  '
        ]);
    });

    test('ambito: its activities, results and indicators', async () => {
        const value = await hover(example('puglia-2020.cpiplan'), 'ambito servizi_lavoro', 2, 'it');
        expect(value?.split('\n')[0]).toMatch(/^\*\*Ambito servizi_lavoro\*\* AZIONI DI POTENZIAMENTO/);
        expect(value?.split('\n')[2]).toMatch(/^Attività: \d+ · Risultati: \d+ · Indicatori: \d+/);
    });
});

describe('hover on the observatory, municipalities, staff by function and staffing needs', () => {
    const vda = example('valle-d-aosta-2020.cpiplan');

    test('osservatorio: the act that set it up, its members declared and listed', async () => {
        expect(await hover(vda, 'osservatorio "Osservatorio economico', 2)).toBe([
            '**Observatory** Osservatorio economico e sociale (OES)', '',
            'Established by: L.R. 31/2005 del 05/12/2005', '',
            'Members: **5** · 1 listed'
        ].join('\n'));
        expect(await hover(vda, 'componente "Capo', 2, 'it')).toBe("**Componente** Capo dell'Osservatorio economico e sociale\n\nUnità: 1");
    });

    test('comuni: how many municipalities the CPI serves, and the note', async () => {
        expect(await hover(vda, 'comuni di morgex', 2, 'it')).toBe('**Comuni** CPI di Morgex: **5**\n\n² Comuni CPI Morgex');
    });

    test("funzioni: the office's total and each category's heads, with its rows adding up", async () => {
        expect(await hover(vda, 'funzioni di verres', 2)).toBe([
            '**Staff by function** CPI di Verrès · 17/11/2020', '',
            'Total: **10**  ',
            '- D: 3 (1 + 1 + 1 = 3 ✓)  ',
            '- C2: 5 (2 + 3 = 5 ✓)  ',
            '- B2: 2'
        ].join('\n'));
        expect(await hover(vda, 'C2 4 {', 1)).toBe('**C2** 4 (1 + 2 + 1 = 4 ✓)');
        const changed = vda.replace('C2 4 {', 'C2 5 {');
        expect(await hover(changed, 'C2 5 {', 1)).toBe('**C2** 5 (1 + 2 + 1 = 4 ≠)');
    });

    test('fabbisogno: per office and for every CPI of the plan', async () => {
        expect(await hover(example('marche-2020.cpiplan'), 'fabbisogno per ogni cpi', 2, 'it')).toBe([
            '**Fabbisogno di personale** Funzionari di Cat. D da reperire per ciascuna delle 13 sedi CPI', '',
            'Uffici: ogni CPI (13)  ',
            'Per ufficio: **2** · Totale: **26**'
        ].join('\n'));
    });
});

describe('shares next to a cap', () => {
    test('1,996% of the assigned total is not shown as 2% next to "max 2%"', async () => {
        const text = `${header}linea 3.3 "Osservatorio regionale del mercato del lavoro" {
    voce "Studio" € 32.740,00 su B
}
`;
        const value = await hover(text, 'linea 3.3', 7);
        expect(value).toContain("€ 32.740,00 (1,996% of the assigned total)");
        expect(value).toContain('Cap: max 2%');
    });

    test('enough decimals to stand on the right side of the limit, two otherwise', () => {
        const two = { units: 2n, scale: 0 };
        expect(shareBeside(1996n, 100000n, two)).toBe('1,996%');
        expect(shareBeside(2000n, 100000n, two)).toBe('2%');
        expect(shareBeside(20001n, 1000000n, two)).toBe('2,0001%');
        expect(shareBeside(1500n, 100000n, two)).toBe('1,5%');
        expect(shareBeside(99998n, 100000n, { units: 100n, scale: 0 })).toBe('99,998%');
    });
});
