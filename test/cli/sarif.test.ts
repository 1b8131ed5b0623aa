/** `cpiplan check --format sarif`: SARIF 2.1.0 that code scanning accepts, one result per diagnostic. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Log } from 'sarif';
import { describe, expect, test } from 'vitest';
import { artifactUri, renderSarif } from '../../src/cli/sarif.js';
import { issueCodes } from '../../src/language/validation/issues.js';
import { repoRoot } from '../helpers.js';

const cli = path.join(repoRoot, 'bin', 'cpiplan.cjs');

function run(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
    files: { path: string; diagnostics: { severity: string; code: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
}

describe('cpiplan check --format sarif', () => {
    test('one result per diagnostic of the JSON report, with rule ids, 1-based regions and relative URIs', () => {
        const sarif = run(['check', 'examples/', '--format', 'sarif']);
        expect(sarif.status).toBe(1);
        expect(sarif.stderr).toBe('');
        const log = JSON.parse(sarif.stdout) as Log;
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toMatch(/sarif-2\.1\.0/);
        expect(log.runs).toHaveLength(1);
        const [runLog] = log.runs;
        expect(runLog.tool.driver.name).toBe('cpiplan');
        expect(runLog.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);

        const json = JSON.parse(run(['check', 'examples/', '--format', 'json']).stdout) as JsonReport;
        const expected = json.files.flatMap(f => f.diagnostics.map(d => ({
            ruleId: d.code,
            level: d.severity === 'info' ? 'note' : d.severity,
            message: { text: d.message },
            uri: f.path,
            region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 }
        })));
        const results = (runLog.results ?? []).map(r => ({
            ruleId: r.ruleId,
            level: r.level,
            message: r.message,
            uri: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
            region: r.locations?.[0]?.physicalLocation?.region
        }));
        expect(results).toEqual(expected);
        expect(results).toHaveLength(7);
        expect(results).toContainEqual(expect.objectContaining({
            ruleId: 'over-allocated', level: 'error', uri: 'examples/marche-2020.cpiplan',
            region: { startLine: 444, startColumn: 7, endLine: 444, endColumn: 8 }
        }));
    });

    test('every catalogue code is a rule with a short description and default level; results point at their rule', () => {
        const log = JSON.parse(run(['check', 'examples/', '--format', 'sarif']).stdout) as Log;
        const rules = log.runs[0].tool.driver.rules ?? [];
        expect(rules.map(r => r.id)).toEqual([...issueCodes, 'parsing-error', 'lexing-error']);
        for (const rule of rules) {
            expect(rule.shortDescription?.text).toMatch(/^[A-Z].+\.$/);
        }
        expect(rules.find(r => r.id === 'under-allocated')?.defaultConfiguration?.level).toBe('warning');
        for (const result of log.runs[0].results ?? []) {
            expect(result.ruleIndex).toBeDefined();
            expect(rules[result.ruleIndex ?? -1].id).toBe(result.ruleId);
        }
    });

    test('warnings are level warning; rule descriptions and messages follow --locale', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-sarif-'));
        fs.mkdirSync(path.join(dir, 'piani 2020'));
        fs.writeFileSync(path.join(dir, 'piani 2020', 'p.cpiplan'), 'piano "X" regole "DM 74/2019"\nfonte B "B" tipo allegato_B assegnato € 100,00\nlinea "Extra" { voce "Campagna" € 50,00 }\n');
        const { stdout } = run(['check', '.', '--format', 'sarif', '--locale', 'it'], dir);
        const log = JSON.parse(stdout) as Log;
        const under = log.runs[0].results?.find(r => r.ruleId === 'under-allocated');
        expect(under?.level).toBe('warning');
        expect(under?.message.text).toMatch(/€ 50,00/);
        expect(under?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('piani%202020/p.cpiplan');
        expect(log.runs[0].tool.driver.rules?.find(r => r.id === 'over-allocated')?.shortDescription?.text).toBe("Il programmato su una fonte supera l'assegnato.");
    });

    test('information and hints are level note', () => {
        const document = {} as LangiumDocument;
        const sarif = JSON.parse(renderSarif([{
            path: path.join(repoRoot, 'plan.cpiplan'), document,
            diagnostics: [{ severity: 3, code: 'milestones-decreasing', message: 'Info.', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } }]
        }], 'en', '1.0.0', repoRoot)) as Log;
        expect(sarif.runs[0].results?.[0]).toMatchObject({ level: 'note', ruleId: 'milestones-decreasing' });
    });

    test('a file outside the working folder gets an absolute file URI', () => {
        expect(artifactUri('/elsewhere/p.cpiplan', '/work/repo')).toBe('file:///elsewhere/p.cpiplan');
        expect(artifactUri('/work/repo/a b/p.cpiplan', '/work/repo')).toBe('a%20b/p.cpiplan');
    });
});
