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
    const unreadable = await check(`piano "Illeggibile"
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
    const byCode = new Map([...checked.diagnostics, ...unreadable.diagnostics, ...rules.diagnostics, ...moves.diagnostics].map(d => [d.code, d.message]));
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
    expect(byCode.get('missing-section')).toBe('Manca la sezione 5 "Riprogrammazione delle risorse", obbligatoria per le regole DM 74/2019.');
    expect(byCode.get('unanswered-request')).toBe("La richiesta 1 della valutazione non ha risposta: indicare con 'risposta' la linea, la sezione o la dichiarazione che la soddisfa.");
    expect(byCode.get('unknown-reference')).toBe('Il piano non ha la linea 3.5.');
    expect(byCode.get('reprogramming-unbalanced')).toBe('Le linee cedono € 2.020,00 e ricevono € 2.030,00: la riprogrammazione non è in pareggio (differenza € 10,00).');
    expect(byCode.get('move-exceeds-available')).toBe('Lo spostamento di € 10,00 supera quanto disponibile in fonte B: € 0,00.');
    expect(byCode.get('reprogrammed-over-allocated')).toBe("Dopo la riprogrammazione su Allegato B sono programmati € 1.010,00 (prima € 1.000,00), oltre l'assegnato di € 1.000,00: eccedenza € 10,00.");
    expect(byCode.get('reprogrammed-cap-exceeded')).toBe('Dopo la riprogrammazione la linea 3.1 imputa € 2.030,00 su Allegato B (prima € 10,00), oltre il tetto di € 15,00 (max 1,5%): eccedenza € 2.015,00.');
    expect(byCode.get('cost-mismatch')).toBe('2 × Istruttore a € 10,00 fanno € 20,00, ma il costo dichiarato è € 30,00 (differenza € 10,00).');
    expect(byCode.get('cofinancing-mismatch')).toBe('Le quote di finanziamento (Stato € 10,00) sommano € 10,00, non il costo di € 30,00 che finanziano (differenza -€ 20,00).');
    expect(byCode.get('percentage-out-of-range')).toBe("120% è fuori dall'intervallo 0–100%.");
    expect(byCode.get('milestones-decreasing')).toBe("Il valore cumulativo 40% dell'anno II è inferiore a 50% dell'anno I.");
    expect(byCode.get('duplicate-name')).toBe("Esiste già una fonte 'C'.");
    expect(byCode.get('invalid-number')).toBe("'1.5' non è nel formato italiano (punto per le migliaia, virgola per i decimali). Scrivere '€ 1,50'.");
    expect(byCode.get('linking-error')).toBe("Non trovo la fonte 'Z': non è dichiarata.");
    expect(byCode.get('unknown-issue-code')).toBe("'under_alocated' non è un codice di segnalazione di cpiplan: la regola non ha effetto. Forse si intende 'under_allocated'.");
});
