import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type IMultiModeLexerDefinition, type IToken } from 'chevrotain';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { forgetRowLine } from '../../src/language/syntax/thidua-token-builder.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { rng } from '../bench/generate.js';
import { mutate, seeds } from '../robustness/fuzz-lib.js';

const { Thidua } = createThiduaServices(EmptyFileSystem);
const definition = () =>
    Thidua.parser.TokenBuilder.buildTokens(Thidua.Grammar, { caseInsensitive: false }) as IMultiModeLexerDefinition;

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real');
const realTexts = readdirSync(REAL)
    .filter(f => f.endsWith('.txt'))
    .map(f => readFileSync(join(REAL, f), 'utf8'));

function shape(tokens: IToken[]): string[] {
    return tokens.map(t => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
}

describe('the lexer picks candidate tokens by their first character', () => {
    test('every token of every mode says which characters it may start with', () => {
        // Without them the lexer tries every token at every position (its first-character table is switched off).
        expect(() => new Lexer(definition(), { ensureOptimizations: true, positionTracking: 'full' })).not.toThrow();
    });

    test('and lexes every text exactly as a lexer trying every token does', () => {
        const safe = new Lexer(definition(), { safeMode: true, positionTracking: 'full' });
        const r = rng(20);
        const texts = [...seeds, ...realTexts];
        for (const seed of seeds) for (let k = 0; k < 60; k++) texts.push(mutate(seed, r));
        let compared = 0;
        for (const text of texts) {
            const ours = Thidua.parser.Lexer.tokenize(text);
            forgetRowLine();
            const all = safe.tokenize(text);
            // The server's lexer ends the last line with an empty line break.
            const tokens = ours.tokens.filter(t => !(t.image === '' && t.startOffset === text.length));
            expect(shape(tokens)).toEqual(shape(all.tokens));
            expect(ours.errors.map(e => e.offset)).toEqual(all.errors.map(e => e.offset));
            compared += tokens.length;
        }
        expect(compared).toBeGreaterThan(50_000);
    });
});
