// The language server saves the folder's index at the end of a start-up; the next session takes back every file
// whose bytes are unchanged instead of parsing it, and must then answer exactly as a session that parsed them all.
import {
    mkdtempSync,
    readdirSync,
    readFileSync,
    renameSync,
    rmSync,
    statSync,
    utimesSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument, URI } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { isLoaded } from '../../src/language/workspace/thidua-document-factory.js';
import type { IndexStore } from '../../src/language/workspace/saved-index.js';
import { digestsOf, indexAsText, plansFolder, startCounting, store } from './lsp-helpers.js';

const start = (dir: string, indexStore?: IndexStore) => startCounting(dir, { indexStore });
type Services = Awaited<ReturnType<typeof start>>;

const folder = () => plansFolder('thidua-saved-', 60);
const index = (s: Services, dir: string) => indexAsText(s.shared, dir);

const digests = (s: Services, dir: string) => digestsOf(s, dir);

/** Starts on the folder with `saved`, running `act` once, just before the first parse of a file `when` accepts. */
function startChanging(dir: string, saved: IndexStore, when: (uri: URI) => boolean, act: (s: Shared) => void) {
    let done = false;
    return startCounting(dir, {
        indexStore: saved,
        prepare: ({ shared }) => {
            const factory = shared.workspace.LangiumDocumentFactory as unknown as {
                parse(uri: URI, text: string): unknown;
            };
            const parse = factory.parse.bind(factory);
            factory.parse = (uri: URI, text: string) => {
                if (!done && when(uri)) {
                    done = true;
                    act(shared);
                }
                return parse(uri, text);
            };
        }
    });
}
type Shared = Services['shared'];

/** The plan's date of issue changed (29 → 30 December); its new text. */
function redate(file: string): string {
    const text = readFileSync(file, 'utf8').replace('ngày 29 tháng 12', 'ngày 30 tháng 12');
    writeFileSync(file, text);
    return text;
}

/** The day of the date of issue a session holds for a file. */
const dayOf = (s: Services, dir: string, f: string) => digests(s, dir).find(d => d.f === f)?.own?.date?.day;

describe('the index saved between sessions', () => {
    test('a second session parses no file and answers as a session that parsed them all', async () => {
        const dir = folder();
        const { store: saved } = store();
        const first = await start(dir, saved);
        await saved.saved();
        expect(saved.writes).toBe(1);
        expect(first.parsed.length).toBeGreaterThanOrEqual(readdirSync(dir).length);

        const second = await start(dir, saved);
        expect(second.parsed).toEqual([]);
        expect(isLoaded(second.doc('them-007.thidua'))).toBe(false);
        // Nothing changed: nothing written again.
        expect(saved.writes).toBe(1);

        const plain = await start(dir);
        expect(index(second, dir)).toEqual(index(plain, dir));
        expect(index(second, dir).references.length).toBeGreaterThan(60);
        expect(digests(second, dir)).toEqual(digests(plain, dir));

        // The unresolved citation is still known as such: the registry gaining it links the file again.
        writeFileSync(
            join(dir, 'so-van-ban.thidua'),
            readFileSync(join(dir, 'so-van-ban.thidua'), 'utf8') +
                '- [Chỉ thị số 99/CT-XYZ ngày 01/01/2024 của UBND tỉnh] về thi đua\n'
        );
        await second.shared.workspace.DocumentBuilder.update([URI.file(join(dir, 'so-van-ban.thidua'))], []);
        expect(index(second, dir).references.filter(r => r.startsWith('chua-co'))).toEqual([
            expect.stringContaining('→ so-van-ban.thidua')
        ]);
    });

    test('files changed, added and deleted between sessions: only they and the files whose links change are parsed', async () => {
        const dir = folder();
        const { store: saved } = store();
        await start(dir, saved);
        await saved.saved();

        // The registry gains the number "chua-co" cites; a plan with indicator ids is deleted (a report links to
        // them); a new plan; one plan edited.
        writeFileSync(
            join(dir, 'so-van-ban.thidua'),
            readFileSync(join(dir, 'so-van-ban.thidua'), 'utf8') +
                '- [Chỉ thị số 99/CT-XYZ ngày 01/01/2024 của UBND tỉnh] về thi đua\n'
        );
        rmSync(join(dir, '000-chi-thi-ha-lang-2023.thidua'));
        writeFileSync(
            join(dir, 'moi.thidua'),
            'KẾ HOẠCH\nThi đua mới\n\nThực hiện [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị].\n'
        );
        writeFileSync(
            join(dir, 'them-005.thidua'),
            readFileSync(join(dir, 'them-005.thidua'), 'utf8').replace('Hương Trà 5', 'Hương Trà năm')
        );

        const second = await start(dir, saved);
        const plain = await start(dir);
        expect(index(second, dir)).toEqual(index(plain, dir));
        expect(digests(second, dir)).toEqual(digests(plain, dir));
        expect(index(second, dir).references.filter(r => r.startsWith('chua-co'))).toEqual([
            expect.stringContaining('→ so-van-ban.thidua')
        ]);
        expect(index(second, dir).exported.some(e => e.startsWith('000-chi-thi'))).toBe(false);
        const parsed = new Set(second.parsed);
        for (const f of ['so-van-ban.thidua', 'moi.thidua', 'them-005.thidua', 'chua-co.thidua'])
            expect(parsed.has(f)).toBe(true);
        expect(parsed.has('them-007.thidua')).toBe(false);
        expect(parsed.size).toBeLessThan(12);

        // The new session's index is saved for the next one, which then parses nothing.
        await saved.saved();
        expect(saved.writes).toBe(2);
        const third = await start(dir, saved);
        expect(third.parsed).toEqual([]);
        expect(index(third, dir)).toEqual(index(plain, dir));
    });

    test('a file changed while the folder is read is saved as it was built: the next session takes it back', async () => {
        const dir = folder();
        const { store: saved } = store();
        // The first file parsed (one the others link to) is parsed after the whole folder was read, before the plan
        // is built: the plan is edited in between.
        const first = await startChanging(
            dir,
            saved,
            () => true,
            () => redate(join(dir, 'them-042.thidua'))
        );
        expect(first.parsed).toContain('them-042.thidua');
        expect(dayOf(first, dir, 'them-042.thidua')).toBe(30);
        await saved.saved();
        const second = await start(dir, saved);
        expect(second.parsed).toEqual([]);
        expect(dayOf(second, dir, 'them-042.thidua')).toBe(30);
        const plain = await start(dir);
        expect(index(second, dir)).toEqual(index(plain, dir));
        expect(digests(second, dir)).toEqual(digests(plain, dir));
    });

    test('a file built, then opened and saved changed before start-up ends, is not taken back as built', async () => {
        const dir = folder();
        const { store: saved } = store();
        const edited = join(dir, 'them-010.thidua');
        // Long after them-010 was built (and its tree dropped): it is opened, edited and saved.
        await startChanging(
            dir,
            saved,
            uri => uri.fsPath.endsWith('them-050.thidua'),
            shared => {
                const text = redate(edited);
                (shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(
                    TextDocument.create(URI.file(edited).toString(), 'thidua', 2, text)
                );
            }
        );
        expect(readFileSync(edited, 'utf8')).toContain('ngày 30 tháng 12');
        await saved.saved();
        const second = await start(dir, saved);
        expect(second.parsed).toContain('them-010.thidua');
        expect(dayOf(second, dir, 'them-010.thidua')).toBe(30);
        expect(digests(second, dir)).toEqual(digests(await start(dir), dir));
    });

    test('a file renamed between sessions: the files that link to it link to its new name', async () => {
        const dir = folder();
        const { store: saved } = store();
        await start(dir, saved);
        await saved.saved();
        // The plan whose indicator ids the reports link to, under another name; its text unchanged.
        renameSync(join(dir, '000-chi-thi-ha-lang-2023.thidua'), join(dir, 'z-chi-thi-ha-lang.thidua'));
        const second = await start(dir, saved);
        const plain = await start(dir);
        expect(index(second, dir)).toEqual(index(plain, dir));
        expect(index(second, dir).references.some(r => r.startsWith('bao-cao') && r.includes('→ z-chi-thi'))).toBe(
            true
        );
        expect(index(second, dir).references.some(r => r.includes('000-chi-thi'))).toBe(false);
    });

    test('an index written by another thidua, or damaged, is not used; a store that cannot write loses nothing', async () => {
        const dir = folder();
        const { dir: cache, store: saved } = store();
        await start(dir, saved);
        await saved.saved();
        const plain = await start(dir);

        // One entry changed by hand (its fingerprint kept): that file is parsed, the others are taken back.
        const [saved1] = readdirSync(cache);
        const data = JSON.parse(readFileSync(join(cache, saved1), 'utf8')) as { documents: [string, object][] };
        const entry = data.documents.find(([uri]) => uri.endsWith('them-007.thidua'))!;
        entry[1] = { ...entry[1], exports: 'hỏng', digest: null };
        writeFileSync(join(cache, saved1), JSON.stringify(data));
        const edited = await start(dir, saved);
        // (and the registry it links to, parsed again to find the cited entry)
        expect(edited.parsed.sort()).toEqual(['so-van-ban.thidua', 'them-007.thidua']);
        expect(index(edited, dir)).toEqual(index(plain, dir));
        await saved.saved();

        const otherStore = store(cache, 'code-2').store;
        const other = await start(dir, otherStore);
        await otherStore.saved();
        expect(other.parsed.length).toBeGreaterThanOrEqual(readdirSync(dir).length);
        expect(index(other, dir)).toEqual(index(plain, dir));

        for (const file of readdirSync(cache)) writeFileSync(join(cache, file), '{"format":1,"code":"code-1","docu');
        const damaged = await start(dir, saved);
        expect(damaged.parsed.length).toBeGreaterThanOrEqual(readdirSync(dir).length);
        expect(index(damaged, dir)).toEqual(index(plain, dir));

        const blocked = join(mkdtempSync(join(tmpdir(), 'thidua-index-')), 'tep');
        writeFileSync(blocked, '');
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const unwritable = store(join(blocked, 'index')).store;
        const s = await start(dir, unwritable);
        await expect(unwritable.saved()).rejects.toThrow();
        expect(errors.mock.calls.flat().join('\n')).toContain('không lưu được chỉ mục');
        errors.mockRestore();
        expect(index(s, dir)).toEqual(index(plain, dir));
    });

    test('a saved index not used for 60 days, or a temporary file an hour old, is removed when another is saved; one in use is kept', async () => {
        const dir = folder();
        const { dir: cache, store: saved } = store();
        writeFileSync(join(cache, 'cu.json'), '{}');
        writeFileSync(join(cache, 'moi.json'), '{}');
        // Temporary files of servers killed while saving: one two hours old, one being written now.
        writeFileSync(join(cache, 'x.json.123.tmp'), '{"format');
        writeFileSync(join(cache, 'x.json.456.tmp'), '{"format');
        const old = new Date(Date.now() - 61 * 24 * 3600 * 1000);
        utimesSync(join(cache, 'cu.json'), old, old);
        const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
        utimesSync(join(cache, 'x.json.123.tmp'), hoursAgo, hoursAgo);
        await start(dir, saved);
        await saved.saved();
        const files = readdirSync(cache);
        expect(files).toContain('moi.json');
        expect(files).not.toContain('cu.json');
        expect(files).not.toContain('x.json.123.tmp');
        expect(files).toContain('x.json.456.tmp');
        // Reading an index marks it as used.
        const [own] = files.filter(f => f !== 'moi.json' && !f.endsWith('.tmp'));
        utimesSync(join(cache, own), old, old);
        expect((await start(dir, saved)).parsed).toEqual([]);
        expect(statSync(join(cache, own)).mtimeMs).toBeGreaterThan(old.getTime() + 1000);
    });
});
