import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t } from './l10n.js';
import { Status } from './protocol.js';

/**
 * The status bar of a thidua document: its kind and campaign period (from the server), its errors and warnings
 * (a click opens Problems), and the export under way or just done.
 */
export class StatusBar implements vscode.Disposable {
    private readonly document = vscode.window.createStatusBarItem(
        'thidua.document',
        vscode.StatusBarAlignment.Left,
        50
    );
    private readonly problems = vscode.window.createStatusBarItem(
        'thidua.problems',
        vscode.StatusBarAlignment.Left,
        49
    );
    private readonly exporting = vscode.window.createStatusBarItem('thidua.export', vscode.StatusBarAlignment.Left, 48);
    private timer?: ReturnType<typeof setTimeout>;
    private clearExport?: ReturnType<typeof setTimeout>;

    constructor(private readonly client: LanguageClient) {
        this.document.name = t('Thi đua: văn bản');
        this.problems.name = t('Thi đua: lỗi và cảnh báo');
        this.exporting.name = t('Thi đua: xuất văn bản');
        this.problems.command = 'workbench.actions.view.problems';
        this.problems.tooltip = t('Mở bảng Problems');
        this.exporting.command = 'thidua.exportWord';
    }

    /** Refreshes for the active editor (soon: typing and findings come in bursts). */
    update(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 200);
    }

    private async refresh(): Promise<void> {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== 'thidua') {
            this.document.hide();
            this.problems.hide();
            return;
        }
        const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
        const errors = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
        const warnings = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length;
        // In words: VS Code's own counter beside it counts every file, this one the document.
        this.problems.text =
            errors || warnings
                ? `${errors ? '$(error) ' : '$(warning) '}${t('{0} lỗi, {1} cảnh báo', errors, warnings)}`
                : `$(check) ${t('Không có lỗi')}`;
        this.problems.tooltip = t('Văn bản này có {0} lỗi, {1} cảnh báo — bấm để mở bảng Problems', errors, warnings);
        this.problems.show();
        let status;
        try {
            status = await this.client.sendRequest(Status, {
                uri: editor.document.uri.toString(),
                version: editor.document.version
            });
        } catch {
            status = null;
        }
        if (vscode.window.activeTextEditor !== editor) return;
        const parts = [status?.kind ?? t('Văn bản thi đua'), status?.period].filter(Boolean);
        this.document.text = `$(file-text) ${parts.join(' · ')}`;
        this.document.tooltip = [
            status?.kind,
            status?.number,
            status?.period ? t('Thời gian thi đua: {0}', status.period) : undefined
        ]
            .filter(Boolean)
            .join('\n');
        this.document.show();
    }

    exportStarted(name: string): void {
        if (this.clearExport) clearTimeout(this.clearExport);
        this.exporting.text = `$(sync~spin) ${t('Đang xuất {0}…', name)}`;
        this.exporting.tooltip = undefined;
        this.exporting.show();
    }

    exportEnded(message: string, ok: boolean): void {
        this.exporting.text = `${ok ? '$(check)' : '$(error)'} ${message}`;
        this.exporting.tooltip = ok ? t('Bấm để xuất lại') : message;
        this.exporting.show();
        this.clearExport = setTimeout(() => this.exporting.hide(), 15_000);
    }

    exportHidden(): void {
        this.exporting.hide();
    }

    dispose(): void {
        for (const item of [this.document, this.problems, this.exporting]) item.dispose();
        if (this.timer) clearTimeout(this.timer);
        if (this.clearExport) clearTimeout(this.clearExport);
    }
}
