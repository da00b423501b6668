// The drafter's documents in the browser's storage: they survive a reload; nothing leaves the machine.
// Each document has a key of its own, and a tab writes only the documents it changed: two tabs of the page do not
// overwrite each other's work, and when the storage is full the other documents still save.

const PREFIX = 'thidua.doc:';
/** The one key of the first version of the page, which held every document (read, then moved). */
const OLD_KEY = 'thidua.documents';
const CURRENT = 'thidua.current';

export type Documents = Record<string, string>;

export function loadDocuments(storage: Storage): Documents {
    const documents: Documents = {};
    try {
        const old = JSON.parse(storage.getItem(OLD_KEY) ?? '{}') as unknown;
        if (old && typeof old === 'object')
            for (const [name, text] of Object.entries(old as Record<string, unknown>))
                if (typeof text === 'string') documents[name] = text;
    } catch {
        // Not what the page wrote: the documents of their own keys are read below.
    }
    for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(PREFIX)) documents[key.slice(PREFIX.length)] = storage.getItem(key) ?? '';
    }
    return documents;
}

/** The documents the first version of the page kept under its one key, to be saved under their own keys. */
export function documentsToMove(storage: Storage): string[] {
    try {
        const old = JSON.parse(storage.getItem(OLD_KEY) ?? '{}') as unknown;
        return old && typeof old === 'object' ? Object.keys(old) : [];
    } catch {
        return [];
    }
}

/** Saves the named documents; returns those the browser refused (storage full or disabled). */
export function saveDocuments(storage: Storage, documents: Documents, names: Iterable<string>): string[] {
    const refused: string[] = [];
    for (const name of names) {
        try {
            storage.setItem(PREFIX + name, documents[name]);
        } catch {
            refused.push(name);
        }
    }
    if (!refused.length) {
        try {
            if (storage.getItem(OLD_KEY) !== null) storage.removeItem(OLD_KEY);
        } catch {
            // Left as it was: its documents are read again and saved under their own keys.
        }
    }
    return refused;
}

/** The name of a document's key, or undefined for any other key of the page's storage. */
export function documentOfKey(key: string | null): string | undefined {
    return key?.startsWith(PREFIX) ? key.slice(PREFIX.length) : undefined;
}

export function saveCurrent(storage: Storage, name: string): void {
    try {
        storage.setItem(CURRENT, name);
    } catch {
        // Which document was open is not worth a message.
    }
}

export function currentName(storage: Storage): string | undefined {
    return storage.getItem(CURRENT) ?? undefined;
}

/** A file name not yet used: "ke-hoach.thidua", "ke-hoach-2.thidua" … */
export function freeName(documents: Documents, base: string): string {
    const stem = base.replace(/\.thidua$/i, '');
    for (let i = 1; ; i++) {
        const name = i === 1 ? `${stem}.thidua` : `${stem}-${i}.thidua`;
        if (!(name in documents)) return name;
    }
}
