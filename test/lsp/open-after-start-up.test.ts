// A file the editor opened while the folder was read is checked by start-up from the editor's text; the update its
// opening sends afterwards builds it again only if its text has changed since.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentState, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { plansFolder, startCounting } from './lsp-helpers.js';

const OPEN = '003-chi-thi-huong-tra-2024.thidua';

describe('a file opened during start-up', () => {
    test('is not checked again by its opening’s update; an edit still is', async () => {
        const dir = plansFolder('thidua-open-', 30);
        const s = await startCounting(dir, { open: OPEN });
        const uri = URI.file(join(dir, OPEN));
        const builder = s.shared.workspace.DocumentBuilder;
        const document = s.doc(OPEN);
        expect(document.state).toBe(DocumentState.Validated);
        expect(document.diagnostics?.length).toBeGreaterThan(0);
        const diagnostics = document.diagnostics;

        await builder.update([uri], []);
        // Not checked again: the very findings start-up made.
        expect(s.doc(OPEN).diagnostics).toBe(diagnostics);
        expect(s.doc(OPEN).state).toBe(DocumentState.Validated);

        const text = readFileSync(join(dir, OPEN), 'utf8').replace('chỉ trì', 'chủ trì');
        (s.shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(
            TextDocument.create(uri.toString(), 'thidua', 2, text)
        );
        await builder.update([uri], []);
        expect(s.doc(OPEN).parseResult.value.$cstNode?.root.fullText).toBe(text);
        expect(s.doc(OPEN).diagnostics).not.toBe(diagnostics);
        expect(s.doc(OPEN).diagnostics?.some(d => String(d.message).includes('chỉ trì'))).toBe(false);
        expect(diagnostics?.some(d => String(d.message).includes('chỉ trì'))).toBe(true);
    });
});
