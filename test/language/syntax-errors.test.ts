/**
 * The commonest typos an analyst makes, on copies of the real plans: what each gets (the
 * syntax error, in Italian and English), and the proof that nothing else is reported as a
 * consequence. Every other diagnostic of the mutated copy is one the original has too, and the
 * file goes on being validated after the typo: the original's diagnostics on a line after it
 * are still there.
 */
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { editDistance, nearest } from '../../src/language/syntax/nearest.js';
import { AstUtils } from 'langium';
import { isBulletList, type Plan } from '../../src/language/generated/ast.js';
import { elementsOf } from '../../src/language/model/elements.js';
import { check, example, header, testServices, withCode } from '../helpers.js';
import { open } from '../lsp/helpers.js';

interface Typo {
    readonly name: string;
    readonly file: string;
    readonly from: string;
    readonly to: string;
    /** The syntax errors (and the diagnostic that reports the typo when it is not a syntax error), in order. */
    readonly it: readonly string[];
    readonly en: readonly string[];
    /** Codes besides the syntax ones whose diagnostic reports the typo itself. */
    readonly also?: readonly string[];
    /** An original diagnostic, after the typo, that must still be reported (`code@line`, lines from 0). */
    readonly after?: string;
}

const marcheAfter = 'missing-declaration@480';

export const typos: readonly Typo[] = [
    {
        name: 'a misspelled keyword before a block', file: 'marche-2020.cpiplan',
        from: 'linea 3.2 "Formazione', to: 'linee 3.2 "Formazione', after: marcheAfter,
        it: ["'linee' non è previsto qui: il testo fino a '}' alla riga 458 è ignorato. Forse 'linea'?"],
        en: ["'linee' is not expected here: the text up to '}' on line 458 is ignored. Did you mean 'linea'?"]
    },
    {
        name: 'a misspelled keyword inside a block', file: 'marche-2020.cpiplan',
        from: '    voce "Apparati di telecomunicazione"', to: '    vocce "Apparati di telecomunicazione"', after: marcheAfter,
        it: ["'vocce' non è previsto qui: il testo fino a '300.000,00' alla riga 469 è ignorato. Forse 'voce'?"],
        en: ["'vocce' is not expected here: the text up to '300.000,00' on line 469 is ignored. Did you mean 'voce'?"]
    },
    {
        name: 'a missing closing brace', file: 'marche-2020.cpiplan',
        from: '    totale € 670.000,00\n}', to: '    totale € 670.000,00\n', after: marcheAfter,
        it: ["Manca '}' per chiudere il blocco 'linea 3.2 \"Formazione degli operatori\"' aperto alla riga 452."],
        en: ["Missing '}' to close the block 'linea 3.2 \"Formazione degli operatori\"' opened on line 452."]
    },
    {
        name: 'a missing closing quote', file: 'marche-2020.cpiplan',
        from: 'voce "Attività seminariale"', to: 'voce "Attività seminariale', after: marcheAfter,
        it: ['Virgolette aperte alla riga 456, colonna 10 e mai chiuse: un testo tra virgolette finisce sulla stessa riga.'],
        en: ['Quote opened on line 456, column 10 and never closed: a quoted text ends on the same line.']
    },
    {
        name: 'a title without quotes', file: 'marche-2020.cpiplan',
        from: 'linea 3.3 "Osservatorio regionale del mercato del lavoro"', to: 'linea 3.3 Osservatorio regionale del mercato del lavoro', after: marcheAfter,
        it: ["Manca un testo tra virgolette dopo '3.3': trovato 'Osservatorio'."],
        en: ["Missing a quoted text after '3.3': found 'Osservatorio'."]
    },
    {
        name: 'an amount without €', file: 'marche-2020.cpiplan',
        from: 'voce "Apparati di telecomunicazione" € 300.000,00', to: 'voce "Apparati di telecomunicazione" 300.000,00', after: marcheAfter,
        it: ["Manca '€', 'EUR' o 'euro' dopo '300.000,00': trovato 'voce'.", "'300.000,00': gli importi si scrivono con il simbolo €. Scrivere '€ 300.000,00'."],
        en: ["Missing '€', 'EUR' or 'euro' after '300.000,00': found 'voce'.", "'300.000,00': amounts are written with the € sign. Write '€ 300.000,00'."]
    },
    {
        name: 'an amount written the English way', file: 'marche-2020.cpiplan',
        from: 'voce "Apparati di telecomunicazione" € 300.000,00', to: 'voce "Apparati di telecomunicazione" € 300,000.00', after: marcheAfter,
        it: ["'300,000.00' non è nel formato italiano (punto per le migliaia, virgola per i decimali). Scrivere '€ 300.000,00'."],
        en: ["'300,000.00' is not in the Italian format (dot for thousands, comma for decimals). Write '€ 300.000,00'."]
    },
    {
        name: 'an amount with spaces for thousands', file: 'marche-2020.cpiplan',
        from: 'voce "Apparati di telecomunicazione" € 300.000,00', to: 'voce "Apparati di telecomunicazione" € 300 000,00', after: marcheAfter,
        it: ["'300 000,00' separa le migliaia con spazi: le migliaia vanno separate con il punto. Scrivere '€ 300.000,00'."],
        en: ["'300 000,00' separates thousands with spaces: thousands are separated with dots. Write '€ 300.000,00'."]
    },
    {
        name: "a source named without 'su'", file: 'valle-d-aosta-2020.cpiplan',
        from: '"Ammodernamento degli uffici" € 70.000,00 su B', to: '"Ammodernamento degli uffici" € 70.000,00 B',
        it: ["'B' non è previsto qui ed è ignorato. Forse manca 'su' prima di 'B'?"],
        en: ["'B' is not expected here and is ignored. Is 'su' missing before 'B'?"]
    },
    {
        name: 'a comma for a dot in a line code', file: 'marche-2020.cpiplan',
        from: 'linea 3.3 "Osservatorio', to: 'linea 3,3 "Osservatorio', after: marcheAfter,
        it: ["'3,3' non è un numero ben formato: le migliaia vanno separate con il punto a gruppi di tre cifre."],
        en: ["'3,3' is not a well-formed number: thousands are grouped in threes with dots."]
    },
    {
        name: 'a stray character pasted from a word processor', file: 'marche-2020.cpiplan',
        from: 'voce "Acquisizione servizi di rete" € 550.000,00', to: 'voce "Acquisizione servizi di rete" § € 550.000,00', after: marcheAfter,
        it: ["Carattere non ammesso '§' alla riga 470, colonna 41: è ignorato."],
        en: ["Character '§' is not allowed (line 470, column 41): it is ignored."]
    },
    {
        name: 'typographic quotes', file: 'marche-2020.cpiplan',
        from: 'voce "Acquisizione servizi di rete"', to: 'voce “Acquisizione servizi di rete”', after: marcheAfter,
        it: [
            "Carattere tipografico '“' alla riga 470, colonna 10: scrivere le virgolette dritte \".",
            "Carattere tipografico '”' alla riga 470, colonna 39: scrivere le virgolette dritte \"."
        ],
        en: [
            "Typographic character '“' on line 470, column 10: write a straight quote \" instead.",
            "Typographic character '”' on line 470, column 39: write a straight quote \" instead."
        ]
    },
    {
        name: 'a misspelled office', file: 'marche-2020.cpiplan',
        from: '    ancona 4.857 4.430 = 9.287', to: '    ancna 4.857 4.430 = 9.287', after: marcheAfter,
        it: ["Non trovo l'ufficio 'ancna': non è dichiarato. Forse si intende 'ancona'."],
        en: ["Cannot find the office 'ancna': declare it before using it. Did you mean 'ancona'?"]
    },
    {
        name: 'a text that lost its opening quote', file: 'valle-d-aosta-2020.cpiplan',
        from: 'richiesta 1 "con riferimento', to: 'richiesta 1 con riferimento',
        it: [
            'Virgolette aperte alla riga 45, colonna 284 e mai chiuse: un testo tra virgolette finisce sulla stessa riga.',
            "Manca un testo tra virgolette dopo '1': trovato 'con'."
        ],
        en: [
            'Quote opened on line 45, column 284 and never closed: a quoted text ends on the same line.',
            "Missing a quoted text after '1': found 'con'."
        ]
    },
    {
        name: 'a bullet that lost its opening quote', file: 'marche-2020.cpiplan',
        from: '• "Elaborazioni e analisi dei dati Sil', to: '• Elaborazioni e analisi dei dati Sil', after: marcheAfter,
        it: [
            'Virgolette aperte alla riga 628, colonna 146 e mai chiuse: un testo tra virgolette finisce sulla stessa riga.',
            "Manca un testo tra virgolette dopo '•': trovato 'Elaborazioni'."
        ],
        en: [
            'Quote opened on line 628, column 146 and never closed: a quoted text ends on the same line.',
            "Missing a quoted text after '•': found 'Elaborazioni'."
        ]
    },
    {
        name: 'a line without its code', file: 'marche-2020.cpiplan',
        from: 'linea 3.3 "Osservatorio', to: 'linea "Osservatorio', after: marcheAfter,
        it: [],
        en: []
    }
];

/** The codes of the diagnostics that report a typo itself. */
const typoCodes = new Set(['parsing-error', 'lexing-error', 'linking-error', 'invalid-number']);

const key = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}: ${d.message}`;

describe.each(['it', 'en'] as const)('the commonest typos, in %s', locale => {
    const originals = new Map<string, Promise<Diagnostic[]>>();
    const originalOf = (file: string) => {
        if (!originals.has(file)) {
            originals.set(file, check(example(file), locale).then(c => c.diagnostics));
        }
        return originals.get(file) ?? Promise.resolve([]);
    };

    test.each(typos)('$name', async typo => {
        const text = example(typo.file);
        expect(text).toContain(typo.from);
        const original = await originalOf(typo.file);
        const mutated = (await check(text.replace(typo.from, typo.to), locale)).diagnostics;
        const reports = (d: Diagnostic) => typoCodes.has(String(d.code)) || (typo.also ?? []).includes(String(d.code));
        expect(mutated.filter(reports).map(d => d.message)).toEqual(typo[locale]);
        const before = new Set(original.map(key));
        const consequences = mutated.filter(d => !reports(d)).map(key).filter(k => !before.has(k));
        expect(consequences).toEqual([]);
        if (typo.after) {
            expect(mutated.map(d => `${String(d.code)}@${d.range.start.line}`)).toContain(typo.after);
        }
    });
});

describe('figures around a parse error', () => {
    test('no fix is offered from an amount misread around a parse error (fix-all would have written € 900.300,00)', async () => {
        const services = await testServices();
        const text = example('valle-d-aosta-2020.cpiplan').replace('"Sviluppo di software" € 300.000,00', '"Sviluppo di software" € 300 000,00');
        const opened = await open(text);
        try {
            const diagnostics = opened.document.diagnostics ?? [];
            // The token builder reads '€ 300 000,00' as one amount, reported as invalid-number (space-grouping).
            expect(diagnostics.map(d => d.code)).toEqual(['invalid-number']);
            const actions = await services.lsp.CodeActionProvider?.getCodeActions(opened.document, {
                textDocument: { uri: opened.document.uri.toString() }, range: diagnostics[0].range,
                context: { diagnostics, only: ['source', 'quickfix'] }
            }) as CodeAction[] | undefined;
            // The amount is read whole now: the one fix offered writes it right, none writes a misread sum.
            expect((actions ?? []).map(a => a.title)).toEqual(['Write 300.000,00']);
            expect(JSON.stringify(actions)).not.toContain('900.300');
        } finally {
            await opened.close();
        }
    });

    test('a block with skipped text is not compared with its declared total; the blocks around it are', async () => {
        const checked = await check(`${header}linea 3.1 "A" {\n    voce "x" € 10,00 su B\n    voce "y" € 5,00 su B C\n    totale € 10,00\n}\n`
            + `linea 3.2 "B" {\n    voce "z" € 7,00 su B\n    totale € 8,00\n}\n`);
        expect(checked.diagnostics.filter(d => d.code === 'total-mismatch').map(d => d.range.start.line)).toEqual([10]);
    });

    test('a required declaration is not reported missing when skipped text could hold it', async () => {
        const declared = `${header}linea 3.3 "Osservatorio" {\n    voce "x" € 1,00 su B\n    dichiarazione nessun_compenso_osservatorio "Nessun compenso."\n}\n`;
        const broken = declared.replace('    dichiarazione', '    dichiarazone');
        const missing = (text: string) => check(text).then(c => c.diagnostics.filter(d => d.code === 'missing-declaration' && d.range.start.line === 3));
        expect(await missing(declared)).toEqual([]);
        expect(await missing(broken)).toEqual([]);
        expect(await missing(declared.replace(/ {4}dichiarazione.*\n/, ''))).toHaveLength(1);
    });

    test('a title without quotes costs the title only: the block is read and checked', async () => {
        const checked = await check(`${header}linea 3.1 Comunicazione coordinata {\n    voce "x" € 10,00 su B\n    totale € 8,00\n}\n`);
        expect(checked.diagnostics.filter(d => typoCodes.has(String(d.code))).map(d => d.message)).toEqual(["Missing a quoted text after '3.1': found 'Comunicazione'."]);
        expect(withCode(checked, 'total-mismatch').map(d => d.range.start.line)).toEqual([5]);
        const marche = example('marche-2020.cpiplan');
        const untitled = marche.replace('linea 3.3 "Osservatorio regionale del mercato del lavoro"', 'linea 3.3 Osservatorio regionale del mercato del lavoro');
        const others = async (text: string) => (await check(text)).diagnostics.filter(d => !typoCodes.has(String(d.code))).map(key);
        expect(await others(untitled)).toEqual(await others(marche));
    });

    test('an element after a misspelled one at plan level is read', async () => {
        const checked = await check(`${header}linee 3.1 "A" {\n    voce "x" € 10,00 su B\n    totale € 10,00\n}\nlinea 3.2 "B" {\n    voce "z" € 7,00 su B\n    totale € 8,00\n}\n`);
        expect(checked.diagnostics.filter(d => d.code === 'total-mismatch').map(d => d.range.start.line)).toEqual([9]);
        expect(checked.document.parseResult.parserErrors).toHaveLength(1);
    });
});

describe('recovery lands at the start of a line', () => {
    test('a bullet that lost its opening quote is prose skipped to its line end, not a funding source (`di fonte amministrativa`)', async () => {
        const text = `${header}sezione 1 "S" {\n    elenco {\n        • Analisi di fonte amministrativa (dati)"\n        • "Altro"\n    }\n}\n`
            + `linea 3.1 "Comunicazione" {\n    voce "x" € 10,00 su B\n    totale € 10,00\n}\n`;
        const checked = await check(text);
        const plan = checked.document.parseResult.value as Plan;
        expect(elementsOf(plan, 'FundingSource').map(s => s.name)).toEqual(['B', 'C']);
        expect(AstUtils.streamAst(plan).filter(isBulletList).head()?.items.map(i => i.text)).toEqual([undefined, 'Altro']);
        const syntax = checked.diagnostics.filter(d => typoCodes.has(String(d.code)));
        expect(syntax.map(d => `${String(d.code)}@${d.range.start.line}`)).toEqual(['lexing-error@5', 'parsing-error@5']);
        expect(withCode(checked, 'unassigned-item')).toEqual([]);
    });

    test('a misspelt keyword before `linea` on its line skips the line and its block: no second line 3.1', async () => {
        const text = `${header}sezione 3 "S" {\n    obiettivx linea 3.1 "A" {\n        obiettivo "x"\n    }\n    linea 3.1 "Comunicazione" {\n        voce "x" € 10,00 su B\n    }\n}\n`;
        const checked = await check(text);
        const plan = checked.document.parseResult.value as Plan;
        expect(elementsOf(plan, 'InterventionLine').map(l => l.code)).toEqual(['3.1']);
        const syntax = checked.diagnostics.filter(d => typoCodes.has(String(d.code)));
        expect(syntax.map(d => d.code)).toEqual(['parsing-error']);
        expect(withCode(checked, 'duplicate-name')).toEqual([]);
        expect(syntax[0].message).toBe("'obiettivx' is not expected here: the text up to '}' on line 7 is ignored. Did you mean 'obiettivi'?");
    });

    test('a second error on a broken line and the stray characters after it are not reported', async () => {
        const text = `${header}sezione 1 "S" {\n    testo Il “piano” - ovvero il documento.\n}\n`;
        const checked = await check(text, 'it');
        expect(checked.diagnostics.filter(d => typoCodes.has(String(d.code))).map(d => d.message))
            .toEqual(["Manca un testo tra virgolette dopo 'testo': trovato 'Il'."]);
    });

    test('skipped text without an amount leaves the plan\'s sums complete; with one, the plan total is not compared', async () => {
        const plan = (skipped: string) => `${header}${skipped}\nlinea 3.1 "Comunicazione" {\n    voce "x" € 10,00 su B\n}\ntotale € 8,00\n`;
        const mismatches = async (text: string) => withCode(await check(text), 'total-mismatch').map(d => d.range.start.line);
        expect(await mismatches(plan('obiettivx linea 3.1 "A" { obiettivo "x" }'))).toEqual([7]);
        expect(await mismatches(plan('linee 3.2 "B" { voce "y" € 5,00 su B }'))).toEqual([]);
    });

    test('a required declaration is reported missing when the skipped text does not name it', async () => {
        const marche = example('marche-2020.cpiplan');
        const broken = marche.replace('• "Elaborazioni e analisi dei dati Sil', '• Elaborazioni e analisi dei dati Sil');
        const keys = async (text: string) => withCode(await check(text), 'missing-declaration').map(d => (d.data as { key?: string }).key ?? d.message);
        expect(await keys(broken)).toEqual(await keys(marche));
        const skipped = marche.replace('sezione 1.5 "Osservatorio regionale del Mercato del Lavoro" {', 'sezione 1.5 "Osservatorio" {\n    governance_lep "x"');
        expect((await check(skipped)).diagnostics.filter(d => d.code === 'missing-declaration')).toHaveLength(await keys(marche).then(k => k.length - 1));
    });
});

describe('what a typo hides is not reported missing or compared (every 3rd line of the real plans, once: these were the last consequences)', () => {
    const cases: readonly (readonly [string, string, string])[] = [
        ['a continuation line is not an element of its own (no second hiring plan)',
            '            fase "Assunzione del personale previsto per il 2020 (3 C2, 10 D)" da marzo 2020', '            fasx "Assunzione del personale previsto per il 2020 (3 C2, 10 D)" da marzo 2020'],
        ['a section whose keyword is misspelt is not reported missing', '    sezione 1.3 "Le attività dei CPI" {', '    sezionx 1.3 "Le attività dei CPI" {'],
        ['a section whose code lost a digit is not reported missing', '    sezione 1.3 "Le attività dei CPI" {', '    sezione §.3 "Le attività dei CPI" {'],
        ['a damaged header hides no rule set, and no table is matched without one', '    regole "DM 74/2019"', '    regolx "DM 74/2019"'],
        ['a rule set not found: no table is matched by category', '    regole "DM 74/2019"', '    regole "DM §4/2019"'],
        ['a hiring plan renamed: the hires of a plan amending it are not compared', 'assunzioni "Piano straordinario di potenziamento: fabbisogno 2019/2021',
            'assunzioni "Piano straordinario di potenziamento: fabbisogno §019/2021'],
        ['a name the parser lost is looked for nowhere', 'risposta sezione 4, dichiarazione governance_lep', 'risposta sezione §, dichiarazione governance_lep'],
        ['a request whose continuation line was skipped is not reported unanswered',
            '            risposta linea 3.3, dichiarazione nessun_compenso_osservatorio', '            rispostx linea 3.3, dichiarazione nessun_compenso_osservatorio'],
        ['a year after a dropped character is the lexing error\'s, not also an invalid date', '    periodo 2019-2021', '    periodo §019-2021'],
        ['a section that lost its code: a declaration it holds is not reported missing, its code not looked for',
            'sezione 4 "Il modello di governance del piano di rafforzamento" {', 'sezione § "Il modello di governance del piano di rafforzamento" {'],
        ['a misspelt total read as a cost row without heads: the cost is not compared with its shares', '    totale € 1.199.620,00', '    totalx € 1.199.620,00']
    ];
    test.each(cases)('%s', async (_name, from, to) => {
        const text = example('valle-d-aosta-2020.cpiplan');
        expect(text).toContain(from);
        const original = new Set((await check(text, 'it')).diagnostics.map(key));
        const mutated = (await check(text.replace(from, to), 'it')).diagnostics;
        expect(mutated.filter(d => !typoCodes.has(String(d.code))).map(key).filter(k => !original.has(k))).toEqual([]);
    });

    test('a misspelt `totale` in a category summary is a syntax error on the name, and the summary is compared with no other table', async () => {
        const text = example('marche-2020.cpiplan');
        expect(text).toContain('    totale 322 338\n');
        const original = new Set((await check(text)).diagnostics.map(key));
        const mutated = (await check(text.replace('    totale 322 338\n', '    totalx 322 338\n'))).diagnostics;
        expect(mutated.filter(d => !typoCodes.has(String(d.code))).map(key).filter(k => !original.has(k))).toEqual([]);
        expect(mutated.filter(d => d.code === 'parsing-error').map(d => `${d.range.start.line}:${d.range.start.character} ${d.message}`)).toEqual([
            "274:4 'totalx' is read as a category, not as 'totale': the table's figures are not compared with other tables. Did you mean 'totale'?"
        ]);
    });

    test('a section code misread after a dropped character (`sezione §.4` read as 4) places no declaration there', async () => {
        const text = example('marche-2020.cpiplan');
        expect(text).toContain('    sezione 1.4 "I sistemi informativi" {');
        const original = new Set((await check(text)).diagnostics.map(key));
        const mutated = (await check(text.replace('    sezione 1.4 "I sistemi informativi" {', '    sezione §.4 "I sistemi informativi" {'))).diagnostics;
        expect(mutated.filter(d => !typoCodes.has(String(d.code))).map(key).filter(k => !original.has(k))).toEqual([]);
    });

    test('a summary whose categories are names, not slips, is still compared; a request with nothing skipped after it is still unanswered', async () => {
        const text = example('marche-2020.cpiplan');
        const changed = await check(text.replace('    D 105 121\n', '    D 105 122\n'));
        expect(withCode(changed, 'summary-staff-mismatch')).toHaveLength(1);
        expect(changed.diagnostics.filter(d => d.code === 'parsing-error')).toEqual([]);
        const review = `${header}valutazione "V" {\n    richiesta 1 "a"\n    richiesta 2 "b"\n        risposta sezione 1\n}\nsezione 1 "S" {\n}\n`;
        expect(withCode(await check(review), 'unanswered-request').map(d => d.range.start.line)).toEqual([4]);
        expect(withCode(await check(review.replace('    richiesta 2 "b"\n        risposta', '    richiesta 2 "b"\n        rispostx')), 'unanswered-request').map(d => d.range.start.line))
            .toEqual([4]);
        const period = example('valle-d-aosta-2020.cpiplan');
        expect(withCode(await check(period.replace('    periodo 2019-2021', '    periodo 019-2021')), 'invalid-date')).toHaveLength(1);
    });
});

describe('did you mean', () => {
    test('a slip of one or two letters finds the keyword; a different word does not', () => {
        const keywords = ['linea', 'voce', 'totale', 'fonte', 'su', 'di'];
        expect(nearest('linee', keywords)).toBe('linea');
        expect(nearest('vocce', keywords)).toBe('voce');
        expect(nearest('totle', keywords)).toBe('totale');
        expect(nearest('fotne', keywords)).toBe('fonte');
        expect(nearest('Linea', keywords)).toBe('linea');
        expect(nearest('linea', keywords)).toBeUndefined();
        expect(nearest('ancona', keywords)).toBeUndefined();
        expect(nearest('B', keywords)).toBeUndefined();
    });

    test('the bounded distance gives up past its limit and agrees below it', () => {
        expect(editDistance('linee', 'linea', 2)).toBe(1);
        expect(editDistance('fotne', 'fonte', 2)).toBe(1);
        expect(editDistance('dichiarazione', 'x', 2)).toBe(3);
        expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
        expect(editDistance('abcdef', 'ghijkl')).toBe(6);
    });
});

describe('a typo anywhere has no consequence elsewhere', () => {
    /** One-token typos of a line: a keyword's last letter changed, its first quote dropped, a lone `}` dropped, a digit replaced by `§`. */
    function typosOf(line: string): string[] {
        const variants: string[] = [];
        const keyword = /^(\s*)([a-zà]{3,})/.exec(line);
        if (keyword) {
            variants.push(line.replace(keyword[2], `${keyword[2].slice(0, -1)}x`));
        }
        if (line.includes('"')) {
            variants.push(line.replace('"', ''));
        }
        if (line.trim() === '}') {
            variants.push('');
        }
        if (/\d/.test(line)) {
            variants.push(line.replace(/\d/, '§'));
        }
        return variants;
    }

    test.each(['marche-2020.cpiplan', 'valle-d-aosta-2020.cpiplan', 'puglia-2020.cpiplan'])('%s: every diagnostic but the typo\'s own is one the original has', async file => {
        const text = example(file);
        const original = new Set((await check(text, 'it')).diagnostics.map(key));
        const lines = text.split('\n');
        const consequences: string[] = [];
        // Every 11th line keeps the suite fast; every 3rd line was checked once (about 1,409 typos, no consequence).
        for (let i = 0; i < lines.length; i += 11) {
            for (const variant of typosOf(lines[i])) {
                const mutated = [...lines.slice(0, i), variant, ...lines.slice(i + 1)].join('\n');
                const diagnostics = (await check(mutated, 'it')).diagnostics;
                consequences.push(...diagnostics.filter(d => !typoCodes.has(String(d.code))).map(key).filter(k => !original.has(k)).map(k => `line ${i + 1} ${JSON.stringify(variant)}: ${k}`));
            }
        }
        expect(consequences).toEqual([]);
    }, 60000);
});
