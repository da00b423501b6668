// The layers of src/, and imports pointing one way (type-only imports are erased and may look up).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Each top folder of src/ and the folders its code may import from (besides itself). */
const LAYERS: Record<string, string[]> = {
    domain: [],
    language: ['domain'],
    generate: ['domain', 'language'],
    import: ['domain', 'language'],
    io: ['domain'],
    cli: ['domain', 'language', 'generate', 'import', 'io'],
    server: ['domain', 'language', 'generate', 'import', 'io', 'cli'],
    extension: ['io'],
    web: ['domain', 'language', 'generate', 'import']
};

function files(dir: string): string[] {
    return readdirSync(dir).flatMap(f => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
}

/** The value imports of a file: `import … from './x.js'`, `export … from`, `import('./x.js')`; not `import type`. */
function valueImports(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const found = [
        ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gms),
        ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
        ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)
    ];
    return found.map(m => m[1]).filter(s => s.startsWith('.'));
}

/**
 * The layers inside src/language/, as in Langium's own grammar language (generated/, references/, validation/,
 * workspace/, lsp/ under the folder that holds the module): each may import the ones listed.
 * `thidua-module.ts`, at the folder's root, wires them all.
 */
const LANGUAGE_LAYERS: Record<string, string[]> = {
    generated: [],
    internals: [],
    syntax: ['generated', 'internals'],
    workspace: ['generated', 'internals', 'syntax'],
    model: ['generated', 'syntax', 'workspace'],
    references: ['generated', 'syntax', 'model'],
    validation: ['generated', 'syntax', 'model', 'references'],
    lsp: ['generated', 'syntax', 'model', 'references', 'validation'],
    '(module)': ['generated', 'internals', 'syntax', 'workspace', 'model', 'references', 'validation', 'lsp']
};

const layerOf = (p: string) => relative(SRC, p).split(/[\\/]/)[0];
const languageLayerOf = (p: string) => {
    const parts = relative(join(SRC, 'language'), p).split(/[\\/]/);
    return parts.length === 1 ? '(module)' : parts[0];
};

describe('layers', () => {
    test('every folder of src/ is a layer, and imports point only to the layers below it', () => {
        const top = readdirSync(SRC).filter(f => statSync(join(SRC, f)).isDirectory());
        expect(top.sort()).toEqual(Object.keys(LAYERS).sort());
        const wrong: string[] = [];
        for (const file of files(SRC)) {
            const from = layerOf(file);
            for (const spec of valueImports(file)) {
                const to = layerOf(resolve(dirname(file), spec));
                // Files outside src/ (the extension's message bundle) are data, not a layer.
                if (to === '..') continue;
                if (to !== from && !LAYERS[from].includes(to)) wrong.push(`${relative(SRC, file)} → ${spec}`);
            }
        }
        expect(wrong).toEqual([]);
    });

    test('inside src/language/, the layers from the syntax up to the editor features import downwards only', () => {
        const dir = join(SRC, 'language');
        const top = readdirSync(dir).filter(f => statSync(join(dir, f)).isDirectory());
        expect(top.sort()).toEqual(
            Object.keys(LANGUAGE_LAYERS)
                .filter(l => l !== '(module)')
                .sort()
        );
        const wrong: string[] = [];
        for (const file of files(dir)) {
            const from = languageLayerOf(file);
            for (const spec of valueImports(file)) {
                const target = resolve(dirname(file), spec);
                if (layerOf(target) !== 'language') continue;
                const to = languageLayerOf(target);
                if (to !== from && !LANGUAGE_LAYERS[from].includes(to)) wrong.push(`${relative(SRC, file)} → ${spec}`);
            }
        }
        expect(wrong).toEqual([]);
    });

    test('the check sees an import that points up', () => {
        const probe = "import { x } from '../cli/main.js';\nimport type { Y } from '../server/z.js';\n";
        const specs = [...probe.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gms)].map(
            m => m[1]
        );
        expect(specs).toEqual(['../cli/main.js']);
    });
});
