// The drafter's documents in the browser's storage: they survive a reload; nothing leaves the machine.

const KEY = 'thidua.documents';
const CURRENT = 'thidua.current';

export type Documents = Record<string, string>;

export function loadDocuments(storage: Storage): Documents {
    try {
        const parsed = JSON.parse(storage.getItem(KEY) ?? '{}') as unknown;
        if (!parsed || typeof parsed !== 'object') return {};
        return Object.fromEntries(
            Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === 'string')
        ) as Documents;
    } catch {
        return {};
    }
}

/** Saves every document; false when the browser refuses (storage full or disabled). */
export function saveDocuments(storage: Storage, documents: Documents, current: string): boolean {
    try {
        storage.setItem(KEY, JSON.stringify(documents));
        storage.setItem(CURRENT, current);
        return true;
    } catch {
        return false;
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
