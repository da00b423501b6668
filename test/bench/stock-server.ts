// The language server with some of thidua's speed mechanisms put back to Langium's own services, for
// `npm run bench -- --only mechanisms`. THIDUA_STOCK names them, comma-separated (see MECHANISMS); empty = thidua.
import {
    createLangiumParser,
    DefaultAstNodeDescriptionProvider,
    DefaultDocumentBuilder,
    DefaultLangiumDocumentFactory,
    DefaultLinker,
    DefaultReferenceDescriptionProvider,
    DefaultWorkspaceManager,
    type LangiumDocument
} from 'langium';
import { DefaultDocumentUpdateHandler, startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { createThiduaServices, type ServiceReplacements } from '../../src/language/thidua-module.js';
import { ThiduaLinker } from '../../src/language/references/thidua-linker.js';
import { createThiduaParser, type ThiduaLangiumParser } from '../../src/language/syntax/thidua-parser.js';
import { LineCheckCache } from '../../src/language/validation/checks/line-cache.js';
import { ThiduaValidator } from '../../src/language/validation/thidua-validator.js';
import { ThiduaDocumentFactory } from '../../src/language/workspace/thidua-document-factory.js';
import { registerRequests } from '../../src/server/thidua-requests.js';

/** thidua's parser with every text read by Langium's (no direct parse). */
function withoutDirectParse(services: Parameters<typeof createThiduaParser>[0]): ThiduaLangiumParser {
    const parser = createThiduaParser(services) as ThiduaLangiumParser;
    parser.direct = undefined;
    return parser;
}

class FullParseFactory extends ThiduaDocumentFactory {
    override reparseLine(): boolean {
        return false;
    }
}

class UncachedValidator extends ThiduaValidator {
    constructor(...args: ConstructorParameters<typeof ThiduaValidator>) {
        super(...args);
        this.lines = {
            run: (_line, _context, accept, check) => check(accept),
            clear: () => undefined
        } as LineCheckCache;
    }
}

class StreamLinker extends ThiduaLinker {
    override link(document: LangiumDocument, token?: Parameters<DefaultLinker['link']>[1]): Promise<void> {
        return DefaultLinker.prototype.link.call(this, document, token);
    }
}

/** Each mechanism and the services that put Langium's way back. */
export const MECHANISMS: Record<string, ServiceReplacements> = {
    parser: { language: { parser: { LangiumParser: services => createLangiumParser(services) } } },
    'direct-parse': { language: { parser: { LangiumParser: services => withoutDirectParse(services) } } },
    'line-reparse': { shared: { workspace: { LangiumDocumentFactory: services => new FullParseFactory(services) } } },
    workspace: {
        shared: {
            workspace: {
                LangiumDocumentFactory: services => new DefaultLangiumDocumentFactory(services),
                DocumentBuilder: services => new DefaultDocumentBuilder(services),
                WorkspaceManager: services => new DefaultWorkspaceManager(services)
            },
            lsp: { DocumentUpdateHandler: services => new DefaultDocumentUpdateHandler(services) }
        }
    },
    'start-up': { shared: { workspace: { WorkspaceManager: services => new DefaultWorkspaceManager(services) } } },
    updates: { shared: { lsp: { DocumentUpdateHandler: services => new DefaultDocumentUpdateHandler(services) } } },
    'line-cache': { language: { validation: { ThiduaValidator: services => new UncachedValidator(services) } } },
    walks: {
        language: {
            references: { Linker: services => new StreamLinker(services) },
            workspace: {
                AstNodeDescriptionProvider: services => new DefaultAstNodeDescriptionProvider(services),
                ReferenceDescriptionProvider: services => new DefaultReferenceDescriptionProvider(services)
            }
        }
    }
};

function merge(names: string[]): ServiceReplacements {
    const out: ServiceReplacements = {};
    const deep = (a: Record<string, unknown>, b: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(b))
            a[k] = typeof v === 'object' && v ? deep({ ...((a[k] as object) ?? {}) } as never, v as never) : v;
        return a;
    };
    for (const name of names) {
        if (!MECHANISMS[name]) throw new Error(`unknown mechanism ${name}`);
        deep(out as never, MECHANISMS[name] as never);
    }
    return out;
}

if (process.argv.includes('--stdio')) {
    const names = (process.env.THIDUA_STOCK ?? '').split(',').filter(Boolean);
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createThiduaServices({ connection, ...ThiduaFileSystem }, merge(names));
    registerRequests(connection, shared);
    startLanguageServer(shared);
}
