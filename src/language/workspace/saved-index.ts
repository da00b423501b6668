import { URI, type AstNodeDescription, type DocumentSegment, type ReferenceDescription } from 'langium';
import type { DigestSource } from '../model/thidua-document-model.js';
import { PackedSegment, packSegment } from '../syntax/segments.js';

/**
 * What a document gave the folder's index, saved at the end of a start-up so that the next session takes it back
 * instead of parsing the file again, as long as the file's bytes are the same.
 */
export interface SavedDocument {
    /** The fingerprint of the file's bytes when this was made. */
    fingerprint: string;
    /** Exported names: [name, type, path, name segment, selection segment]. */
    exports: [string, string, string, SavedSegment?, SavedSegment?][];
    /** References: [source path, target URI, target path, segment, local]. */
    references: [string, string, string, SavedSegment, boolean][];
    digest: DigestSource;
    /** Every name the document's references look up, and those it found nowhere. */
    names: string[];
    unresolved: string[];
}

/** offset, length, start line, start character, end line, end character. */
type SavedSegment = [number, number, number, number, number, number];

/** Saves and reads the folder's index between sessions (in the language server: a file in the user's cache). */
export interface IndexStore {
    fingerprint(bytes: Uint8Array): string;
    /** The documents saved for these folders, or undefined when there is none or it was made by another thidua. */
    load(folders: string[]): Promise<Map<string, SavedDocument> | undefined>;
    save(folders: string[], documents: Map<string, SavedDocument>): Promise<void>;
}

/**
 * A document the files built by other threads may link to: what it exports, and its text when the editor holds one
 * (else the thread parses the file when a link needs its tree).
 */
export interface LinkTarget {
    uri: string;
    exports: SavedDocument['exports'];
    text?: string;
}

/**
 * Other threads that build some of the files start-up has to parse (in the language server: worker threads) and give
 * back their saved-index entries, which start-up takes as it takes those of an earlier session.
 */
export interface IndexWorkers {
    /** How many threads to start for this many files to build (0: none). */
    count(files: number): number;
    /**
     * Starts ahead of `run` the threads this many files to build need, so that they load while the server reads the
     * folder; `run` takes them, `stop` ends those it did not take.
     */
    prepare?(files: number): void;
    stop?(): void;
    /**
     * Starts `count` threads that first take the link targets, then build the files `next` gives them (URIs; undefined:
     * none left) and hand their entries to `built`, with the fingerprints of their bytes if `fingerprints` (the index
     * is saved). Resolves when every thread has stopped, whether or not it built all it was given.
     */
    run(
        count: number,
        targets: LinkTarget[],
        next: () => string[] | undefined,
        built: (entries: [string, SavedDocument][]) => void,
        fingerprints?: boolean
    ): Promise<void>;
}

function saveSegment(s: DocumentSegment | undefined): SavedSegment | undefined {
    return packSegment(s)?.toArray();
}

function segmentOf(s: SavedSegment): DocumentSegment {
    return new PackedSegment(...s);
}

export function saveExports(exports: readonly AstNodeDescription[]): SavedDocument['exports'] {
    return exports.map(d => [d.name, d.type, d.path, saveSegment(d.nameSegment), saveSegment(d.selectionSegment)]);
}

export function saveReferences(references: readonly ReferenceDescription[]): SavedDocument['references'] {
    return references.map(r => [
        r.sourcePath,
        r.targetUri.toString(),
        r.targetPath,
        saveSegment(r.segment)!,
        !!r.local
    ]);
}

export function exportsOf(saved: Pick<SavedDocument, 'exports'>, uri: URI): AstNodeDescription[] {
    return saved.exports.map(([name, type, path, nameSegment, selectionSegment]) => ({
        name,
        type,
        path,
        documentUri: uri,
        nameSegment: nameSegment && segmentOf(nameSegment),
        selectionSegment: selectionSegment && segmentOf(selectionSegment)
    }));
}

/** The saved references of a document; `uris` gives one URI object per target (most cite the same registry). */
export function referencesOf(saved: SavedDocument, uri: URI, uris: Map<string, URI>): ReferenceDescription[] {
    return saved.references.map(([sourcePath, target, targetPath, segment, local]) => {
        let targetUri = uris.get(target);
        if (!targetUri) uris.set(target, (targetUri = URI.parse(target)));
        return { sourceUri: uri, sourcePath, targetUri, targetPath, segment: segmentOf(segment), local };
    });
}

/** An exported name as the linker finds it: name, document URI, type, path in the document. */
type Export = readonly [string, string, string, string];

/**
 * The names whose lookup may now find something else: a name exported differently by a changed, new or deleted
 * document (added, removed, moved within it or to another file), or exported by one of them and by another document
 * too (the linker then chooses by the cited issuer, read in the target's text). A saved document that looks up none
 * of them links as it did.
 */
export function changedNames(
    before: Export[],
    after: Export[],
    exportedElsewhere: (name: string) => number
): Set<string> {
    const key = (e: Export) => e.join('\u0000');
    const old = new Set(before.map(key));
    const now = new Set(after.map(key));
    const names = new Set<string>();
    for (const e of before) if (!now.has(key(e)) || exportedElsewhere(e[0]) > 1) names.add(e[0]);
    for (const e of after) if (!old.has(key(e)) || exportedElsewhere(e[0]) > 1) names.add(e[0]);
    return names;
}
