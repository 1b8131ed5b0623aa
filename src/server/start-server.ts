/** The language server, for VS Code and any LSP editor. */
import { startLanguageServer as startLangium } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createCpiplanServices, type CpiplanServices } from '../language/cpiplan-module.js';
import { registerRequests } from './requests.js';
import { CpiplanCommandHandler } from './commands.js';
import type { InitializationOptions } from '../protocol.js';

/** Starts the server on this process's stdio (or the IPC channel VS Code opens). */
export function startLanguageServer(rulesDir: string | undefined): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cpiplan } = createCpiplanServices({
        connection, ...NodeFileSystem, rulesDir,
        commands: services => new CpiplanCommandHandler(services, connection)
    });
    let editorLocale: string | undefined;
    shared.lsp.LanguageServer.onInitialize(params => {
        // Editors that send no locale (Neovim, Helix…) get the one of `cpiplan lsp`'s environment.
        editorLocale = params.locale ?? (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
        Cpiplan.i18n.Locale.set(editorLocale);
        Cpiplan.client.Features.ownCommands = (params.initializationOptions as InitializationOptions | undefined)?.clientCommands === true;
    });
    // `cpiplan.locale` overrides the editor's language; changing it re-validates every plan.
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'cpiplan') {
            const chosen = (update.configuration as { locale?: string } | undefined)?.locale;
            const before = Cpiplan.i18n.Locale.current;
            Cpiplan.i18n.Locale.set(chosen && chosen !== 'auto' ? chosen : editorLocale);
            if (Cpiplan.i18n.Locale.current !== before) {
                void revalidateAll(Cpiplan);
            }
        }
    });
    registerRequests(connection, Cpiplan);
    startLangium(shared);
}

async function revalidateAll(services: CpiplanServices): Promise<void> {
    const uris = services.shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
    await services.shared.workspace.DocumentBuilder.update(uris, []);
}
