import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State as ClientState, type LanguageClient } from 'vscode-languageclient/node';
import { t } from './l10n.js';
import { Preview } from './protocol.js';
import { PREVIEW_SCRIPT } from './preview-script.js';

export const PREVIEW_VIEW = 'thidua.preview';

interface State {
    uri?: string;
    zoom?: number | 'fit';
}

/**
 * The document as the official page beside the editor: the server's HTML of its linked tree, updated as the
 * drafter types (debounced), the findings marked on the page; it fits the pane, zooms, follows the editor's
 * scrolling, a click on the page shows the source line, and it is restored after a reload.
 */
export class PreviewPanel implements vscode.WebviewPanelSerializer<State> {
    private panel?: vscode.WebviewPanel;
    private source?: vscode.Uri;
    private timer?: ReturnType<typeof setTimeout>;
    private loaded = false;
    delay = 250;
    private lastRenderMs = 0;

    constructor(private readonly client: LanguageClient) {}

    show(document: vscode.TextDocument | undefined): void {
        if (!document || document.languageId !== 'thidua') {
            void vscode.window.showWarningMessage(t('Hãy mở một văn bản .thidua trước.'));
            return;
        }
        this.source = document.uri;
        if (!this.panel) {
            this.attach(
                vscode.window.createWebviewPanel(
                    PREVIEW_VIEW,
                    '',
                    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                    {
                        enableScripts: true,
                        localResourceRoots: [],
                        retainContextWhenHidden: true
                    }
                )
            );
        } else this.panel.reveal(undefined, true);
        void this.render();
    }

    /**
     * A preview left open when the window was closed or reloaded comes back with its document. VS Code saves the page's
     * state from time to time (in a browser, a reload soon after the preview opened lost it): without it, the preview
     * takes the .thidua document shown in the editor, or the next one the drafter opens.
     */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: State | undefined): Promise<void> {
        panel.webview.options = { enableScripts: true, localResourceRoots: [] };
        this.attach(panel);
        if (state?.uri) this.source = vscode.Uri.parse(state.uri);
        else {
            // The editors may be restored after the page: the first .thidua one shown is taken.
            const take = () => {
                const shown = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find(
                    e => e?.document.languageId === 'thidua'
                );
                if (this.panel !== panel || this.source || !shown) return;
                this.source = shown.document.uri;
                waiting.forEach(d => d.dispose());
                void this.render();
            };
            const waiting = [
                vscode.window.onDidChangeActiveTextEditor(take),
                vscode.window.onDidChangeVisibleTextEditors(take),
                panel.onDidDispose(() => waiting.forEach(d => d.dispose()))
            ];
            take();
            if (this.source) return;
        }
        await this.render();
    }

    changed(uri: vscode.Uri): void {
        if (!this.panel || uri.toString() !== this.source?.toString()) return;
        if (this.timer) clearTimeout(this.timer);
        // A long document renders slowly: the page waits twice as long as the last render took, so typing stays quick.
        this.timer = setTimeout(() => void this.render(), Math.max(this.delay, 2 * this.lastRenderMs));
    }

    activeEditor(editor: vscode.TextEditor | undefined): void {
        if (
            !this.panel ||
            editor?.document.languageId !== 'thidua' ||
            editor.document.uri.toString() === this.source?.toString()
        )
            return;
        this.source = editor.document.uri;
        this.loaded = false;
        void this.render();
    }

    scrolled(editor: vscode.TextEditor): void {
        if (!this.panel || editor.document.uri.toString() !== this.source?.toString()) return;
        const top = editor.visibleRanges[0]?.start.line ?? 0;
        void this.panel.webview.postMessage({ type: 'scroll', line: top });
    }

    private attach(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        this.loaded = false;
        panel.onDidDispose(() => {
            this.panel = undefined;
        });
        panel.webview.onDidReceiveMessage(async (m: { type: string; line?: number }) => {
            if (m.type !== 'reveal' || m.line === undefined || !this.source) return;
            const document = await vscode.workspace.openTextDocument(this.source);
            const editor = await vscode.window.showTextDocument(document, {
                viewColumn: vscode.ViewColumn.One,
                preserveFocus: false
            });
            const at = new vscode.Position(m.line, 0);
            editor.selection = new vscode.Selection(at, at);
            editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
        });
    }

    private async render(): Promise<void> {
        const panel = this.panel,
            source = this.source;
        if (!panel || !source) return;
        panel.title = t('Xem trước: {0}', source.path.split('/').pop() ?? '');
        const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === source.toString());
        const nonce = randomBytes(16).toString('base64');
        let result;
        const started = Date.now();
        try {
            // A preview restored after a reload asks before the client has started (the client refuses that).
            if (!this.client.isRunning())
                await new Promise<void>(resolve => {
                    const started = this.client.onDidChangeState(e => {
                        if (e.newState !== ClientState.Running) return;
                        started.dispose();
                        resolve();
                    });
                });
            result = await this.client.sendRequest(Preview, { uri: source.toString(), version: open?.version, nonce });
        } catch {
            return;
        }
        this.lastRenderMs = Date.now() - started;
        if (!result || this.panel !== panel || this.source !== source) return;
        if (!this.loaded) {
            // The page's own CSP admits only the script with this nonce.
            panel.webview.html = result.html.replace(
                '</body>',
                `<script nonce="${nonce}">${PREVIEW_SCRIPT}</script>\n</body>`
            );
            this.loaded = true;
            void panel.webview.postMessage({ type: 'source', uri: source.toString() });
        } else {
            const body = /<body>([\s\S]*)<\/body>/.exec(result.html)?.[1] ?? '';
            void panel.webview.postMessage({ type: 'update', body });
        }
    }
}
