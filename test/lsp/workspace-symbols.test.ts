// Workspace symbols (the editor's "go to symbol in workspace") are searched in one go, with Langium's results.
import { Cancellation } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import { workspaceFolder } from '../bench/generate.js';
import { startOnFolder } from './lsp-helpers.js';

describe('workspace symbols', () => {
    test('the same symbols as Langium’s search, found without giving way to other work', async () => {
        const { folder } = workspaceFolder(40);
        const { shared } = await startOnFolder(folder, { editor: true });
        const provider = shared.lsp.WorkspaceSymbolProvider!;
        const langium = new DefaultWorkspaceSymbolProvider(shared);
        const token = () => new Cancellation.CancellationTokenSource().token;
        for (const query of ['', 'nuoc', 'd17_', 'D3', 'khong-co-ten-nay']) {
            const ours = await provider.getSymbols({ query }, token());
            expect(ours).toEqual(await langium.getSymbols({ query }, token()));
            if (query === 'nuoc') expect(ours.length).toBeGreaterThan(10);
        }
        // Langium's search gives way once 10 ms have passed since the last time anything did.
        await new Promise(resolve => setTimeout(resolve, 20));
        let turned = false;
        setImmediate(() => (turned = true));
        const all = await provider.getSymbols({ query: '' }, token());
        expect(all.length).toBeGreaterThan(150);
        // During start-up, each turn of the event loop waits for a chunk of files to be built.
        expect(turned).toBe(false);
    });

    test('a cancelled search stops', async () => {
        const { folder } = workspaceFolder(2);
        const { shared } = await startOnFolder(folder, { editor: true });
        const source = new Cancellation.CancellationTokenSource();
        source.cancel();
        await expect(shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' }, source.token)).rejects.toBeDefined();
    });
});
