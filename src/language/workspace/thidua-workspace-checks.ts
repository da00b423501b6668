import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * The editor validates with the cheap ('fast') checks on every keystroke; the checks that look across the
 * workspace ('slow': the same document cited differently in two files) run when a file is saved.
 */
export function runSlowChecksOnSave(shared: LangiumSharedServices): void {
    shared.workspace.TextDocuments.onDidSave(event => {
        void shared.workspace.WorkspaceLock.write(async token => {
            const doc = shared.workspace.LangiumDocuments.getDocument(URI.parse(event.document.uri));
            if (doc)
                await shared.workspace.DocumentBuilder.build([doc], { validation: { categories: ['slow'] } }, token);
        });
    });
}
