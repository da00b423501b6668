import { Cancellation, DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { Diagnostic, DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { importPaths } from '../cli/import.js';
import type { DocxOptions } from '../generate/docx.js';
import { generateHtml, type Mark } from '../generate/html.js';
import { render, syntaxErrorCount, type ExportFormat } from '../generate/render.js';
import { isDocument, type Model } from '../language/generated/ast.js';
import type { ThiduaServices } from '../language/thidua-module.js';
import { readingLabel } from '../language/lsp/describe.js';
import { templateSnippet } from '../language/lsp/thidua-completion-provider.js';
import { WAIT_MS } from '../language/workspace/thidua-document-builder.js';

/**
 * The editor's requests beyond LSP: the extension holds no language code, so what needs the linked tree (the
 * preview, export, the status line) or the file readers (import) is answered here, from the one workspace.
 */
export const Requests = {
    render: 'thidua/render',
    preview: 'thidua/preview',
    status: 'thidua/status',
    template: 'thidua/template',
    import: 'thidua/import'
} as const;

export interface RenderParams {
    uri: string;
    version?: number;
    format: ExportFormat;
    options?: DocxOptions;
}
/**
 * `content`: base64 for a Word file, the text otherwise. `syntaxErrors`: lexer and parser errors (export refuses them).
 */
export interface RenderResult {
    content: string;
    base64: boolean;
    syntaxErrors: number;
    errors: number;
    warnings: number;
}
export interface PreviewParams {
    uri: string;
    version?: number;
    nonce: string;
}
export interface PreviewResult {
    html: string;
    syntaxErrorLine?: number;
    errors: number;
    warnings: number;
}
export interface StatusResult {
    kind?: string;
    period?: string;
    number?: string;
    errors: number;
    warnings: number;
}
export interface TemplateParams {
    kind: 'KH' | 'CT' | 'BC';
    issuer?: string;
    signer?: string;
    year?: number;
}
export interface ImportParams {
    paths: string[];
}
export interface ImportResult {
    written: string[];
    said: string[];
    errors: string[];
}

export function registerRequests(connection: Connection, shared: LangiumSharedServices): void {
    const built = async (uri: string, version: number | undefined, token: Cancellation.CancellationToken) =>
        builtDocument(shared, URI.parse(uri), version, token);

    connection.onRequest(Requests.render, async (p: RenderParams, token): Promise<RenderResult | null> => {
        const document = await built(p.uri, p.version, token);
        if (!document) return null;
        const { syntaxErrors, errors, warnings } = counts(document);
        const root = document.parseResult.value;
        if (syntaxErrors || !isDocument(root)) return { content: '', base64: false, syntaxErrors, errors, warnings };
        const content = await render(root, p.format, p.options);
        return typeof content === 'string'
            ? { content, base64: false, syntaxErrors, errors, warnings }
            : { content: Buffer.from(content).toString('base64'), base64: true, syntaxErrors, errors, warnings };
    });

    connection.onRequest(Requests.preview, async (p: PreviewParams, token): Promise<PreviewResult | null> => {
        const document = await built(p.uri, p.version, token);
        if (!document) return null;
        const { errors, warnings } = counts(document);
        const result = document.parseResult;
        const marks: Mark[] = (document.diagnostics ?? []).map(d => ({
            line: d.range.start.line,
            severity:
                d.severity === DiagnosticSeverity.Error
                    ? 'error'
                    : d.severity === DiagnosticSeverity.Warning
                      ? 'warning'
                      : 'information',
            message: Diagnostic.getMessageString(d)
        }));
        const lines = [...result.lexerErrors.map(e => e.line), ...result.parserErrors.map(e => e.token.startLine)].map(
            l => (typeof l === 'number' && l >= 1 ? l : document.textDocument.lineCount)
        );
        const syntaxErrorLine = lines.length ? Math.min(...lines) : undefined;
        const notice =
            syntaxErrorLine === undefined
                ? undefined
                : `Văn bản còn lỗi cú pháp ở dòng ${syntaxErrorLine}: bản xem trước có thể thiếu chữ từ chỗ đó. Xem bảng Problems để sửa.`;
        const html = generateHtml(result.value as Model, { nonce: p.nonce, notice, source: { marks } });
        return { html, syntaxErrorLine, errors, warnings };
    });

    connection.onRequest(
        Requests.status,
        async (p: { uri: string; version?: number }, token): Promise<StatusResult | null> => {
            const document = await built(p.uri, p.version, token);
            if (!document) return null;
            const { errors, warnings } = counts(document);
            const root = document.parseResult.value;
            if (!isDocument(root)) return { errors, warnings };
            // The model the checks just built for this tree (cached by the services), not a new one per request.
            const services = shared.ServiceRegistry.getServices(document.uri) as ThiduaServices;
            const model = services.model.DocumentModel.get(root);
            const kind = model.kindTitle ? sentenceCase(model.kindTitle) : undefined;
            const period = model.campaignPeriod
                ? readingLabel(model.campaignPeriod.value).replace(/^thời gian: /, '')
                : undefined;
            return { kind, period, number: model.number?.raw, errors, warnings };
        }
    );

    connection.onRequest(Requests.template, (p: TemplateParams): string =>
        templateSnippet(p.kind, p.year ?? new Date().getFullYear(), { issuer: p.issuer, signer: p.signer })
    );

    connection.onRequest(Requests.import, async (p: ImportParams): Promise<ImportResult> => {
        const said: string[] = [],
            errors: string[] = [];
        let written: string[] = [];
        try {
            ({ written } = await importPaths(p.paths, undefined, {
                out: m => said.push(m.trim()),
                err: m => errors.push(m.trim())
            }));
        } catch (e) {
            errors.push((e as Error).message);
        }
        return { written, said: said.filter(Boolean), errors: errors.filter(Boolean) };
    });
}

function counts(document: LangiumDocument): { syntaxErrors: number; errors: number; warnings: number } {
    const r = document.parseResult;
    const diagnostics = document.diagnostics ?? [];
    return {
        syntaxErrors: syntaxErrorCount(r),
        errors: diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).length,
        warnings: diagnostics.filter(d => d.severity === DiagnosticSeverity.Warning).length
    };
}

function sentenceCase(s: string): string {
    const lower = s.toLocaleLowerCase('vi');
    return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * The document of `uri` once its text of `version` (the editor's) is linked — and validated when it is open, so
 * that the counts and marks are its own. A file that is not open is read and built on demand. Undefined when it
 * cannot be had in time (the editor then shows nothing rather than an error).
 */
export async function builtDocument(
    shared: LangiumSharedServices,
    uri: URI,
    version: number | undefined,
    token: Cancellation.CancellationToken
): Promise<LangiumDocument | undefined> {
    const { LangiumDocuments, DocumentBuilder, TextDocuments, WorkspaceManager } = shared.workspace;
    const deadline = Date.now() + WAIT_MS;
    await WorkspaceManager.ready;
    while (!token.isCancellationRequested && Date.now() < deadline) {
        const open = TextDocuments?.get(uri.toString());
        const document = LangiumDocuments.getDocument(uri);
        const wanted = open ? DocumentState.Validated : DocumentState.Linked;
        // The tree is of the editor's text when the text it was parsed from is that text (the document's own
        // version follows the editor's at once, before the tree is built again).
        const current =
            !open ||
            ((version === undefined || open.version >= version) &&
                document?.parseResult.value.$cstNode?.root.fullText === open.getText());
        if (document && current && document.state >= wanted) return document;
        if (!open && !document && uri.scheme === 'file') {
            try {
                const loaded = await LangiumDocuments.getOrCreateDocument(uri);
                await DocumentBuilder.build([loaded], { validation: false }, token);
                return loaded;
            } catch {
                return undefined;
            }
        }
        if (!open && document && document.state < wanted) {
            await DocumentBuilder.build([document], { validation: false }, token);
            continue;
        }
        await nextBuild(shared, Math.max(0, deadline - Date.now()));
    }
    return undefined;
}

/** Resolves when the builder next validates a document, or after `ms`. */
function nextBuild(shared: LangiumSharedServices, ms: number): Promise<void> {
    return new Promise(resolve => {
        const timer = setTimeout(done, Math.min(ms, 250));
        const phase = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, done);
        function done() {
            clearTimeout(timer);
            phase.dispose();
            resolve();
        }
    });
}
