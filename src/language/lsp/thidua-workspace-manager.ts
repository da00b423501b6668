import { open, stat } from 'node:fs/promises';
import { DefaultWorkspaceManager, stream, type LangiumDocument, type Stream, type URI } from 'langium';
import { detectEncoding } from '../../domain/encoding.js';

/** The largest file the server indexes (the CLI refuses the same). */
export const MAX_INDEXED_BYTES = 10 * 1024 * 1024;

/**
 * Indexes the folder's .thidua files, leaving out what is not a document: a file over 10 MB (memory stays bounded),
 * a binary file, a file in a legacy encoding (it would be read as garbage). Each is reported in the server's log.
 */
export class ThiduaWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const kept: URI[] = [];
        await Promise.all(uris.toArray().map(async uri => {
            const reason = uri.scheme === 'file' ? await unreadable(uri.fsPath) : undefined;
            if (reason) console.error(`thidua: bỏ qua ${uri.fsPath}: ${reason}`);
            else kept.push(uri);
        }));
        await super.loadWorkspaceDocuments(stream(kept), collector);
    }
}

async function unreadable(path: string): Promise<string | undefined> {
    try {
        const size = (await stat(path)).size;
        if (size > MAX_INDEXED_BYTES) return `tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB)`;
        const handle = await open(path, 'r');
        try {
            const buffer = new Uint8Array(Math.min(size, 65536));
            await handle.read(buffer, 0, buffer.length, 0);
            const kind = detectEncoding(buffer);
            if (kind === 'binary') return 'tệp nhị phân';
            if (kind !== 'utf-8') return `không phải văn bản UTF-8 (có vẻ là ${kind})`;
        } finally {
            await handle.close();
        }
    } catch (e) {
        return (e as Error).message;
    }
    return undefined;
}
