import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { EmptyFileSystem, URI } from 'langium';
import { render, writeAtomically, WriteError } from '../cli/export.js';
import { importPaths } from '../cli/import.js';
import { createThiduaCoreServices } from '../language/thidua-module.js';
import type { Model } from '../language/generated/ast.js';
import { skeletonDocument } from '../language/lsp/thidua-completion-provider.js';
import { t } from './l10n.js';
import { PreviewPanel } from './preview.js';

let client: LanguageClient | undefined;
const core = createThiduaCoreServices(EmptyFileSystem);

/** Parses a text in the extension host (export and preview need the tree, not only the server's answers). */
export function parse(text: string, uri = 'untitled:doc.thidua') {
    const doc = core.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(uri));
    return doc.parseResult;
}

function docxOptions() {
    const c = vscode.workspace.getConfiguration('thidua');
    return {
        margins: { top: c.get<number>('page.marginTop'), bottom: c.get<number>('page.marginBottom'), left: c.get<number>('page.marginLeft'), right: c.get<number>('page.marginRight') },
        fontSize: c.get<number>('page.fontSize')
    };
}

function exportFolder(source: vscode.Uri): string {
    const configured = vscode.workspace.getConfiguration('thidua').get<string>('export.folder') ?? '';
    if (configured && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(t('Trong thư mục chưa tin cậy, thidua không ghi tệp vào thư mục xuất do thư mục này cấu hình.'));
        return path.dirname(source.fsPath);
    }
    if (!configured) return path.dirname(source.fsPath);
    return path.isAbsolute(configured) ? configured : path.join(vscode.workspace.getWorkspaceFolder(source)?.uri.fsPath ?? path.dirname(source.fsPath), configured);
}

/** Exports one document to .docx; returns the written path. Errors are Vietnamese and nothing is left half-written. */
async function exportOne(source: vscode.Uri, text: string): Promise<string> {
    const result = parse(text, source.toString());
    const syntax = result.lexerErrors.length + result.parserErrors.length;
    if (syntax) throw new WriteError(t('Văn bản còn {0} lỗi cú pháp; hãy sửa trước khi xuất để không mất chữ.', syntax));
    const target = path.join(exportFolder(source), path.basename(source.fsPath).replace(/\.thidua$/, '') + '.docx');
    await writeAtomically(target, await render(result.value, 'docx', docxOptions()));
    return target;
}

async function offerToOpen(target: string): Promise<void> {
    const open = t('Mở tệp'), reveal = t('Hiện trong thư mục');
    const choice = await vscode.window.showInformationMessage(t('Đã xuất: {0}', target), open, reveal);
    if (choice === open) await vscode.env.openExternal(vscode.Uri.file(target));
    else if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(target));
}

async function newFromTemplate(kind: 'CT' | 'KH' | 'BC'): Promise<void> {
    const c = vscode.workspace.getConfiguration('thidua');
    let snippet = skeletonDocument(kind, new Date().getFullYear());
    const issuer = c.get<string>('issuer'), signer = c.get<string>('signer');
    if (issuer) snippet = snippet.replace('ỦY BAN NHÂN DÂN ${2:HUYỆN …}', issuer.replace(/[$}\\]/g, m => '\\' + m));
    if (signer) snippet = snippet.replace('${0:Họ và tên}', signer.replace(/[$}\\]/g, m => '\\' + m));
    const doc = await vscode.workspace.openTextDocument({ language: 'thidua', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(snippet));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc', '--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'thidua' }, { scheme: 'untitled', language: 'thidua' }]
    };
    client = new LanguageClient('thidua', t('Soạn thảo thi đua'), serverOptions, clientOptions);
    await client.start();

    const preview = new PreviewPanel(context, text => parse(text));
    const errorOf = (e: unknown) => (e instanceof WriteError ? e.message : (e as Error).message);
    context.subscriptions.push(
        vscode.commands.registerCommand('thidua.exportWord', async (uri?: vscode.Uri) => {
            const source = uri ?? vscode.window.activeTextEditor?.document.uri;
            if (!source) { void vscode.window.showWarningMessage(t('Hãy mở một văn bản .thidua trước.')); return; }
            try {
                const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === source.toString());
                const text = open ? open.getText() : await fs.readFile(source.fsPath, 'utf8');
                await offerToOpen(await exportOne(source, text));
            } catch (e) {
                void vscode.window.showErrorMessage(t('Không xuất được: {0}', errorOf(e)));
            }
        }),
        vscode.commands.registerCommand('thidua.exportFolder', async (uri?: vscode.Uri) => {
            const folder = uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
            if (!folder) return;
            const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.thidua'));
            let done = 0;
            await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Đang xuất thư mục ra Word'), cancellable: true }, async (progress, token) => {
                for (const f of files) {
                    if (token.isCancellationRequested) break;
                    const text = await fs.readFile(f.fsPath, 'utf8');
                    if (/^\s*(\/\/[^\n]*\n\s*)*SỔ VĂN BẢN/u.test(text)) continue;
                    progress.report({ message: path.basename(f.fsPath), increment: 100 / files.length });
                    try { await exportOne(f, text); done++; } catch (e) { void vscode.window.showErrorMessage(t('Không xuất được: {0}', `${path.basename(f.fsPath)}: ${errorOf(e)}`)); }
                }
            });
            void vscode.window.showInformationMessage(t('Đã xuất {0} văn bản ra Word.', done));
        }),
        vscode.commands.registerCommand('thidua.preview', () => preview.show(vscode.window.activeTextEditor?.document)),
        vscode.commands.registerCommand('thidua.newChiThi', () => newFromTemplate('CT')),
        vscode.commands.registerCommand('thidua.newKeHoach', () => newFromTemplate('KH')),
        vscode.commands.registerCommand('thidua.newBaoCao', () => newFromTemplate('BC')),
        vscode.commands.registerCommand('thidua.checkFolder', async (uri?: vscode.Uri) => {
            const folder = uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
            if (!folder) return;
            const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.thidua'));
            // The server checks open documents: opening them (without showing) fills the Problems panel.
            for (const f of files) await vscode.workspace.openTextDocument(f);
            await vscode.commands.executeCommand('workbench.actions.view.problems');
            void vscode.window.showInformationMessage(t('Đã mở {0} văn bản để kiểm tra; xem bảng Problems.', files.length));
        }),
        vscode.commands.registerCommand('thidua.import', async (uri?: vscode.Uri) => {
            const picked = uri ? [uri] : await vscode.window.showOpenDialog({ canSelectMany: true, filters: { 'Word, PDF, văn bản': ['docx', 'doc', 'odt', 'rtf', 'pdf', 'txt'] } });
            for (const source of picked ?? []) {
                // The CLI's import: legacy encodings, registry additions, never overwrites, checks the result.
                const said: string[] = [], errors: string[] = [];
                let written: string[] = [];
                try {
                    ({ written } = await importPaths([source.fsPath], undefined, { out: m => said.push(m.trim()), err: m => errors.push(m.trim()) }));
                } catch (e) {
                    errors.push(errorOf(e));
                }
                if (written.length) {
                    // Notes such as "đã chuyển mã từ TCVN3" come on the error stream of a successful import.
                    for (const m of errors) void vscode.window.showWarningMessage(m);
                    await vscode.window.showTextDocument(vscode.Uri.file(written[0]));
                    void vscode.window.showInformationMessage(said.join(' '));
                } else {
                    for (const m of errors) void vscode.window.showErrorMessage(t('Không nhập được: {0}', m));
                }
            }
        }),
        vscode.workspace.onDidChangeTextDocument(e => preview.changed(e.document)),
        vscode.window.onDidChangeActiveTextEditor(e => { if (e) preview.changed(e.document); })
    );
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
