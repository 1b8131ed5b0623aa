/**
 * The `cpiplan` task type and its problem matchers: the task provider (against a stand-in for the
 * `vscode` module, which exists only inside VS Code) and the matchers of package.json applied, as
 * VS Code applies them, to what `cpiplan check` really prints in English and in Italian.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { repoRoot } from '../helpers.js';

const state = vi.hoisted(() => ({
    folders: [] as { uri: { fsPath: string }; name: string; index: number }[],
    plans: new Map<string, number>(),
    language: 'en',
    localeSetting: 'auto'
}));

vi.mock('vscode', () => {
    class ProcessExecution { constructor(readonly process: string, readonly args: string[], readonly options: object) { } }
    class Task {
        group: unknown;
        presentationOptions: unknown;
        constructor(readonly definition: object, readonly scope: unknown, readonly name: string, readonly source: string, readonly execution: ProcessExecution, readonly problemMatchers: string[]) { }
    }
    class RelativePattern { constructor(readonly base: { uri: { fsPath: string } }, readonly pattern: string) { } }
    return {
        ProcessExecution, Task, RelativePattern,
        TaskGroup: { Test: 'test' },
        TaskRevealKind: { Silent: 2 },
        TaskScope: { Workspace: 2 },
        env: { get language() { return state.language; } },
        tasks: { registerTaskProvider: vi.fn() },
        workspace: {
            get workspaceFolders() { return state.folders; },
            getConfiguration: () => ({ get: () => state.localeSetting }),
            findFiles: async (pattern: RelativePattern) => Array.from({ length: state.plans.get(pattern.base.uri.fsPath) ?? 0 }, () => ({}))
        }
    };
});

const { CheckTaskProvider, checkProblemMatchers } = await import('../../src/extension/tasks.js');

interface Matcher {
    name: string; owner: string; severity: string; fileLocation: string[];
    pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number };
}
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    contributes: { taskDefinitions: { type: string; required: string[]; properties: Record<string, { type: string }> }[]; problemMatchers: Matcher[] };
};
const cli = '/ext/out/cli.cjs';

beforeEach(() => {
    state.folders = [{ uri: { fsPath: '/work/plans' }, name: 'plans', index: 0 }, { uri: { fsPath: '/work/other' }, name: 'other', index: 1 }];
    state.plans = new Map([['/work/plans', 1]]);
    state.language = 'en';
    state.localeSetting = 'auto';
});

describe('the cpiplan task provider', () => {
    test('offers "cpiplan: check" for each folder holding plans, running the bundled CLI on VS Code\'s runtime', async () => {
        const tasks = await new CheckTaskProvider(cli).provideTasks();
        expect(tasks).toHaveLength(1);
        const [task] = tasks as unknown as { name: string; source: string; definition: object; scope: unknown; problemMatchers: string[]; execution: { process: string; args: string[]; options: object } }[];
        expect(`${task.source}: ${task.name}`).toBe('cpiplan: check');
        expect(task.definition).toEqual({ type: 'cpiplan', paths: ['.'] });
        expect(task.scope).toBe(state.folders[0]);
        expect(task.execution.process).toBe(process.execPath);
        expect(task.execution.args).toEqual([cli, 'check', '--locale', 'en', '--', '.']);
        expect(task.execution.options).toEqual({ cwd: '/work/plans', env: { ELECTRON_RUN_AS_NODE: '1' } });
        expect(task.problemMatchers).toEqual(['$cpiplan', '$cpiplan-avviso', '$cpiplan-informazione']);
    });

    test('asks for Italian messages when VS Code or cpiplan.locale is Italian', async () => {
        state.language = 'it';
        const [auto] = await new CheckTaskProvider(cli).provideTasks() as unknown as { execution: { args: string[] } }[];
        expect(auto.execution.args).toContain('it');
        state.localeSetting = 'en';
        const [chosen] = await new CheckTaskProvider(cli).provideTasks() as unknown as { execution: { args: string[] } }[];
        expect(chosen.execution.args).toEqual([cli, 'check', '--locale', 'en', '--', '.']);
    });

    test('resolves a tasks.json task with its paths, keeping its definition; ignores a malformed one', () => {
        const definition = { type: 'cpiplan', paths: ['piani/', '-strano.cpiplan'] };
        const resolved = new CheckTaskProvider(cli).resolveTask({ definition, scope: state.folders[1] } as never) as unknown as { definition: object; execution: { args: string[]; options: { cwd: string } } };
        expect(resolved.definition).toBe(definition);
        expect(resolved.execution.args).toEqual([cli, 'check', '--locale', 'en', '--', 'piani/', '-strano.cpiplan']);
        expect(resolved.execution.options.cwd).toBe('/work/other');
        expect(new CheckTaskProvider(cli).resolveTask({ definition: { type: 'cpiplan', paths: 'x' }, scope: state.folders[0] } as never)).toBeUndefined();
    });

    test('package.json declares the task type, its activation and every matcher the provider names', () => {
        expect(manifest.contributes.taskDefinitions).toEqual([expect.objectContaining({ type: 'cpiplan', required: ['paths'] })]);
        expect(manifest.contributes.taskDefinitions[0].properties.paths.type).toBe('array');
        expect(manifest.activationEvents).toContain('onTaskType:cpiplan');
        expect(checkProblemMatchers).toEqual(manifest.contributes.problemMatchers.map(m => `$${m.name}`));
    });
});

/** VS Code's reading of a captured severity (Severity.fromValue, then the matcher's default). */
function severityOf(captured: string | undefined, matcher: Matcher): string {
    const value = captured?.toLowerCase();
    if (value === 'error') return 'error';
    if (value === 'warning' || value === 'warn') return 'warning';
    if (value === 'info' || value === 'hint' || value === 'note') return 'info';
    return matcher.severity;
}

interface Problem { file: string; line: number; column: number; severity: string; code: string; message: string }

/** Every problem the contributed matchers report for the output, as VS Code would: each line through each matcher. */
function match(output: string): { problems: Problem[]; matchersPerLine: number[] } {
    const problems: Problem[] = [];
    const matchersPerLine: number[] = [];
    for (const line of output.split('\n').filter(l => l !== '')) {
        let count = 0;
        for (const matcher of manifest.contributes.problemMatchers) {
            const m = new RegExp(matcher.pattern.regexp).exec(line);
            if (m) {
                count++;
                const p = matcher.pattern;
                problems.push({ file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: severityOf(m[p.severity], matcher), code: m[p.code], message: m[p.message] });
            }
        }
        matchersPerLine.push(count);
    }
    return { problems, matchersPerLine };
}

function check(args: string[]): string {
    return spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'cpiplan.cjs'), 'check', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C' } }).stdout;
}

describe('the $cpiplan problem matchers', () => {
    const json = JSON.parse(check(['examples/', '--format', 'json'])) as { files: { path: string; diagnostics: { severity: string; code: string; message: string; range: { start: { line: number; character: number } } }[] }[] };
    const expected = (locale: 'it' | 'en') => json.files.flatMap(f => f.diagnostics.map(d => ({
        file: f.path, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: d.severity, code: d.code,
        message: locale === 'en' ? d.message : expect.any(String)
    })));

    test.each(['en', 'it'] as const)('read every problem of `cpiplan check --locale %s` exactly once, and not the summary', locale => {
        const output = check(['examples/', '--locale', locale]);
        const { problems, matchersPerLine } = match(output);
        expect(problems).toEqual(expected(locale));
        expect(matchersPerLine).toEqual([...expected(locale).map(() => 1), 0]);
        expect(manifest.contributes.problemMatchers.every(m => m.fileLocation[0] === 'autoDetect')).toBe(true);
    });

    test('map the Italian severity words to error, warning and information', () => {
        const { problems, matchersPerLine } = match([
            'piani/a.cpiplan:3:7: errore over-allocated: Programmati € 10,00.',
            'piani/a.cpiplan:4:1: avviso under-allocated: Restano € 5,00.',
            'piani/a.cpiplan:5:2: informazione milestones-decreasing: Nota.',
            'piani/a.cpiplan:6:3: warning under-allocated: Left € 5,00.',
            'piani/a.cpiplan:7:4: info milestones-decreasing: Note.'
        ].join('\n'));
        expect(problems.map(p => `${p.line}:${p.column} ${p.severity} ${p.code}`)).toEqual([
            '3:7 error over-allocated', '4:1 warning under-allocated', '5:2 info milestones-decreasing', '6:3 warning under-allocated', '7:4 info milestones-decreasing'
        ]);
        expect(matchersPerLine).toEqual([1, 1, 1, 1, 1]);
    });
});
