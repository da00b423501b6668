// A check of a large folder builds it a chunk at a time and drops each chunk's trees: its findings must be those of
// one build holding every tree, including the ones that compare documents across the folder.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPaths, type CheckedFile } from '../../src/cli/workspace.js';
import { isLoaded } from '../../src/language/workspace/thidua-document-factory.js';
import { EXAMPLES_DIR, codeOf } from '../helpers.js';

function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-chunks-'));
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    const plan = readFileSync(join(EXAMPLES_DIR, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
    for (let i = 0; i < 12; i++)
        writeFileSync(
            join(dir, `them-${String(i).padStart(2, '0')}.thidua`),
            plan.replace('Hương Trà', `Hương Trà ${i}`)
        );
    // The same directive cited on another date: found only by comparing with the other files.
    writeFileSync(
        join(dir, 'zz-khac-ngay.thidua'),
        'KẾ HOẠCH\nThi đua\n\nCăn cứ [Chỉ thị số 34-CT/TW ngày 08/4/2014 của Bộ Chính trị] về thi đua.\n'
    );
    // Read again from the disk by the second pass: a UTF-16 file must read the same.
    const utf16 = '\uFEFFKẾ HOẠCH\nThi đua\n\nThực hiện [Chỉ thị số 99/CT-XYZ ngày 01/01/2024 của UBND tỉnh].\n';
    writeFileSync(join(dir, 'utf16.thidua'), Buffer.from(utf16, 'utf16le'));
    return dir;
}

const shown = (files: CheckedFile[]) =>
    files.map(f => ({ file: f.file, found: f.diagnostics.map(d => [codeOf(d), d.message, d.range, d.severity]) }));

describe('thidua check of a folder larger than a chunk', () => {
    test('finds what one build finds, across files too, holding one chunk of trees at a time', async () => {
        const dir = folder();
        const whole = await checkPaths([dir]);
        const chunked = await checkPaths([dir], { chunk: 4 });
        expect(shown(chunked)).toEqual(shown(whole));
        const codes = whole.flatMap(f => f.diagnostics.map(d => codeOf(d)));
        expect(codes).toContain('trich-dan-mau-thuan');
        expect(codes).toContain('trich-dan-chua-dang-ky');
        expect(whole.every(f => isLoaded(f.document))).toBe(true);
        expect(chunked.filter(f => isLoaded(f.document)).length).toBeLessThanOrEqual(4);
    });
});
