// `thidua web`: the page served on this machine only, nothing outside its folder, clear Vietnamese on bad use.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.js';
import { serveWeb, WEB_CSP } from '../../src/cli/web.js';

const dir = mkdtempSync(join(tmpdir(), 'thidua-web-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A raw GET, the path sent as written (fetch would normalise "/../"). */
function get(port: number, path: string, host?: string): Promise<{ status: number; body: string; csp?: string }> {
    return new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, headers: host ? { host } : {} }, res => {
            let body = '';
            res.on('data', c => (body += c));
            res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string })
            );
        });
        req.on('error', reject);
        req.end();
    });
}

describe('thidua web', () => {
    test('serves the folder on 127.0.0.1 with the page policy; nothing outside the folder', async () => {
        const site = join(dir, 'site');
        mkdirSync(site);
        writeFileSync(join(site, 'index.html'), '<p>trang</p>');
        writeFileSync(join(dir, 'bi-mat.txt'), 'không được lộ');
        const server = await serveWeb(site, 0);
        try {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
            const page = await get(port, '/');
            expect(page).toMatchObject({
                status: 200,
                body: '<p>trang</p>',
                csp: `${WEB_CSP}; frame-ancestors 'none'`
            });
            for (const path of ['/../bi-mat.txt', '/%2e%2e/bi-mat.txt', '/khong-co.js'])
                expect((await get(port, path)).status, path).toBe(404);
            // A malformed address is refused and the server goes on; another site's name gets nothing.
            expect(await get(port, '/%')).toMatchObject({ status: 400, body: 'Địa chỉ không hợp lệ.' });
            expect((await get(port, '/')).status).toBe(200);
            expect((await get(port, '/', 'evil.example')).status).toBe(403);
        } finally {
            await new Promise(resolve => server.close(resolve));
        }
    });

    test('bad use and a page not built yet: exit 2, in Vietnamese', async () => {
        const err: string[] = [];
        const io = { out: () => undefined, err: (s: string) => err.push(s) };
        expect(await run(['web', '--port', 'tám'], io)).toBe(2);
        expect(err.join('')).toContain('Hãy viết "thidua web" hoặc "thidua web --port 8417".');
        process.env.THIDUA_WEB_DIR = join(dir, 'chua-co');
        try {
            expect(await run(['web'], io)).toBe(2);
            expect(err.join('')).toContain('Chưa có trang soạn thảo: hãy chạy "npm run web"');
        } finally {
            delete process.env.THIDUA_WEB_DIR;
        }
    });
});
