/** Every diagnostic in Italian, from one plan that has them all: the analysts' own language. */
import { expect, test } from 'vitest';
import { check } from '../helpers.js';
import { issueCodes } from '../../src/language/validation/issues.js';

test('every code has its Italian message, with the figures', async () => {
    const checked = await check(`piano "Tutto" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 1.000,00
fonte C "Allegato C" tipo allegato_C assegnato € 1.000,00
fonte C "Doppia"
linea 3.3 "Osservatorio" {
    voce "Analisi" € 1.000,00 su B
    voce "Split" € 100,00 su B € 50,00, C € 40,00
    totale € 1,00
}
profilo p "Istruttore" categoria D costo € 10,00
costo personale 2020 { p 2 € 30,00 quota Stato € 10,00 }
ambito a "A" { indicatore "I" obiettivo 120% cumulativo { anno I 50% anno II 40% } }
sezione 1 { valutazione { richiesta 1 "Governance" richiesta 2 "Sistemi" risposta linea 3.5 } }`, 'it');
    // Moves get a framework of their own, with one source so that every move's source is known.
    const moves = await check(`piano "Spostamenti" regole "DM 74/2019"
fonte B "Allegato B" tipo allegato_B assegnato € 1.000,00
linea 3.1 "Comunicazione" { voce "Piano" € 10,00 su B }
linea 3.4 "Sedi" { voce "Immobili" € 990,00 su B }
riprogrammazione "R" { sposta € 20,00 dalla linea 3.4 alla linea 3.1 sposta € 2.000,00 dalla linea 3.4 alla linea 3.1 sposta € 10,00 dalla fonte B alla linea 3.4 }`, 'it');
    // Unreadable parts make sums incomplete (no cascade of mismatches), so they get a plan of their own.
    const unreadable = await check(`piano "Illeggibile" periodo 2021-2019
atto DGR 1/2020 del 31/02/2020
fonte B "Allegato B"
fonte C "Allegato C"
linea 3.4 "Sedi" {
    voce "Senza fonte" € 1,00
    voce "Numero" € 1.5 su B
    voce "Altrove" € 1,00 su Z
}`, 'it');
    // A rule file's own problems are reported in the rule file.
    const rules = await check(`regole "Refusi" {
    gravità under_alocated avviso
}`, 'it');
    // Tables that disagree with each other.
    const tables = await check(`piano "Coerenza" regole "DM 74/2019"
cpi a "CPI A" iscritti 100
cpi b "CPI B"
profilo d "Istruttore" categoria D costo € 10,00
profilo c "Assistente" categoria C2
personale al 31/12/2020 "Tab. 1" {
    ufficio a { d D 3 }
    ufficio a { c C2 2 }
}
riepilogo al 31/12/2019 e al 31/12/2020 "Tab. 2" {
    C 2 1
    D 3 3
}
movimenti dal 31/12/2019 al 31/12/2020 "Tab. 3" {
    ingresso "Concorsi" 2
}
assunzioni "Piano" {
    anno 2020 D d 2, D c 1
    anno 2020 D d 1
}
costo personale 2020 {
    d 4 € 40,00
    c 1 € 5,00
}
statistica "Iscritti per CPI" colonne "Iscritti" misura iscritti {
    a 90
}
funzioni di a {
    D 3 { 1 "orientamento" 1 "incontro domanda e offerta" }
}
linea 3.3 "Osservatorio" {
    voce "Analisi" € 1,00
    dichiarazione nessun_compenso_osservatorio "Ai componenti non spetta alcun compenso."
}`, 'it');
    // The rule set kept switched on: lines and sources it does not know, rule files missing, ambiguous or broken.
    const lines = await check(`piano "Linee" regole "DM 74/2019"
fonte B "Allegato B d.m. 74/2019"
linea 3.7 "Altro" { }
linea 3.1 "Comunicazione" { }`, 'it');
    const missing = await check('piano "Manca" regole "DM 74/2019" da "nessuno.cpiplan"', 'it');
    const ambiguous = await check('piano "Doppia" regole "DM 74/2019"', 'it', ['regole "DM 74/2019" { }']);
    const broken = await check(`piano "Rotte" regole "Rotte"
fonte B "B" tipo k assegnato € 1,00
linea 3.1 "X" { }`, 'it', ['regole "Rotte" {\n    fonte k\n    linea 3.1 "X" tetto 150% di k\n}']);
    // The staff by function against the staff table at the same date.
    const functions = await check(`piano "Funzioni"
cpi a "CPI A"
profilo d "Istruttore" categoria D
personale al 17/11/2020 "Tabella 1" { ufficio a { d D 3 } }
funzioni di a al 17/11/2020 { D 2 "orientamento" }`, 'it');
    // The later a plan, the more its message for a code counts: the checks below read the first plans' messages.
    const byCode = new Map([...tables.diagnostics, ...lines.diagnostics, ...missing.diagnostics, ...ambiguous.diagnostics, ...broken.diagnostics,
        ...checked.diagnostics, ...unreadable.diagnostics, ...rules.diagnostics, ...moves.diagnostics, ...functions.diagnostics].map(d => [d.code, d.message]));
    expect([...byCode.keys()].sort()).toEqual([...issueCodes].sort());
    expect(byCode.get('under-allocated')).toBe('Programmati € 40,00 su Allegato C a fronte di € 1.000,00 assegnati: € 960,00 non programmati.');
    expect(byCode.get('cap-exceeded')).toBe("La linea 3.3 imputa € 1.050,00 su Allegato B, oltre il tetto di € 20,00 (max 2% del totale assegnato): eccedenza € 1.030,00.");
    expect(byCode.get('over-allocated')).toBe("Programmati € 1.050,00 su Allegato B, oltre l'assegnato di € 1.000,00: eccedenza € 50,00.");
    expect(byCode.get('total-mismatch')).toMatch(/^Totale dichiarato della linea 3\.3: € 1,00; la somma delle parti è /);
    expect(byCode.get('split-mismatch')).toBe("Le quote della voce sulle fonti sommano € 90,00, non l'importo della voce di € 100,00 (differenza -€ 10,00).");
    expect(byCode.get('unassigned-item')).toBe("La voce non è imputata a nessuna fonte e il piano ne ha più d'una (B, C): aggiungere 'su' con la fonte.");
    expect(checked.diagnostics.filter(d => d.code === 'missing-declaration').map(d => d.message)).toEqual([
        "Manca nella linea 3.3 la dichiarazione 'nessun_compenso_osservatorio' (nessun compenso ai componenti dell'Osservatorio) richiesta dalle regole DM 74/2019.",
        "Manca nella sezione 4 la dichiarazione 'governance_lep' (governance secondo il d.m. 22 maggio 2020 e ruolo di ANPAL per i LEP) richiesta dalle regole DM 74/2019."
    ]);
    expect(byCode.get('incomplete-declaration')).toBe("Alla dichiarazione 'nessun_compenso_osservatorio' (nessun compenso ai componenti dell'Osservatorio) manca quanto chiedono le regole DM 74/2019: \"indennità\", \"gettone di presenza\" o \"gettoni di presenza\", \"rimborso spese\", \"emolumento\" o \"emolumenti\".");
    expect(byCode.get('office-statistics-mismatch')).toBe('CPI A dichiara 100 iscritti, ma la tabella «Iscritti per CPI» ne riporta 90 (differenza 10).');
    expect(byCode.get('duplicate-office-staff')).toBe('CPI A compare due volte nella tabella del personale «Tab. 1», in cui manca CPI B.');
    expect(byCode.get('summary-staff-mismatch')).toBe('Il riepilogo «Tab. 2» conta 1 in C al 31/12/2020, ma la tabella del personale «Tab. 1» alla stessa data ne conta 2 (differenza -1).');
    expect(byCode.get('movements-summary-mismatch')).toBe('Il saldo dei movimenti dal 31/12/2019 al 31/12/2020 è +2, ma il riepilogo alle stesse date passa da 5 a 4 (-1).');
    expect(byCode.get('hire-category-mismatch')).toBe('Assunzione in categoria D per il profilo Assistente, che è di categoria C2.');
    expect(byCode.get('duplicate-hiring-period')).toBe('Il periodo 2020 compare due volte nel piano di assunzioni «Piano».');
    expect(byCode.get('hires-cost-mismatch')).toBe('Il costo del personale 2020 conta 4 unità di Istruttore, ma le assunzioni di Istruttore fino al 2020 sono 3.');
    expect(byCode.get('missing-unit-cost')).toBe("Il profilo Assistente non ha un costo unitario, quindi il suo costo non si può verificare: aggiungere 'costo' al profilo.");
    expect(byCode.get('missing-section')).toBe('Manca la sezione 5 "Riprogrammazione delle risorse", obbligatoria per le regole DM 74/2019.');
    expect(byCode.get('unanswered-request')).toBe("La richiesta 1 della valutazione non ha risposta: indicare con 'risposta' la linea, la sezione o la dichiarazione che la soddisfa.");
    expect(byCode.get('unknown-reference')).toBe('Il piano non ha la linea 3.5.');
    expect(byCode.get('reprogramming-unbalanced')).toBe('Le linee cedono € 2.020,00 e ricevono € 2.030,00: la riprogrammazione non è in pareggio (differenza € 10,00).');
    expect(byCode.get('move-exceeds-available')).toBe('Lo spostamento di € 10,00 supera quanto disponibile in fonte B: € 0,00.');
    expect(byCode.get('reprogrammed-over-allocated')).toBe("Dopo la riprogrammazione su Allegato B sono programmati € 1.010,00 (prima € 1.000,00), oltre l'assegnato di € 1.000,00: eccedenza € 10,00.");
    expect(byCode.get('reprogrammed-cap-exceeded')).toBe('Dopo la riprogrammazione la linea 3.1 imputa € 2.030,00 su Allegato B (prima € 10,00), oltre il tetto di € 15,00 (max 1,5%): eccedenza € 2.015,00.');
    expect(byCode.get('cost-mismatch')).toBe('2 × Istruttore a € 10,00 fanno € 20,00, ma il costo dichiarato è € 30,00 (differenza € 10,00).');
    expect(byCode.get('function-total-mismatch')).toBe('La categoria D di CPI A conta 3 unità, ma le sue funzioni ne sommano 2 (differenza 1).');
    expect(byCode.get('function-staff-mismatch')).toBe('Il personale per funzione di CPI A al 17/11/2020 conta 2 in D, ma la tabella del personale «Tabella 1» alla stessa data ne conta 3 (differenza -1).');
    expect(byCode.get('cofinancing-mismatch')).toBe('Le quote di finanziamento (Stato € 10,00) sommano € 10,00, non il costo di € 30,00 che finanziano (differenza -€ 20,00).');
    expect(byCode.get('percentage-out-of-range')).toBe("120% è fuori dall'intervallo 0–100%.");
    expect(byCode.get('milestones-decreasing')).toBe("Il valore cumulativo 40% dell'anno II è inferiore a 50% dell'anno I.");
    expect(byCode.get('duplicate-name')).toBe("Esiste già una fonte 'C'.");
    expect(byCode.get('invalid-number')).toBe("'1.5' non è nel formato italiano (punto per le migliaia, virgola per i decimali). Scrivere '€ 1,50'.");
    expect(byCode.get('invalid-date')).toBe('31/02/2020 non è una data del calendario.');
    expect(byCode.get('period-reversed')).toBe('Il periodo finisce (2019) prima di cominciare (2021).');
    expect(byCode.get('linking-error')).toBe("Non trovo la fonte 'Z': non è dichiarata.");
    expect(byCode.get('unknown-issue-code')).toBe("'under_alocated' non è un codice di segnalazione di cpiplan: la regola non ha effetto. Forse si intende 'under_allocated'.");
});
