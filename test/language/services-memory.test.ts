// Tests, the fuzzer and the worker threads make sets of services one after another: what one set keeps for the life
// of the process must stay small (1,500 fuzzed documents ran out of a 4 GB heap when each kept its lexer's hints).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('a set of services', () => {
    test('once dropped, keeps less than 1 MB of the heap (its lexer and parser made)', () => {
        const make = () => {
            const { Thidua } = createThiduaServices(EmptyFileSystem);
            return Thidua.parser.LangiumParser !== undefined && Thidua.parser.Lexer !== undefined;
        };
        make();
        gc();
        const before = process.memoryUsage().heapUsed;
        for (let i = 0; i < 20; i++) expect(make()).toBe(true);
        gc();
        const perSet = (process.memoryUsage().heapUsed - before) / 20;
        expect(perSet).toBeLessThan(1_000_000);
    });
});
