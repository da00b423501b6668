import * as vscode from 'vscode';
import english from '../../language/l10n/bundle.l10n.en.json' with { type: 'json' };

/**
 * The extension's messages: Vietnamese unless the drafter chose English (`thidua.language`).
 * VS Code has no Vietnamese display language, so its own locale cannot decide this.
 */
export function t(message: string, ...args: Array<string | number>): string {
    const en = vscode.workspace.getConfiguration('thidua').get<string>('language') === 'en';
    const text = en ? ((english as Record<string, string>)[message] ?? message) : message;
    return text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
