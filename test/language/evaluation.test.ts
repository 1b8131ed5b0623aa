import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/language/generated/ast.js';
import { elementsOf } from '../../src/language/model/elements.js';
import { readRuleBook } from '../../src/language/model/rule-book.js';
import { check } from '../helpers.js';

describe('evaluation', () => {
    test('declared totals come in document order: a staff total on line 4 before a line total on line 5', async () => {
        const checked = await check(`piano "Test"
fonte B "Allegato B" assegnato € 100,00
cpi ancona "CPI Ancona" profilo addetto "Addetto" categoria C
personale al 01/01/2020 { ufficio ancona { addetto C 2 } totale 3 }
linea 3.1 "Comunicazione" { voce "Campagna" € 10,00 totale € 11,00 }
`);
        const totals = checked.evaluation().totals;
        expect(totals.map(t => t.subject.of)).toEqual(['staff-table', 'line']);
        expect(totals.map(t => checked.document.textDocument.positionAt(t.node.$cstNode?.offset ?? 0).line + 1)).toEqual([4, 5]);
        expect(totals.map(t => t.difference)).toEqual([1n, 100n]);
    });

    test('elementsOf finds constructs inside sections too, in document order', async () => {
        const checked = await check(`piano "Test"
dichiarazione prima "In cima"
sezione 4 "Governance" { dichiarazione seconda "Nella sezione" }
dichiarazione terza "In fondo"
`);
        const plan = checked.document.parseResult.value as Plan;
        expect(elementsOf(plan, 'Declaration').map(d => d.key)).toEqual(['prima', 'seconda', 'terza']);
        expect(elementsOf(plan, 'Section').map(s => s.code)).toEqual(['4']);
    });

    test('elementsOf reaches sections within sections: a line in 2.2 counts in the plan', async () => {
        const checked = await check(`piano "Test"
fonte B "Allegato B" assegnato € 100,00
sezione 2 "Obiettivi e quadro finanziario" {
    sezione 2.2 "Linee di intervento" {
        linea 3.4 "Sedi" { voce "Immobili" € 60,00 }
    }
}
totale € 60,00
`);
        const plan = checked.document.parseResult.value as Plan;
        expect(elementsOf(plan, 'Section').map(s => s.code)).toEqual(['2', '2.2']);
        expect(elementsOf(plan, 'InterventionLine').map(l => l.code)).toEqual(['3.4']);
        expect(checked.evaluation().grandTotal).toBe(6000n);
    });

    test('per-row figures: summary, movements, hires, personnel cost rows and funding shares', async () => {
        const evaluation = (await check(`piano "Test"
profilo addetto "Addetto" categoria C costo € 30.000,00
riepilogo al 31/12/2019 e al 24/11/2020 { B 3 4 C 5 1.234 totale 8 1.238 }
movimenti dal 01/01/2020 al 31/12/2020 { ingresso "Concorso" 4 uscita "Pensioni" 2 progressione "Interne" 1 saldo 2 }
assunzioni "Piano" { anno 2020 C addetto 3, D 2 totale 5 }
costo personale 2020 { addetto 2 € 60.000,00 totale € 60.000,00 quota Stato € 50.000,00 quota "Regione" € 10.000,00 }
`)).evaluation();
        expect(evaluation.summaries[0].rows.map(r => [r.category, r.from, r.to])).toEqual([['B', 3, 4], ['C', 5, 1234]]);
        expect(evaluation.movements[0].rows.map(r => [r.label, r.kind, r.count])).toEqual(
            [['Concorso', 'ingresso', 4], ['Pensioni', 'uscita', 2], ['Interne', 'progressione', 1]]);
        expect(evaluation.hiring[0].periods[0].hires.map(h => [h.category, h.profile, h.count])).toEqual([['C', 'Addetto', 3], ['D', undefined, 2]]);
        const cost = evaluation.personnelCosts[0];
        expect(cost.rows.map(r => [r.profile, r.heads, r.unitCost, r.declared, r.expected])).toEqual([['Addetto', 2, 3000000n, 6000000n, 6000000n]]);
        expect(cost.fundingShares.map(s => [s.payer, s.amount])).toEqual([['Stato', 5000000n], ['Regione', 1000000n]]);
    });
});

describe('rule book', () => {
    const rules = `regole "Prova" {
    fonte quota_prova "Quota di prova"
    linea 3.1 "Comunicazione" tetto 1,5% di quota_prova gravità errore
    linea 3.2 "Formazione"
    richiede dichiarazione lep in piano testo "I LEP sono garantiti."
    gravità under_allocated errore
    gravità under_alocated avviso
}`;

    test('reads line rules by code, caps by source kind, declarations and severities once', async () => {
        const checked = await check(`piano "Test" regole "Prova"
fonte B "Allegato B" tipo quota_prova assegnato € 100,00
linea 3.1 "Comunicazione" { voce "Campagna" € 1,00 }
`, 'en', [rules]);
        const evaluation = checked.evaluation();
        const book = evaluation.rules;
        expect(book.lineRule('3.1')?.title).toBe('Comunicazione');
        expect(book.lineRule('3.2')?.cap).toBeUndefined();
        expect(book.lineRule('9.9')).toBeUndefined();
        expect(book.lineRule(undefined)).toBeUndefined();
        const kind = evaluation.sources[0].source.kind?.ref;
        expect(kind && book.capsOn(kind).map(r => r.code)).toEqual(['3.1']);
        const cap = book.capOf('3.1');
        expect([cap?.rule.code, cap?.rate, cap?.kind]).toEqual(['3.1', { units: 15n, scale: 1 }, kind]);
        expect(book.capOf('3.2')).toBeUndefined();
        expect(evaluation.caps.map(c => [c.rule.code, c.cap])).toEqual([['3.1', 150n]]);
        expect(book.requiredDeclarations.map(d => d.key)).toEqual(['lep']);
        expect(book.severityOf('under-allocated')).toBe('errore');
        expect(book.severityOf('over-allocated')).toBeUndefined();
        // A misspelt code is no override; validation reports it in the rule file (validation.test.ts).
        expect(book.severityOf('under-alocated')).toBe('avviso');
        expect(evaluation.lines[0].rule).toBe(book.lineRule('3.1'));
        // The reporter asks the book: the rule set makes under-allocation an error.
        expect(checked.diagnostics.find(d => d.code === 'under-allocated')?.severity).toBe(1);
    });

    test('an absent rule set is an empty book', () => {
        const book = readRuleBook(undefined);
        expect(book.lineRule('3.1')).toBeUndefined();
        expect(book.requiredDeclarations).toEqual([]);
        expect(book.severityOf('under-allocated')).toBeUndefined();
    });
});
