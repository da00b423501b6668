import {
    inject,
    type DeepPartial,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices,
    type PartialLangiumSharedCoreServices,
    type DefaultSharedCoreModuleContext,
    createDefaultCoreModule,
    createDefaultSharedCoreModule
} from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { ThiduaGeneratedModule, ThiduaGeneratedSharedModule } from './generated/module.js';
import { ThiduaTextDocuments } from './workspace/thidua-text-documents.js';
import { ThiduaCodeActionProvider } from './lsp/thidua-code-action-provider.js';
import { ThiduaCompletionProvider } from './lsp/thidua-completion-provider.js';
import { ThiduaDocumentSymbolProvider } from './lsp/thidua-document-symbol-provider.js';
import { ThiduaDocumentBuilder } from './workspace/thidua-document-builder.js';
import { ThiduaWorkspaceSymbolProvider } from './lsp/thidua-workspace-symbol-provider.js';
import { ThiduaDocumentUpdateHandler } from './workspace/thidua-document-update-handler.js';
import { ThiduaWorkspaceManager } from './workspace/thidua-workspace-manager.js';
import { ThiduaFormatter } from './lsp/thidua-formatter.js';
import { ThiduaHoverProvider } from './lsp/thidua-hover-provider.js';
import { ThiduaInlayHintProvider } from './lsp/thidua-inlay-hint-provider.js';
import { ThiduaRenameProvider } from './lsp/thidua-rename-provider.js';
import { ThiduaSemanticTokenProvider } from './lsp/thidua-semantic-token-provider.js';
import { runSlowChecksOnSave } from './workspace/thidua-workspace-checks.js';
import { ThiduaAstNodeDescriptionProvider } from './references/thidua-ast-node-description-provider.js';
import { ThiduaDocumentFactory } from './workspace/thidua-document-factory.js';
import { ThiduaLangiumDocuments } from './workspace/thidua-langium-documents.js';
import { ThiduaIndexManager } from './workspace/thidua-index-manager.js';
import { ThiduaScopeProvider } from './references/thidua-scope-provider.js';
import type { IndexStore, IndexWorkers } from './workspace/saved-index.js';
import { ThiduaDocumentModel } from './model/thidua-document-model.js';
import { ThiduaDocumentValidator } from './validation/thidua-document-validator.js';
import { ThiduaLexer } from './syntax/thidua-lexer.js';
import { ThiduaLexerErrorMessageProvider } from './syntax/thidua-lexer-error-messages.js';
import { ThiduaLinker } from './references/thidua-linker.js';
import { ThiduaNameProvider } from './references/thidua-name-provider.js';
import { createThiduaParser } from './syntax/thidua-parser.js';
import { ThiduaParserErrorMessageProvider } from './syntax/thidua-parser-error-messages.js';
import { ThiduaReferenceDescriptionProvider } from './references/thidua-reference-description-provider.js';
import { ThiduaScopeComputation } from './references/thidua-scope-computation.js';
import { ThiduaValidationRegistry } from './validation/thidua-validation-registry.js';
import { ThiduaValueConverter } from './syntax/thidua-value-converter.js';
import { ThiduaTokenBuilder } from './syntax/thidua-token-builder.js';
import { registerValidationChecks, ThiduaValidator } from './validation/thidua-validator.js';

export type ThiduaAddedServices = {
    model: { DocumentModel: ThiduaDocumentModel };
    validation: { ThiduaValidator: ThiduaValidator };
};

export type ThiduaCoreServices = LangiumCoreServices & ThiduaAddedServices;
export type ThiduaServices = LangiumServices & ThiduaAddedServices;

export const ThiduaCoreModule: Module<ThiduaCoreServices, PartialLangiumCoreServices & ThiduaAddedServices> = {
    parser: {
        TokenBuilder: () => new ThiduaTokenBuilder(),
        Lexer: services => new ThiduaLexer(services),
        LangiumParser: services => createThiduaParser(services),
        LexerErrorMessageProvider: () => new ThiduaLexerErrorMessageProvider(),
        ParserErrorMessageProvider: () => new ThiduaParserErrorMessageProvider(),
        ValueConverter: () => new ThiduaValueConverter()
    },
    references: {
        NameProvider: () => new ThiduaNameProvider(),
        Linker: services => new ThiduaLinker(services),
        ScopeComputation: services => new ThiduaScopeComputation(services),
        ScopeProvider: services => new ThiduaScopeProvider(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new ThiduaAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new ThiduaReferenceDescriptionProvider(services)
    },
    model: { DocumentModel: () => new ThiduaDocumentModel() },
    validation: {
        ThiduaValidator: services => new ThiduaValidator(services),
        ValidationRegistry: services => new ThiduaValidationRegistry(services),
        DocumentValidator: services => new ThiduaDocumentValidator(services)
    }
};

/** The editor services; the language server injects them after the core module. Written without spreading the
 * core module, so that the CLI bundle, which uses the core module only, leaves the editor services out. */
export const ThiduaModule: Module<ThiduaServices, PartialLangiumServices> = {
    lsp: {
        CodeActionProvider: () => new ThiduaCodeActionProvider(),
        CompletionProvider: services => new ThiduaCompletionProvider(services),
        HoverProvider: services => new ThiduaHoverProvider(services),
        DocumentSymbolProvider: services => new ThiduaDocumentSymbolProvider(services),
        SemanticTokenProvider: services => new ThiduaSemanticTokenProvider(services),
        InlayHintProvider: services => new ThiduaInlayHintProvider(services),
        Formatter: services => new ThiduaFormatter(services),
        RenameProvider: services => new ThiduaRenameProvider(services)
    }
};

/** Shared services of thidua without LSP: a document's tree can be dropped and parsed again (a large folder). */
export const ThiduaSharedCoreModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        LangiumDocumentFactory: services => new ThiduaDocumentFactory(services),
        LangiumDocuments: services => new ThiduaLangiumDocuments(services),
        IndexManager: services => new ThiduaIndexManager(services)
    }
};

/** Shared LSP services of thidua: edits are throttled, and an edit rebuilds only what the editor shows. */
export const ThiduaSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: services => new ThiduaDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new ThiduaWorkspaceSymbolProvider(services)
    },
    workspace: {
        WorkspaceManager: services => new ThiduaWorkspaceManager(services),
        DocumentBuilder: services => new ThiduaDocumentBuilder(services),
        TextDocuments: () => new ThiduaTextDocuments()
    }
};

/** Services put back to other implementations, injected last (the benchmark compares thidua's with Langium's). */
export interface ServiceReplacements {
    shared?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
    language?: Module<ThiduaServices, DeepPartial<ThiduaServices>>;
}

/**
 * The language server's context: also where the folder's index is saved between sessions (none: not saved), and the
 * threads that build files beside the server's at start-up (none: it builds them all).
 */
export type ThiduaSharedModuleContext = DefaultSharedModuleContext & {
    indexStore?: IndexStore;
    indexWorkers?: IndexWorkers;
};

export function createThiduaServices(
    context: ThiduaSharedModuleContext,
    replace: ServiceReplacements = {}
): {
    shared: LangiumSharedServices;
    Thidua: ThiduaServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        ThiduaGeneratedSharedModule,
        ThiduaSharedCoreModule as Module<LangiumSharedServices, PartialLangiumSharedServices>,
        ThiduaSharedModule,
        {
            workspace: { IndexStore: () => context.indexStore, IndexWorkers: () => context.indexWorkers }
        } as Module<LangiumSharedServices, object>,
        replace.shared ?? {}
    );
    const Thidua = inject(
        createDefaultModule({ shared }),
        ThiduaGeneratedModule,
        ThiduaCoreModule as Module<ThiduaServices, PartialLangiumServices & ThiduaAddedServices>,
        ThiduaModule,
        replace.language ?? {}
    );
    shared.ServiceRegistry.register(Thidua);
    registerValidationChecks(Thidua);
    runSlowChecksOnSave(shared);
    if (!context.connection) shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Thidua };
}

/** Services without LSP, for the CLI, generators and tests. */
export function createThiduaCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Thidua: ThiduaCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), ThiduaGeneratedSharedModule, ThiduaSharedCoreModule);
    const Thidua = inject(createDefaultCoreModule({ shared }), ThiduaGeneratedModule, ThiduaCoreModule);
    shared.ServiceRegistry.register(Thidua);
    registerValidationChecks(Thidua);
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Thidua };
}
