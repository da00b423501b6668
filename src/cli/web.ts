import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Io } from './export.js';

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.ttf': 'font/ttf',
    '.txt': 'text/plain; charset=utf-8'
};

/** The page's policy: its own files only, no eval, nothing fetched from elsewhere. */
export const WEB_CSP =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
    "img-src 'self' data: blob:; worker-src 'self'; connect-src 'self'; frame-src 'self' about:; object-src 'none'; " +
    "base-uri 'none'";
/** Sent as a header only (a page's own policy cannot say it): no other site may show the page in a frame. */
const FRAMES = "; frame-ancestors 'none'";

/**
 * Serves the drafting page (`npm run web` builds it into `dir`) on this machine only (127.0.0.1): each file of the
 * folder as it is, nothing else. Resolves with the server once it listens.
 */
export function serveWeb(dir: string, port: number): Promise<Server> {
    const root = normalize(dir + sep);
    const server = createServer((request, response) => {
        const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
            response.writeHead(status, {
                'Content-Type': type,
                'Content-Security-Policy': WEB_CSP + FRAMES,
                'X-Frame-Options': 'DENY',
                'X-Content-Type-Options': 'nosniff',
                'Cache-Control': 'no-cache'
            });
            response.end(body);
        };
        if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Chỉ đọc.');
        // Only this machine's own names: another site's name pointed at 127.0.0.1 gets nothing.
        if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/i.test(request.headers.host ?? ''))
            return send(403, 'Không được phép.');
        let path: string;
        try {
            path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
        } catch {
            return send(400, 'Địa chỉ không hợp lệ.');
        }
        const file = normalize(join(root, path === '/' ? 'index.html' : path));
        if (!file.startsWith(root)) return send(404, 'Không có tệp này.');
        readFile(file).then(
            body => send(200, body, TYPES[extname(file)] ?? 'application/octet-stream'),
            () => send(404, 'Không có tệp này.')
        );
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(server));
    });
}

/** `thidua web [--port N]`: serves the page until the drafter stops it (Ctrl+C). */
export async function webCommand(dir: string, port: number, io: Io): Promise<number> {
    if (!existsSync(join(dir, 'index.html'))) {
        io.err('Chưa có trang soạn thảo: hãy chạy "npm run web" một lần để tạo nó, rồi chạy lại lệnh này.\n');
        return 2;
    }
    try {
        const server = await serveWeb(dir, port);
        const address = server.address();
        const at = typeof address === 'object' && address ? address.port : port;
        io.out(`Trang soạn thảo: http://127.0.0.1:${at}/ (chỉ máy này mở được; bấm Ctrl+C để dừng).\n`);
        await new Promise(resolve => server.once('close', resolve));
        return 0;
    } catch (e) {
        const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
        io.err(
            busy
                ? `Cổng ${port} đang được dùng: hãy chọn cổng khác, ví dụ "thidua web --port ${port + 1}".\n`
                : 'Không mở được trang soạn thảo trên máy này.\n'
        );
        return 2;
    }
}
