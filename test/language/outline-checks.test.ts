/** The checks on the outline: required sections, the Ministry's review, names given by code, item groups, reprogramming moves. */
import { describe, expect, test } from 'vitest';
import { check, example, header, withCode } from '../helpers.js';
import { formatMoney } from '../../src/language/model/numbers.js';

/** Every required section of the shipped rule set but those listed. */
function outlineWithout(...missing: string[]): string {
    const codes = ['1', '1.1', '1.2', '1.3', '1.4', '1.5', '2', '2.1', '2.2', '3', '4', '5'];
    return codes.filter(c => !missing.includes(c)).map(c => `sezione ${c} { testo "…" }`).join('\n');
}

describe('missing-section', () => {
    test('reports each required section a plan with an outline lacks, as a warning on the region', async () => {
        const checked = await check(`${header}${outlineWithout('4', '5')}`);
        const missing = withCode(checked, 'missing-section');
        expect(missing.map(d => [d.severity, d.range.start.line, (d.data as { section: string }).section])).toEqual([[2, 0, '4'], [2, 0, '5']]);
        expect(missing[1].message).toBe('Section 5 "Riprogrammazione delle risorse", required by DM 74/2019, is missing.');
    });

    test('a missing subsection is reported on its parent section, in Italian too', async () => {
        const checked = await check(`${header}${outlineWithout('1.3')}`, 'it');
        const [missing] = withCode(checked, 'missing-section');
        expect(checked.text.split('\n')[missing.range.start.line]).toBe('sezione 1 { testo "…" }');
        expect(missing.message).toBe('Manca la sezione 1.3 "Le attività dei CPI", obbligatoria per le regole DM 74/2019.');
    });

    test('does not fire on a whole outline, on sections nested at any depth, nor on a file of figures only', async () => {
        expect(withCode(await check(`${header}${outlineWithout()}`), 'missing-section')).toEqual([]);
        const nested = `${header}sezione 1 { sezione 1.1 { } sezione 1.2 { } sezione 1.3 { } sezione 1.4 { } sezione 1.5 { } }
sezione 2 { sezione 2.1 { } sezione 2.2 { } } sezione 3 { } sezione 4 { } sezione 5 { }`;
        expect(withCode(await check(nested), 'missing-section')).toEqual([]);
        expect(withCode(await check(`${header}linea 3.4 "Sedi" { voce "Immobili" € 10,00 su B }`), 'missing-section')).toEqual([]);
    });

    test('a rule file can make it an error', async () => {
        const rules = `regole "Severe" { sezione 4 "Governance" obbligatoria gravità missing_section errore }`;
        const checked = await check(`piano "X" regole "Severe"\nsezione 1 { }`, 'en', [rules]);
        expect(withCode(checked, 'missing-section').map(d => d.severity)).toEqual([1]);
    });

    test("Valle d'Aosta has every section; Puglia names no rule set", async () => {
        expect((await check(example('valle-d-aosta-2020.cpiplan'))).evaluation().outline.sections.every(s => s.present)).toBe(true);
        expect((await check(example('puglia-2020.cpiplan'))).evaluation().outline.sections).toEqual([]);
    });
});

const review = (requests: string) => `${header}linea 3.3 "Osservatorio" { voce "Analisi" € 10,00 su B dichiarazione nessun_compenso "…" }
sezione 4 { dichiarazione governance_lep "…" }
valutazione "Commissione" con nota prot. n. 46104/DPLF del 06/11/2020 {
${requests}
}`;

describe('the review', () => {
    test('unanswered-request: a request with no answer, on its number', async () => {
        const checked = await check(review(`richiesta 1 "Osservatorio" risposta linea 3.3\n«richiesta» 2 "Governance"`));
        const [unanswered] = withCode(checked, 'unanswered-request');
        expect(checked.text.split('\n')[unanswered.range.start.line]).toBe('richiesta 2 "Governance"');
        expect(unanswered.message).toBe("Request 2 of the review has no answer: name with 'risposta' the line, section or declaration that meets it.");
    });

    test('unknown-reference: an answer naming a line, a section or a declaration the plan does not have', async () => {
        const checked = await check(review(`richiesta 1 "a" risposta linea 3.5, sezione 5, dichiarazione coerenza\nrichiesta 2 "b" risposta linea 3.3, sezione 4, dichiarazione governance_lep, dichiarazione nessun_compenso`), 'it');
        expect(withCode(checked, 'unknown-reference').map(d => d.message)).toEqual([
            'Il piano non ha la linea 3.5.', 'Il piano non ha la sezione 5.', 'Il piano non ha la dichiarazione coerenza.'
        ]);
        expect(withCode(checked, 'unanswered-request')).toEqual([]);
    });

    test("every request of Valle d'Aosta's review is answered by what the plan has", async () => {
        const outline = (await check(example('valle-d-aosta-2020.cpiplan'))).evaluation().outline;
        expect(outline.requests.map(r => r.answers.map(a => `${a.what} ${a.name} ${a.target?.$type}`))).toEqual([
            ['line 3.3 InterventionLine', 'declaration nessun_compenso_osservatorio Declaration'],
            ['line 3.5 InterventionLine', 'declaration coerenza_standard_nazionali Declaration'],
            ['section 4 Section', 'declaration governance_lep Declaration']
        ]);
    });

    test('objectives and milestones must name lines the plan has', async () => {
        const checked = await check(`${header}linea 3.1 "Comunicazione" { voce "Piano" € 10,00 su B }
obiettivi linea 3.1 { obiettivo "a" }
obiettivi linea «3.7» { obiettivo "b" }
obiettivi linea «"Azioni di politica attiva"» { obiettivo "c" }
cronoprogramma { fase "x" nel 2021 linea 3.1 fase "y" nel 2021 linea «3.9» }`);
        const unknown = withCode(checked, 'unknown-reference');
        expect(unknown.map(d => d.range)).toEqual(checked.marked);
        expect(unknown.map(d => d.message)).toEqual(['The plan has no line 3.7.', 'The plan has no line "Azioni di politica attiva".', 'The plan has no line 3.9.']);
    });
});

describe('item groups', () => {
    test('the declared subtotal must equal its items (total-mismatch), on the subtotal', async () => {
        const checked = await check(`${header}linea 3.4 "Sedi" {
    gruppo "Uffici e apparati" «€ 150.001,00» { voce "Uffici" € 70.000,00 su B voce "Apparati" € 80.000,00 su B }
}`);
        const [mismatch] = withCode(checked, 'total-mismatch');
        expect(mismatch.range).toEqual(checked.marked[0]);
        expect(mismatch.message).toBe('Declared total of group "Uffici e apparati" in line 3.4 is € 150.001,00, but its parts add up to € 150.000,00 (difference € 1,00).');
        expect((mismatch.data as { replacement: string }).replacement).toBe('€ 150.000,00');
    });

    test("group items count in their line's totals, per source and in caps", async () => {
        const checked = await check(`${header}linea 3.1 "Comunicazione" {
    voce "Sito" € 4.600,00 su B
    gruppo "Campagne" € 21.000,00 { voce "Radio" € 1.000,00 su B voce "Stampa" € 20.000,00 su B }
    totale € 25.600,00
}`);
        expect(withCode(checked, 'total-mismatch')).toEqual([]);
        expect(withCode(checked, 'cap-exceeded').map(d => d.message)).toEqual([
            '€ 25.600,00 on line 3.1 exceeds the 1,5% cap of € 24.603,75 on Allegato B (excess € 996,25).'
        ]);
        const line = checked.evaluation().lines[0];
        expect(line.items.map(i => i.item.title)).toEqual(['Sito', 'Radio', 'Stampa']);
        expect(line.groups.map(g => [g.group.title, formatMoney(g.total), g.items.length])).toEqual([['Campagne', '€ 21.000,00', 2]]);
    });

    test("Valle d'Aosta's line 3.4 holds its group: € 150.000,00 = 70.000 + 80.000, and the plan stays clean", async () => {
        const checked = await check(example('valle-d-aosta-2020.cpiplan'));
        expect(checked.diagnostics).toEqual([]);
        const line = checked.evaluation().lines.find(l => l.line.code === '3.4')!;
        expect(line.groups.map(g => [formatMoney(g.total), formatMoney(g.declared!)])).toEqual([['€ 150.000,00', '€ 150.000,00']]);
        expect(formatMoney(line.total)).toBe('€ 780.000,00');
    });
});

const framework = `${header}linea 3.1 "Comunicazione coordinata sulle politiche attive del lavoro e sui servizi offerti" { voce "Piano" € 20.000,00 su B }
linea 3.4 "Adeguamento strumentale e infrastrutturale delle sedi dei CPI" { voce "Immobili" € 100.000,00 su B voce "Uffici" € 50.000,00 su B }
linea 3.6 "Spese generali e per l'attuazione" { voce "Assistenza" € 10.000,00 su B € 5.000,00, C € 5.000,00 }
`;

describe('reprogramming', () => {
    test('balanced moves within caps and assignments: no diagnostic, and the after-state computed', async () => {
        const checked = await check(`${framework}riprogrammazione "Rimodulazione" approvata con PD 1234/2021 del 01/06/2021 {
    sposta € 4.000,00 dalla linea 3.4 voce "Uffici" alla linea 3.1
    sposta € 1.000,00 dalla linea 3.6 su C alla linea 3.6 su B
}`);
        // The small framework leaves most of the assignments unprogrammed: nothing else is reported.
        expect(checked.diagnostics.map(d => d.code)).toEqual(['under-allocated', 'under-allocated', 'missing-declaration']);
        const after = checked.evaluation().outline.afterMoves!;
        expect(after.lines.map(l => [l.line.label, formatMoney(l.before), formatMoney(l.after)])).toEqual([
            ['3.1', '€ 20.000,00', '€ 24.000,00'], ['3.4', '€ 150.000,00', '€ 146.000,00'], ['3.6', '€ 10.000,00', '€ 10.000,00']
        ]);
        expect(after.caps.map(c => [c.cap.line.code, formatMoney(c.after), formatMoney(c.cap.cap)])).toEqual([
            ['3.1', '€ 24.000,00', '€ 24.603,75'], ['3.6', '€ 6.000,00', '€ 65.610,01']
        ]);
        expect(after.sources.map(s => formatMoney(s.after))).toEqual(['€ 176.000,00', '€ 4.000,00']);
    });

    test('reprogrammed-cap-exceeded: a move that takes a line over its cap, on the move', async () => {
        const checked = await check(`${framework}riprogrammazione { sposta «€ 5.000,00» dalla linea 3.4 alla linea 3.1 }`, 'it');
        const [exceeded] = withCode(checked, 'reprogrammed-cap-exceeded');
        expect(exceeded.range).toEqual(checked.marked[0]);
        expect(exceeded.message).toBe('Dopo la riprogrammazione la linea 3.1 imputa € 25.000,00 su Allegato B (prima € 20.000,00), oltre il tetto di € 24.603,75 (max 1,5%): eccedenza € 396,25.');
        expect(withCode(checked, 'cap-exceeded')).toEqual([]);
    });

    test('reprogrammed-over-allocated and reprogramming-unbalanced: money from a bare source beyond the assignment', async () => {
        const checked = await check(`${framework}riprogrammazione «"Integrazione"» { sposta € 100.000,00 dalla fonte C alla linea 3.4 su C }`);
        expect(withCode(checked, 'reprogramming-unbalanced').map(d => [d.range, d.message])).toEqual([[checked.marked[0],
            'Lines give up € 0,00 and receive € 100.000,00: the reprogramming does not balance (difference € 100.000,00).']]);
        expect(withCode(checked, 'reprogrammed-over-allocated')).toEqual([]);
        const over = await check(`${framework}riprogrammazione { sposta € 5.000,00 dalla linea 3.6 su B alla linea 3.6 su C sposta «€ 140.000,00» dalla fonte C alla linea 3.4 su C }`);
        expect(withCode(over, 'move-exceeds-available').map(d => d.message)).toEqual(['The move of € 140.000,00 exceeds what fonte C holds: € 130.940,00.']);
        const [allocated] = withCode(over, 'reprogrammed-over-allocated');
        expect(allocated.range).toEqual(over.marked[0]);
        expect(allocated.message).toBe('After the reprogramming € 150.000,00 is programmed on Allegato C (before € 5.000,00), over the € 140.940,00 assigned (excess € 9.060,00).');
    });

    test('move-exceeds-available: more than the item holds, counting the moves before it', async () => {
        const checked = await check(`${framework}riprogrammazione {
    sposta € 30.000,00 dalla linea 3.4 voce "Uffici" alla linea 3.4 voce "Immobili"
    sposta «€ 30.000,00» dalla linea 3.4 voce "Uffici" alla linea 3.1
}`);
        expect(withCode(checked, 'move-exceeds-available').map(d => [d.range, d.message])).toEqual([[checked.marked[0],
            'The move of € 30.000,00 exceeds what 3.4 "Uffici" holds: € 20.000,00.']]);
    });

    test('unknown-reference: a move from a line or an item the plan does not have', async () => {
        const checked = await check(`${framework}riprogrammazione { sposta € 1,00 dalla linea «3.9» alla linea 3.1 sposta € 1,00 dalla linea 3.4 voce «"Arredi"» alla linea 3.1 }`);
        expect(withCode(checked, 'unknown-reference').map(d => [d.range, d.message])).toEqual([
            [checked.marked[0], 'The plan has no line 3.9.'],
            [checked.marked[1], 'The plan has no item "Arredi" in line 3.4.']
        ]);
        expect(checked.diagnostics.map(d => d.code).filter(c => /^(move|reprogram)/.test(String(c)))).toEqual([]);
    });
});
