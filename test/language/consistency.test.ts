/**
 * Declarations by content, positions within categories, and consistency across tables: each
 * rule firing and not firing, on small inputs and on mutated copies of the real plans.
 */
import { describe, expect, test } from 'vitest';
import { check, example, withCode, type Checked } from '../helpers.js';
import { missingPhrases, normalisePhrase } from '../../src/language/model/phrases.js';

const vda = example('valle-d-aosta-2020.cpiplan');
const marche = example('marche-2020.cpiplan');

/** The text with `from` replaced by `to`, failing when `from` is not there (a mutation must mutate). */
/** Replaces the first `from` after `after` (the plan quotes some texts twice: in the Ministry's review and in the declaration). */
function mutate(text: string, from: string, to: string, after = ''): string {
    const start = text.indexOf(after);
    const at = text.indexOf(from, Math.max(0, start));
    expect(at, `mutation target not found: ${from}`).toBeGreaterThanOrEqual(0);
    return text.slice(0, at) + to + text.slice(at + from.length);
}

function codes(checked: Checked): string[] {
    return checked.diagnostics.map(d => String(d.code)).sort();
}

function messages(checked: Checked, code: string): string[] {
    return withCode(checked, code).map(d => d.message);
}

/** The text a diagnostic's range covers. */
function covered(checked: Checked, code: string): string[] {
    return withCode(checked, code).map(d => checked.document.textDocument.getText(d.range));
}

describe('phrases', () => {
    test('match ignoring case, accents, apostrophes and spacing, on whole words', () => {
        expect(normalisePhrase('  Indennità\n  di  ANPAL’s ')).toBe("indennita di anpal's");
        expect(missingPhrases('INDENNITA, gettone   di\npresenza', [['indennità'], ['gettone di presenza']])).toEqual([]);
        expect(missingPhrases('la lepre corre', [['LEP']])).toEqual([['LEP']]);
        expect(missingPhrases('rispetto dei LEP.', [['LEP']])).toEqual([]);
        expect(missingPhrases('Patti del lavoro', [['Patti per il lavoro', 'Patti del lavoro'], ['RdC']])).toEqual([['RdC']]);
    });
});

describe('incomplete-declaration', () => {
    const observatory = 'non spetta alcun compenso, indennità, gettone di presenza, rimborso spese o altro emolumento comunque denominato.';

    test("Valle d'Aosta's accepted texts meet the three requirements", async () => {
        expect(codes(await check(vda))).toEqual([]);
    });

    test('a text leaving out one requirement names exactly what is missing, on the text', async () => {
        const checked = await check(mutate(vda, 'gettone di presenza, rimborso spese', 'rimborso spese', 'dichiarazione nessun_compenso_osservatorio'));
        expect(codes(checked)).toEqual(['incomplete-declaration']);
        expect(messages(checked, 'incomplete-declaration')).toEqual([
            "The declaration 'nessun_compenso_osservatorio' (nessun compenso ai componenti dell'Osservatorio) leaves out what DM 74/2019 requires: \"gettone di presenza\" or \"gettoni di presenza\"."
        ]);
        expect(covered(checked, 'incomplete-declaration')[0]).toMatch(/^"Si precisa che.*denominato\."$/);
        expect(withCode(checked, 'incomplete-declaration')[0].data).toMatchObject({
            code: 'incomplete-declaration', key: 'nessun_compenso_osservatorio', missing: [['gettone di presenza', 'gettoni di presenza']]
        });
    });

    test('the information-systems statement must name the Piattaforma digitale for the Patti', async () => {
        const checked = await check(mutate(vda, ', della Piattaforma digitale per i patti del lavoro', ''));
        expect(messages(checked, 'incomplete-declaration')).toEqual([
            "The declaration 'coerenza_standard_nazionali' (coerenza con gli standard nazionali) leaves out what DM 74/2019 requires: \"Piattaforma digitale\", \"Patti per il lavoro\" or \"Patti del lavoro\"."
        ]);
    });

    test('the governance statement must name ANPAL', async () => {
        const checked = await check(mutate(vda, '; ANPAL per le attività di sua competenza con particolare riferimento al rispetto dei LEP nella Regione', ''));
        expect(messages(checked, 'incomplete-declaration')).toEqual([
            "The declaration 'governance_lep' (governance secondo il d.m. 22 maggio 2020 e ruolo di ANPAL per i LEP) leaves out what DM 74/2019 requires: \"ANPAL\"."
        ]);
    });

    test('an empty text is reported with everything it must say', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
linea 3.3 "Osservatorio" {
    voce "Analisi" € 1,00
    dichiarazione nessun_compenso_osservatorio «""»
}`);
        const [diagnostic] = withCode(checked, 'incomplete-declaration');
        expect(diagnostic.message).toMatch(/^The declaration 'nessun_compenso_osservatorio' \(.*\) is empty: DM 74\/2019 requires it to say "non spetta" or "non spettano" or "nessun" or "alcun", "compenso" or "compensi", "indennità", /);
        expect(diagnostic.range).toEqual(checked.marked[0]);
        expect(withCode(checked, 'missing-declaration').filter(d => d.range.start.line === 1)).toEqual([]);
    });

    test('written differently (case, accents, spacing, plural) still counts', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
linea 3.3 "Osservatorio" {
    voce "Analisi" € 1,00
    dichiarazione nessun_compenso_osservatorio "Ai componenti NON SPETTANO compensi, INDENNITA', gettoni   di presenza, rimborso spese né emolumenti."
}`);
        expect(withCode(checked, 'incomplete-declaration')).toEqual([]);
    });

    test('a rule with no phrases reports only an empty text; a rule set can require its own phrases', async () => {
        const rules = `regole "Proprie" {
    richiede dichiarazione a in piano testo "Standard."
    richiede dichiarazione b in piano contiene "uno" e ("due" oppure "tre") testo "Uno e due."
}`;
        const checked = await check(`piano "Test" regole "Proprie"
dichiarazione a «"   "»
dichiarazione b "uno e tre"`, 'en', [rules]);
        expect(messages(checked, 'incomplete-declaration')).toEqual(["The declaration 'a' is empty."]);
        expect(withCode(checked, 'incomplete-declaration')[0].range).toEqual(checked.marked[0]);
        const wrong = await check(`piano "Test" regole "Proprie"
dichiarazione a "Qualcosa."
dichiarazione b "uno e quattro"`, 'en', [rules]);
        expect(messages(wrong, 'incomplete-declaration')).toEqual(["The declaration 'b' leaves out what Proprie requires: \"due\" or \"tre\"."]);
    });

    test('the shipped standard wordings meet their own requirements', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
linea 3.3 "Osservatorio" { voce "A" € 1,00
    dichiarazione nessun_compenso_osservatorio "Si precisa che ai componenti dell'Osservatorio regionale ${observatory}" }`);
        expect(withCode(checked, 'incomplete-declaration')).toEqual([]);
        for (const rule of checked.evaluation().rules.requiredDeclarations) {
            expect(missingPhrases(rule.text, rule.requires.map(r => r.phrases)), rule.key).toEqual([]);
        }
        expect(checked.evaluation().rules.requiredDeclarations.map(r => r.requires.length)).toEqual([6, 5, 3]);
    });
});

describe('positions within categories', () => {
    /** Valle d'Aosta's Aosta staff written by position, as the text gives them (seed 001, lines 149–154). */
    const byPosition = mutate(mutate(mutate(mutate(vda,
        'segretario C 2\n        collaboratore C 2\n        aiuto_collaboratore C 1', 'segretario C2 2\n        collaboratore C2 2\n        aiuto_collaboratore C1 1'),
        'coadiutore B 2', 'coadiutore B2 2'),
        'totale 27 di cui D 19, C 5, B 2, A 1', 'totale 27 di cui D 19, C 5, C2 4, C1 1, B 2, A 1'),
        'totale 37\n', 'totale 37 di cui D 22, C 10, B 4, A 1\n');

    test("positions count in their category: Valle d'Aosta by position stays clean", async () => {
        const checked = await check(byPosition);
        expect(codes(checked)).toEqual([]);
        const aosta = checked.evaluation().staffTables[0].offices[0];
        expect(aosta.byCategory.get('C2')).toBe(4);
        expect(aosta.counted.get('C')).toBe(5);
    });

    test('a declared position is compared with that position only', async () => {
        const checked = await check(mutate(byPosition, 'C2 4, C1 1', 'C2 «5», C1 1'));
        expect(messages(checked, 'total-mismatch')).toEqual(['Declared total of staff at CPI di Aosta, category C2 is 5, but its parts add up to 4 (difference 1).']);
        expect(withCode(checked, 'total-mismatch')[0].range).toEqual(checked.marked[0]);
    });

    test('positions come from the rule set: without one, C2 is not C', async () => {
        const checked = await check(`piano "Test"
cpi a "A"
profilo s "Segretario" categoria C
personale al 01/01/2020 { ufficio a { s C2 2 totale 2 di cui C 2 } }`);
        expect(messages(checked, 'total-mismatch')).toEqual(['Declared total of staff at A, category C is 2, but its parts add up to 0 (difference 2).']);
    });

    test('conta Dirigente in D: the table counts a Dirigente row under D', async () => {
        const table = (merge: string) => `piano "Test" regole "DM 74/2019"
cpi a "A"
profilo dir "Dirigente" categoria Dirigente
profilo f "Funzionario" categoria D1
personale al 01/01/2020 ${merge}{ ufficio a { dir Dirigente 1 f D1 2 totale 3 di cui D 3 } }`;
        expect(codes(await check(table('conta Dirigente in D '))).filter(c => c !== 'missing-declaration')).toEqual([]);
        expect(codes(await check(table(''))).filter(c => c !== 'missing-declaration')).toEqual(['total-mismatch']);
    });
});

describe('summary-staff-mismatch', () => {
    test('Marche: Tab. 1 counts the Dirigente under D, Tab. 2 apart; said so, they agree', async () => {
        expect(withCode(await check(marche), 'summary-staff-mismatch')).toEqual([]);
        const unsaid = await check(mutate(marche, ' conta Dirigente in D {', ' {'));
        expect(messages(unsaid, 'summary-staff-mismatch')).toEqual([
            'The summary «Tab. 2 – Tabella riassuntiva variazione organico CPI tra 2019 e 2020» counts 121 in D at 24/11/2020, but the staff table «Tab. 1 – Dotazione organica: situazione al 24/11/2020» at the same date counts 122 (difference -1).',
            'The summary «Tab. 2 – Tabella riassuntiva variazione organico CPI tra 2019 e 2020» counts 1 in Dirigente at 24/11/2020, but the staff table «Tab. 1 – Dotazione organica: situazione al 24/11/2020» at the same date counts 0 (difference 1).'
        ]);
        expect(covered(unsaid, 'summary-staff-mismatch')).toEqual(['121', '1']);
    });

    test('Marche: a summary figure other than the staff table at the same date, on that figure', async () => {
        const checked = await check(mutate(mutate(marche, 'C 148 156', 'C 148 155'), 'totale 322 338', 'totale 322 337'));
        expect(messages(checked, 'summary-staff-mismatch')).toEqual([
            'The summary «Tab. 2 – Tabella riassuntiva variazione organico CPI tra 2019 e 2020» counts 155 in C at 24/11/2020, but the staff table «Tab. 1 – Dotazione organica: situazione al 24/11/2020» at the same date counts 156 (difference -1).'
        ]);
        expect(covered(checked, 'summary-staff-mismatch')).toEqual(['155']);
    });

    const small = (summaryDate: string, rows: string) => `piano "Test" regole "DM 74/2019"
cpi a "A"
profilo s "Segretario" categoria C
personale al 2020-12-31 { ufficio a { s C2 2, C1 1 = 3 } }
riepilogo al 31/12/2019 e al ${summaryDate} { ${rows} }`;

    test('dates written either way are the same date; positions count in their category', async () => {
        expect(withCode(await check(small('31/12/2020', 'C 3 3')), 'summary-staff-mismatch')).toEqual([]);
        expect(withCode(await check(small('31/12/2020', 'C1 1 1 C2 2 2')), 'summary-staff-mismatch')).toEqual([]);
        const checked = await check(small('31/12/2020', 'C 3 3 D 0 1'));
        expect(messages(checked, 'summary-staff-mismatch')).toEqual(['The summary counts 1 in D at 31/12/2020, but the staff table at the same date counts 0 (difference 1).']);
    });

    test('a category the summary leaves out is reported on its date; other dates are not compared', async () => {
        const checked = await check(small('31/12/2020', ''));
        expect(covered(checked, 'summary-staff-mismatch')).toEqual(['31/12/2020']);
        expect(withCode(await check(small('30/12/2020', 'C 9 9')), 'summary-staff-mismatch')).toEqual([]);
    });
});

describe('movements-summary-mismatch', () => {
    test('Marche: the movements net +16, as Tab. 2 goes from 322 to 338', async () => {
        expect(withCode(await check(marche), 'movements-summary-mismatch')).toEqual([]);
    });

    test('Marche: one more resignation, and the net no longer matches the summary', async () => {
        const checked = await check(mutate(mutate(marche, 'uscita "Dimissioni" 2', 'uscita "Dimissioni" 3'), 'saldo 16', 'saldo 15'));
        expect(codes(checked).filter(c => c === 'movements-summary-mismatch' || c === 'total-mismatch')).toEqual(['movements-summary-mismatch', 'total-mismatch']);
        expect(messages(checked, 'movements-summary-mismatch')).toEqual([
            'The movements from 31/12/2019 to 24/11/2020 net +15, but the summary at the same dates goes from 322 to 338 (+16).'
        ]);
        expect(covered(checked, 'movements-summary-mismatch')).toEqual(['15']);
    });

    test('movements between other dates are not compared', async () => {
        const checked = await check(mutate(marche, 'movimenti dal 31/12/2019', 'movimenti dal 01/01/2020'));
        expect(withCode(checked, 'movements-summary-mismatch')).toEqual([]);
    });
});

describe('hires-cost-mismatch', () => {
    test("Valle d'Aosta: the cost of 2020 and from 2021 counts the heads hired so far in the revised plan", async () => {
        const checked = await check(vda);
        expect(checked.evaluation().consistency.hiresCost).toEqual([]);
    });

    test("Valle d'Aosta: one hire fewer in 2020, and both years' costs disagree", async () => {
        const checked = await check(mutate(vda, 'D istruttore_tecnico 10 totale 13', 'D istruttore_tecnico 9 totale 12'));
        expect(messages(checked, 'hires-cost-mismatch')).toEqual([
            'The personnel cost 2020 counts 10 × Istruttore tecnico, but 9 Istruttore tecnico are hired up to 2020.',
            'The personnel cost dal 2021 counts 18 × Istruttore tecnico, but 17 Istruttore tecnico are hired up to 2021.'
        ]);
        expect(covered(checked, 'hires-cost-mismatch')).toEqual(['10', '18']);
    });

    test('an amended hiring plan does not count; without the amendment both would', async () => {
        const checked = await check(mutate(vda, '        modifica "Piano straordinario di potenziamento: fabbisogno 2019/2021 (DGR 872/2019)" {', '        {'));
        expect(withCode(checked, 'hires-cost-mismatch').length).toBeGreaterThan(0);
    });

    test('hires without profiles are compared in total, on the year', async () => {
        const plan = (heads: string) => `piano "Test"
profilo a "A" categoria C costo € 1,00
assunzioni "P" { anno 2020 C 2 anno 2021 C 1 }
costo personale «2021» { a ${heads} € ${heads},00 }`;
        expect(withCode(await check(plan('3')), 'hires-cost-mismatch')).toEqual([]);
        const checked = await check(plan('2'));
        expect(messages(checked, 'hires-cost-mismatch')).toEqual(['The personnel cost 2021 counts 2 heads, but 3 are hired up to 2021.']);
        expect(withCode(checked, 'hires-cost-mismatch')[0].range).toEqual(checked.marked[0]);
    });
});

describe('hire-category-mismatch', () => {
    test("Valle d'Aosta: C2 hires for a C2 profile; a hire written C for it is in the same category", async () => {
        expect(withCode(await check(mutate(vda, 'anno 2020 C2 assistente', 'anno 2020 C assistente')), 'hire-category-mismatch')).toEqual([]);
    });

    test('a hire in D for a C2 profile, on the category', async () => {
        const checked = await check(mutate(vda, 'anno 2020 C2 assistente_amministrativo_contabile 3', 'anno 2020 D assistente_amministrativo_contabile 3'));
        expect(messages(checked, 'hire-category-mismatch')).toEqual([
            'A hire in category D for the profile Assistente amministrativo-contabile, which is in category C2.'
        ]);
        expect(covered(checked, 'hire-category-mismatch')).toEqual(['D']);
    });
});

describe('office-statistics-mismatch', () => {
    test("Valle d'Aosta: each CPI's registered job seekers are those of the table measuring them", async () => {
        expect(withCode(await check(vda), 'office-statistics-mismatch')).toEqual([]);
    });

    test('a statistics row other than the office, reported on the office figure', async () => {
        const checked = await check(mutate(mutate(vda, '    aosta 4.157\n', '    aosta 4.156\n'), 'totale 7.459\n}', 'totale 7.458\n}'));
        expect(messages(checked, 'office-statistics-mismatch')).toEqual([
            'CPI di Aosta states 4.157 registered job seekers, but the table «Lavoratori iscritti (DID valida) per CPI – anno 2019» gives 4.156 (difference 1).'
        ]);
        expect(covered(checked, 'office-statistics-mismatch')).toEqual(['4.157']);
        const unmarked = await check(mutate(mutate(mutate(vda, '    aosta 4.157\n', '    aosta 4.156\n'), 'totale 7.459\n}', 'totale 7.458\n}'), ' misura iscritti', ''));
        expect(withCode(unmarked, 'office-statistics-mismatch')).toEqual([]);
    });

    test('residents too', async () => {
        const checked = await check(`piano "Test"
cpi a "A" residenti «1.000»
statistica "Residenti" colonne "F", "M" misura residenti { a 500 499 }`);
        expect(messages(checked, 'office-statistics-mismatch')).toEqual(['A states 1.000 residents, but the table «Residenti» gives 999 (difference 1).']);
        expect(withCode(checked, 'office-statistics-mismatch')[0].range).toEqual(checked.marked[0]);
    });
});

describe('duplicate-office-staff', () => {
    test("Valle d'Aosta: Morgex has no staff of its own, and that alone is not reported", async () => {
        expect(withCode(await check(vda), 'duplicate-office-staff')).toEqual([]);
    });

    test('Verrès written as Aosta again: reported with the CPI left out', async () => {
        const checked = await check(mutate(vda, 'ufficio verres {', 'ufficio aosta {'));
        expect(messages(checked, 'duplicate-office-staff')).toEqual([
            "CPI di Aosta is listed twice in the staff table «Tabella 1. Profili professionali dipendenti CPI Regione Autonoma Valle d'Aosta», which leaves out CPI di Verrès, CPI di Morgex."
        ]);
        expect(withCode(checked, 'duplicate-office-staff')[0].data).toEqual({ code: 'duplicate-office-staff' });
    });

    test('with exactly one CPI left out, the payload names it for the fix', async () => {
        const checked = await check(`piano "Test"
cpi a "A"
cpi b "B"
personale al 01/01/2020 { ufficio a { } ufficio «a» { } }`);
        expect(messages(checked, 'duplicate-office-staff')).toEqual(['A is listed twice in the staff table, which leaves out B.']);
        expect(withCode(checked, 'duplicate-office-staff')[0].range).toEqual(checked.marked[0]);
        expect(withCode(checked, 'duplicate-office-staff')[0].data).toEqual({ code: 'duplicate-office-staff', replacement: 'b' });
    });
});

describe('duplicate-hiring-period', () => {
    test('a year given twice in the same plan, on the second', async () => {
        const checked = await check(`piano "Test"
assunzioni "P" { anno 2020 C 1 anno «2020» D 1 anno "2021/2022" C 1 }
assunzioni "Q" { anno 2020 C 1 }`);
        expect(messages(checked, 'duplicate-hiring-period')).toEqual(['The period 2020 is given twice in the hiring plan «P».']);
        expect(withCode(checked, 'duplicate-hiring-period')[0].range).toEqual(checked.marked[0]);
    });

    test("Valle d'Aosta: the revision's 2021 written as 2020 again", async () => {
        const checked = await check(mutate(vda, 'anno 2021 C2 assistente_amministrativo_contabile 1, D istruttore_tecnico 8 totale 9', 'anno 2020 C2 assistente_amministrativo_contabile 1, D istruttore_tecnico 8 totale 9'));
        expect(messages(checked, 'duplicate-hiring-period')).toEqual(['The period 2020 is given twice in the hiring plan «Fabbisogno rimodulato dopo le procedure concorsuali 2019».']);
    });
});

describe('missing-unit-cost', () => {
    test("Valle d'Aosta without the unit cost of Istruttore tecnico: both cost rows are unchecked, and say so", async () => {
        const checked = await check(mutate(vda, 'categoria D costo € 55.820,00', 'categoria D'));
        expect(messages(checked, 'missing-unit-cost')).toEqual([
            "The profile Istruttore tecnico has no unit cost, so its cost cannot be checked: add 'costo' to the profile.",
            "The profile Istruttore tecnico has no unit cost, so its cost cannot be checked: add 'costo' to the profile."
        ]);
        expect(covered(checked, 'missing-unit-cost')).toEqual(['istruttore_tecnico', 'istruttore_tecnico']);
        expect(withCode(checked, 'missing-unit-cost')[0].severity).toBe(2);
    });
});

describe('severities of the new rules', () => {
    test('a rule set can tune each code', async () => {
        const rules = `regole "Tolleranti" {
    gravità summary_staff_mismatch avviso
    gravità missing_unit_cost errore
}`;
        const checked = await check(`piano "Test" regole "Tolleranti"
cpi a "A"
profilo s "S" categoria C
personale al 31/12/2020 { ufficio a { s C 1 } }
riepilogo al 31/12/2019 e al 31/12/2020 { C 1 2 }
costo personale 2020 { s 1 € 1,00 }`, 'en', [rules]);
        expect(withCode(checked, 'summary-staff-mismatch').map(d => d.severity)).toEqual([2]);
        expect(withCode(checked, 'missing-unit-cost').map(d => d.severity)).toEqual([1]);
    });
});

describe('function-total-mismatch', () => {
    test("Valle d'Aosta: each category's functions add up to its heads", async () => {
        expect(withCode(await check(vda), 'function-total-mismatch')).toEqual([]);
    });

    test("Valle d'Aosta with one function of Aosta's D changed: reported on the category's heads", async () => {
        const checked = await check(mutate(vda, '                7 "Centro per il diritto al lavoro', '                6 "Centro per il diritto al lavoro'));
        expect(messages(checked, 'function-total-mismatch')).toEqual([
            'Category D at CPI di Aosta has 19 heads, but its functions add up to 18 (difference 1).'
        ]);
        expect(covered(checked, 'function-total-mismatch')).toEqual(['19']);
        expect(withCode(checked, 'function-total-mismatch')[0].severity).toBe(1);
        // Tabella 1 counts 19 D at Aosta on the same date: writing 18 would only move the mismatch, so no fix is offered.
        expect(withCode(checked, 'function-total-mismatch')[0].data).toEqual({ code: 'function-total-mismatch', computed: '18' });
        expect(withCode(checked, 'function-staff-mismatch')).toEqual([]);
    });

    test("Valle d'Aosta with Aosta's D written as 20: the functions' 19 agree with Tabella 1, so the fix is offered", async () => {
        const checked = await check(mutate(vda, '            D 19 {', '            D 20 {'));
        expect(withCode(checked, 'function-total-mismatch')[0].data).toEqual({ code: 'function-total-mismatch', computed: '19', replacement: '19' });
        expect(covered(checked, 'function-staff-mismatch')).toEqual(['20']);
    });

    test('fires on a category whose functions add up to another figure, in Italian too', async () => {
        const plan = (heads: string) => `piano "Test"
cpi a "CPI A"
funzioni di a {
    D «${heads}» {
        1 "orientamento"
        2 "incontro domanda e offerta"
    }
    C 1 "accoglienza"
}`;
        const checked = await check(plan('4'), 'it');
        expect(messages(checked, 'function-total-mismatch')).toEqual(['La categoria D di CPI A conta 4 unità, ma le sue funzioni ne sommano 3 (differenza 1).']);
        expect(withCode(checked, 'function-total-mismatch')[0].range).toEqual(checked.marked[0]);
        expect(withCode(checked, 'function-total-mismatch')[0].data).toEqual({ code: 'function-total-mismatch', computed: '3', replacement: '3' });
        expect(withCode(await check(plan('3')), 'function-total-mismatch')).toEqual([]);
    });

    test('not when a function\'s heads are unreadable, nor for a category on one function', async () => {
        const checked = await check(`piano "Test"
cpi a "CPI A"
funzioni di a {
    D 4 {
        1,5 "orientamento"
        2 "incontro domanda e offerta"
    }
    C 7 "accoglienza"
}`);
        expect(withCode(checked, 'function-total-mismatch')).toEqual([]);
        expect(withCode(checked, 'invalid-number')).toHaveLength(1);
    });
});

describe('function-staff-mismatch', () => {
    test("Valle d'Aosta: the staff by function of Aosta and Verrès count what Tabella 1 counts, C2 and C1 as C", async () => {
        const checked = await check(vda);
        expect(withCode(checked, 'function-staff-mismatch')).toEqual([]);
        const comparisons = checked.evaluation().consistency.functionStaff;
        expect(comparisons.map(c => [c.office.label, c.functions.total, c.office.total])).toEqual([['CPI di Aosta', 27, 27], ['CPI di Verrès', 10, 10]]);
    });

    test("Valle d'Aosta with a function of Verrès moved from C2 to D: both categories reported, on their heads", async () => {
        const checked = await check(mutate(mutate(vda, '            D 3 {\n                1 "responsabile del CPI"', '            D 4 {\n                2 "responsabile del CPI"'),
            '            C2 5 {\n                2 "orientamento di base"', '            C2 4 {\n                1 "orientamento di base"'));
        expect(messages(checked, 'function-staff-mismatch')).toEqual([
            'The staff by function of CPI di Verrès at 17/11/2020 counts 4 in D, but the staff table «Tabella 1. Profili professionali dipendenti CPI Regione Autonoma Valle d\'Aosta» at the same date counts 3 (difference 1).',
            'The staff by function of CPI di Verrès at 17/11/2020 counts 4 in C, but the staff table «Tabella 1. Profili professionali dipendenti CPI Regione Autonoma Valle d\'Aosta» at the same date counts 5 (difference -1).'
        ]);
        expect(covered(checked, 'function-staff-mismatch')).toEqual(['4', '4']);
        expect(withCode(checked, 'function-total-mismatch')).toEqual([]);
    });

    test("a category the staff by function leaves out is reported on its office; another date is not compared", async () => {
        const without = mutate(vda, '            A 1 "profilo professionale di ausiliare"\n', '');
        const checked = await check(without);
        expect(messages(checked, 'function-staff-mismatch')).toEqual([
            'The staff by function of CPI di Aosta at 17/11/2020 counts 0 in A, but the staff table «Tabella 1. Profili professionali dipendenti CPI Regione Autonoma Valle d\'Aosta» at the same date counts 1 (difference -1).'
        ]);
        expect(covered(checked, 'function-staff-mismatch')).toEqual(['aosta']);
        expect(withCode(await check(mutate(without, 'funzioni di aosta al 17/11/2020', 'funzioni di aosta al 18/11/2020')), 'function-staff-mismatch')).toEqual([]);
        expect(withCode(await check(mutate(without, 'funzioni di aosta al 17/11/2020', 'funzioni di aosta')), 'function-staff-mismatch')).toEqual([]);
    });

    test('small input: fires on the marked heads, not when the tables agree', async () => {
        const plan = (heads: string) => `piano "Test"
cpi a "CPI A"
profilo d "Istruttore" categoria D
personale al 17/11/2020 "Tab. 1" { ufficio a { d D 3 } }
funzioni di a al 17/11/2020 { D «${heads}» "orientamento" }`;
        const checked = await check(plan('2'));
        expect(messages(checked, 'function-staff-mismatch')).toEqual([
            'The staff by function of CPI A at 17/11/2020 counts 2 in D, but the staff table «Tab. 1» at the same date counts 3 (difference -1).'
        ]);
        expect(withCode(checked, 'function-staff-mismatch')[0].range).toEqual(checked.marked[0]);
        expect(withCode(await check(plan('3')), 'function-staff-mismatch')).toEqual([]);
    });
});
