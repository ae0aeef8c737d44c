// SPDX-License-Identifier: GPL-3.0-only
// The survivor page (issue 7) in Debian's headless Chromium, driven by playwright-core, against the real
// advocate-relay executable on 127.0.0.1 with an advocate on the other side (a WebSocket client with a staff
// account, and a supervisor for section 11). Every test names the issue-7 item it shows (10: the handoffs of issue
// 12; 11: what a survivor sees of supervision, issue 13). Screenshots of each state at 1280 px and 320 px go to
// $ADVOCATE_WEB_OUT/screenshots.
//
//   ADVOCATE_RELAY_EXE=build/ci/app/relay/advocate-relay ADVOCATE_WEB_OUT=build/ci/tests/web node survivor-page.test.mjs
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, mkdirSync, writeFileSync, mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

import {Relay, makeAccounts, cleanupAccounts, relayExe} from './support/relay.mjs';
import {Advocate} from './support/advocate.mjs';
import {Supervisor} from './support/supervisor.mjs';
import {CuttableProxy} from './support/proxy.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const outDir = process.env.ADVOCATE_WEB_OUT || join(here, 'out');
const shotDir = join(outDir, 'screenshots');
mkdirSync(shotDir, {recursive: true});

const NEUTRAL = 'https://neutral.example/weather';
const START = 'https://start.example/';
const WIDE = {width: 1280, height: 800};
const NARROW = {width: 320, height: 640};

let browser;
let profileDir;
let relay; // the main relay: always open, short inactivity times
const opened = [];

if (!relayExe)
    throw new Error('Set ADVOCATE_RELAY_EXE to the advocate-relay executable.');

// Counts every call a page makes to an API that could prompt or store, and CSP violations.
function spyScript() {
    window.__spy = {calls: [], pageshows: []};
    const wrap = (object, name, label) => {
        if (!object || typeof object[name] !== 'function')
            return;
        const original = object[name];
        object[name] = function (...args) {
            window.__spy.calls.push(label);
            return original.apply(this, args);
        };
    };
    wrap(navigator.geolocation, 'getCurrentPosition', 'geolocation');
    wrap(navigator.geolocation, 'watchPosition', 'geolocation');
    if (window.Notification)
        wrap(window.Notification, 'requestPermission', 'notification');
    wrap(navigator.mediaDevices, 'getUserMedia', 'media');
    wrap(navigator.permissions, 'query', 'permissions');
    wrap(navigator.serviceWorker, 'register', 'serviceWorker');
    wrap(navigator.storage, 'persist', 'persist');
    wrap(window, 'alert', 'alert');
    wrap(window, 'confirm', 'confirm');
    wrap(window, 'prompt', 'prompt');
    document.addEventListener('securitypolicyviolation', (event) => window.__spy.calls.push('csp:' + event.violatedDirective));
    window.addEventListener('pageshow', (event) => window.__spy.pageshows.push(event.persisted));
}

async function survivor(target = relay, options = {}) {
    const context = await browser.newContext({viewport: options.viewport || WIDE, locale: options.locale || 'en-US',
        serviceWorkers: 'allow'});
    await context.addInitScript(spyScript);
    const neutralDelay = options.neutralDelayMs || 0;
    await context.route('https://neutral.example/**', async (route) => {
        if (neutralDelay)
            await new Promise((resolve) => setTimeout(resolve, neutralDelay));
        await route.fulfill({contentType: 'text/html', body: '<!DOCTYPE html><title>Weather</title><p>Sunny, 21 °C</p>'});
    });
    await context.route('https://start.example/**', (route) =>
        route.fulfill({contentType: 'text/html', body: '<!DOCTYPE html><title>Search</title><p>Search page</p>'}));
    const page = await context.newPage();
    const record = {context, page, requests: [], responses: [], dialogs: 0, frames: []};
    page.on('request', (request) => record.requests.push(request.url()));
    // Every WebSocket frame the page receives, as text: what the relay sent this survivor.
    page.on('websocket', (ws) => ws.on('framereceived', (event) => record.frames.push(String(event.payload))));
    page.on('response', async (response) => {
        record.responses.push({url: response.url(), headers: await response.allHeaders().catch(() => ({}))});
    });
    page.on('dialog', (dialog) => {
        record.dialogs += 1;
        dialog.dismiss().catch(() => {});
    });
    opened.push(context);
    if (options.goto !== false) {
        await page.goto((options.origin || target.origin) + '/');
        await page.locator(options.expectScreen || '#screen-notice').waitFor({state: 'visible'});
    }
    return record;
}

async function requestChat(page, alias) {
    if (alias)
        await page.fill('#alias', alias);
    await page.check('#accept');
    await page.click('#request-button');
}

async function snap(page, name) {
    const original = page.viewportSize();
    for (const size of [WIDE, NARROW]) {
        await page.setViewportSize(size);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(50);
        await page.screenshot({path: join(shotDir, `${name}-${size.width}.png`), fullPage: true});
    }
    await page.setViewportSize(original);
}

// Every state's axe findings of any impact with the elements they concern, written to $ADVOCATE_WEB_OUT/axe-results.txt
// at the end (the answer sheet docs/nnedv-answers.md quotes them); the check itself fails on serious and critical ones.
const axeResults = [];

async function axeCheck(page, label) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
    axeResults.push(`${label}\t${result.violations.length ? result.violations.map((v) => `${v.id} (${v.impact}): ` +
        v.nodes.map((n) => n.target.join(' ')).join(' ')).join('; ') : 'no violations'}`);
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, [], `axe-core found serious or critical violations in state "${label}"`);
}

// The quick-exit button is on screen and not covered, even scrolled to the bottom.
async function assertExitVisible(page, label, scrollToBottom = true) {
    const result = await page.evaluate((bottom) => {
        if (bottom)
            window.scrollTo(0, document.documentElement.scrollHeight);
        const button = document.getElementById('exit-button');
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: window.innerHeight,
            width: window.innerWidth, hit: hit === button};
    }, scrollToBottom);
    assert.ok(result.top >= 0 && result.bottom <= result.height && result.left >= 0 && result.right <= result.width,
        `${label}: quick exit is off screen ${JSON.stringify(result)}`);
    assert.ok(result.hit, `${label}: quick exit is covered`);
}

async function assertAlternativesVisible(page, label) {
    for (const id of ['#alternatives', '#alt-emergency', '#alt-phone', '#alt-sms'])
        assert.ok(await page.locator(id).isVisible(), `${label}: ${id} is not visible`);
    assert.equal(await page.textContent('#alt-phone'), '+1 555 0100');
}

async function storageState(page) {
    return page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: Object.keys(sessionStorage),
        idb: (await indexedDB.databases()).map((d) => d.name),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        spy: window.__spy.calls,
    }));
}

async function chatWith(target, alias = 'Rosa', language) {
    const record = await survivor(target);
    if (language)
        await record.page.selectOption('#language', language);
    await requestChat(record.page, alias);
    await record.page.locator('#screen-waiting').waitFor({state: 'visible'});
    const advocate = await new Advocate(target, 'ana').signIn();
    await advocate.takeNext(language);
    await record.page.locator('#screen-chat').waitFor({state: 'visible'});
    return {...record, advocate};
}

before(async () => {
    await makeAccounts();
    profileDir = mkdtempSync(join(tmpdir(), 'advocate-web-profile-'));
    // A fresh profile for every run; Debian's Chromium, never a downloaded one. Playwright gives each context its
    // own empty storage on top of it.
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            `--disk-cache-dir=${join(profileDir, 'cache')}`],
    });
    relay = await new Relay({inactivity_t1_seconds: '1', inactivity_t2_seconds: '1'}).start();
});

after(async () => {
    const axeVersion = (axeSource.match(/axe v([\d.]+)/) || [])[1] || 'unknown';
    writeFileSync(join(outDir, 'axe-results.txt'),
        `axe-core ${axeVersion}, ${axeResults.length} checks\n${axeResults.join('\n')}\n`);
    for (const context of opened)
        await context.close().catch(() => {});
    if (browser)
        await browser.close();
    if (relay)
        await relay.stop();
    cleanupAccounts();
    if (profileDir)
        rmSync(profileDir, {recursive: true, force: true});
});

// ---- 1. Static page, program texts from the config ---------------------------------------------------------

test('1 page is our own static files, small, same-origin, with privacy headers', {timeout: 90000}, async () => {
    const {page, requests, responses, context} = await survivor();
    const sizes = [];
    for (const path of ['/', '/app.css', '/app.js']) {
        const response = await fetch(relay.origin + path);
        const body = Buffer.from(await response.arrayBuffer());
        sizes.push([path, body.length]);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.equal(response.headers.get('content-security-policy'), "default-src 'self'; frame-ancestors 'none'");
        assert.equal(response.headers.get('x-frame-options'), 'DENY');
        assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
        assert.equal(response.headers.get('set-cookie'), null);
    }
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    writeFileSync(join(outDir, 'page-size.txt'), sizes.map(([p, n]) => `${p} ${n}`).join('\n') + `\ntotal ${total}\n`);
    console.log(`# survivor page: ${sizes.map(([p, n]) => `${p} ${n} B`).join(', ')}; total ${total} B`);
    assert.ok(total < 64 * 1024, `page is ${total} bytes`);
    // Every request the browser made stayed on the relay's origin.
    const foreign = requests.filter((url) => !url.startsWith(relay.origin));
    assert.deepEqual(foreign, []);
    assert.ok(responses.every((r) => !('set-cookie' in r.headers)));
    // No framework, no markup built from strings, no eval.
    const script = readFileSync(join(here, '../../resources/web/app.js'), 'utf8');
    for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function',
        'localStorage', 'indexedDB', 'document.cookie', 'serviceWorker', 'geolocation'])
        assert.ok(!script.includes(banned), `app.js uses ${banned}`);
    const html = readFileSync(join(here, '../../resources/web/index.html'), 'utf8');
    assert.ok(!/<script(?![^>]*src="app\.js")/.test(html), 'inline or foreign script');
    assert.ok(!/style=/.test(html) && !/<style/.test(html), 'inline style');
    assert.ok(!/(src|href)="(https?:)?\/\/(?!www\.wikipedia\.org)/.test(html), 'foreign resource');
    assert.deepEqual((await storageState(page)).spy, []);
    await context.close();
});

test('1 program texts come from the relay config', {timeout: 90000}, async () => {
    const {page, context} = await survivor();
    assert.equal(await page.textContent('#program-name'), 'Safe Harbor Test Program');
    assert.equal(await page.title(), 'Safe Harbor Test Program');
    assert.equal(await page.textContent('#program-notice'), 'PROGRAM NOTICE: this chat is private, but your device may not be.');
    assert.equal(await page.textContent('#mandatory-text'), 'MANDATORY: advocates must report a child in danger.');
    // The retention and supervision sentences are made by the relay from its config (PK4), not written in it.
    assert.equal(await page.textContent('#monitoring-text'),
        'A supervisor may read this chat silently, without writing in it, to support the advocate.');
    assert.ok((await page.textContent('#retention-text')).includes('(at most 12 hours)'));
    assert.equal(await page.textContent('#alt-sms'), '+1 555 0101');
    assert.equal(await page.getAttribute('#alt-phone', 'href'), 'tel:+15550100');
    assert.equal(await page.getAttribute('#skip-exit', 'href'), NEUTRAL);
    await context.close();
});

test('1 the notice links to the privacy statement the relay makes from its config, with the page\'s headers', {timeout: 90000}, async () => {
    const {page, requests, context} = await survivor();
    const noticeRetention = await page.textContent('#retention-text');
    const noticeMonitoring = await page.textContent('#monitoring-text');
    assert.equal(await page.getAttribute('#privacy-link', 'href'), '/privacy?lang=en');
    await page.click('#privacy-link');
    await page.locator('h1').waitFor({state: 'visible'});
    assert.equal(new URL(page.url()).pathname, '/privacy');
    assert.equal(await page.title(), 'Privacy statement: Safe Harbor Test Program');
    const statement = await page.textContent('main');
    // One function feeds both: the notice's sentences are in the statement word for word.
    assert.ok(statement.includes(noticeRetention), 'the statement lacks the notice\'s retention sentence');
    assert.ok(statement.includes(noticeMonitoring), 'the statement lacks the notice\'s supervision sentence');
    for (const part of ['What is kept, and for how long', 'at most 12 hours', 'Statistics', 'What is never kept',
        'Quick exit and its limits', 'neutral.example', 'call 911'])
        assert.ok(statement.includes(part), `statement lacks "${part}"`);
    assert.equal(await page.getAttribute('#privacy-exit', 'href'), NEUTRAL);
    await snap(page, '01-privacy');
    await page.screenshot({path: join(shotDir, '01-privacy-top-1280.png')}); // the first screen, for the guides
    await axeCheck(page, 'privacy statement');
    await page.click('#privacy-language');
    await page.locator('html[lang="es"]').waitFor();
    assert.equal(await page.title(), 'Declaración de privacidad: Programa Puerto Seguro');
    assert.ok((await page.textContent('main')).includes('como máximo 12 horas'));
    await axeCheck(page, 'privacy statement es');
    for (const method of ['GET', 'HEAD']) {
        const response = await fetch(relay.origin + '/privacy?lang=es', {method});
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.equal(response.headers.get('content-security-policy'), "default-src 'self'; frame-ancestors 'none'");
        assert.equal(response.headers.get('x-frame-options'), 'DENY');
        assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
        assert.equal(response.headers.get('set-cookie'), null);
    }
    assert.equal((await fetch(relay.origin + '/privacy', {method: 'POST'})).status, 405);
    assert.deepEqual(requests.filter((url) => !url.startsWith(relay.origin)), []);
    await context.close();
});

// ---- 2. Notice before chat, every time ---------------------------------------------------------------------

test('2 notice shows every SW1 element and the request needs an active accept', {timeout: 90000}, async () => {
    const {page, context} = await survivor();
    const notice = await page.textContent('#screen-notice');
    for (const part of ['Is this device safe?', 'PROGRAM NOTICE', 'Quick exit.', 'Shift key three times',
        'cannot erase your browser history', 'What is kept.', 'memory only, never on disk, until the chat ends',
        'MANDATORY', 'read this chat silently', 'privacy statement', 'trained advocate', 'call 911', 'hotline'])
        assert.ok(notice.includes(part), `notice lacks "${part}"`);
    assert.ok(await page.isDisabled('#request-button'));
    await page.check('#accept');
    assert.ok(await page.isEnabled('#request-button'));
    await page.uncheck('#accept');
    assert.ok(await page.isDisabled('#request-button'));
    await page.check('#accept');
    await assertExitVisible(page, 'notice');
    await assertAlternativesVisible(page, 'notice');
    await snap(page, '01-notice');
    await page.reload();
    await page.locator('#screen-notice').waitFor({state: 'visible'});
    assert.equal(await page.isChecked('#accept'), false, 'acceptance was remembered across a reload');
    assert.ok(await page.isDisabled('#request-button'));
    await axeCheck(page, 'notice');
    await context.close();
});

// ---- 3. Waiting room ---------------------------------------------------------------------------------------

test('3 waiting room: live position and estimate, long wait with alternatives, queue full', {timeout: 90000}, async () => {
    const small = await new Relay({queue_limit: '2', long_wait_seconds: '3'}).start();
    try {
        const first = await survivor(small);
        await requestChat(first.page);
        await first.page.locator('#queue-position', {hasText: 'You are next in line.'}).waitFor();
        const second = await survivor(small);
        await requestChat(second.page);
        await second.page.locator('#queue-position', {hasText: 'You are number 2 in line.'}).waitFor();
        assert.match(await second.page.textContent('#queue-wait'), /Estimated wait: about \d+ minutes?\./);
        await assertAlternativesVisible(second.page, 'waiting');
        await assertExitVisible(second.page, 'waiting');
        await snap(second.page, '02-waiting');
        await axeCheck(second.page, 'waiting');

        const third = await survivor(small);
        await requestChat(third.page);
        await third.page.locator('#screen-busy').waitFor({state: 'visible'});
        assert.equal(await third.page.textContent('#busy-text'), 'BUSY: all advocates are busy. Please call or text the hotline.');
        assert.equal(await third.page.textContent('#busy-heading'), 'All advocates are busy');
        await assertAlternativesVisible(third.page, 'busy');
        await assertExitVisible(third.page, 'busy');
        assert.deepEqual((await storageState(third.page)).session, [], 'a refused survivor keeps a token');
        await snap(third.page, '03-queue-full');
        await axeCheck(third.page, 'busy');

        await second.page.locator('#long-wait').waitFor({state: 'visible', timeout: 10000});
        assert.equal(await second.page.textContent('#long-wait-text'), 'LONG WAIT: it is taking longer than usual.');
        await assertAlternativesVisible(second.page, 'long wait');
        await snap(second.page, '04-long-wait');

        const advocate = await new Advocate(small, 'ana').signIn();
        await advocate.takeNext();
        await first.page.locator('#screen-chat').waitFor({state: 'visible'});
        // The second survivor moves up without reloading.
        await second.page.locator('#queue-position', {hasText: 'You are next in line.'}).waitFor({timeout: 5000});
        advocate.close();
    } finally {
        await small.stop();
    }
});

// ---- 4. Chat -----------------------------------------------------------------------------------------------

test('4+7 chat: plain text both ways, advocate display name only, typing, delivery, end with confirm clears; no traces after it', {timeout: 90000}, async () => {
    const {page, advocate, context, responses, requests} = await chatWith(relay);
    await assertAlternativesVisible(page, 'chat');
    assert.match(await page.textContent('#chat-status'), /You are chatting with Advocate\./);
    const token = (await storageState(page)).session;
    assert.deepEqual(token, ['resume'], 'the resume token is in sessionStorage while the chat is live');

    advocate.send({type: 'typing', conversation: advocate.conversation, active: true});
    await page.locator('#typing', {hasText: 'Advocate is typing…'}).waitFor();
    const markup = '<b>bold</b> <img src=x onerror="window.__pwned=1"> <a href="https://evil.example/">link</a>';
    advocate.say(markup);
    await page.locator('#transcript li.theirs').first().waitFor();
    assert.equal(await page.textContent('#transcript li.theirs .body'), markup);
    assert.equal(await page.locator('#transcript img, #transcript b, #transcript a').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.textContent('#transcript li.theirs .who'), 'Advocate');
    assert.equal(await page.textContent('#typing'), '');
    // The page acknowledges what it shows.
    assert.equal((await advocate.next('delivered')).seq, 1);

    await page.fill('#message', 'I need <help> & "advice"');
    assert.ok((await advocate.next('peer_typing')).active);
    await page.press('#message', 'Enter');
    const received = await advocate.next('message');
    assert.equal(received.body, 'I need <help> & "advice"');
    assert.equal(received.from, 'survivor');
    advocate.send({type: 'ack', conversation: advocate.conversation, seq: received.seq});
    await page.locator('#transcript li.mine .state', {hasText: 'Delivered'}).waitFor();
    const text = await page.textContent('body');
    assert.ok(!text.includes('ana'), 'the advocate account name is shown');
    await assertExitVisible(page, 'chat');
    await snap(page, '05-chat');
    await axeCheck(page, 'chat');

    await page.click('#end-button');
    await page.locator('#end-dialog').waitFor({state: 'visible'});
    await snap(page, '06-end-confirm');
    await page.click('#end-cancel');
    assert.ok(await page.locator('#screen-chat').isVisible());
    assert.equal(await page.locator('#transcript li').count(), 2);
    await page.click('#end-button');
    await page.click('#end-confirm');
    assert.equal((await advocate.next('ended')).reason, 'survivor_ended');
    await page.locator('#screen-ended').waitFor({state: 'visible'});
    assert.equal(await page.locator('#transcript li').count(), 0);
    assert.ok(!(await page.textContent('body')).includes('advice'), 'transcript text left on the page');

    // 7. No traces after a full chat.
    const state = await storageState(page);
    assert.deepEqual(state, {cookie: '', local: 0, session: [], idb: [], caches: [], workers: 0, spy: []});
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(responses.filter((r) => 'set-cookie' in r.headers).map((r) => r.url), [], 'Set-Cookie from the relay');
    assert.deepEqual(requests.filter((url) => !url.startsWith(relay.origin)), [], 'a request left the relay origin');
    await assertExitVisible(page, 'ended');
    await assertAlternativesVisible(page, 'ended');
    await snap(page, '07-ended');
    await axeCheck(page, 'ended');
    advocate.close();
    await context.close();
});

test('4 idle close shows its own screen', {timeout: 90000}, async () => {
    const {page, advocate, context} = await chatWith(relay);
    const stage2 = await advocate.next('inactivity', 10000, (f) => f.stage === 2);
    assert.equal(stage2.conversation, advocate.conversation);
    advocate.send({type: 'end', conversation: advocate.conversation, reason: 'idle'});
    await page.locator('#ended-text', {hasText: 'no messages for a while'}).waitFor();
    assert.deepEqual((await storageState(page)).session, []);
    await snap(page, '08-idle-closed');
    advocate.close();
    await context.close();
});

test('4 a network drop rejoins the same chat automatically, the token only in sessionStorage', {timeout: 90000}, async () => {
    const proxy = await new CuttableProxy(relay.port).listen();
    try {
        const origin = 'http://127.0.0.1:' + proxy.port;
        const {page, context} = await survivor(relay, {origin});
        await requestChat(page);
        await page.locator('#screen-waiting').waitFor({state: 'visible'});
        const advocate = await new Advocate(relay, 'ben').signIn();
        await advocate.takeNext();
        await page.locator('#screen-chat').waitFor({state: 'visible'});
        advocate.say('Before the drop');
        await page.locator('#transcript li', {hasText: 'Before the drop'}).waitFor();
        const tokenBefore = await page.evaluate(() => sessionStorage.getItem('resume'));

        await proxy.cut();
        await page.locator('#connection-notice', {hasText: 'Reconnecting'}).waitFor({timeout: 5000});
        assert.equal((await advocate.next('peer_status')).connected, false);
        advocate.say('While you were away');
        await snap(page, '09-reconnecting');
        await page.waitForTimeout(1500);
        await proxy.restore();

        await page.locator('#transcript li', {hasText: 'While you were away'}).waitFor({timeout: 15000});
        await page.locator('#connection-notice').waitFor({state: 'hidden'});
        assert.equal((await advocate.next('peer_status')).connected, true);
        assert.equal(await page.locator('#transcript li', {hasText: 'Before the drop'}).count(), 1, 'duplicate after resume');
        const state = await storageState(page);
        assert.deepEqual(state.session, ['resume']);
        assert.equal(state.local, 0);
        assert.equal(state.cookie, '');
        assert.notEqual(await page.evaluate(() => sessionStorage.getItem('resume')), tokenBefore, 'the token was reused');

        // A reload shows the notice again; after accepting, the page returns to the same chat.
        await page.reload();
        await page.locator('#screen-notice').waitFor({state: 'visible'});
        assert.equal(await page.textContent('#request-button'), 'Return to your chat');
        await page.check('#accept');
        await page.click('#request-button');
        await page.locator('#transcript li', {hasText: 'While you were away'}).waitFor();
        advocate.close();
        await context.close();
    } finally {
        await proxy.close();
    }
});

test('4 when the relay goes away every page shows an outage notice within 10 s', {timeout: 90000}, async () => {
    const doomed = await new Relay().start();
    const {page, advocate, context} = await chatWith(doomed);
    const idle = await survivor(doomed);
    const started = Date.now();
    doomed.kill();
    await page.locator('#connection-notice').waitFor({state: 'visible', timeout: 10000});
    await idle.page.locator('#connection-notice', {hasText: 'cannot be reached'}).waitFor({state: 'visible', timeout: 10000});
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 10000, `outage shown after ${elapsed} ms`);
    await page.locator('#connection-notice', {hasText: 'cannot be reached'}).waitFor({timeout: 10000});
    await assertAlternativesVisible(page, 'relay gone');
    await assertExitVisible(page, 'relay gone');
    await snap(page, '10-relay-gone');
    advocate.close();
    await context.close();
    await idle.context.close();
    await doomed.stop();
});

test('4 a relay restart with the restart secret: the page continues the same chat, each message once', {timeout: 90000}, async () => {
    const secretDir = mkdtempSync(join(tmpdir(), 'advocate-web-secret-'));
    const secretFile = join(secretDir, 'restart-secret');
    writeFileSync(secretFile, Buffer.alloc(32, 7), {mode: 0o600});
    const first = await new Relay({restart_secret_file: secretFile}).start();
    let second = null;
    try {
        const {page, advocate, context} = await chatWith(first);
        advocate.say('Before the restart', 'before-1');
        await page.locator('#transcript li', {hasText: 'Before the restart'}).waitFor();
        await advocate.next('token_renewed'); // the token names the conversation now
        await page.waitForTimeout(200);

        first.kill(); // SIGKILL: nothing is written, nothing is said
        await page.locator('#connection-notice', {hasText: 'Reconnecting'}).waitFor({timeout: 10000});
        await page.fill('#message', 'Sent while the relay was down');
        await page.click('#send-button');
        second = await new Relay({restart_secret_file: secretFile, port: String(first.port)}).start();

        // The advocate re-claims; the page comes back by itself and resends what was not acknowledged.
        const reclaimed = await advocate.reclaim(second, 1);
        assert.equal(reclaimed.conversation, advocate.conversation);
        const resent = await advocate.next('message', 20000);
        assert.equal(resent.body, 'Sent while the relay was down');
        assert.ok(resent.seq > 1, 'seqs continue after the greater claim');
        await page.locator('#connection-notice').waitFor({state: 'hidden', timeout: 15000});
        // The advocate resends its message too (it had no acknowledgement): the page shows it once.
        advocate.send({type: 'send', conversation: advocate.conversation, clientId: 'before-1', body: 'Before the restart'});
        advocate.say('After the restart');
        await page.locator('#transcript li', {hasText: 'After the restart'}).waitFor({timeout: 15000});
        assert.equal(await page.locator('#transcript li', {hasText: 'Before the restart'}).count(), 1, 'shown twice');
        assert.equal(await page.locator('#transcript li', {hasText: 'Sent while the relay was down'}).count(), 1);
        assert.equal(await page.locator('#screen-chat').isVisible(), true);
        await snap(page, '10b-after-relay-restart');
        advocate.close();
        await context.close();
    } finally {
        first.kill();
        await first.stop();
        if (second)
            await second.stop();
        rmSync(secretDir, {recursive: true, force: true});
    }
});

test('4 after a relay restart without the restart secret the page says the chat ended and offers a new one', {timeout: 90000}, async () => {
    const first = await new Relay().start();
    let second = null;
    try {
        const {page, advocate, context} = await chatWith(first);
        first.kill();
        await page.locator('#connection-notice', {hasText: 'Reconnecting'}).waitFor({timeout: 10000});
        second = await new Relay({port: String(first.port)}).start();
        await page.locator('#screen-ended').waitFor({state: 'visible', timeout: 20000});
        advocate.close();
        await context.close();
    } finally {
        await first.stop();
        if (second)
            await second.stop();
    }
});

// ---- 5. Hours and outage -----------------------------------------------------------------------------------

function dayName(date) {
    return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][date.getUTCDay()];
}

test('5 outside the weekly schedule the page is closed with the next opening, hours and alternatives, no form', {timeout: 90000}, async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    const closed = await new Relay({hours: `${dayName(tomorrow)} 09:00-17:00`, time_zone: 'UTC'}).start();
    try {
        const {page, context} = await survivor(closed, {expectScreen: '#screen-closed'});
        assert.equal(await page.textContent('#closed-text'), 'CLOSED: the chat is closed now. The hotline answers day and night.');
        const weekday = new Intl.DateTimeFormat('en', {weekday: 'long', timeZone: 'UTC'}).format(tomorrow);
        const next = await page.textContent('#next-opening');
        assert.ok(next.includes(weekday) && next.includes('9:00'), next);
        assert.ok((await page.textContent('#hours-list')).includes(`${weekday} 09:00–17:00`));
        assert.ok((await page.textContent('#hours-list')).includes('UTC'));
        await assertAlternativesVisible(page, 'closed');
        await assertExitVisible(page, 'closed');
        // No form asking for contact details: nothing to type into.
        const fields = await page.locator('input:visible, textarea:visible').count();
        assert.equal(fields, 0);
        // The relay itself refuses a start outside hours.
        const status = await (await fetch(closed.origin + '/api/status')).json();
        assert.equal(status.open, false);
        assert.equal(new Date(status.nextOpening).getUTCDate(), tomorrow.getUTCDate());
        await snap(page, '11-closed');
        await axeCheck(page, 'closed');
        await page.selectOption('#language', 'es');
        assert.equal(await page.textContent('#closed-heading'), 'El chat está cerrado en este momento');
        await snap(page, '12-closed-es');
        await context.close();
    } finally {
        await closed.stop();
    }
});

test('5 a holiday closes the chat for the day; the next opening is the day after', {timeout: 90000}, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const holiday = await new Relay({hours: 'mon-sun 00:00-24:00', holidays: today, time_zone: 'UTC'}).start();
    try {
        const {page, context} = await survivor(holiday, {expectScreen: '#screen-closed'});
        const status = await (await fetch(holiday.origin + '/api/status')).json();
        assert.equal(status.open, false);
        assert.equal(status.nextOpening.slice(0, 10), new Date(Date.now() + 864e5).toISOString().slice(0, 10));
        assert.ok((await page.textContent('#holidays-line')).startsWith('Closed on:'));
        await context.close();
    } finally {
        await holiday.stop();
    }
});

test('5 an outage or forward notice set by the relay command reaches every open page within 10 s', {timeout: 90000}, async () => {
    const {page: chatPage, advocate, context} = await chatWith(relay);
    const noticePage = await survivor(relay);
    const waiting = await survivor(relay);
    await requestChat(waiting.page);
    await waiting.page.locator('#screen-waiting').waitFor({state: 'visible'});

    const text = 'FORWARD: we are closed today; Riverside Program is answering our chats.';
    const started = Date.now();
    await relay.command('set-service-notice', '--kind', 'forward', '--text', text, '--link', 'https://riverside.example/chat');
    for (const page of [chatPage, noticePage.page, waiting.page])
        await page.locator('#service-notice-text', {hasText: text}).waitFor({timeout: 10000});
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 10000, `notice shown after ${elapsed} ms`);
    console.log(`# service notice on every page after ${elapsed} ms`);
    assert.equal(await noticePage.page.getAttribute('#service-notice-link', 'href'), 'https://riverside.example/chat');
    await noticePage.page.check('#accept');
    assert.ok(await noticePage.page.isDisabled('#request-button'), 'a new chat can start during a forward notice');
    assert.ok(await chatPage.locator('#screen-chat').isVisible(), 'the open chat goes on');
    await snap(noticePage.page, '13-service-notice');
    await snap(chatPage, '14-service-notice-chat');
    await axeCheck(noticePage.page, 'service notice');

    await relay.command('clear-service-notice');
    await noticePage.page.locator('#service-notice').waitFor({state: 'hidden', timeout: 10000});
    assert.ok(await noticePage.page.isEnabled('#request-button'));
    await waiting.page.click('#leave-queue');
    advocate.close();
    await Promise.all([context.close(), noticePage.context.close(), waiting.context.close()]);
});

// ---- 6. Quick exit -----------------------------------------------------------------------------------------

test('6 quick exit is visible in every state and at 320 px with the keyboard open', {timeout: 90000}, async () => {
    const {page, advocate, context} = await chatWith(relay);
    // A phone with the on-screen keyboard open leaves about 320 × 280 CSS pixels.
    await page.setViewportSize({width: 320, height: 280});
    await page.focus('#message');
    await page.keyboard.type('typing on a phone');
    await page.locator('#message').scrollIntoViewIfNeeded();
    await assertExitVisible(page, '320 px with keyboard, at the message box', false);
    await page.screenshot({path: join(shotDir, '15-keyboard-open-320.png')});
    await assertExitVisible(page, '320 px with keyboard, scrolled to the end');
    // 200 % zoom of a 1280 × 720 window is a 640 × 360 CSS viewport: no sideways scrolling, exit still there.
    for (const size of [{width: 640, height: 360}, {width: 320, height: 640}]) {
        await page.setViewportSize(size);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `horizontal scroll of ${overflow} px at ${size.width} px`);
        await assertExitVisible(page, `${size.width} px`);
    }
    await page.screenshot({path: join(shotDir, '16-zoom-200-chat.png'), fullPage: true});
    advocate.close();
    await context.close();
});

test('6 quick exit by button: clears and blanks at once, tells the relay, replaces the location, Back is empty', {timeout: 90000}, async () => {
    const record = await survivor(relay, {goto: false, neutralDelayMs: 800});
    const {page, context} = record;
    await page.goto(START);
    await page.goto(relay.origin + '/');
    await page.locator('#screen-notice').waitFor({state: 'visible'});
    await requestChat(page);
    const advocate = await new Advocate(relay, 'ana').signIn();
    await advocate.takeNext();
    advocate.say('Secret words');
    await page.locator('#transcript li', {hasText: 'Secret words'}).waitFor();
    // The line next to the button says what quick exit does not do.
    assert.ok(await page.locator('#exit-limit').isVisible());
    assert.equal(await page.textContent('#exit-limit'), 'Quick exit does not erase your browser history.');

    const clicked = Date.now();
    const neutralRequest = page.waitForRequest(NEUTRAL);
    await page.click('#exit-button', {noWaitAfter: true});
    await neutralRequest;
    const requestDelay = Date.now() - clicked;
    assert.ok(requestDelay < 1000, `the neutral site was requested ${requestDelay} ms after the click`);
    // Before the neutral site arrives, the page is already blank.
    const blank = await page.evaluate(() => ({title: document.title, children: document.body.children.length,
        text: document.body.innerText, session: sessionStorage.length,
        hidden: getComputedStyle(document.body).display})).catch(() => null);
    if (blank) {
        assert.equal(blank.title, '');
        assert.equal(blank.children, 0);
        assert.equal(blank.session, 0);
    }
    await page.waitForURL(NEUTRAL);
    assert.equal((await advocate.next('ended')).reason, 'quick_exit', 'the workstation is not told of the quick exit');

    // Back does not show the chat: the chat page's history entry was replaced.
    await page.goBack();
    assert.ok(!page.url().startsWith(relay.origin), `Back returned to ${page.url()}`);
    assert.ok(!(await page.textContent('body')).includes('Secret words'));
    await page.goForward();
    assert.equal(page.url(), NEUTRAL);
    assert.ok(!record.requests.some((url) => !url.startsWith(relay.origin) && !url.startsWith(NEUTRAL) && !url.startsWith(START)));
    advocate.close();
    await context.close();
});

test('6 quick exit by Shift three times while typing, not by capitals or slow taps; then Back', {timeout: 90000}, async () => {
    const {page, advocate, context} = await chatWith(relay);
    await page.focus('#message');
    // Capitals need Shift too: they are typing, not exit taps.
    await page.keyboard.press('Shift+H');
    await page.keyboard.type('ello ');
    await page.keyboard.press('Shift+W');
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift+B');
    assert.equal(page.url(), relay.origin + '/');
    // Three taps spread over more than 5 s do not exit.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(5200);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(200);
    assert.equal(page.url(), relay.origin + '/');
    // Two more quick taps (three within 5 s) do, in the middle of typing.
    await page.keyboard.type('still typing');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL, {timeout: 5000});
    assert.equal((await advocate.next('ended')).reason, 'quick_exit');
    await page.goBack().catch(() => null);
    const url = page.url();
    if (url.startsWith(relay.origin)) {
        // Only reachable if the browser kept the page: it must be empty.
        assert.equal(await page.locator('#transcript li').count(), 0);
    }
    assert.ok(!(await page.textContent('body').catch(() => '')).includes('still typing'));
    advocate.close();
    await context.close();
});

test('6 the screen-reader quick-exit link comes first in the tab order and works from the keyboard', {timeout: 90000}, async () => {
    const {page, context} = await survivor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-exit');
    assert.ok(await page.locator('#skip-exit').isVisible(), 'the focused skip link is not shown');
    assert.equal(await page.textContent('#skip-exit'), 'Quick exit: leave this site now');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'exit-button');
    await requestChat(page);
    const advocate = await new Advocate(relay, 'ana').signIn();
    await advocate.takeNext();
    await page.locator('#screen-chat').waitFor({state: 'visible'});
    // Still the first focusable element while chatting.
    const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea').id);
    assert.equal(first, 'skip-exit');
    await page.focus('#skip-exit');
    await page.keyboard.press('Enter');
    await page.waitForURL(NEUTRAL, {timeout: 5000});
    assert.equal((await advocate.next('ended')).reason, 'quick_exit');
    advocate.close();
    await context.close();
});

test('6 back/forward cache: a restored page is cleared (pageshow persisted)', {timeout: 90000}, async () => {
    const {page, advocate, context} = await chatWith(relay);
    advocate.say('Do not show me again');
    await page.locator('#transcript li', {hasText: 'Do not show me again'}).waitFor();
    // The handler itself, with the event a bfcache restore fires.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true})));
    assert.equal(await page.locator('#transcript li').count(), 0);
    assert.ok(await page.locator('#screen-notice').isVisible());
    assert.equal(await page.isChecked('#accept'), false);
    // And for real: leave the page, come Back; restored or reloaded, nothing of the chat shows.
    await page.goto(START);
    await page.goBack();
    await page.locator('#screen-notice').waitFor({state: 'visible'});
    const persisted = await page.evaluate(() => window.__spy.pageshows);
    console.log(`# Back to the chat page: pageshow persisted = ${JSON.stringify(persisted)}`);
    assert.equal(await page.locator('#transcript li').count(), 0);
    assert.ok(!(await page.textContent('body')).includes('Do not show me again'));
    advocate.close();
    await context.close();
});

// ---- 8. Accessibility --------------------------------------------------------------------------------------

test('8 keyboard only: accept, request, chat and end without a mouse; live regions and labels', {timeout: 90000}, async () => {
    const {page, context} = await survivor();
    await page.focus('#accept');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'request-button');
    await page.keyboard.press('Enter');
    await page.locator('#screen-waiting').waitFor({state: 'visible'});
    const advocate = await new Advocate(relay, 'ana').signIn();
    await advocate.takeNext();
    await page.locator('#screen-chat').waitFor({state: 'visible'});
    // From the chat heading, Tab reaches the message box.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'message');
    await page.keyboard.type('typed with the keyboard');
    await page.keyboard.press('Enter');
    assert.equal((await advocate.next('message')).body, 'typed with the keyboard');
    for (const [selector, value] of [['#transcript', 'polite'], ['#chat-status', 'polite'], ['#typing', 'polite']])
        assert.equal(await page.getAttribute(selector, 'aria-live'), value, selector);
    assert.equal(await page.getAttribute('#screen-waiting .queue', 'aria-live'), 'polite');
    assert.equal(await page.getAttribute('#message', 'autocomplete'), 'off');
    assert.equal(await page.getAttribute('#alias', 'autocomplete'), 'off');
    assert.equal(await page.locator('label[for="message"]').count(), 1);
    // End chat by keyboard: the dialog takes focus, Enter confirms.
    await page.focus('#end-button');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'end-confirm');
    await page.keyboard.press('Enter');
    assert.equal((await advocate.next('ended')).reason, 'survivor_ended');
    await page.locator('#screen-ended').waitFor({state: 'visible'});
    advocate.close();
    await context.close();
});

// ---- 9. Languages ------------------------------------------------------------------------------------------

test('9 Spanish texts, and the choice routes to Spanish-speaking advocates only; no locale guessing', {timeout: 90000}, async () => {
    // The browser says Spanish, but the page starts in the program's first language until the survivor picks.
    const {page, context} = await survivor(relay, {locale: 'es-ES'});
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.selectOption('#language', 'es');
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.textContent('#notice-heading'), 'Antes de empezar');
    assert.equal(await page.textContent('#program-notice'), 'AVISO DEL PROGRAMA: este chat es privado, pero su dispositivo puede no serlo.');
    assert.equal(await page.textContent('#exit-button'), 'Salida rápida');
    await snap(page, '17-notice-es');
    await axeCheck(page, 'notice es');
    await requestChat(page);
    await page.locator('#screen-waiting').waitFor({state: 'visible'});
    await page.locator('#queue-position', {hasText: 'Usted es la siguiente persona en la fila.'}).waitFor();

    const english = await new Advocate(relay, 'ana').signIn();
    english.send({type: 'take_next', language: 'en'});
    assert.equal((await english.next('error')).code, 'queue_empty');
    const spanish = await new Advocate(relay, 'ben').signIn();
    const started = await spanish.takeNext('es');
    assert.equal(started.language, 'es');
    await page.locator('#screen-chat').waitFor({state: 'visible'});
    spanish.say('Hola, estoy aquí.');
    await page.locator('#transcript li .who', {hasText: 'Persona de apoyo'}).waitFor();
    await snap(page, '18-chat-es');
    assert.deepEqual((await storageState(page)).spy, [], 'geolocation or another permission API was called');
    english.close();
    spanish.close();
    await context.close();
});

// ---- 10. Handoff (issue 12): who answers changes, the page says so, the chat goes on ------------------------------

test('10 a handoff to a colleague: the page says another advocate takes over and the chat goes on with them', {timeout: 90000}, async () => {
    const {page, advocate, context} = await chatWith(relay, 'Rosa');
    advocate.say('Hello, I am here.');
    await page.locator('#transcript li.theirs').first().waitFor();
    const colleague = await new Advocate(relay, 'ben').signIn();
    advocate.send({type: 'transfer', conversation: advocate.conversation, to: 'advocate', user: 'ben',
        note: JSON.stringify({summary: 'Wants to talk about a safe place.', safetyConcerns: '', promised: '',
            nextStep: '', codeWord: ''})});
    const offer = await colleague.next('transfer_offer');
    assert.equal((await advocate.next('transfer_status')).state, 'pending');
    // Until the colleague accepts, nothing changes on the page.
    assert.equal(await page.locator('#transcript li.notice').count(), 0);
    colleague.send({type: 'transfer_accept', offer: offer.offer});
    const started = await colleague.next('conversation_started');
    assert.equal(started.handoff, 'transfer');
    assert.equal(started.handedFrom, 'ana');
    colleague.conversation = started.conversation;
    await page.locator('#transcript li.notice').waitFor();
    assert.equal(await page.textContent('#transcript li.notice'),
        'Another advocate is taking over your chat. They can see what was written so far.');
    assert.match(await page.textContent('#chat-status'), /Another advocate is taking over/);
    colleague.say('Hi, I am another advocate. I have read the note.');
    await page.locator('#transcript li.theirs', {hasText: 'I have read the note'}).waitFor();
    await page.fill('#message', 'thank you');
    await page.press('#message', 'Enter');
    // The colleague got the transcript so far first; then the survivor's new message, from the survivor.
    assert.equal((await colleague.next('message', 10000, (f) => f.body === 'Hello, I am here.')).from, 'advocate');
    assert.equal((await colleague.next('message', 10000, (f) => f.body === 'thank you')).from, 'survivor');
    await snap(page, '20-handoff-transfer');
    await axeCheck(page, 'handoff');
    assert.ok(!(await page.textContent('body')).includes('ben'), 'the colleague account name is shown');
    colleague.close();
    advocate.close();
    await context.close();
});

test('10 back to the queue in Spanish: the page says so in Spanish and the next advocate continues the same chat', {timeout: 90000}, async () => {
    const {page, advocate, context} = await chatWith(relay, 'Rosa', 'es');
    advocate.say('Hola, estoy aquí.');
    await page.locator('#transcript li.theirs').first().waitFor();
    advocate.send({type: 'transfer', conversation: advocate.conversation, to: 'queue'});
    assert.equal((await advocate.next('transfer_status')).state, 'queued');
    await page.locator('#transcript li.notice').waitFor();
    assert.match(await page.textContent('#transcript li.notice'), /^Su chat pasa a la próxima persona de apoyo/);
    await page.fill('#message', 'sigo aquí');
    await page.press('#message', 'Enter');
    const next = await new Advocate(relay, 'ben').signIn();
    const started = await next.takeNext('es');
    assert.equal(started.handoff, 'queue');
    assert.equal(started.conversation, advocate.conversation);
    // The transcript so far, with what the survivor wrote while waiting.
    const bodies = [];
    for (;;) {
        const frame = await next.next('message');
        bodies.push(frame.body);
        if (frame.body === 'sigo aquí')
            break;
    }
    assert.deepEqual(bodies, ['Hola, estoy aquí.', 'sigo aquí']);
    next.say('Hola, soy otra persona de apoyo.');
    await page.locator('#transcript li.theirs', {hasText: 'soy otra persona'}).waitFor();
    assert.equal(await page.locator('#transcript li.theirs').count(), 2);
    await snap(page, '21-handoff-queue-es');
    next.close();
    advocate.close();
    await context.close();
});

// ---- 11. Supervision (issue 13): what a survivor sees of a supervisor, and never a whisper ----------------------

const JOINED_EN = 'A supervisor has joined the chat to help. They can see what was written so far.';
const LEFT_EN = 'The supervisor has left the chat.';
const TAKEOVER_EN = 'A supervisor is answering you now. They can see what was written so far.';
const HAND_BACK_EN = 'Your advocate is answering you again.';
const UNAVAILABLE = 'The chat is not available right now. You can call or text the hotline instead.';

function canary() {
    return 'WHISPER-CANARY-' + Math.random().toString(36).slice(2);
}

// Neither the page's DOM (text, markup and attributes) nor any frame the relay sent it holds `text`.
async function assertNowhereOnPage(record, text, label) {
    const {page, frames} = record;
    assert.ok(frames.length > 0, `${label}: no WebSocket frames were recorded`);
    assert.deepEqual(frames.filter((frame) => frame.includes(text)), [], `${label}: a frame to the survivor holds it`);
    assert.ok(!(await page.content()).includes(text), `${label}: the page's DOM holds it`);
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(text), `${label}: the page shows it`);
}

// The last notice line of the transcript says `text`, and so does the status line (a live region).
async function assertAnnounced(page, text) {
    await page.locator('#transcript li.notice', {hasText: text}).waitFor();
    assert.equal(await page.locator('#transcript li.notice').last().textContent(), text);
    assert.equal(await page.textContent('#chat-status'), text);
    assert.equal(await page.getAttribute('#chat-status', 'role'), 'status');
    assert.equal(await page.getAttribute('#chat-status', 'aria-live'), 'polite');
    assert.equal(await page.getAttribute('#transcript', 'aria-live'), 'polite');
}

// A chat whose advocate has said `greeting` (on the page by now), with a supervisor signed in beside them.
async function supervisedChat(target, language, greeting = 'Hello, I am here.') {
    const record = await chatWith(target, 'Rosa', language);
    record.supervisor = await new Supervisor(target).signIn();
    record.advocate.say(greeting);
    await record.page.locator('#transcript li.theirs').first().waitFor();
    return record;
}

async function closeSupervisedChat({supervisor, advocate, context}) {
    supervisor.close();
    advocate.close();
    await context.close();
}

// The survivor writes `body` on the page; `staff` gets it from the survivor.
async function survivorSays(page, staff, body) {
    await page.fill('#message', body);
    await page.press('#message', 'Enter');
    assert.equal((await staff.next('message', 10000, (f) => f.body === body)).from, 'survivor');
}

async function labelOf(page, text) {
    const line = page.locator('#transcript li.theirs', {hasText: text});
    await line.waitFor();
    return line.locator('.who').textContent();
}

test('11 a supervisor joins visibly: the page says so, labels their message, says when they leave; a whisper never reaches the page', {timeout: 90000}, async () => {
    const record = await supervisedChat(relay);
    const {page, advocate, supervisor} = record;
    try {
        const started = await supervisor.join(advocate.conversation);
        assert.equal(started.participation, 'joined');
        await assertAnnounced(page, JOINED_EN);

        // A whisper to the advocate, then a message: the page gets the message, never the whisper before it.
        const secret = canary();
        await supervisor.whisper(secret);
        assert.equal((await advocate.next('whispered')).body, secret);
        supervisor.say('Hello, I am a supervisor and I am here to help too.');
        assert.equal(await labelOf(page, 'here to help too'), 'Supervisor');
        assert.ok(await page.locator('#transcript li.supervisor', {hasText: 'here to help too'}).isVisible());
        assert.ok(record.frames.some((frame) => frame.includes('here to help too') && JSON.parse(frame).supervisor === true),
            'the supervisor flag did not reach the page');
        advocate.say('I am still here as well.');
        assert.equal(await labelOf(page, 'still here as well'), 'Advocate');
        assert.equal(await labelOf(page, 'Hello, I am here.'), 'Advocate');
        // The advocate whispers back to the supervisor while the survivor writes.
        const reply = canary();
        advocate.send({type: 'whisper', conversation: advocate.conversation, body: reply});
        assert.equal((await supervisor.next('whispered', 10000, (f) => f.body === reply)).from, 'ana');
        await survivorSays(page, supervisor, 'thank you both');
        await snap(page, '22-supervisor-joined');
        await axeCheck(page, 'supervisor joined');

        supervisor.leave();
        await assertAnnounced(page, LEFT_EN);
        assert.equal(await page.locator('#transcript li.notice').count(), 2);
        advocate.say('It is just me again.');
        await page.locator('#transcript li', {hasText: 'just me again'}).waitFor();
        await snap(page, '23-supervisor-left');
        for (const text of [secret, reply])
            await assertNowhereOnPage(record, text, 'joined chat');
        assert.ok(!(await page.textContent('body')).includes('sue'), 'the supervisor account name is shown');
        assert.ok(!record.frames.some((frame) => frame.includes('"whispered"')), 'a whisper frame reached the page');
    } finally {
        await closeSupervisedChat(record);
    }
});

test('11 in Spanish: the page says a supervisor joined and left in Spanish and labels their message in Spanish', {timeout: 90000}, async () => {
    const record = await supervisedChat(relay, 'es', 'Hola, estoy aquí.');
    const {page, advocate, supervisor} = record;
    try {
        await supervisor.join(advocate.conversation);
        const joined = 'Una persona supervisora se ha unido al chat para ayudar. Puede ver lo que se ha escrito hasta ahora.';
        await assertAnnounced(page, joined);
        supervisor.say('Hola, soy supervisora y estoy aquí para ayudar.');
        assert.equal(await labelOf(page, 'para ayudar'), 'Persona supervisora');
        assert.equal(await labelOf(page, 'Hola, estoy aquí.'), 'Persona de apoyo');
        await snap(page, '24-supervisor-joined-es');
        await axeCheck(page, 'supervisor joined es');
        supervisor.leave();
        await assertAnnounced(page, 'La persona supervisora ha salido del chat.');
        // Switching the language translates the notices and labels already shown.
        await page.selectOption('#language', 'en');
        assert.deepEqual(await page.locator('#transcript li.notice').allTextContents(), [JOINED_EN, LEFT_EN]);
        assert.equal(await labelOf(page, 'para ayudar'), 'Supervisor');
        assert.equal(await labelOf(page, 'Hola, estoy aquí.'), 'Advocate');
    } finally {
        await closeSupervisedChat(record);
    }
});

test('11 take over and hand back: the page says who answers, labels the supervisor\'s messages, and never gets a whisper', {timeout: 90000}, async () => {
    const record = await supervisedChat(relay);
    const {page, advocate, supervisor} = record;
    try {
        const participants = await supervisor.takeOver(advocate.conversation, 'observe');
        assert.deepEqual(participants.staff.find((s) => s.user === 'ana'), {user: 'ana', participation: 'observing'});
        await assertAnnounced(page, TAKEOVER_EN);
        // After a take-over too the relay marks the supervisor's messages.
        supervisor.say('I am a supervisor and I am answering you now.');
        assert.equal(await labelOf(page, 'answering you now'), 'Supervisor');
        assert.ok(record.frames.some((frame) => frame.includes('answering you now') && JSON.parse(frame).supervisor === true),
            'the supervisor flag did not reach the page after the take-over');
        supervisor.send({type: 'typing', conversation: supervisor.conversation, active: true});
        await page.locator('#typing', {hasText: 'Supervisor is typing…'}).waitFor();
        supervisor.send({type: 'typing', conversation: supervisor.conversation, active: false});
        const secret = canary();
        await supervisor.whisper(secret);
        assert.equal((await advocate.next('whispered', 10000, (f) => f.body === secret)).from, 'sue');
        await survivorSays(page, supervisor, 'okay, thank you');
        await snap(page, '25-taken-over');
        await axeCheck(page, 'taken over');

        await supervisor.handBack();
        await assertAnnounced(page, HAND_BACK_EN);
        advocate.say('I am back with you.');
        assert.equal(await labelOf(page, 'back with you'), 'Advocate');
        assert.equal(await labelOf(page, 'answering you now'), 'Supervisor');
        assert.equal(await labelOf(page, 'Hello, I am here.'), 'Advocate');
        await page.selectOption('#language', 'es');
        assert.deepEqual(await page.locator('#transcript li.notice').allTextContents(),
            ['Ahora le responde una persona supervisora. Puede ver lo que se ha escrito hasta ahora.',
                'Su persona de apoyo le responde de nuevo.']);
        assert.equal(await labelOf(page, 'answering you now'), 'Persona supervisora');
        await page.selectOption('#language', 'en');
        await snap(page, '26-handed-back');
        await assertNowhereOnPage(record, secret, 'taken-over chat');
        assert.ok(!(await page.textContent('body')).includes('sue'), 'the supervisor account name is shown');
    } finally {
        await closeSupervisedChat(record);
    }
});

test('11 a page reloaded during a take-over is told again that a supervisor answers; typing says who types', {timeout: 90000}, async () => {
    const record = await supervisedChat(relay);
    const {page, advocate, supervisor} = record;
    try {
        await supervisor.join(advocate.conversation);
        await assertAnnounced(page, JOINED_EN);
        // A joined supervisor's typing is the supervisor's, the advocate's is the advocate's.
        supervisor.send({type: 'typing', conversation: supervisor.conversation, active: true});
        await page.locator('#typing', {hasText: 'Supervisor is typing…'}).waitFor();
        supervisor.send({type: 'typing', conversation: supervisor.conversation, active: false});
        advocate.send({type: 'typing', conversation: advocate.conversation, active: true});
        await page.locator('#typing', {hasText: 'Advocate is typing…'}).waitFor();
        advocate.send({type: 'typing', conversation: advocate.conversation, active: false});
        await page.waitForFunction(() => document.getElementById('typing').textContent === '');

        await supervisor.takeOver(advocate.conversation, 'observe');
        await assertAnnounced(page, TAKEOVER_EN);
        supervisor.say('I am a supervisor and I answer you from now on.');
        assert.equal(await labelOf(page, 'from now on'), 'Supervisor');

        // The survivor reloads: the notice again, then the same chat, told who answers after its messages.
        await page.reload();
        await page.locator('#screen-notice').waitFor({state: 'visible'});
        await page.check('#accept');
        await page.click('#request-button');
        await assertAnnounced(page, TAKEOVER_EN);
        assert.deepEqual(await page.locator('#transcript li.notice').allTextContents(), [TAKEOVER_EN]);
        assert.equal(await page.locator('#transcript li').last().textContent(), TAKEOVER_EN);
        assert.equal(await labelOf(page, 'from now on'), 'Supervisor');
        assert.equal(await labelOf(page, 'Hello, I am here.'), 'Advocate');
        supervisor.send({type: 'typing', conversation: supervisor.conversation, active: true});
        await page.locator('#typing', {hasText: 'Supervisor is typing…'}).waitFor();
        supervisor.send({type: 'typing', conversation: supervisor.conversation, active: false});
        await snap(page, '29-reloaded-during-take-over');
        await axeCheck(page, 'reloaded during take-over');

        // Reloaded again after the hand-back: nothing of supervision is said, the labels stay.
        await supervisor.handBack();
        await assertAnnounced(page, HAND_BACK_EN);
        await page.reload();
        await page.check('#accept');
        await page.click('#request-button');
        await page.locator('#transcript li.theirs', {hasText: 'from now on'}).waitFor();
        assert.equal(await labelOf(page, 'from now on'), 'Supervisor');
        advocate.say('Still with you after your reload.');
        assert.equal(await labelOf(page, 'after your reload'), 'Advocate');
        assert.equal(await page.locator('#transcript li.notice').count(), 0);
    } finally {
        await closeSupervisedChat(record);
    }
});

test('11 a page whose connection drops while the supervisor hands back is told so when it comes back', {timeout: 90000}, async () => {
    const proxy = await new CuttableProxy(relay.port).listen();
    const record = await survivor(relay, {origin: 'http://127.0.0.1:' + proxy.port});
    const {page, context} = record;
    let advocate;
    let supervisor;
    try {
        await requestChat(page, 'Rosa');
        await page.locator('#screen-waiting').waitFor({state: 'visible'});
        advocate = await new Advocate(relay, 'ana').signIn();
        await advocate.takeNext();
        await page.locator('#screen-chat').waitFor({state: 'visible'});
        supervisor = await new Supervisor(relay).signIn();
        await supervisor.takeOver(advocate.conversation, 'observe');
        await assertAnnounced(page, TAKEOVER_EN);

        await proxy.cut();
        await page.locator('#connection-notice', {hasText: 'Reconnecting'}).waitFor({timeout: 5000});
        await supervisor.handBack();
        await proxy.restore();
        await page.locator('#connection-notice').waitFor({state: 'hidden', timeout: 15000});
        await assertAnnounced(page, HAND_BACK_EN);
        assert.deepEqual(await page.locator('#transcript li.notice').allTextContents(), [TAKEOVER_EN, HAND_BACK_EN]);
        advocate.say('I am back with you.');
        assert.equal(await labelOf(page, 'back with you'), 'Advocate');
    } finally {
        supervisor?.close();
        advocate?.close();
        await context.close();
        await proxy.close();
    }
});

test('11 a notice set from the desk reaches every open page within 10 s, and clearing it removes it', {timeout: 90000}, async () => {
    const {page: chatPage, advocate, context} = await chatWith(relay);
    const noticePage = await survivor(relay);
    const supervisor = await new Supervisor(relay).signIn();
    try {
        const text = 'OUTAGE: our chat is down for a while. Please call or text the hotline.';
        const started = Date.now();
        supervisor.setNotice('outage', text);
        for (const page of [chatPage, noticePage.page])
            await page.locator('#service-notice-text', {hasText: text}).waitFor({timeout: 10000});
        const shown = Date.now() - started;
        console.log(`# notice from the desk on every page after ${shown} ms`);
        assert.ok(shown < 10000, `notice shown after ${shown} ms`);
        assert.equal(await noticePage.page.getAttribute('#service-notice', 'role'), 'status');
        assert.equal((await supervisor.next('board', 5000, (f) => f.notice.kind === 'outage')).notice.text, text);
        await noticePage.page.check('#accept');
        assert.ok(await noticePage.page.isDisabled('#request-button'), 'a new chat can start during an outage');
        assert.ok(await chatPage.locator('#screen-chat').isVisible(), 'the open chat goes on');
        await snap(noticePage.page, '27-notice-from-desk');
        await axeCheck(noticePage.page, 'notice from the desk');

        const clearing = Date.now();
        supervisor.setNotice();
        for (const page of [chatPage, noticePage.page])
            await page.locator('#service-notice').waitFor({state: 'hidden', timeout: 10000});
        const cleared = Date.now() - clearing;
        console.log(`# notice cleared from the desk on every page after ${cleared} ms`);
        assert.ok(cleared < 10000, `notice removed after ${cleared} ms`);
        assert.ok(await noticePage.page.isEnabled('#request-button'));
    } finally {
        supervisor.setNotice();
        supervisor.close();
        advocate.close();
        await Promise.all([context.close(), noticePage.context.close()]);
    }
});

test('11 a supervisor blocks the chat: the page ends neutrally, a new page gets the neutral unavailable answer with the alternatives', {timeout: 90000}, async () => {
    // A relay of its own: the block holds for every page from this computer's address. The pages reach it directly
    // from loopback, which the relay would otherwise take for a proxy on this computer (and refuse the block).
    const blocking = await new Relay({behind_proxy: 'off'}).start();
    try {
        const record = await supervisedChat(blocking);
        const {page, advocate, supervisor, context} = record;
        supervisor.block(advocate.conversation);
        assert.equal((await advocate.next('ended')).reason, 'advocate_ended');
        await page.locator('#screen-ended').waitFor({state: 'visible'});
        assert.equal(await page.textContent('#ended-text'), 'The advocate ended the chat.');
        assert.equal(await page.locator('#transcript li').count(), 0);
        assert.deepEqual((await storageState(page)).session, [], 'the resume token outlived the block');
        assert.doesNotMatch(await page.textContent('body'), /block/i);
        const board = await supervisor.next('board', 5000, (f) => f.blocks.length === 1);

        // A new page in the same browser, from the same address.
        const again = await context.newPage();
        await again.goto(blocking.origin + '/');
        await again.locator('#screen-notice').waitFor({state: 'visible'});
        await requestChat(again);
        await again.locator('#screen-busy').waitFor({state: 'visible'});
        assert.equal(await again.textContent('#busy-text'), UNAVAILABLE);
        assert.equal(await again.textContent('#busy-heading'), 'Chat unavailable');
        assert.doesNotMatch(await again.textContent('body'), /block|busy/i);
        await assertAlternativesVisible(again, 'unavailable');
        await assertExitVisible(again, 'unavailable');
        assert.deepEqual((await storageState(again)).session, [], 'a refused survivor keeps a token');
        await snap(again, '28-unavailable');
        await axeCheck(again, 'unavailable');

        // Lifted from the board, the same address may chat again.
        supervisor.send({type: 'unblock', block: board.blocks[0].block});
        await supervisor.next('board', 5000, (f) => f.blocks.length === 0);
        await again.click('#busy-retry');
        await requestChat(again);
        await again.locator('#screen-waiting').waitFor({state: 'visible'});
        await again.click('#leave-queue');
        await closeSupervisedChat(record);
    } finally {
        await blocking.stop();
    }
});

// ---- 12. Practice relays (issue 18) --------------------------------------------------------------------------

const PRACTICE = 'This is a practice service for training advocates. Chats cannot be started here, and nobody would ' +
    'answer you. If you need help, please use one of the ways below.';

test('12 on a practice relay the page starts no chat and says so; the relay refuses a start that slips through', {timeout: 90000}, async () => {
    const practice = await new Relay({practice: 'on'}).start();
    try {
        const status = await (await fetch(practice.origin + '/api/status')).json();
        assert.equal(status.practice, true);
        const {page, context} = await survivor(practice);
        let sockets = 0;
        page.on('websocket', () => { sockets += 1; });
        await page.check('#accept');
        await page.locator('#start-blocked', {hasText: PRACTICE}).waitFor({state: 'visible'});
        assert.equal(await page.isDisabled('#request-button'), true);
        await page.press('#alias', 'Enter'); // the form's own submit starts nothing either
        await page.waitForTimeout(300);
        assert.equal(sockets, 0, 'the page opened a WebSocket on a practice relay');
        assert.equal(await page.locator('#screen-notice').isVisible(), true);
        await assertAlternativesVisible(page, 'practice');
        await assertExitVisible(page, 'practice');
        await snap(page, '29-practice');
        await axeCheck(page, 'practice');
        await page.selectOption('#language', 'es');
        assert.match(await page.textContent('#start-blocked'), /^Este es un servicio de práctica/);
        await context.close();

        // A page that has not heard the status yet (here: told "not practice") starts; the relay refuses the start
        // (practice_mismatch) and the page says why instead of waiting in a line that does not exist.
        const stale = await survivor(practice, {goto: false});
        await stale.context.route(practice.origin + '/api/status', async (route) => {
            const response = await route.fetch();
            await route.fulfill({response, json: {...(await response.json()), practice: false}});
        });
        await stale.page.goto(practice.origin + '/');
        await stale.page.locator('#screen-notice').waitFor({state: 'visible'});
        await requestChat(stale.page);
        await stale.page.locator('#start-blocked', {hasText: PRACTICE}).waitFor({state: 'visible'});
        assert.equal(await stale.page.locator('#screen-notice').isVisible(), true);
        assert.equal(await stale.page.isDisabled('#request-button'), true);
        assert.ok(stale.frames.some((f) => JSON.parse(f).code === 'practice_mismatch'), stale.frames.join('\n'));
        assert.ok(!stale.frames.some((f) => JSON.parse(f).type === 'session'), 'a session opened on a practice relay');
        assert.deepEqual((await storageState(stale.page)).session, []);
        await stale.context.close();
    } finally {
        await practice.stop();
    }
});

test('12 a live relay\'s page is not blocked by practice, and its status says it is no practice relay', {timeout: 90000}, async () => {
    const status = await (await fetch(relay.origin + '/api/status')).json();
    assert.equal(status.practice, false);
    const {page, context} = await survivor(relay);
    await page.check('#accept');
    assert.equal(await page.isDisabled('#request-button'), false);
    assert.equal(await page.locator('#start-blocked').isVisible(), false);
    await context.close();
});
