/** Dates that exist, and periods that run forward (issue 10, point 6). */
import { describe, expect, test } from 'vitest';
import { compareDates, readDate, readYear } from '../../src/language/model/dates.js';
import { check, example, withCode } from '../helpers.js';

describe('reading dates', () => {
    test('days of the calendar, in both ways of writing them', () => {
        expect(readDate('24/11/2020')).toEqual({ year: 2020, month: 11, day: 24 });
        expect(readDate('2020-11-24')).toEqual({ year: 2020, month: 11, day: 24 });
        expect(readDate('29/02/2020')).toBeDefined();
        expect(readDate('29/02/2000')).toBeDefined();
        expect(readDate('30/04/2020')).toBeDefined();
    });

    test('days that do not exist', () => {
        for (const text of ['31/02/2020', '32/13/2020', '2020-02-30', '29/02/2019', '29/02/1900', '31/04/2020', '0/01/2020', '01/00/2020', '01/01/0000']) {
            expect(readDate(text), text).toBeUndefined();
        }
    });

    test('order and years', () => {
        const at = (text: string) => readDate(text) ?? { year: 0, month: 0, day: 0 };
        expect(compareDates(at('31/12/2019'), at('24/11/2020'))).toBeLessThan(0);
        expect(compareDates(at('24/11/2020'), at('2020-11-24'))).toBe(0);
        expect(readYear('2019')).toBe(2019);
        expect(readYear('19')).toBeUndefined();
    });
});

describe('invalid-date', () => {
    test('fires on every DATE of the grammar: acts, staff tables, summaries, movements', async () => {
        const checked = await check(`piano "Test" regole "Assistenza tecnica ANPAL Servizi"
atto DGR 1/2020 del «31/02/2020»
atto DGR 2/2020 del «32/13/2020»
atto DGR 3/2020 del «2020-02-30»
personale al «2019-02-29» { }
riepilogo al «31/04/2019» e al 24/11/2020 { }
movimenti dal 31/12/2019 al «24/13/2020» { }`);
        const found = withCode(checked, 'invalid-date');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found[0].message).toBe('31/02/2020 is not a date of the calendar.');
        expect(withCode(checked, 'period-reversed')).toEqual([]);
    });

    test('a year of the period that is not four digits', async () => {
        const checked = await check(`piano "Test" periodo 2019-«21» regole "Assistenza tecnica ANPAL Servizi"`, 'it');
        expect(withCode(checked, 'invalid-date').map(d => [d.range, d.message])).toEqual([[checked.marked[0], '21 non è un anno (quattro cifre).']]);
    });

    test('does not fire on days that exist, leap days included', async () => {
        const checked = await check(`piano "Test" periodo 2019-2021 regole "Assistenza tecnica ANPAL Servizi"
atto DGR 1/2020 del 29/02/2020
personale al 2020-02-29 { }
riepilogo al 31/12/2019 e al 24/11/2020 { }
movimenti dal 31/12/2019 al 31/12/2019 { }`);
        expect(checked.diagnostics).toEqual([]);
    });

    test('fires on a mutated copy of the Marche plan, nowhere else', async () => {
        const plan = example('marche-2020.cpiplan');
        const date = /personale al (\d{2}\/\d{2}\/\d{4})/.exec(plan)?.[1];
        expect(date).toBeDefined();
        const checked = await check(plan.replace(`personale al ${date}`, 'personale al 31/02/2020'));
        expect(withCode(checked, 'invalid-date').map(d => checked.document.textDocument.getText(d.range))).toEqual(['31/02/2020']);
    });
});

describe('period-reversed', () => {
    test('a plan period, movements and a summary that end before they start', async () => {
        const checked = await check(`piano "Test" periodo 2021-«2019» regole "Assistenza tecnica ANPAL Servizi"
movimenti dal 24/11/2020 al «31/12/2019» { }
riepilogo al 31/12/2020 e al «24/11/2020» { }`);
        const found = withCode(checked, 'period-reversed');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found.map(d => d.message)).toEqual([
            'The period ends (2019) before it starts (2021).',
            'The period ends (31/12/2019) before it starts (24/11/2020).',
            'The period ends (24/11/2020) before it starts (31/12/2020).'
        ]);
    });

    test('fires on mutated copies of the real plans', async () => {
        // The examples may hold « » in their texts: the expected ranges are read from the diagnostics' text, not marked.
        const textAt = (checked: Awaited<ReturnType<typeof check>>, code: string) => withCode(checked, code)
            .map(d => checked.document.textDocument.getText(d.range));
        const marche = example('marche-2020.cpiplan');
        const summary = /riepilogo al (\S+) e al (\S+)/.exec(marche);
        expect(summary).not.toBeNull();
        const [whole, from, to] = summary ?? ['', '', ''];
        const swapped = await check(marche.replace(whole, `riepilogo al ${to} e al ${from}`), 'en');
        expect(textAt(swapped, 'period-reversed')).toEqual([from]);
        const vda = await check(example('valle-d-aosta-2020.cpiplan').replace('periodo 2019-2021', 'periodo 2021-2019'), 'en');
        expect(withCode(vda, 'period-reversed').map(d => [d.range.start.line, vda.document.textDocument.getText(d.range)])).toEqual([[6, '2019']]);
    });

    test('an invalid date gives its own diagnostic, not a reversed period as well', async () => {
        const checked = await check(`piano "Test" regole "Assistenza tecnica ANPAL Servizi"
movimenti dal 24/11/2020 al 32/12/2019 { }`);
        expect(checked.diagnostics.map(d => d.code)).toEqual(['invalid-date']);
    });
});
