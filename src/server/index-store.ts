import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { queuedMessagesFirst } from '../language/workspace/event-loop.js';
import type { IndexStore, SavedDocument } from '../language/workspace/saved-index.js';

/** Changed when the saved form changes. */
const FORMAT = 1;
/** How many documents are written between two turns of the event loop. */
const SLICE = 250;
/** A saved index not used for this long (its folder deleted, moved, or no longer opened) is removed. */
const KEEP_DAYS = 60;

const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('base64');

/** The fingerprint of a file's bytes in the saved index (also made by the threads that build files at start-up). */
export const fingerprintOf = (bytes: Uint8Array): string => sha1(bytes);

/** An entry of the saved file as `save` writes it (an entry changed by hand is left out: its file is parsed). */
function wellFormed(entry: unknown): entry is [string, SavedDocument] {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return false;
    const d = entry[1] as Partial<Record<keyof SavedDocument, unknown>> | null;
    const digest = d?.digest as Record<string, unknown> | null | undefined;
    return (
        typeof d?.fingerprint === 'string' &&
        [d.exports, d.references, d.names, d.unresolved].every(Array.isArray) &&
        (d.exports as unknown[]).every(e => Array.isArray(e) && e.slice(0, 3).every(x => typeof x === 'string')) &&
        (d.references as unknown[]).every(r => Array.isArray(r) && Array.isArray(r[3]) && typeof r[1] === 'string') &&
        typeof digest === 'object' &&
        digest !== null &&
        [digest.entries, digest.ids, digest.cited].every(Array.isArray)
    );
}

/**
 * The folder's index saved between sessions, one file per set of workspace folders in a cache folder. It is used
 * only by the same server code that wrote it (`code`: the fingerprint of the server's own file).
 */
export class FileIndexStore implements IndexStore {
    constructor(
        private readonly dir: string,
        private readonly code: string
    ) {}

    fingerprint(bytes: Uint8Array): string {
        return fingerprintOf(bytes);
    }

    private fileOf(folders: string[]): string {
        return join(this.dir, `${createHash('sha1').update(folders.join('\n')).digest('hex').slice(0, 24)}.json`);
    }

    async load(folders: string[]): Promise<Map<string, SavedDocument> | undefined> {
        let data: { format?: unknown; code?: unknown; documents?: unknown };
        try {
            data = JSON.parse(await fs.readFile(this.fileOf(folders), 'utf8')) as typeof data;
        } catch {
            return undefined;
        }
        if (data.format !== FORMAT || data.code !== this.code || !Array.isArray(data.documents)) return undefined;
        const now = new Date();
        await fs.utimes(this.fileOf(folders), now, now).catch(() => undefined);
        return new Map((data.documents as unknown[]).filter(wellFormed));
    }

    async save(folders: string[], documents: Map<string, SavedDocument>): Promise<void> {
        await fs.mkdir(this.dir, { recursive: true });
        const file = this.fileOf(folders);
        const temporary = `${file}.${process.pid}.tmp`;
        try {
            // Written as JSON.stringify({ format, code, folders, documents: [...documents] }) would write it, a slice
            // of documents at a time: the editor's requests are answered between slices, and the file's text is never
            // held whole (~20 MB for 5,000 documents).
            const head = JSON.stringify({ format: FORMAT, code: this.code, folders });
            await pipeline(async function* () {
                yield `${head.slice(0, -1)},"documents":[`;
                const all = [...documents];
                for (let i = 0; i < all.length; i += SLICE) {
                    await queuedMessagesFirst();
                    const slice = all.slice(i, i + SLICE).map(entry => JSON.stringify(entry));
                    yield (i ? ',' : '') + slice.join(',');
                }
                yield ']}';
            }, createWriteStream(temporary));
            await fs.rename(temporary, file);
        } finally {
            await fs.rm(temporary, { force: true });
        }
        await this.removeOld();
    }

    private async removeOld(): Promise<void> {
        const before = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
        for (const name of await fs.readdir(this.dir)) {
            const file = join(this.dir, name);
            const stat = await fs.stat(file).catch(() => undefined);
            // A temporary file an hour old was left by a server that was killed while saving.
            const old = name.endsWith('.json') ? before : name.endsWith('.tmp') ? Date.now() - 3600 * 1000 : -1;
            if (stat && stat.mtimeMs < old) await fs.rm(file, { force: true });
        }
    }
}

/**
 * The language server's store: in THIDUA_INDEX_DIR (the extension gives its storage folder; empty: none), else in
 * the user's cache folder. None when the server's own file cannot be read.
 */
export function serverIndexStore(serverFile: string | undefined): IndexStore | undefined {
    const env = process.env.THIDUA_INDEX_DIR;
    if (env === '' || !serverFile) return undefined;
    let code: string;
    try {
        code = sha1(readFileSync(serverFile));
    } catch {
        return undefined;
    }
    const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    return new FileIndexStore(env ?? join(cache, 'thidua', 'index'), code);
}
