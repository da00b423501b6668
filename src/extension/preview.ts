import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { generateHtml } from '../generate/html.js';
import type { ParseResult } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { t } from './l10n.js';

/**
 * The document as the official page, beside the editor, updated as the drafter types (debounced). The page
 * is the HTML export: every text escaped, a Content-Security-Policy with no remote loads and no script.
 */
export class PreviewPanel {
    private panel?: vscode.WebviewPanel;
    private source?: vscode.TextDocument;
    private timer?: ReturnType<typeof setTimeout>;
    delay = 300;

    constructor(private readonly context: vscode.ExtensionContext, private readonly parse: (text: string) => ParseResult<Model>) {}

    show(document: vscode.TextDocument | undefined): void {
        if (!document || document.languageId !== 'thidua') {
            void vscode.window.showWarningMessage(t('Hãy mở một văn bản .thidua trước.'));
            return;
        }
        this.source = document;
        if (!this.panel) {
            this.panel = vscode.window.createWebviewPanel('thidua.preview', '', vscode.ViewColumn.Beside, {
                enableScripts: false, localResourceRoots: []
            });
            this.panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.context.subscriptions);
        }
        this.render();
    }

    changed(document: vscode.TextDocument): void {
        if (!this.panel || document.languageId !== 'thidua') return;
        this.source = document;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.render(), this.delay);
    }

    private render(): void {
        if (!this.panel || !this.source) return;
        this.panel.title = t('Xem trước: {0}', this.source.uri.path.split('/').pop() ?? '');
        // The nonce opens the page's CSP to no script at all unless the panel ever adds one of its own.
        const result = this.parse(this.source.getText());
        const line = firstErrorLine(result, this.source.lineCount);
        const notice = line === undefined ? undefined : t('Văn bản còn lỗi cú pháp ở dòng {0}: bản xem trước có thể thiếu chữ từ chỗ đó. Xem bảng Problems để sửa.', line);
        this.panel.webview.html = generateHtml(result.value, { nonce: randomBytes(16).toString('base64'), notice });
    }
}

/** The first line (1-based, as chevrotain counts) with a lexer or parser error; an error at the end of the text counts as its last line. */
function firstErrorLine(result: ParseResult<Model>, lastLine: number): number | undefined {
    if (!result.lexerErrors.length && !result.parserErrors.length) return undefined;
    const lines = [...result.lexerErrors.map(e => e.line), ...result.parserErrors.map(e => e.token.startLine)]
        .map(l => (typeof l === 'number' && !Number.isNaN(l) ? l : lastLine));
    return Math.min(...lines);
}
