// SPDX-License-Identifier: GPL-3.0-only
// What ctest runs: checks that everything the browser tests need is there (fails with a message otherwise; never
// skips), then runs them. Never downloads a browser.
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const problems = [];
if (!process.env.ADVOCATE_RELAY_EXE || !existsSync(process.env.ADVOCATE_RELAY_EXE))
    problems.push('ADVOCATE_RELAY_EXE does not name the built advocate-relay');
if (!existsSync('/usr/bin/chromium'))
    problems.push('/usr/bin/chromium is missing: run scripts/setup-deps (Debian package chromium)');
for (const name of ['playwright-core', 'axe-core', 'ws']) {
    if (!existsSync(join(here, 'node_modules', name, 'package.json')))
        problems.push(`tests/web/node_modules/${name} is missing: run "npm ci" in tests/web (scripts/test does)`);
}
if (problems.length) {
    for (const problem of problems)
        console.error('survivor page browser tests: ' + problem);
    process.exit(1);
}
await import('./survivor-page.test.mjs');
