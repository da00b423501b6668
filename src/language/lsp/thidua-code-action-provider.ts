import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind,
    type CodeAction,
    type CodeActionParams,
    type Command,
    type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import type { ThiduaDiagnosticData } from '../validation/checks/rules.js';

/** Turns the fixes a check attached to its diagnostic into quick fixes. */
export class ThiduaCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as ThiduaDiagnosticData | undefined;
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
