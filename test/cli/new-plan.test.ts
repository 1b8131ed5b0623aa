/** `cpiplan new`: a skeleton from the rule set that checks with no errors, never over a file unasked. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { planSkeleton } from '../../src/generator/skeleton.js';
import type { RuleSet } from '../../src/language/generated/ast.js';
import { formatText, layoutOf } from '../../src/language/lsp/formatter.js';
import { check, repoRoot, testServices } from '../helpers.js';

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-new-'));

describe('cpiplan new', () => {
    test('writes a skeleton with every official line, its cap, the required declarations and the outline; it checks clean', async () => {
        const dir = scratch();
        const result = run(['new', 'piemonte.cpiplan'], dir);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('piemonte.cpiplan: skeleton of a plan following "DM 74/2019" written and checked (0 errors). Fill in the resources, items and texts.\n');
        const text = fs.readFileSync(path.join(dir, 'piemonte.cpiplan'), 'utf8');
        expect(text).toContain('piano "Piemonte"');
        expect(text).toContain('linea 3.1 "Comunicazione coordinata sulle politiche attive del lavoro e sui servizi offerti" { // max 1,5% di Allegato B d.m. 74/2019');
        expect(text).toContain('linea 3.6 "Spese generali e per l\'attuazione" { // max 4% di Allegato B d.m. 74/2019');
        expect(text).toMatch(/linea 3\.3 [^{]*\{[^}]*dichiarazione nessun_compenso_osservatorio "Si precisa che/);
        expect(text).toMatch(/sezione 4 "Il modello di governance del piano di rafforzamento" \{\n {4}dichiarazione governance_lep /);
        for (const code of ['1', '1.1', '1.5', '2.1', '2.2', '3.6', '5']) {
            expect(text).toContain(`sezione ${code} "`);
        }
        const checked = await check(text);
        expect(checked.diagnostics).toEqual([]);
        // Written in the canonical layout: formatting it changes nothing.
        const services = await testServices();
        expect(formatText(text, t => services.parser.Lexer.tokenize(t) as never, '    ', layoutOf(checked.document.parseResult.value))).toBe(text);
        expect(checked.evaluation().lines.map(l => l.label)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    });

    test('never over an existing file without --force; an unknown rule set or a foreign name is exit 2', () => {
        const dir = scratch();
        fs.writeFileSync(path.join(dir, 'mio.cpiplan'), 'mio');
        expect(run(['new', 'mio.cpiplan'], dir)).toMatchObject({ status: 2, stderr: 'cpiplan: mio.cpiplan already exists: use --force to overwrite it\n' });
        expect(fs.readFileSync(path.join(dir, 'mio.cpiplan'), 'utf8')).toBe('mio');
        expect(run(['new', 'mio.cpiplan', '--force', '--region', 'Molise'], dir).status).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'mio.cpiplan'), 'utf8')).toContain('piano "Molise"');
        expect(run(['new', 'altro.cpiplan', '--rules', 'DM 99/2099'], dir)).toMatchObject({ status: 2 });
        expect(run(['new', 'altro.cpiplan', '--rules', 'DM 99/2099'], dir).stderr).toMatch(/^cpiplan: no rule set is called 'DM 99\/2099' \(available: .*"DM 74\/2019"/);
        expect(run(['new', 'piano.txt'], dir)).toMatchObject({ status: 2, stderr: 'cpiplan: piano.txt: the new plan must end in .cpiplan\n' });
        expect(fs.existsSync(path.join(dir, 'altro.cpiplan'))).toBe(false);
    });

    test('follows whatever rule set it is given: a new programme is a new rule file', async () => {
        const rules = (await check(`regole "PNRR GOL" {
    fonte pnrr "PNRR M5C1"
    linea 1.1 "Formazione" tetto 10% di pnrr
    sezione 1 "Contesto" obbligatoria
    richiede dichiarazione vulnerabili in sezione 1 "quota di beneficiari vulnerabili" testo "Almeno il 75% dei beneficiari appartiene a gruppi vulnerabili."
}`)).document.parseResult.value as RuleSet;
        const text = planSkeleton(rules, { region: 'Lazio' });
        expect(text).toContain('fonte pnrr "PNRR M5C1" tipo pnrr assegnato € 0,00');
        expect(text).toContain('linea 1.1 "Formazione" { // max 10% di PNRR M5C1');
        expect(text).toContain('sezione 1 "Contesto" {\n    dichiarazione vulnerabili "Almeno il 75% dei beneficiari appartiene a gruppi vulnerabili."');
        expect(text).toContain('regole "PNRR GOL"');
    });
});
