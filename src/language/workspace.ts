/**
 * How cpiplan finds rule sets: the ones shipped in `language/rules/` are loaded into every
 * workspace, next to the user's files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultWorkspaceManager, DocumentState, URI, UriUtils, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { isPlan } from './generated/ast.js';
import type { WorkspaceFolder } from 'vscode-languageserver';

/** The `.cpiplan` rule-set files shipped in a folder. */
export function builtinRuleFiles(rulesDir: string | undefined): string[] {
    if (!rulesDir || !fs.existsSync(rulesDir)) {
        return [];
    }
    return fs.readdirSync(rulesDir).filter(f => f.endsWith('.cpiplan')).sort().map(f => path.join(rulesDir, f));
}

/** Finds `language/rules` walking up from a folder (the bundle's, or the sources'). */
export function findRulesDir(start: string): string | undefined {
    let dir = start;
    for (;;) {
        const candidate = path.join(dir, 'language', 'rules');
        if (fs.existsSync(candidate)) {
            return candidate;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return undefined;
        }
        dir = parent;
    }
}

/** Loads the shipped rule sets alongside the workspace's own files. */
export class CpiplanWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices, readonly rulesDir: string | undefined) {
        super(services);
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        for (const file of builtinRuleFiles(this.rulesDir)) {
            const uri = URI.file(file);
            if (!this.langiumDocuments.hasDocument(uri)) {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            }
        }
    }
}

/**
 * In a running server, loads the rule files plans name with `da` that lie outside the
 * workspace folders (the ones inside are loaded with the workspace), then rebuilds: the plans
 * naming them link to them instead of reporting `rule-file-missing`.
 */
export function loadRuleFilesNamedByPlans(shared: LangiumSharedCoreServices): void {
    const requested = new Set<string>();
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async documents => {
        const toLoad: URI[] = [];
        for (const document of documents) {
            const root = document.parseResult.value;
            if (!isPlan(root) || root.ruleFile === undefined) {
                continue;
            }
            const uri = UriUtils.resolvePath(UriUtils.dirname(document.uri), root.ruleFile);
            if (!uri.path.endsWith('.cpiplan') || requested.has(uri.toString()) || shared.workspace.LangiumDocuments.hasDocument(uri)) {
                continue;
            }
            requested.add(uri.toString());
            if (await shared.workspace.FileSystemProvider.exists(uri)) {
                toLoad.push(uri);
            }
        }
        if (toLoad.length > 0) {
            void shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(toLoad, [], token));
        }
    });
}
