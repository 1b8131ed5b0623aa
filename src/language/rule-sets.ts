/**
 * Which rule set a plan uses, deterministically: the file named with `da` when there is one
 * (and nothing else); otherwise the rule sets of that name in the workspace, the shipped one
 * first, then by file path. Also what is wrong in a rule set, read once per workspace state.
 */
import { AstUtils, URI, UriUtils, WorkspaceCache, type AstNodeDescription } from 'langium';
import type { Plan, RuleSet } from './generated/ast.js';
import type { CpiplanServices } from './cpiplan-module.js';
import { ruleSetProblems, type RuleSetProblem } from './model/rule-set-problems.js';
import { CpiplanWorkspaceManager } from './workspace.js';

export class RuleSets {
    private readonly problems: WorkspaceCache<RuleSet, RuleSetProblem[]>;

    constructor(private readonly services: CpiplanServices) {
        this.problems = new WorkspaceCache(services.shared);
    }

    /** The folder of the shipped rule sets, as `file:` URI text ending in `/`. */
    private shippedPrefix(): string | undefined {
        const manager = this.services.shared.workspace.WorkspaceManager;
        const dir = manager instanceof CpiplanWorkspaceManager ? manager.rulesDir : undefined;
        return dir === undefined ? undefined : URI.file(dir).toString().replace(/\/?$/, '/');
    }

    /** Whether a file is one of the rule sets shipped with cpiplan. */
    isShipped(uri: URI): boolean {
        const prefix = this.shippedPrefix();
        return prefix !== undefined && uri.toString().startsWith(prefix);
    }

    /** The file a plan names with `da`, resolved against the plan's folder. */
    fileOf(plan: Plan): URI | undefined {
        if (plan.ruleFile === undefined) {
            return undefined;
        }
        const document = AstUtils.getDocument(plan);
        return UriUtils.resolvePath(UriUtils.dirname(document.uri), plan.ruleFile);
    }

    /** Whether the file a plan names with `da` is loaded (it exists and is a `.cpiplan` file in reach). */
    fileLoaded(plan: Plan): boolean {
        const file = this.fileOf(plan);
        return file === undefined || this.services.shared.workspace.LangiumDocuments.hasDocument(file);
    }

    /**
     * The rule sets a plan's `regole` can name: the `da` file's, or every one, shipped first, then by path;
     * with `name`, only those of that name (in the same order: the sort is stable). Sorting only those spares
     * a check the first `localeCompare`, which loads the collation tables (about 10 ms, PROFILE.md).
     */
    candidates(plan: Plan, name?: string): AstNodeDescription[] {
        const file = this.fileOf(plan);
        const every = this.services.shared.workspace.IndexManager.allElements('RuleSet').toArray();
        const all = name === undefined ? every : every.filter(d => d.name === name);
        if (file) {
            return all.filter(d => UriUtils.equals(d.documentUri, file));
        }
        const rank = (d: AstNodeDescription) => this.isShipped(d.documentUri) ? 0 : 1;
        return all.sort((a, b) => rank(a) - rank(b) || a.documentUri.toString().localeCompare(b.documentUri.toString()));
    }

    /** The files holding a rule set of a name, distinct, in the order of `candidates`. */
    filesNamed(plan: Plan, name: string): URI[] {
        const files: URI[] = [];
        for (const d of this.candidates(plan, name)) {
            if (d.name === name && !files.some(f => UriUtils.equals(f, d.documentUri))) {
                files.push(d.documentUri);
            }
        }
        return files;
    }

    /** The text of a loaded file, to tell copies from different rule sets. */
    textOf(file: URI): string | undefined {
        return this.services.shared.workspace.LangiumDocuments.getDocument(file)?.textDocument.getText();
    }

    /** The names of every rule set in the workspace, distinct, shipped first. */
    names(): string[] {
        const all = this.services.shared.workspace.IndexManager.allElements('RuleSet').toArray();
        const rank = (d: AstNodeDescription) => this.isShipped(d.documentUri) ? 0 : 1;
        return [...new Set(all.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).map(d => d.name))];
    }

    /** A file as a plan's `da` would write it: relative to the plan's folder. */
    relativeTo(plan: Plan, file: URI): string {
        return UriUtils.relative(UriUtils.dirname(AstUtils.getDocument(plan).uri), file);
    }

    /** The errors of a rule set, computed once per workspace state. */
    problemsOf(ruleSet: RuleSet): RuleSetProblem[] {
        return this.problems.get(ruleSet, () => ruleSetProblems(ruleSet));
    }
}
