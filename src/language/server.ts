/** The language server, for VS Code and any LSP editor. */
import { startLanguageServer as startLangium } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createCpiplanServices } from './cpiplan-module.js';

/** Starts the server on this process's stdio (or the IPC channel VS Code opens). */
export function startLanguageServer(rulesDir: string | undefined): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cpiplan } = createCpiplanServices({ connection, ...NodeFileSystem, rulesDir });
    shared.lsp.LanguageServer.onInitialize(params => {
        Cpiplan.i18n.Locale.set(params.locale);
    });
    startLangium(shared);
}
