import { describe, expect, test } from 'vitest';
import { escapeHtml, generateHtml } from '../../src/generate/html.js';
import { isDocument } from '../../src/language/generated/ast.js';
import { KE_HOACH, edit } from '../checks/check-helpers.js';
import { loadExamples, parse } from '../helpers.js';

describe('HTML export', () => {
    test('the same layout: header columns, title, body, footer columns', async () => {
        const doc = (await loadExamples()).get('002-ke-hoach-tam-duong-20-nam.thidua')!;
        const html = generateHtml(doc.parseResult.value);
        expect(html).toMatch(
            /<table class="cols header"><tr><td class="left"><p class="so">Số: \/KH-UBND<\/p><\/td><td class="right"><p class="quoc-hieu">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<\/p>/
        );
        expect(html).toContain('<p class="ten-loai">KẾ HOẠCH</p>');
        expect(html).toContain('<p class="muc">I. MỤC ĐÍCH, YÊU CẦU</p>');
        expect(html).toContain('<p class="noi-nhan-tieu-de">Nơi nhận:</p>');
        expect(html).toContain('<p class="ho-ten">Sùng Lữ Páo</p>');
    });

    test("for the editor's preview: each block's source lines and the findings on them; the export has neither", async () => {
        const doc = await parse(KE_HOACH);
        const lines = KE_HOACH.split('\n');
        const at = lines.findIndex(l => /^I\. /.test(l));
        const plain = generateHtml(doc.parseResult.value);
        expect(plain).not.toContain('data-line');
        expect(plain).toContain('<meta name="generator" content="thidua">');
        const marks = [
            { line: at, severity: 'warning' as const, message: 'Thiếu <mục> & "x"' },
            { line: at, severity: 'error' as const, message: 'Lỗi' }
        ];
        const html = generateHtml(doc.parseResult.value, { source: { marks } });
        // The worst finding gives the colour; every message is in the title, escaped.
        expect(html).toContain(
            `<p class="muc danh-dau loi" data-line="${at}" data-end="${at}" title="Thiếu &lt;mục&gt; &amp; &quot;x&quot;\nLỗi">`
        );
        const unmarked = [...html.matchAll(/<p class="([^"]+)" data-line="(\d+)" data-end="(\d+)">/g)];
        expect(unmarked.length).toBeGreaterThan(5);
        for (const [, , first, last] of unmarked) expect(Number(first)).toBeLessThanOrEqual(Number(last));
        // Each placed block's text is on its source lines.
        const khoan = /<p class="khoan" data-line="(\d+)" data-end="\d+">([^<]{12})/.exec(html)!;
        expect(lines[Number(khoan[1])]).toContain(khoan[2].trim());
        // A script only with a nonce, and only the host's.
        expect(html).not.toContain('<script');
        expect(generateHtml(doc.parseResult.value, { nonce: 'n1', script: 'void 0;' })).toContain(
            '<script nonce="n1">void 0;</script>'
        );
    });

    test('a notice above the page, escaped, only when asked', async () => {
        const doc = await parse(KE_HOACH);
        expect(generateHtml(doc.parseResult.value)).not.toContain('class="notice"');
        const html = generateHtml(doc.parseResult.value, { notice: 'Văn bản còn lỗi cú pháp ở dòng 3 <b>' });
        expect(html).toContain(
            '<p class="notice" role="alert">Văn bản còn lỗi cú pháp ở dòng 3 &lt;b&gt;</p>\n<div class="page">'
        );
    });

    test('self-contained: a strict CSP, no remote resource, no script', async () => {
        const doc = await parse(KE_HOACH);
        const html = generateHtml(doc.parseResult.value);
        expect(html).toContain(
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">`
        );
        expect(html).not.toMatch(/\b(?:src|href)=/);
        expect(html).not.toMatch(/https?:\/\/|<script|<link/);
    });

    test('every piece of document text is escaped', async () => {
        const hostile = edit(
            KE_HOACH,
            'Phong trào thi đua thiết thực',
            '<script>alert(1)</script> <img src=x onerror=alert(2)> &amp; "quote" \'q\' Phong trào thi đua thiết thực'
        );
        const doc = await parse(hostile);
        expect(isDocument(doc.parseResult.value)).toBe(true);
        const html = generateHtml(doc.parseResult.value);
        expect(html).toContain(
            '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &amp;amp; &quot;quote&quot; &#39;q&#39;'
        );
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<img');
        expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
    });

    test("a nonce opens the CSP to the host page's own script only", async () => {
        const html = generateHtml((await parse(KE_HOACH)).parseResult.value, { nonce: 'abc123' });
        expect(html).toContain("script-src 'nonce-abc123'");
    });
});
