/**
 * The one service factory: the language server, the CLI and the tests all get their
 * services here.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type ExecuteCommandHandler, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { CpiplanGeneratedModule, CpiplanGeneratedSharedModule } from './generated/module.js';
import { LocaleSettings } from './i18n/locale.js';
import { PlanEvaluator } from './model/plan-evaluator.js';
import { CpiplanAstNodeDescriptionProvider, CpiplanLinker, CpiplanScopeComputation, CpiplanScopeProvider } from './scoping.js';
import { RuleSets } from './rule-sets.js';
import { CpiplanDocumentValidator } from './validation/document-validator.js';
import { CpiplanValidator, registerValidationChecks } from './validation/validator.js';
import { CpiplanCodeActionProvider } from './lsp/code-actions.js';
import { CpiplanCodeLensProvider } from './lsp/code-lens.js';
import { ClientFeatures } from './lsp/client-features.js';
import { CpiplanFormatter } from './lsp/formatter.js';
import { CpiplanHoverProvider } from './lsp/hover.js';
import { CpiplanRenameProvider } from './lsp/rename.js';
import { CpiplanInlayHintProvider } from './lsp/inlay-hints.js';
import { CpiplanCompletionProvider } from './lsp/completion.js';
import { CpiplanDocumentSymbolProvider } from './lsp/document-symbols.js';
import { CpiplanSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { CpiplanWorkspaceManager, loadRuleFilesNamedByPlans } from './workspace.js';
import { CpiplanTokenBuilder } from './token-builder.js';
import { CpiplanValueConverter } from './value-converter.js';
import { CpiplanValidationRegistry } from './validation/registry.js';
import { CpiplanReferenceDescriptionProvider, LazyReferenceIndexManager } from './reference-index.js';
import { createRecoveringParser } from './syntax/recovering-parser.js';
import { CpiplanDocumentFactory } from './syntax/incremental.js';
import { CpiplanLexerErrorMessageProvider, CpiplanParserErrorMessageProvider, SyntaxErrorWording } from './syntax/syntax-errors.js';

/** The services cpiplan adds to Langium's. */
export type CpiplanAddedServices = {
    model: {
        PlanEvaluator: PlanEvaluator;
    };
    i18n: {
        Locale: LocaleSettings;
    };
    client: {
        Features: ClientFeatures;
    };
    validation: {
        CpiplanValidator: CpiplanValidator;
    };
    references: {
        /** Which rule set a plan uses, and what is wrong in it. */
        RuleSets: RuleSets;
    };
    syntax: {
        Wording: SyntaxErrorWording;
    };
};

export type CpiplanServices = LangiumServices & CpiplanAddedServices;

export const CpiplanModule: Module<CpiplanServices, PartialLangiumServices & CpiplanAddedServices> = {
    model: {
        PlanEvaluator: services => new PlanEvaluator(services.shared)
    },
    i18n: {
        Locale: () => new LocaleSettings()
    },
    client: {
        Features: () => new ClientFeatures()
    },
    parser: {
        LangiumParser: services => createRecoveringParser(services),
        ParserErrorMessageProvider: services => new CpiplanParserErrorMessageProvider(services.syntax.Wording),
        LexerErrorMessageProvider: services => new CpiplanLexerErrorMessageProvider({ grammar: services.Grammar, locale: () => services.i18n.Locale.current }),
        TokenBuilder: () => new CpiplanTokenBuilder(),
        ValueConverter: () => new CpiplanValueConverter()
    },
    syntax: {
        Wording: services => new SyntaxErrorWording({ grammar: services.Grammar, locale: () => services.i18n.Locale.current })
    },
    validation: {
        CpiplanValidator: services => new CpiplanValidator(services),
        DocumentValidator: services => new CpiplanDocumentValidator(services),
        ValidationRegistry: services => new CpiplanValidationRegistry(services)
    },
    references: {
        ScopeComputation: services => new CpiplanScopeComputation(services),
        ScopeProvider: services => new CpiplanScopeProvider(services),
        RuleSets: services => new RuleSets(services),
        Linker: services => new CpiplanLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new CpiplanReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new CpiplanAstNodeDescriptionProvider(services)
    },
    lsp: {
        HoverProvider: services => new CpiplanHoverProvider(services),
        RenameProvider: services => new CpiplanRenameProvider(services),
        InlayHintProvider: services => new CpiplanInlayHintProvider(services),
        CodeLensProvider: services => new CpiplanCodeLensProvider(services),
        CodeActionProvider: services => new CpiplanCodeActionProvider(services),
        Formatter: services => new CpiplanFormatter(services),
        DocumentSymbolProvider: () => new CpiplanDocumentSymbolProvider(),
        CompletionProvider: services => new CpiplanCompletionProvider(services),
        SemanticTokenProvider: services => new CpiplanSemanticTokenProvider(services)
    }
};

export interface CpiplanContext extends DefaultSharedModuleContext {
    /** Folder of the shipped rule sets (`language/rules`), loaded into every workspace. */
    rulesDir?: string;
    /** The commands the server runs (`workspace/executeCommand`); the server composition supplies them. */
    commands?: (services: CpiplanServices) => ExecuteCommandHandler;
}

/** Creates the services of the language, for the server, the CLI or a test. */
export function createCpiplanServices(context: CpiplanContext): { shared: LangiumSharedServices; Cpiplan: CpiplanServices } {
    const created: { language?: CpiplanServices } = {};
    const commands = context.commands;
    const sharedExtras: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
        workspace: {
            WorkspaceManager: services => new CpiplanWorkspaceManager(services, context.rulesDir),
            IndexManager: services => new LazyReferenceIndexManager(services),
            LangiumDocumentFactory: services => new CpiplanDocumentFactory(services)
        },
        // Resolved when the server starts, after the language's services exist.
        lsp: { ExecuteCommandHandler: () => commands && created.language ? commands(created.language) : undefined }
    };
    const shared = inject(createDefaultSharedModule(context), CpiplanGeneratedSharedModule, sharedExtras);
    const Cpiplan = inject(createDefaultModule({ shared }), CpiplanGeneratedModule, CpiplanModule);
    created.language = Cpiplan;
    shared.ServiceRegistry.register(Cpiplan);
    registerValidationChecks(Cpiplan);
    if (context.connection) {
        loadRuleFilesNamedByPlans(shared);
    } else {
        // Outside a language server nobody sends the configuration; without this, settings-dependent code waits forever.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Cpiplan };
}
