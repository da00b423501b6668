import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stream, URI, type LangiumDocument, type Stream } from 'langium';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { describe, expect, test } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';

describe('indexing the folder in the editor', () => {
    test('a file over 10 MB, a binary file and a TCVN3 file are left out; documents are indexed', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-index-'));
        writeFileSync(join(dir, 'dung.thidua'), 'KẾ HOẠCH\nVề việc thi đua\n');
        writeFileSync(join(dir, 'anh.thidua'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
        writeFileSync(join(dir, 'tcvn3.thidua'), Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x0a]));
        const fd = openSync(join(dir, 'lon.thidua'), 'w');
        ftruncateSync(fd, 50 * 1024 * 1024);
        closeSync(fd);
        const { shared } = createThiduaServices(ThiduaFileSystem);
        const loaded: string[] = [];
        const manager = shared.workspace.WorkspaceManager as unknown as {
            loadWorkspaceDocuments(u: Stream<URI>, c: (d: LangiumDocument) => void): Promise<void>;
        };
        const errors: string[] = [];
        const original = console.error;
        console.error = (m: string) => {
            errors.push(m);
        };
        try {
            await manager.loadWorkspaceDocuments(
                stream(['dung', 'anh', 'tcvn3', 'lon'].map(n => URI.file(join(dir, `${n}.thidua`)))),
                d => loaded.push(d.uri.path.split('/').pop()!)
            );
        } finally {
            console.error = original;
        }
        expect(loaded).toEqual(['dung.thidua']);
        expect(errors.join('\n')).toContain('lon.thidua quá lớn (50.0 MB)');
        expect(errors.join('\n')).toContain('anh.thidua là tệp nhị phân');
        expect(errors.join('\n')).toContain(
            'tcvn3.thidua không phải văn bản Unicode (UTF-8); có vẻ được gõ bằng bảng mã TCVN3'
        );
    });
});
