import { describe, expect, test } from 'vitest';
import { check, header, withCode, type Checked } from '../helpers.js';
import { issueCodes } from '../../src/language/validation/issues.js';

/** Expects exactly one diagnostic with the code, on the range marked «…», and returns it. */
function expectOne(checked: Checked, code: string) {
    const found = withCode(checked, code);
    expect(found, JSON.stringify(checked.diagnostics.map(d => d.message))).toHaveLength(1);
    expect(found[0].range).toEqual(checked.marked[0]);
    return found[0];
}

function expectNone(checked: Checked, code: string): void {
    expect(withCode(checked, code).map(d => d.message)).toEqual([]);
}

describe('cap-exceeded', () => {
    test('reports the Allegato B part of a line over its cap, with the figures', async () => {
        const checked = await check(`${header}
linea «3.1» "Comunicazione" {
    voce "Campagna" € 25.000,00 su B
}`);
        const diagnostic = expectOne(checked, 'cap-exceeded');
        expect(diagnostic.message).toBe('€ 25.000,00 on line 3.1 exceeds the 1,5% cap of € 24.603,75 on Allegato B (excess € 396,25).');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.data).toMatchObject({ code: 'cap-exceeded', cap: '2460375', charged: '2500000' });
    });

    test('says it in Italian', async () => {
        const checked = await check(`${header}
linea «3.1» "Comunicazione" {
    voce "Campagna" € 25.000,00 su B
}`, 'it');
        expect(expectOne(checked, 'cap-exceeded').message).toBe(
            "La linea 3.1 imputa € 25.000,00 su Allegato B, oltre il tetto di € 24.603,75 (max 1,5% del totale assegnato): eccedenza € 396,25.");
    });

    test('is silent at the cap exactly', async () => {
        expectNone(await check(`${header}
linea 3.1 "Comunicazione" {
    voce "Campagna" € 24.603,75 su B
}`), 'cap-exceeded');
    });

    test('counts only the part charged to the capped source', async () => {
        // 3.6 caps 4% of Allegato B (€ 65.610,01); the Allegato C part is outside the cap.
        const checked = await check(`${header}
linea 3.6 "Spese generali" {
    voce "Assistenza tecnica" € 85.590,16 su B € 65.600,00, C € 19.990,16
}`);
        expectNone(checked, 'cap-exceeded');
        const cap = checked.evaluation().caps[0];
        expect(cap.cap).toBe(6561001n);
        expect(cap.charged).toBe(6560000n);
        expect(cap.headroom).toBe(1001n);
    });

    test('uncapped and extra lines have no cap', async () => {
        const checked = await check(`${header}
linea 3.4 "Sedi" { voce "Immobili" € 1.000.000,00 su B }
linea "Azioni di politica attiva" { voce "Progetti" € 600.000,00 su B }`);
        expectNone(checked, 'cap-exceeded');
        expect(checked.evaluation().caps).toEqual([]);
    });
});

describe('over-allocated and under-allocated', () => {
    test('reports a source programmed beyond its assignment, on the source name', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
fonte «B» "Allegato B" tipo allegato_B assegnato € 100.000,00
linea 3.4 "Sedi" { voce "Immobili" € 150.000,00 }`);
        expect(expectOne(checked, 'over-allocated').message).toBe('€ 150.000,00 programmed on Allegato B exceeds the € 100.000,00 assigned (excess € 50.000,00).');
        expectNone(checked, 'under-allocated');
    });

    test('warns about money left unprogrammed', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
fonte «B» "Allegato B" tipo allegato_B assegnato € 100.000,00
linea 3.4 "Sedi" { voce "Immobili" € 90.000,00 }`);
        const diagnostic = expectOne(checked, 'under-allocated');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('Only € 90.000,00 of the € 100.000,00 assigned on Allegato B is programmed: € 10.000,00 left unprogrammed.');
        expectNone(checked, 'over-allocated');
    });

    test('is silent when everything is programmed, and when the plan has no financial framework', async () => {
        expectNone(await check(`piano "Test"
fonte B "Allegato B" assegnato € 100.000,00
linea 3.4 "Sedi" { voce "Immobili" € 100.000,00 }`), 'under-allocated');
        expectNone(await check(`piano "Test"
fonte B "Convenzione" assegnato € 100.000,00`), 'under-allocated');
    });
});

describe('total-mismatch', () => {
    test('reports a wrong line total on its amount', async () => {
        const checked = await check(`${header}
linea 3.4 "Sedi" {
    voce "Immobili" € 630.000,00 su B
    voce "Uffici" € 70.000,00 su B
    totale «€ 780.000,00»
}`);
        const diagnostic = expectOne(checked, 'total-mismatch');
        expect(diagnostic.message).toBe('Declared total of line 3.4 is € 780.000,00, but its parts add up to € 700.000,00 (difference € 80.000,00).');
        expect(diagnostic.data).toMatchObject({ computed: '70000000', replacement: '€ 700.000,00' });
    });

    test('checks per-source line totals and plan totals', async () => {
        const checked = await check(`${header}
linea 3.6 "Spese generali" {
    voce "Assistenza tecnica" € 85.590,16 su B € 65.600,00, C € 19.990,16
    totale B € 65.600,00
    totale C «€ 19.990,00»
}
totale € 85.590,16
totale B «€ 65.000,00»`);
        const found = withCode(checked, 'total-mismatch');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found[0].message).toContain('of line 3.6 on Allegato C is € 19.990,00');
        expect(found[1].message).toContain('of the plan on Allegato B is € 65.000,00, but its parts add up to € 65.600,00');
    });

    test('checks staff tables: rows, offices by category, grand total', async () => {
        const checked = await check(`piano "Test"
cpi a "CPI A"
profilo x "X" categoria C
profilo y "Y" categoria D
personale al 24/11/2020 {
    ufficio a {
        x B 8, C 1 = «10»
        y D 3
        totale 12 di cui B 8, C 1, D «4»
    }
    totale «13»
}`);
        const found = withCode(checked, 'total-mismatch');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found.map(d => d.message)).toEqual([
            'Declared total of X at CPI A is 10, but its parts add up to 9 (difference 1).',
            'Declared total of staff at CPI A, category D is 4, but its parts add up to 3 (difference 1).',
            'Declared total of the staff table is 13, but its parts add up to 12 (difference 1).'
        ]);
    });

    test('checks summaries, movements and hires', async () => {
        const checked = await check(`piano "Test"
riepilogo al 31/12/2019 e al 24/11/2020 { B 68 60 C 148 156 totale «215» 216 }
movimenti dal 31/12/2019 al 24/11/2020 {
    ingresso "Nuovi ingressi" 38
    progressione "Progressioni" 23
    uscita "Pensionamenti" 17
    saldo «16»
}
assunzioni "Piano" { anno 2021 C 36, D 71 totale «106» }`);
        const found = withCode(checked, 'total-mismatch');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found[1].message).toBe('Declared total of the movements (net change) is 16, but its parts add up to 21 (difference -5).');
    });

    test('checks statistics rows, columns, groups and grand totals', async () => {
        const checked = await check(`piano "Test"
cpi a "CPI A"
cpi b "CPI B"
statistica "Beneficiari" colonne "F", "M" {
    a 10 20 = «31»
    b 1 2 = 3
    totale 11 «23» = 33
}
statistica "Servizi" colonne "2019" {
    gruppo "Accoglienza" { a 5 b - totale «6» }
    totale 5
}`);
        const found = withCode(checked, 'total-mismatch');
        expect(found.map(d => d.range)).toEqual(checked.marked);
    });

    test('is silent on a part it cannot read, reporting only the number', async () => {
        const checked = await check(`${header}
linea 3.4 "Sedi" {
    voce "Immobili" € 630.000.00 su B
    totale € 630.000,00
}`);
        expectNone(checked, 'total-mismatch');
        expect(withCode(checked, 'invalid-number')).toHaveLength(1);
    });
});

describe('split-mismatch', () => {
    test('reports parts that do not add up to the item amount, on the amount', async () => {
        const checked = await check(`${header}
linea 3.6 "Spese generali" {
    voce "Assistenza tecnica" «€ 85.590,16» su B € 65.600,00, C € 19.990,00
}`);
        expect(expectOne(checked, 'split-mismatch').message).toBe(
            "The item's parts across sources add up to € 85.590,00, not its amount of € 85.590,16 (difference -€ 0,16).");
    });

    test('a part without amount takes the rest', async () => {
        const checked = await check(`${header}
linea "Azioni di politica attiva" {
    voce "Progetti" € 279.000,02 su B € 158.050,18, C
}`);
        expectNone(checked, 'split-mismatch');
        const line = checked.evaluation().lines[0];
        expect([...line.bySource.values()]).toEqual([15805018n, 12094984n]);
    });
});

describe('unassigned-item', () => {
    test('reports an item with no source when the plan has several', async () => {
        const checked = await check(`${header}
linea 3.4 "Sedi" { voce «"Immobili"» € 630.000,00 }`);
        expectOne(checked, 'unassigned-item');
    });

    test('still lets the line total be checked, but not the per-source sums', async () => {
        const checked = await check(`${header}
linea 3.4 "Sedi" {
    voce "Immobili" € 630.000,00
    totale «€ 600.000,00»
    totale B € 1,00
}`);
        expectOne(checked, 'total-mismatch');
        expectNone(checked, 'over-allocated');
        expectNone(checked, 'under-allocated');
    });

    test('charges everything to the only source', async () => {
        const checked = await check(`piano "Test"
fonte B "Allegato B" assegnato € 630.000,00
linea 3.4 "Sedi" { voce "Immobili" € 630.000,00 }`);
        expectNone(checked, 'unassigned-item');
        expect(checked.evaluation().sources[0].programmed).toBe(63000000n);
    });
});

describe('missing-declaration', () => {
    test('reports each required declaration where it belongs', async () => {
        const checked = await check(`piano «"Test"» regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 60.000,00
linea «3.3» "Osservatorio" { voce "Analisi" € 30.000,00 }
linea «3.5» "Sistemi informativi" { voce "Software" € 30.000,00 }`);
        const found = withCode(checked, 'missing-declaration');
        expect(found.map(d => d.range).sort((a, b) => a.start.line - b.start.line)).toEqual(checked.marked);
        expect(found.find(d => d.range.start.line === 2)!.message).toBe(
            "The declaration 'nessun_compenso_osservatorio' (nessun compenso ai componenti dell'Osservatorio) required by DM 74/2019 is missing in line 3.3.");
        expect(found[0].data).toHaveProperty('text');
    });

    test('is satisfied by the declarations in place, and not required for absent lines', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 30.000,00
linea 3.3 "Osservatorio" {
    voce "Analisi" € 30.000,00
    dichiarazione nessun_compenso_osservatorio "Ai componenti non spetta alcun compenso."
}
sezione 4 "Governance" { dichiarazione governance_lep "DM 22 maggio 2020, ANPAL, LEP." }`);
        expectNone(checked, 'missing-declaration');
    });

    test('a declaration in the wrong line does not count', async () => {
        const checked = await check(`piano "Test" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 60.000,00
linea «3.3» "Osservatorio" { voce "Analisi" € 30.000,00 }
linea 3.4 "Sedi" {
    voce "Uffici" € 30.000,00
    dichiarazione nessun_compenso_osservatorio "Ai componenti non spetta alcun compenso."
}
dichiarazione governance_lep "DM 22 maggio 2020, ANPAL, LEP."`);
        expectOne(checked, 'missing-declaration');
    });

    test('plans without a rule set require nothing', async () => {
        expectNone(await check(`piano "Test"
linea 3.3 "Osservatorio" { voce "Analisi" € 30.000,00 }`), 'missing-declaration');
    });
});

describe('cost-mismatch and cofinancing-mismatch', () => {
    const profiles = `piano "Test" regole "Assistenza tecnica ANPAL Servizi"
profilo istruttore "Istruttore tecnico" categoria D costo € 55.820,00
profilo assistente "Assistente" categoria C2 costo € 48.715,00
`;
    test('reports a cost that is not heads × unit cost, on the cost', async () => {
        const checked = await check(`${profiles}
costo personale 2020 {
    istruttore 10 «€ 558.000,00»
    assistente 3 € 146.145,00
}`);
        expect(expectOne(checked, 'cost-mismatch').message).toBe(
            '10 × Istruttore tecnico at € 55.820,00 is € 558.200,00, but the declared cost is € 558.000,00 (difference -€ 200,00).');
    });

    test('reports shares that do not add up to the cost', async () => {
        const checked = await check(`${profiles}
costo personale 2020 {
    istruttore 10 € 558.200,00
    assistente 3 € 146.145,00
    totale € 704.345,00
    quota Stato € 541.049,29
    quota Regione «€ 163.295,00»
}`);
        expect(expectOne(checked, 'cofinancing-mismatch').message).toBe(
            'The funding shares (Stato € 541.049,29 + Regione € 163.295,00) add up to € 704.344,29, not the € 704.345,00 cost they fund (difference -€ 0,71).');
        expectNone(checked, 'cost-mismatch');
    });

    test('is silent when costs and shares agree', async () => {
        const checked = await check(`${profiles}
costo personale "dal 2021" {
    istruttore 18 € 1.004.760,00
    assistente 4 € 194.860,00
    totale € 1.199.620,00
    quota Stato € 902.435,45
    quota Regione € 297.184,55
}`);
        expect(checked.diagnostics).toEqual([]);
    });
});

describe('percentage-out-of-range and milestones-decreasing', () => {
    test('reports a share above 100% or below 0%', async () => {
        const checked = await check(`piano "Test"
ambito a "A" {
    indicatore "Copertura" obiettivo «120%»
    indicatore "Calo" base «-5%» obiettivo 10%
    indicatore "Ok" obiettivo 100%
}`);
        const found = withCode(checked, 'percentage-out-of-range');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found[0].message).toBe('120% is outside the range 0–100%.');
    });

    test('reports a cap outside 0–100% in a rule set', async () => {
        const checked = await check(`regole "Prova" {
    fonte b "B"
    linea 3.1 "Comunicazione" tetto «150%» di b
}`);
        expectOne(checked, 'percentage-out-of-range');
    });

    test('warns when a cumulative value goes down', async () => {
        const checked = await check(`piano "Test"
ambito a "A" {
    indicatore "Apprendistato" obiettivo 100% cumulativo {
        anno I 80%
        anno II «60%»
        anno III 100%
    }
    indicatore "Non cumulativo" obiettivo 100% { anno I 80% anno II 60% }
}`);
        const diagnostic = expectOne(checked, 'milestones-decreasing');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('The cumulative value 60% for year II is lower than 80% for year I.');
    });
});

describe('duplicate-name', () => {
    test('reports the second of two sources, offices, profiles, lines with one name', async () => {
        const checked = await check(`piano "Test"
fonte B "Allegato B"
fonte «B» "Altro"
cpi a "CPI A"
sede «a» "Sede A" di a
profilo x "X" categoria C
profilo «x» "X bis" categoria D
linea 3.1 "Comunicazione" { }
linea «3.1» "Comunicazione bis" { }
linea "Extra" { }
linea "Extra" { }`);
        const found = withCode(checked, 'duplicate-name');
        expect(found.map(d => d.range)).toEqual(checked.marked);
        expect(found[0].message).toBe("There is already a funding source 'B'.");
    });
});

describe('invalid-number', () => {
    test('reports an English-format amount with the canonical rewrite', async () => {
        const checked = await check(`${header}
linea 3.4 "Sedi" { voce "Immobili" € «630000.50» su B }`);
        const diagnostic = expectOne(checked, 'invalid-number');
        expect(diagnostic.message).toBe("'630000.50' is not in the Italian format (dot for thousands, comma for decimals). Write '€ 630.000,50'.");
        expect(diagnostic.data).toMatchObject({ replacement: '630.000,50' });
    });

    test('reports an amount with three decimals and a count with decimals', async () => {
        const checked = await check(`piano "Test"
cpi a "CPI A" residenti «78.001,5»
fonte B "B" assegnato € «541.004,184»`);
        const found = withCode(checked, 'invalid-number');
        expect(found.map(d => d.range).sort((a, b) => a.start.line - b.start.line)).toEqual(checked.marked);
    });

    test('accepts every number of the real plans', async () => {
        const checked = await check(`piano "Test" regole "Assistenza tecnica ANPAL Servizi"
cpi a "CPI A" residenti 78.001 iscritti 4157
fonte B "B" assegnato 4.000.000,00 €`);
        expect(checked.diagnostics).toEqual([]);
    });
});

describe('linking errors', () => {
    test('keep Langium linking diagnostics, with a clear message and a code', async () => {
        const checked = await check(`piano "Test"
fonte B "B" assegnato € 10,00
linea 3.4 "Sedi" { voce "Immobili" € 10,00 su «D» }`);
        const diagnostic = expectOne(checked, 'linking-error');
        expect(diagnostic.message).toBe("Cannot find the funding source 'D': declare it before using it.");
    });

    test('an unknown rule set is reported on its name', async () => {
        const checked = await check(`piano "Test" regole «"DM 99/2099"»`, 'it');
        expect(expectOne(checked, 'linking-error').message).toBe("Non trovo le regole 'DM 99/2099': non sono dichiarate.");
    });

    test('the Italian message agrees with what is missing', async () => {
        const checked = await check(`piano "Test"
sede a "A" di «x»
costo personale 2020 { p 2 € 30,00 }`, 'it');
        expect(checked.diagnostics.filter(d => d.code === 'linking-error').map(d => d.message)).toEqual([
            "Non trovo l'ufficio 'x': non è dichiarato.", "Non trovo il profilo 'p': non è dichiarato."
        ]);
    });
});

describe('severity rules', () => {
    test('a severity rule naming an unknown code is reported in the rule file, with the nearest code', async () => {
        const checked = await check(`regole "Refusi" {
    gravità «under_alocated» errore
    gravità over_allocated errore
}`);
        const diagnostic = expectOne(checked, 'unknown-issue-code');
        expect(diagnostic.message).toBe("'under_alocated' is not a cpiplan diagnostic code: the rule has no effect. Did you mean 'under_allocated'?");
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.data).toEqual({ code: 'unknown-issue-code', suggestion: 'under_allocated' });
    });

    test('a code far from every known one gets no suggestion', async () => {
        const checked = await check(`regole "Refusi" {
    gravità «qualcosa» avviso
}`);
        const diagnostic = expectOne(checked, 'unknown-issue-code');
        expect(diagnostic.message).toBe("'qualcosa' is not a cpiplan diagnostic code: the rule has no effect.");
    });

    test('every known code, written with underscores, is accepted', async () => {
        const checked = await check(`regole "Tutti" {
${issueCodes.map(code => `    gravità ${code.replace(/-/g, '_')} avviso`).join('\n')}
}`);
        expect(checked.diagnostics).toEqual([]);
    });
});

describe('severities from the rule set', () => {
    test('a rule set can make under-allocated an error and give caps a severity', async () => {
        const rules = `regole "Severe" {
    fonte b "B"
    linea 3.1 "Comunicazione" tetto 1% di b gravità avviso
    gravità under_allocated errore
}`;
        const checked = await check(`piano "Test" regole "Severe"
fonte B "B" tipo b assegnato € 1.000,00
linea 3.1 "Comunicazione" { voce "Campagna" € 20,00 }`, 'en', [rules]);
        expect(withCode(checked, 'under-allocated')[0].severity).toBe(1);
        expect(withCode(checked, 'cap-exceeded')[0].severity).toBe(2);
    });
});
