// Debian's Chromium, as every browser test starts it.
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether Debian's Chromium is installed (apt-get install chromium). */
export const hasChromium = (): boolean => spawnSync(CHROMIUM, ['--version']).status === 0;

/** Headless, with its own calls home (updates, sync, background requests) switched off. */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run'
        ]
    });
}
