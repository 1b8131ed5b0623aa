/**
 * Rule sets stay switched on: a plan names one, its lines and sources are the ones it speaks
 * of, rule files are checked like plans and resolved deterministically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import type { Plan } from '../../src/language/generated/ast.js';
import type { PlanEvaluation } from '../../src/language/model/figures.js';
import { check, example, header, rulesDir, testServices, withCode } from '../helpers.js';

let folder = 0;

/** Builds files at given paths of a fresh folder (the shipped rule sets are in the workspace); the first is the plan. */
async function checkFiles(files: Record<string, string>): Promise<{ diagnostics: (name: string) => Diagnostic[]; evaluation: PlanEvaluation; documents: LangiumDocument[] }> {
    const services = await testServices();
    services.i18n.Locale.current = 'en';
    const dir = `/rulesets-${++folder}`;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`${dir}/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const evaluation = services.model.PlanEvaluator.evaluate(documents[0].parseResult.value as Plan);
    const byName = new Map(Object.keys(files).map((name, i) => [name, documents[i].diagnostics ?? []]));
    await services.shared.workspace.DocumentBuilder.update([], documents.map(d => d.uri));
    return { diagnostics: name => byName.get(name) ?? [], evaluation, documents };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.code)).sort();

describe('missing-rule-set', () => {
    test('fires on a plan without regole, on its region, offering every known rule set', async () => {
        const checked = await check('piano «"X"»\nfonte B "B" assegnato € 10,00\n');
        const [diagnostic] = withCode(checked, 'missing-rule-set');
        expect(diagnostic.range).toEqual(checked.marked[0]);
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.data).toEqual({ code: 'missing-rule-set', ruleSets: ['Assistenza tecnica ANPAL Servizi', 'DM 74/2019'] });
        expect(diagnostic.message).toContain('no cap and no required declaration would be checked');
    });

    test('is silent when the plan names a rule set, even an empty one', async () => {
        expect(withCode(await check(`${header}`), 'missing-rule-set')).toEqual([]);
        expect((await check('piano "X" regole "Assistenza tecnica ANPAL Servizi"\nfonte B "B" assegnato € 10,00\n')).diagnostics).toEqual([]);
    });

    test('Marche without regole: the rule set is no longer silently off', async () => {
        const text = example('marche-2020.cpiplan').replace('    regole "DM 74/2019"\n', '');
        const checked = await check(text);
        expect(withCode(checked, 'missing-rule-set')).toHaveLength(1);
        expect(withCode(checked, 'missing-declaration')).toEqual([]);
    });
});

describe('missing-source-kind', () => {
    test('fires on a source without tipo when the rule set caps kinds, the matching kind first', async () => {
        const checked = await check(`piano "X" regole "DM 74/2019"
fonte «C» "Allegato C d.m. 74/2019" assegnato € 10,00
linea 3.4 "Adeguamento strumentale e infrastrutturale delle sedi dei CPI" { voce "V" € 10,00 }`);
        const [diagnostic] = withCode(checked, 'missing-source-kind');
        expect(diagnostic.range).toEqual(checked.marked[0]);
        expect(diagnostic.data).toEqual({ code: 'missing-source-kind', kinds: ['allegato_C', 'allegato_B'] });
    });

    test('is silent when the rule set caps a kind it never declares: the rule set is what is wrong', async () => {
        const checked = await check('piano "X" regole "Rotte"\nfonte B "B" assegnato € 10,00\nlinea 3.1 "X" { voce "v" € 1,00 }\n', 'en',
            ['regole "Rotte" {\n    linea 3.1 "X" tetto 1% di k\n}']);
        expect(withCode(checked, 'missing-source-kind')).toEqual([]);
        expect(withCode(checked, 'cap-not-applicable')).toHaveLength(1);
    });

    test('is silent with tipo, and when the rule set has no caps', async () => {
        expect(withCode(await check(header), 'missing-source-kind')).toEqual([]);
        expect(withCode(await check('piano "X" regole "Assistenza tecnica ANPAL Servizi"\nfonte B "B" assegnato € 10,00\n'), 'missing-source-kind')).toEqual([]);
    });

    test("Valle d'Aosta without tipo on C: reported, allegato_C offered first", async () => {
        const text = example('valle-d-aosta-2020.cpiplan').replace('tipo allegato_C ', '');
        const [diagnostic, ...rest] = withCode(await check(text), 'missing-source-kind');
        expect(rest).toEqual([]);
        expect((diagnostic.data as { kinds: string[] }).kinds[0]).toBe('allegato_C');
    });
});

describe('unknown-line-code', () => {
    test('fires on a code the rule set does not have, offering unused official codes, nearest first', async () => {
        const checked = await check(`${header}linea 3.1 "Comunicazione coordinata sulle politiche attive del lavoro e sui servizi offerti" { }
linea «3.7» "Altro" { }`);
        const [diagnostic] = withCode(checked, 'unknown-line-code');
        expect(diagnostic.range).toEqual(checked.marked[0]);
        expect(diagnostic.data).toEqual({ code: 'unknown-line-code', suggestions: ['3.6', '3.5', '3.4'] });
    });

    test('an official code whose title the line carries comes first', async () => {
        const checked = await check(`${header}linea 9 "Formazione degli operatori" { }`);
        expect((withCode(checked, 'unknown-line-code')[0].data as { suggestions: string[] }).suggestions[0]).toBe('3.2');
    });

    test('is silent on official codes, on extra lines without a code, and under a rule set with no official lines', async () => {
        expect(withCode(await check(`${header}linea "Azioni di politica attiva" { }`), 'unknown-line-code')).toEqual([]);
        expect(withCode(await check('piano "X" regole "Assistenza tecnica ANPAL Servizi"\nlinea 1 "Prima" { }\n'), 'unknown-line-code')).toEqual([]);
        expect(withCode(await check(example('valle-d-aosta-2020.cpiplan')), 'unknown-line-code')).toEqual([]);
    });

    test('Marche with 3.6 written 3.7: reported, 3.6 offered', async () => {
        const text = example('marche-2020.cpiplan').replace('linea 3.6 ', 'linea 3.7 ');
        const [diagnostic] = withCode(await check(text), 'unknown-line-code');
        expect((diagnostic.data as { suggestions: string[] }).suggestions[0]).toBe('3.6');
    });
});

describe('line-title-mismatch', () => {
    test('fires on an official line with another title, as a warning on the title', async () => {
        const checked = await check(`${header}linea 3.4 «"Sedi"» { }`);
        const [diagnostic] = withCode(checked, 'line-title-mismatch');
        expect(diagnostic.range).toEqual(checked.marked[0]);
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.data).toEqual({ code: 'line-title-mismatch', title: 'Adeguamento strumentale e infrastrutturale delle sedi dei CPI' });
    });

    test("is silent on the official title, a listed variant, and differences of case, spacing or apostrophe", async () => {
        const lines = [
            'linea 3.6 "Spese generali per l\'attuazione" { }',
            'linea 3.5 "SISTEMI   informativi" { }',
            'linea 3.3 "Osservatorio regionale del mercato del lavoro" { }',
            'linea 3.6 "Spese generali e per l’attuazione" { }'
        ];
        for (const line of lines) {
            expect(withCode(await check(`${header}${line}`), 'line-title-mismatch'), line).toEqual([]);
        }
    });

    test('Marche with a retitled line: reported', async () => {
        const text = example('marche-2020.cpiplan').replace('linea 3.2 "Formazione degli operatori"', 'linea 3.2 "Formazione"');
        expect(withCode(await check(text), 'line-title-mismatch')).toHaveLength(1);
    });
});

const customDm74 = `regole "DM 74/2019" {
    fonte allegato_B "Allegato B"
    linea 3.1 "Comunicazione" tetto 10% di allegato_B
}`;
const planOnCustom = (da: string) => `piano "X" regole "DM 74/2019"${da}
fonte B "Allegato B" tipo allegato_B assegnato € 1.000,00
linea 3.1 "Comunicazione" { voce "V" € 50,00 }
linea "Resto" { voce "W" € 950,00 }`;

describe('resolution', () => {
    test('a da file wins over the shipped set of the same name', async () => {
        const { diagnostics, evaluation } = await checkFiles({ 'plan.cpiplan': planOnCustom(' da "custom.cpiplan"'), 'custom.cpiplan': customDm74 });
        expect(diagnostics('plan.cpiplan')).toEqual([]);
        expect(evaluation.caps.map(c => c.rate)).toEqual([{ units: 10n, scale: 0 }]);
    });

    test('without da, two rule sets of the same name are ambiguous; the shipped one is used', async () => {
        const { diagnostics, evaluation } = await checkFiles({ 'plan.cpiplan': planOnCustom(''), 'custom.cpiplan': customDm74 });
        const [ambiguous] = diagnostics('plan.cpiplan').filter(d => d.code === 'ambiguous-rule-set');
        expect(ambiguous.data).toEqual({ code: 'ambiguous-rule-set', files: ['custom.cpiplan'] });
        expect(evaluation.ruleSet?.title).toContain('d.m. 74/2019');
        expect(withCodes(diagnostics('plan.cpiplan'))).toContain('cap-exceeded');
    });

    test('an identical copy of a rule set is not ambiguous', async () => {
        const shipped = fs.readFileSync(path.join(rulesDir, 'dm74-2019.cpiplan'), 'utf8');
        const { diagnostics } = await checkFiles({ 'plan.cpiplan': example('valle-d-aosta-2020.cpiplan'), 'copy.cpiplan': shipped });
        expect(diagnostics('plan.cpiplan')).toEqual([]);
        const changed = await checkFiles({ 'plan.cpiplan': example('valle-d-aosta-2020.cpiplan'), 'copy.cpiplan': shipped.replace('tetto 5%', 'tetto 4%') });
        expect(codes(changed.diagnostics('plan.cpiplan'))).toEqual(['ambiguous-rule-set']);
    });

    test("source kinds resolve in the plan's own rule set: a custom set reusing allegato_B applies its own caps", async () => {
        const { diagnostics, evaluation } = await checkFiles({
            'plan.cpiplan': planOnCustom('').replace('"DM 74/2019"', '"Mio"'),
            'custom.cpiplan': customDm74.replace('"DM 74/2019"', '"Mio"').replace('10%', '4%')
        });
        expect(evaluation.sources[0].source.kind?.ref?.$container?.name).toBe('Mio');
        expect(evaluation.caps.map(c => c.rate)).toEqual([{ units: 4n, scale: 0 }]);
        expect(codes(diagnostics('plan.cpiplan'))).toEqual(['cap-exceeded']);
    });

    test('a kind of another rule set does not link', async () => {
        const { diagnostics } = await checkFiles({ 'plan.cpiplan': 'piano "X" regole "Assistenza tecnica ANPAL Servizi"\nfonte B "B" tipo allegato_B\n' });
        expect(codes(diagnostics('plan.cpiplan'))).toEqual(['linking-error']);
    });

    test('a missing da file is one diagnostic on the path, no linking error', async () => {
        const { diagnostics, documents } = await checkFiles({ 'plan.cpiplan': 'piano "X" regole "DM 74/2019" da "manca.cpiplan"\n' });
        const [missing, ...rest] = diagnostics('plan.cpiplan');
        expect(rest).toEqual([]);
        expect(missing.code).toBe('rule-file-missing');
        expect(documents[0].textDocument.getText(missing.range)).toBe('"manca.cpiplan"');
    });
});

function withCodes(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => String(d.code));
}

describe('rule files are checked like plans', () => {
    const broken = (cap: string) => `regole "Mie" {
    fonte b "B"
    linea 3.1 "Comunicazione" tetto ${cap} di b
    linea 3.2 "Formazione" tetto 1% di b
}`;
    const plan = `piano "X" regole "Mie" da "mie.cpiplan"
fonte B "B" tipo b assegnato € 1.000,00
linea 3.1 "Comunicazione" { voce "V" € 500,00 }
linea 3.2 "Formazione" { voce "W" € 500,00 }`;

    test.each([['1.5%', 'not in the Italian format'], ['150%', 'outside the range 0–100%'], ['-1%', 'outside the range 0–100%']])(
        'a cap of %s is an error in the rule file, summarised on regole, and the cap is said not applicable', async (cap, words) => {
            const { diagnostics } = await checkFiles({ 'plan.cpiplan': plan, 'mie.cpiplan': broken(cap) });
            expect(codes(diagnostics('mie.cpiplan')).filter(c => c !== 'unknown-issue-code')).toHaveLength(1);
            const onPlan = diagnostics('plan.cpiplan');
            const invalid = onPlan.find(d => d.code === 'rule-set-invalid');
            expect(invalid?.message).toContain('The rule set "Mie" (mie.cpiplan) has an error; it is at line 3: ');
            expect(invalid?.message).toContain(words);
            expect(onPlan.find(d => d.code === 'cap-not-applicable')?.message).toBe(`The cap of line 3.1 in "Mie" ('${cap} di b') is not valid: the cap cannot be applied.`);
            // The other cap still applies.
            expect(onPlan.filter(d => d.code === 'cap-exceeded')).toHaveLength(1);
        });

    test('a syntax error and an unknown kind are counted; the first is named', async () => {
        const text = 'regole "Mie" {\n    fonte b "B"\n    linea 3.1 "Comunicazione" tetto 1% di z\n    linea 3.2 "Formazione" tetto 1% di b\n';
        const { diagnostics } = await checkFiles({ 'plan.cpiplan': plan, 'mie.cpiplan': text });
        expect(codes(diagnostics('mie.cpiplan'))).toEqual(['linking-error', 'parsing-error']);
        const invalid = diagnostics('plan.cpiplan').find(d => d.code === 'rule-set-invalid');
        expect(invalid?.message).toMatch(/has 2 errors; the first, at line 3: Cannot find the source kind 'z'/);
    });

    test('a valid rule file gives nothing on the plan', async () => {
        const { diagnostics } = await checkFiles({ 'plan.cpiplan': plan, 'mie.cpiplan': broken('1%') });
        expect(codes(diagnostics('plan.cpiplan'))).toEqual(['cap-exceeded', 'cap-exceeded']);
        expect(diagnostics('mie.cpiplan')).toEqual([]);
    });

    test('the shipped rule sets are valid', async () => {
        const services = await testServices();
        for (const document of services.shared.workspace.LangiumDocuments.all.filter(d => d.uri.path.includes('/language/rules/'))) {
            expect(document.diagnostics, document.uri.path).toEqual([]);
        }
    });
});

describe('the real plans against mutated rule files', () => {
    const dm74 = fs.readFileSync(path.join(rulesDir, 'dm74-2019.cpiplan'), 'utf8');
    const vda = example('valle-d-aosta-2020.cpiplan').replace('regole "DM 74/2019"', 'regole "DM 74/2019" da "dm74.cpiplan"');

    test("Valle d'Aosta on an unchanged copy of DM 74/2019 named with da: still clean", async () => {
        const { diagnostics } = await checkFiles({ 'vda.cpiplan': vda, 'dm74.cpiplan': dm74 });
        expect(diagnostics('vda.cpiplan')).toEqual([]);
    });

    test("Valle d'Aosta on a copy with the 3.1 cap written 1.5%: the rule file and the plan say so, no cap is dropped silently", async () => {
        const { diagnostics } = await checkFiles({ 'vda.cpiplan': vda, 'dm74.cpiplan': dm74.replace('tetto 1,5%', 'tetto 1.5%') });
        expect(codes(diagnostics('dm74.cpiplan'))).toEqual(['invalid-number']);
        expect(codes(diagnostics('vda.cpiplan'))).toEqual(['cap-not-applicable', 'rule-set-invalid']);
    });

    test('Marche on a copy with a missing brace and a cap of 150%: two errors counted, the first named', async () => {
        const marche = example('marche-2020.cpiplan').replace('regole "DM 74/2019"', 'regole "DM 74/2019" da "dm74.cpiplan"');
        const broken = dm74.replace('tetto 5%', 'tetto 150%').replace(/\}\s*$/, '');
        const { diagnostics } = await checkFiles({ 'marche.cpiplan': marche, 'dm74.cpiplan': broken });
        const invalid = diagnostics('marche.cpiplan').find(d => d.code === 'rule-set-invalid');
        expect(invalid?.message).toMatch(/^The rule set "DM 74\/2019" \(dm74\.cpiplan\) has 2 errors; the first, at line \d+: 150% is outside the range 0–100%\.$/);
        expect(codes(diagnostics('marche.cpiplan'))).toEqual([
            'cap-not-applicable', 'missing-declaration', 'missing-declaration', 'missing-declaration', 'missing-section', 'missing-section',
            'over-allocated', 'rule-set-invalid', 'total-mismatch'
        ]);
    });

    test('Puglia without its regole: missing-rule-set', async () => {
        const text = example('puglia-2020.cpiplan').replace('    regole "Assistenza tecnica ANPAL Servizi"\n', '');
        expect(codes((await check(text)).diagnostics)).toEqual(['missing-rule-set']);
    });
});
