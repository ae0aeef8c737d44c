// SPDX-License-Identifier: GPL-3.0-only
// What ctest runs: checks that everything the browser tests need is there (fails with a message otherwise; never
// skips), then runs them. Never downloads a browser.
import {requirePrerequisites} from './support/prerequisites.mjs';

requirePrerequisites('survivor page browser tests');
await import('./survivor-page.test.mjs');
