// The extension is a thin client of the language server: its bundle holds no parser, grammar or checks.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Requests } from '../../src/server/thidua-requests.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'extension.cjs');

describe('the extension bundle', () => {
    test('holds no language code: no Langium, no Chevrotain, no grammar, no checks (npm test builds it first)', () => {
        expect(existsSync(BUNDLE), 'dist/extension.cjs (npm run build)').toBe(true);
        const code = readFileSync(BUNDLE, 'utf8');
        for (const sign of [
            'chevrotain',
            'LangiumParser',
            'createThiduaServices',
            'ThiduaGrammar',
            'checkCitations',
            'Packer.toBuffer',
            'mammoth'
        ]) {
            expect(code.includes(sign), sign).toBe(false);
        }
        // The server's bundle, by contrast, has them (the signs are real).
        const server = readFileSync(join(ROOT, 'dist', 'server.cjs'), 'utf8');
        expect(server).toContain('chevrotain');
        expect(server).toContain('createThiduaServices');
        expect(statSync(BUNDLE).size).toBeLessThan(1_500_000);
    });

    test('asks the server by the methods the server answers', () => {
        // protocol.ts needs the vscode module to load: its methods are read from its text.
        const source = readFileSync(join(ROOT, 'src', 'extension', 'protocol.ts'), 'utf8');
        const methods = [...source.matchAll(/new RequestType<[^>]*>\('([^']+)'\)/gs)].map(m => m[1]);
        expect(methods.sort()).toEqual(Object.values(Requests).sort());
    });
});
