// code-server (VS Code in the browser, from npm) and Debian's Chromium, as the end-to-end tests start them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../chromium.js';

export const CODE_SERVER = join(
    process.env.THIDUA_CODE_SERVER_DIR ?? join(homedir(), '.cache', 'thidua', 'code-server'),
    'node_modules',
    '.bin',
    'code-server'
);
export { CHROMIUM };

export interface Workbench {
    server: ChildProcess;
    browser: Browser;
    page: Page;
}

/**
 * Installs `vsix` in a code-server of its own (profile, extensions and caches under `dir`), serves `folder` on
 * 127.0.0.1:`port` and opens it in Chromium. `env` is added to code-server's environment.
 */
export async function openWorkbench(
    dir: string,
    vsix: string,
    folder: string,
    port: number,
    env: Record<string, string> = {}
): Promise<Workbench> {
    const environment = {
        ...process.env,
        ...env,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        TMPDIR: join(dir, 'tmp')
    };
    for (const d of ['config', 'data', 'cache', 'tmp', 'ext']) mkdirSync(join(dir, d), { recursive: true });
    const common = ['--user-data-dir', join(dir, 'data'), '--extensions-dir', join(dir, 'ext')];
    const installed = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix], {
        env: environment,
        encoding: 'utf8',
        timeout: 120_000
    });
    if (installed.status !== 0) throw new Error(installed.stderr);
    // Detached in its own process group, so that the whole group can be ended afterwards. Its UI is English, as
    // drafters' VS Code is.
    const server = spawn(
        CODE_SERVER,
        [
            ...common,
            '--bind-addr',
            `127.0.0.1:${port}`,
            '--auth',
            'none',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            folder
        ],
        { env: environment, detached: true, stdio: 'ignore' }
    );
    for (let i = 0; i < 100; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
            r => r.ok,
            () => false
        );
        if (ok) break;
        await new Promise(r => setTimeout(r, 300));
    }
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    return { server, browser, page };
}

export async function closeWorkbench(workbench: Partial<Workbench> | undefined): Promise<void> {
    await workbench?.browser?.close();
    const pid = workbench?.server?.pid;
    if (!pid) return;
    try {
        process.kill(-pid, 'SIGTERM');
    } catch {
        /* already gone */
    }
}
