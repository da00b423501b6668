import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind,
    type CodeAction,
    type CodeActionParams,
    type Command,
    type Range,
    type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import type { ThiduaDiagnosticData } from '../validation/checks/rules.js';

/**
 * Turns the fixes a check attached to its diagnostic into quick fixes. A client that sends the diagnostic back
 * without its data (Monaco's) gets the fixes of the document's diagnostic of the same place and message.
 */
export class ThiduaCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        const same = (a: Range, b: Range) =>
            a.start.line === b.start.line &&
            a.start.character === b.start.character &&
            a.end.line === b.end.line &&
            a.end.character === b.end.character;
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ??
                document.diagnostics?.find(d => d.message === diagnostic.message && same(d.range, diagnostic.range))
                    ?.data) as ThiduaDiagnosticData | undefined;
            for (const fix of data?.fixes ?? []) {
                const changes: Record<string, TextEdit[]> = {};
                for (const e of fix.edits)
                    (changes[e.uri ?? document.uri.toString()] ??= []).push({ range: e.range, newText: e.newText });
                const edit: WorkspaceEdit = { changes };
                actions.push({
                    title: fix.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: data!.fixes.length === 1,
                    edit
                });
            }
        }
        return actions;
    }
}
