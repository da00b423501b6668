import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { t } from './l10n.js';

/** The desktop extension's commands: they write files or run LibreOffice, which a browser cannot. */
const DESKTOP_COMMANDS = [
    'exportWord',
    'exportPdf',
    'exportFolder',
    'preview',
    'newChiThi',
    'newKeHoach',
    'newBaoCao',
    'checkFolder',
    'import'
];

/**
 * The extension in VS Code for the Web: the language server runs in a Web Worker (the same one the drafting page
 * uses), for the documents open in the editor: colours, findings and their quick fixes, completion, hover, outline,
 * formatting. Preview, export and import need the desktop extension (they write files and run LibreOffice).
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web-server.js');
    const options: LanguageClientOptions = {
        documentSelector: [{ language: 'thidua' }],
        outputChannelName: 'Thi đua'
    };
    // The server's script is read through VS Code's file system and started from memory: an extension served by a
    // remote host (code-server) has an address a worker cannot load directly.
    const bytes = await vscode.workspace.fs.readFile(server);
    const script = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/javascript' });
    for (const name of DESKTOP_COMMANDS)
        context.subscriptions.push(
            vscode.commands.registerCommand(`thidua.${name}`, () =>
                vscode.window.showInformationMessage(
                    t(
                        'Trên VS Code cho web, tiện ích Thi đua kiểm tra, gợi ý và sửa nhanh văn bản. Xem trước, xuất ' +
                            'Word và nhập văn bản cần VS Code cài trên máy, hoặc trang soạn thảo Thi đua (thidua web).'
                    )
                )
            )
        );
    client = new LanguageClient('thidua', 'Thi đua', new Worker(URL.createObjectURL(script)), options);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
