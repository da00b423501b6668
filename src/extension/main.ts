import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    LanguageClient,
    TransportKind,
    type LanguageClientOptions,
    type MessageSignature,
    type ServerOptions
} from 'vscode-languageclient/node';
import { convertFiles, LibreOfficeError } from '../io/libreoffice.js';
import { ownerOf, writeAtomically, WriteError } from '../io/write.js';
import { t } from './l10n.js';
import { PREVIEW_VIEW, PreviewPanel } from './preview.js';
import { Import, Render, Template, type DocxOptions } from './protocol.js';
import { StatusBar } from './status.js';

/**
 * A thin client of the language server: the server owns the linked workspace and answers preview, export,
 * status, import and templates; the extension shows them and does the file writing the drafter confirms.
 */
class ThiduaClient extends LanguageClient {
    // A request that failed is logged in the output channel; the drafter is not shown "Request … failed".
    override handleFailedRequest<T>(
        type: MessageSignature,
        token: vscode.CancellationToken | undefined,
        error: unknown,
        defaultValue: T
    ): T {
        try {
            return super.handleFailedRequest(type, token, error, defaultValue, false);
        } catch (e) {
            if (e instanceof vscode.CancellationError) throw e;
            return defaultValue;
        }
    }
}

let client: ThiduaClient | undefined;

function docxOptions(): DocxOptions {
    const c = vscode.workspace.getConfiguration('thidua');
    return {
        margins: {
            top: c.get<number>('page.marginTop'),
            bottom: c.get<number>('page.marginBottom'),
            left: c.get<number>('page.marginLeft'),
            right: c.get<number>('page.marginRight')
        },
        fontSize: c.get<number>('page.fontSize')
    };
}

function exportFolder(source: vscode.Uri): string {
    const configured = vscode.workspace.getConfiguration('thidua').get<string>('export.folder') ?? '';
    if (configured && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(
            t('Trong thư mục chưa tin cậy, thidua không ghi tệp vào thư mục xuất do thư mục này cấu hình.')
        );
        return path.dirname(source.fsPath);
    }
    if (!configured) return path.dirname(source.fsPath);
    return path.isAbsolute(configured)
        ? configured
        : path.join(vscode.workspace.getWorkspaceFolder(source)?.uri.fsPath ?? path.dirname(source.fsPath), configured);
}

/** A write error said with the file's name, not its path. */
function withName(e: unknown, target: string): string {
    const message = e instanceof Error ? e.message : String(e);
    return message.split(target).join(path.basename(target));
}

interface ExportChoice {
    ask: boolean;
    format: 'docx' | 'pdf';
}

/**
 * Exports one document to Word through the server's linked workspace. With errors the drafter is asked first;
 * an existing file thidua did not write is replaced only when the drafter says so. Returns the written path.
 */
async function exportOne(
    source: vscode.Uri,
    status: StatusBar,
    { ask, format }: ExportChoice
): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === source.toString());
    const result = await client!.sendRequest(Render, {
        uri: source.toString(),
        version: open?.version,
        format: 'docx',
        options: docxOptions()
    });
    if (!result) throw new WriteError(t('Chưa đọc xong văn bản; hãy thử lại sau giây lát.'));
    if (result.syntaxErrors)
        throw new WriteError(
            t('Văn bản còn {0} lỗi cú pháp; hãy sửa trước khi xuất để không mất chữ.', result.syntaxErrors)
        );
    if (ask && result.errors > 0) {
        const go = t('Vẫn xuất'),
            show = t('Xem lỗi');
        const choice = await vscode.window.showWarningMessage(
            t('Văn bản còn {0} lỗi. Vẫn xuất?', result.errors),
            { modal: true, detail: t('Các lỗi được liệt kê trong bảng Problems; bản Word sẽ mang nguyên các lỗi đó.') },
            go,
            show
        );
        if (choice === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
        if (choice !== go) return undefined;
    }
    let target = path.join(exportFolder(source), path.basename(source.fsPath).replace(/\.thidua$/, '') + '.' + format);
    status.exportStarted(path.basename(target));
    const docx = Buffer.from(result.content, 'base64');
    const content = format === 'pdf' ? await pdfOf(docx) : docx;
    const owner = await ownerOf(target, content);
    if (owner === 'read-only')
        throw new WriteError(
            t('Tệp "{0}" chỉ đọc; hãy bỏ thuộc tính chỉ đọc hoặc chọn thư mục xuất khác.', path.basename(target))
        );
    if (owner === 'other') {
        if (!ask)
            throw new WriteError(t('Tệp "{0}" đã có và không do thidua viết; không ghi đè.', path.basename(target)));
        const replace = t('Ghi đè'),
            other = t('Lưu tên khác…');
        const choice = await vscode.window.showWarningMessage(
            t('Tệp "{0}" đã có và không do thidua viết. Ghi đè?', path.basename(target)),
            { modal: true, detail: t('Tệp này có thể đã được sửa trong Word; ghi đè sẽ mất các sửa đổi đó.') },
            replace,
            other
        );
        if (choice === other) {
            const picked = await vscode.window.showSaveDialog({
                defaultUri: vscode.Uri.file(target),
                filters: format === 'pdf' ? { PDF: ['pdf'] } : { Word: ['docx'] }
            });
            if (!picked) return undefined;
            target = picked.fsPath;
        } else if (choice !== replace) return undefined;
    }
    try {
        await writeAtomically(target, content);
    } catch (e) {
        throw new WriteError(withName(e, target));
    }
    return target;
}

/** The PDF of a Word file: LibreOffice renders it (PDF/A-2b, fonts embedded) in a folder of its own. */
async function pdfOf(docx: Buffer): Promise<Buffer> {
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'thidua-pdf-'));
    try {
        const file = path.join(dir, 'van-ban.docx');
        await fs.writeFile(file, docx);
        const pdf = (await convertFiles([file], 'pdf', dir)).get(file);
        if (!pdf) throw new WriteError(t('LibreOffice không dựng được bản PDF của văn bản này.'));
        return await fs.readFile(pdf);
    } catch (e) {
        if (e instanceof LibreOfficeError) {
            throw new WriteError(
                t(
                    'Xuất PDF cần LibreOffice, nhưng máy này chưa có. Hãy cài LibreOffice (miễn phí, libreoffice.org) rồi xuất lại, hoặc xuất ra Word rồi lưu thành PDF trong Word.'
                )
            );
        }
        throw e;
    } finally {
        await fs.rm(dir, { recursive: true, force: true });
    }
}

/** Opens a file in the program the system gives its type (Word, LibreOffice), as a double click would. */
function openInSystem(file: string): void {
    const [command, args] =
        process.platform === 'win32'
            ? ['cmd', ['/c', 'start', '""', file]]
            : process.platform === 'darwin'
              ? ['open', [file]]
              : ['xdg-open', [file]];
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => {
        void vscode.env.openExternal(vscode.Uri.file(file));
        void vscode.window.showWarningMessage(t('Không tìm thấy chương trình mở tệp Word trên máy này.'));
    });
    child.unref();
}

async function offerToOpen(target: string): Promise<void> {
    const open = t('Mở tệp'),
        reveal = t('Hiện trong thư mục');
    const choice = await vscode.window.showInformationMessage(t('Đã xuất: {0}', path.basename(target)), open, reveal);
    if (choice === open) openInSystem(target);
    else if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(target));
}

/** "Xuất ra Word" / "Xuất ra PDF" of the active or chosen document, with progress and the result in the status bar. */
async function exportCommand(uri: vscode.Uri | undefined, format: 'docx' | 'pdf', status: StatusBar): Promise<void> {
    const source = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!source || !source.fsPath.endsWith('.thidua')) {
        void vscode.window.showWarningMessage(t('Hãy mở một văn bản .thidua đã lưu trước.'));
        return;
    }
    try {
        const title = format === 'pdf' ? t('Đang xuất PDF…') : t('Đang xuất ra Word…');
        const target = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
            exportOne(source, status, { ask: true, format })
        );
        if (!target) {
            status.exportHidden();
            return;
        }
        status.exportEnded(t('Đã xuất {0}', path.basename(target)), true);
        await offerToOpen(target);
    } catch (e) {
        const message = t('Không xuất được: {0}', (e as Error).message);
        status.exportEnded(message, false);
        void vscode.window.showErrorMessage(message);
    }
}

async function newFromTemplate(kind: 'CT' | 'KH' | 'BC'): Promise<void> {
    const c = vscode.workspace.getConfiguration('thidua');
    const snippet = await client!.sendRequest(Template, {
        kind,
        issuer: c.get<string>('issuer') || undefined,
        signer: c.get<string>('signer') || undefined
    });
    const doc = await vscode.workspace.openTextDocument({ language: 'thidua', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(snippet));
}

/**
 * An unsaved document restored after a reload comes back as plain text: one that is a thidua document gets its language
 * back.
 */
const THIDUA_TEXT = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|^\s*(?:KẾ HOẠCH|CHỈ THỊ|BÁO CÁO)\s*$/mu;
function keepLanguage(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'untitled' || document.languageId !== 'plaintext') return;
    if (THIDUA_TEXT.test(document.getText(new vscode.Range(0, 0, 40, 0)).normalize('NFC'))) {
        void vscode.languages.setTextDocumentLanguage(document, 'thidua');
    }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    // The server saves each folder's index in the extension's storage (removed with the extension).
    const env = { THIDUA_INDEX_DIR: path.join(context.globalStorageUri.fsPath, 'index') };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'], env } },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: ['--expose-gc', '--nolazy', '--inspect=6009'], env }
        }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'thidua' },
            { scheme: 'untitled', language: 'thidua' }
        ]
    };
    client = new ThiduaClient('thidua', t('Soạn thảo thi đua'), serverOptions, clientOptions);
    const preview = new PreviewPanel(client);
    const status = new StatusBar(client);
    // The serializer is registered before the client starts: a restored preview waits for the server's answer.
    context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW, preview), status);
    // Before the server starts (seconds): a restored unsaved document may open meanwhile.
    context.subscriptions.push(
        vscode.workspace.onDidOpenTextDocument(keepLanguage),
        vscode.window.onDidChangeActiveTextEditor(e => {
            if (e) keepLanguage(e.document);
        })
    );
    vscode.workspace.textDocuments.forEach(keepLanguage);
    await client.start();

    context.subscriptions.push(
        vscode.commands.registerCommand('thidua.exportWord', (uri?: vscode.Uri) => exportCommand(uri, 'docx', status)),
        vscode.commands.registerCommand('thidua.exportPdf', (uri?: vscode.Uri) => exportCommand(uri, 'pdf', status)),
        vscode.commands.registerCommand('thidua.exportFolder', async (uri?: vscode.Uri) => {
            const folder = uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
            if (!folder) return;
            const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.thidua'));
            let done = 0;
            const failed: string[] = [];
            await vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: t('Đang xuất thư mục ra Word'),
                    cancellable: true
                },
                async (progress, token) => {
                    for (const f of files) {
                        if (token.isCancellationRequested) break;
                        progress.report({ message: path.basename(f.fsPath), increment: 100 / files.length });
                        try {
                            if (await exportOne(f, status, { ask: false, format: 'docx' })) done++;
                        } catch (e) {
                            failed.push(`${path.basename(f.fsPath)}: ${(e as Error).message}`);
                        }
                    }
                }
            );
            status.exportEnded(t('Đã xuất {0} văn bản', done), failed.length === 0);
            void vscode.window.showInformationMessage(t('Đã xuất {0} văn bản ra Word.', done));
            for (const m of failed) void vscode.window.showWarningMessage(t('Không xuất được: {0}', m));
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
            void vscode.window.showInformationMessage(
                t('Đã mở {0} văn bản để kiểm tra; xem bảng Problems.', files.length)
            );
        }),
        vscode.commands.registerCommand('thidua.import', async (uri?: vscode.Uri) => {
            const picked = uri
                ? [uri]
                : await vscode.window.showOpenDialog({
                      canSelectMany: true,
                      filters: { [t('Word, PDF, văn bản')]: ['docx', 'doc', 'odt', 'rtf', 'pdf', 'txt'] }
                  });
            for (const source of picked ?? []) {
                // The server's import: legacy encodings, registry additions, never overwrites, checks the result.
                const { written, said, errors } = await client!
                    .sendRequest(Import, { paths: [source.fsPath] })
                    .catch((e: Error) => ({ written: [] as string[], said: [] as string[], errors: [e.message] }));
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
        vscode.workspace.onDidOpenTextDocument(() => status.update()),
        vscode.workspace.onDidChangeTextDocument(e => {
            preview.changed(e.document.uri);
            status.update();
        }),
        vscode.languages.onDidChangeDiagnostics(e => {
            for (const uri of e.uris) preview.changed(uri);
            status.update();
        }),
        vscode.window.onDidChangeActiveTextEditor(e => {
            preview.activeEditor(e);
            status.update();
        }),
        vscode.window.onDidChangeTextEditorVisibleRanges(e => preview.scrolled(e.textEditor))
    );
    status.update();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
