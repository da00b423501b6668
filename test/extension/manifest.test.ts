import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { MARGIN_RANGES } from '../../src/generate/docx.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
const pkg = read('package.json');
const vi = read('package.nls.json');

describe('the extension manifest', () => {
    test('every command has a Vietnamese title and is in the palette', () => {
        const commands = pkg.contributes.commands as { command: string; title: string }[];
        expect(commands.map(c => c.command)).toEqual([
            'thidua.exportWord',
            'thidua.exportPdf',
            'thidua.exportFolder',
            'thidua.preview',
            'thidua.newChiThi',
            'thidua.newKeHoach',
            'thidua.newBaoCao',
            'thidua.checkFolder',
            'thidua.import'
        ]);
        for (const c of commands) {
            const key = c.title.replace(/%/g, '');
            expect(vi[key], c.command).toMatch(/\p{L}/u);
        }
        expect(vi['cmd.exportWord']).toBe('Xuất ra Word');
        expect(vi['cmd.preview']).toBe('Xem trước văn bản');
        expect(vi['cmd.exportPdf']).toBe('Xuất ra PDF');
        const palette = (pkg.contributes.menus.commandPalette as { command: string }[]).map(m => m.command);
        expect(palette.sort()).toEqual(commands.map(c => c.command).sort());
        expect((pkg.contributes.menus['editor/title'] as { command: string }[]).map(m => m.command)).toEqual([
            'thidua.preview',
            'thidua.exportWord',
            'thidua.exportPdf'
        ]);
        expect((pkg.contributes.menus['explorer/context'] as { command: string }[]).map(m => m.command)).toEqual([
            'thidua.exportWord',
            'thidua.exportPdf',
            'thidua.exportFolder',
            'thidua.checkFolder',
            'thidua.import'
        ]);
    });

    test('every %key% of the manifest has its Vietnamese text, in NFC', () => {
        const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
        expect(keys.length).toBeGreaterThan(20);
        for (const k of keys) expect(vi[k], k).toBeTruthy();
        for (const s of Object.values(vi) as string[]) expect(s).toBe(s.normalize('NFC'));
    });

    test('settings stay within the standard: margins and font size', () => {
        const p = pkg.contributes.configuration.properties;
        expect([p['thidua.page.marginTop'].minimum, p['thidua.page.marginTop'].maximum]).toEqual(MARGIN_RANGES.top);
        expect([p['thidua.page.marginBottom'].minimum, p['thidua.page.marginBottom'].maximum]).toEqual(
            MARGIN_RANGES.bottom
        );
        expect([p['thidua.page.marginLeft'].minimum, p['thidua.page.marginLeft'].maximum]).toEqual(MARGIN_RANGES.left);
        expect([p['thidua.page.marginRight'].minimum, p['thidua.page.marginRight'].maximum]).toEqual(
            MARGIN_RANGES.right
        );
        expect(p['thidua.page.fontSize'].enum).toEqual([13, 14]);
        expect(Object.keys(p)).toEqual(
            expect.arrayContaining(['thidua.issuer', 'thidua.signer', 'thidua.export.folder'])
        );
    });

    test('untrusted and virtual workspaces are declared', () => {
        expect(pkg.capabilities.untrustedWorkspaces).toMatchObject({
            supported: 'limited',
            restrictedConfigurations: ['thidua.export.folder']
        });
        expect(pkg.capabilities.virtualWorkspaces.supported).toBe(false);
    });

    test('the language: .thidua with an icon, a TextMate grammar, snippets; Vietnamese quotes close; words stay whole', () => {
        const lang = pkg.contributes.languages[0];
        expect(lang).toMatchObject({ id: 'thidua', extensions: ['.thidua'] });
        expect(statSync(join(ROOT, lang.icon.light)).size).toBeGreaterThan(0);
        expect(pkg.contributes.grammars[0]).toMatchObject({ language: 'thidua', scopeName: 'source.thidua' });
        const conf = read('language/language-configuration.json');
        expect(conf.autoClosingPairs).toContainEqual({ open: '“', close: '”' });
        const word = new RegExp(conf.wordPattern, 'gu');
        expect('phấn đấu hoàn thành'.normalize('NFD').match(word)).toEqual(
            ['phấn', 'đấu', 'hoàn', 'thành'].map(w => w.normalize('NFD'))
        );
        expect('{#thu_ngan_sach 22.400}'.match(word)).toEqual(['#thu_ngan_sach', '22', '400']);
        // A paragraph is one line: wrapped on screen, as on the page.
        expect(pkg.contributes.configurationDefaults['[thidua]']['editor.wordWrap']).toBe('on');
        const snippets = read('language/snippets.json');
        // A static snippet cannot see an opened "[" or "{" or a typed list marker: those come from the server only.
        expect(snippets['Chỉ tiêu']).toBeUndefined();
        for (const [name, s] of Object.entries(snippets as Record<string, { body: string[] }>)) {
            expect(s.body[0], name).not.toMatch(/^\s*(?:[[{]|[-+]\s|\$\{1:1\}\)|\d+[.)]\s)/u);
        }
    });

    test("messages: Vietnamese whatever VS Code's display language, English by the thidua.language setting", () => {
        // VS Code has no Vietnamese display language, so drafters run it in English: a package.nls.en.json or
        // a vscode.l10n bundle would show them English. English is chosen in the extension's own setting.
        expect(pkg.l10n).toBeUndefined();
        expect(readdirSync(ROOT).filter(f => /^package\.nls\..+\.json$/.test(f))).toEqual([]);
        expect(pkg.contributes.configuration.properties['thidua.language']).toMatchObject({
            enum: ['vi', 'en'],
            default: 'vi'
        });
        const src = readdirSync(join(ROOT, 'src', 'extension'))
            .filter(f => f.endsWith('.ts'))
            .map(f => readFileSync(join(ROOT, 'src', 'extension', f), 'utf8'))
            .join('\n');
        expect(src).not.toMatch(/vscode\.l10n/);
        const messages = [...src.matchAll(/\bt\('([^']+)'/g)].map(m => m[1]);
        const english = read('language/l10n/bundle.l10n.en.json');
        expect(messages.length).toBeGreaterThan(8);
        for (const m of messages) {
            expect(m, m).toMatch(/[À-ỹĐđ]/u);
            expect(m).toBe(m.normalize('NFC'));
            expect(english[m], m).toMatch(/[A-Za-z]/);
        }
    });

    test('npm run package: a small .vsix without sources, tests or source maps', async () => {
        mkdirSync(join(ROOT, 'out'), { recursive: true });
        const r = spawnSync(
            'npx',
            [
                'vsce',
                'package',
                '--no-dependencies',
                '--allow-missing-repository',
                '--readme-path',
                'src/extension/README.md',
                '-o',
                'out/thidua-test.vsix'
            ],
            { cwd: ROOT, encoding: 'utf8' }
        );
        expect(r.status, r.stderr).toBe(0);
        const list = Object.keys(
            (await JSZip.loadAsync(readFileSync(join(ROOT, 'out', 'thidua-test.vsix')))).files
        ).join('\n');
        expect(list).toContain('extension/dist/extension.cjs');
        expect(list).toContain('extension/dist/server.cjs');
        expect(list).not.toMatch(/\.map\b|extension\/test\/|\.ts\b|node_modules/);
        expect(statSync(join(ROOT, 'out', 'thidua-test.vsix')).size).toBeLessThan(2 * 1024 * 1024);
    }, 60_000);
});
