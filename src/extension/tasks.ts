/**
 * The `cpiplan` task type: `cpiplan check` over a workspace folder, run with the CLI bundled in
 * the extension, its `path:line:col: severity code: message` lines read by the `$cpiplan`
 * problem matchers (package.json) into the Problems panel — for files not open in an editor too.
 */
import * as vscode from 'vscode';
import { chosenLocale } from './l10n.js';

export const taskType = 'cpiplan';

/**
 * `$cpiplan` reads errors in both languages and English warnings and information; VS Code knows
 * no Italian severity words, so Italian warnings and information have a matcher each.
 */
export const checkProblemMatchers = ['$cpiplan', '$cpiplan-avviso', '$cpiplan-informazione'];

/** A `cpiplan` task in tasks.json: `{ "type": "cpiplan", "paths": ["piani/"] }`. */
export interface CheckTaskDefinition extends vscode.TaskDefinition {
    readonly type: typeof taskType;
    readonly paths: string[];
}

export function isCheckTaskDefinition(definition: vscode.TaskDefinition): definition is CheckTaskDefinition {
    const paths: unknown = definition.paths;
    return definition.type === taskType && Array.isArray(paths) && paths.every(p => typeof p === 'string');
}

/**
 * Runs the bundled CLI on the runtime that runs this extension: on desktop `process.execPath` is
 * VS Code's Electron, which `ELECTRON_RUN_AS_NODE` turns into Node; in code-server and remote
 * hosts it is Node already (and the variable is ignored). No `node` on the PATH is needed.
 */
export function checkExecution(cli: string, paths: readonly string[], cwd: string | undefined): vscode.ProcessExecution {
    return new vscode.ProcessExecution(process.execPath, [cli, 'check', '--locale', chosenLocale(), '--', ...paths], {
        ...(cwd ? { cwd } : {}),
        env: { ELECTRON_RUN_AS_NODE: '1' }
    });
}

function checkTask(cli: string, definition: CheckTaskDefinition, folder: vscode.WorkspaceFolder | undefined, scope: vscode.TaskScope | vscode.WorkspaceFolder): vscode.Task {
    const task = new vscode.Task(definition, scope, 'check', taskType, checkExecution(cli, definition.paths, folder?.uri.fsPath), checkProblemMatchers);
    task.group = vscode.TaskGroup.Test;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    return task;
}

/** Offers "cpiplan: check" for each workspace folder holding plans, and runs the ones tasks.json defines. */
export class CheckTaskProvider implements vscode.TaskProvider {
    constructor(private readonly cli: string) { }

    async provideTasks(): Promise<vscode.Task[]> {
        const tasks: vscode.Task[] = [];
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
            const plans = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.cpiplan'), '**/node_modules/**', 1);
            if (plans.length > 0) {
                tasks.push(checkTask(this.cli, { type: taskType, paths: ['.'] }, folder, folder));
            }
        }
        return tasks;
    }

    resolveTask(task: vscode.Task): vscode.Task | undefined {
        if (!isCheckTaskDefinition(task.definition)) {
            return undefined;
        }
        const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
        return checkTask(this.cli, task.definition, folder, task.scope ?? vscode.TaskScope.Workspace);
    }
}

/** Registers the `cpiplan` task provider; `cli` is the extension's `out/cli.cjs`. */
export function registerCheckTasks(cli: string): vscode.Disposable {
    return vscode.tasks.registerTaskProvider(taskType, new CheckTaskProvider(cli));
}
