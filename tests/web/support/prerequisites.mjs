// SPDX-License-Identifier: GPL-3.0-only
// Everything the browser tests and the fault suite need: exits with a message naming what is missing (they never
// skip), and never downloads a browser.
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export function requirePrerequisites(what) {
    const problems = [];
    if (!process.env.ADVOCATE_RELAY_EXE || !existsSync(process.env.ADVOCATE_RELAY_EXE))
        problems.push('ADVOCATE_RELAY_EXE does not name the built advocate-relay');
    if (!existsSync('/usr/bin/chromium'))
        problems.push('/usr/bin/chromium is missing: run scripts/setup-deps (Debian package chromium)');
    for (const name of ['playwright-core', 'axe-core', 'ws']) {
        if (!existsSync(join(webDir, 'node_modules', name, 'package.json')))
            problems.push(`tests/web/node_modules/${name} is missing: run "npm ci" in tests/web (scripts/test does)`);
    }
    if (problems.length) {
        for (const problem of problems)
            console.error(`${what}: ${problem}`);
        process.exit(1);
    }
}
