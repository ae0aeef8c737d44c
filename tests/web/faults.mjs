// SPDX-License-Identifier: GPL-3.0-only
// The fault suite (issue 15 item 2), the survivor page's side: a chat between the real page in Debian's headless
// Chromium and an advocate (a WebSocket client with a staff account, tests/web/support/advocate.mjs) through the
// real advocate-relay on 127.0.0.1; while both sides send a burst of numbered messages a fault is injected, and
// afterwards the suite counts, for each direction, the messages sent, delivered, lost and duplicated, and the time
// from the end of the fault until the chat could continue (a message written by each side after it has reached
// the other). Goal: 0 lost, 0 duplicated and nothing out of order in every case; any of them, or a case that fails,
// makes the exit status non-zero. The table goes to stdout.
//
//   ADVOCATE_RELAY_EXE=build/ci/app/relay/advocate-relay node faults.mjs [--quick | --seconds N] [--only case,…]
//       [--json FILE]
//
// --quick makes each fault last 3 s instead of 60 s and the bursts shorter: that is what the test run does (ctest
// survivor_page_faults); scripts/faults runs the full cases. Cases:
//   survivor-network-cut   the survivor's connection is cut (every socket reset, new ones refused) for the fault's
//                          length, as a network drop or a phone changing networks does; the page reconnects by
//                          itself with its resume token
//   survivor-network-stalled  nothing passes in either direction and nothing closes for the fault's length (a
//                          network that hangs); the page takes 12 s of silence for a drop and reconnects
//   survivor-page-offline  the browser itself goes offline for the fault's length (navigator.onLine false, the
//                          network unreachable), and the survivor's open connection dies with it
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

import {Advocate} from './support/advocate.mjs';
import {requirePrerequisites} from './support/prerequisites.mjs';
import {CuttableProxy} from './support/proxy.mjs';
import {cleanupAccounts, makeAccounts, Relay} from './support/relay.mjs';

const options = {quick: false, only: '', json: '', seconds: ''};
for (let i = 2; i < process.argv.length; ++i) {
    const name = process.argv[i].replace(/^--/, '');
    if (name === 'quick')
        options.quick = true;
    else if ((name === 'only' || name === 'json' || name === 'seconds') && i + 1 < process.argv.length)
        options[name] = process.argv[++i];
    else {
        console.error(`faults: unknown option ${process.argv[i]} (see the head of faults.mjs)`);
        process.exit(2);
    }
}
requirePrerequisites('faults');

const faultSeconds = Number(options.seconds) || (options.quick ? 3 : 60);
const burst = faultSeconds < 30 ? 6 : 20; // messages each side sends around the start of the fault, and again during it
const spacingMs = 250; // four messages a second from each side: fast for a person, inside the relay's frame rate
const settleMs = 30000; // how long after the fault the suite waits for every message before counting what is missing
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text) => process.stderr.write(`faults: ${text}\n`);

// What one direction of the chat carried: the bodies sent, and every body the other side displayed or received.
class Direction {
    constructor() {
        this.sent = [];
        this.received = [];
    }

    summary() {
        const sent = new Set(this.sent);
        const counts = new Map();
        for (const body of this.received)
            counts.set(body, (counts.get(body) || 0) + 1);
        let delivered = 0;
        let duplicated = 0;
        for (const body of sent) {
            const times = counts.get(body) || 0;
            delivered += times > 0 ? 1 : 0;
            duplicated += Math.max(0, times - 1);
        }
        const strangers = [...counts.keys()].filter((body) => !sent.has(body)).length;
        // In order: each message received after every message sent before it (first arrivals only).
        const place = new Map(this.sent.map((body, index) => [body, index]));
        const firsts = [...new Set(this.received)].filter((body) => place.has(body)).map((body) => place.get(body));
        const outOfOrder = firsts.filter((index, i) => i > 0 && index < firsts[i - 1]).length;
        return {sent: sent.size, delivered, lost: sent.size - delivered, duplicated, outOfOrder, strangers};
    }
}

// The survivor: the real page, through a proxy the suite can cut.
class PageSurvivor {
    constructor(browser, proxy) {
        this.browser = browser;
        this.proxy = proxy;
    }

    async open() {
        this.context = await this.browser.newContext({viewport: {width: 1280, height: 800}, locale: 'en-US'});
        this.page = await this.context.newPage();
        await this.page.goto('http://127.0.0.1:' + this.proxy.port + '/');
        await this.page.locator('#screen-notice').waitFor({state: 'visible'});
        await this.page.check('#accept');
        await this.page.click('#request-button');
        await this.page.locator('#screen-waiting').waitFor({state: 'visible'});
    }

    async say(body) {
        await this.page.fill('#message', body);
        await this.page.click('#send-button');
    }

    // Every message from the advocate the page shows, in the order it shows them.
    async shown() {
        return this.page.$$eval('#transcript li.theirs .body', (items) => items.map((item) => item.textContent));
    }

    async close() {
        await this.context.close().catch(() => {});
    }
}

// The advocate's side never has a fault in these cases; it records every survivor message the relay gives it.
async function advocateFor(relay, received) {
    const advocate = await new Advocate(relay, 'ana').signIn();
    advocate.ws.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.type === 'message' && frame.from === 'survivor')
            received.push(frame.body);
    });
    return advocate;
}

const cases = [
    {
        name: 'survivor-network-cut',
        what: `the survivor's network cut for ${faultSeconds} s`,
        begin: async ({proxy}) => proxy.cut(),
        end: async ({proxy}) => proxy.restore(),
    },
    {
        name: 'survivor-network-stalled',
        what: `the survivor's network stalled for ${faultSeconds} s`,
        begin: async ({proxy}) => proxy.pause(),
        end: async ({proxy}) => proxy.resume(),
    },
    {
        name: 'survivor-page-offline',
        what: `the survivor's browser offline for ${faultSeconds} s`,
        // An offline device loses its open connections; Chromium's offline mode alone only refuses new ones.
        begin: async ({proxy, survivor}) => {
            await survivor.context.setOffline(true);
            await proxy.cut();
        },
        end: async ({proxy, survivor}) => {
            await proxy.restore();
            await survivor.context.setOffline(false);
        },
    },
];

// Sends `count` numbered messages from each side, `spacingMs` apart, both at once; calls `midway` after half.
async function bothSay(survivor, advocate, toAdvocate, toSurvivor, label, count, midway = async () => {}) {
    for (let i = 1; i <= count; ++i) {
        const fromSurvivor = `S ${label} ${i}`;
        const fromAdvocate = `A ${label} ${i}`;
        toAdvocate.sent.push(fromSurvivor);
        toSurvivor.sent.push(fromAdvocate);
        advocate.say(fromAdvocate);
        await survivor.say(fromSurvivor);
        if (i === Math.ceil(count / 2))
            await midway();
        await sleep(spacingMs);
    }
}

async function runCase(browser, relay, fault) {
    const proxy = await new CuttableProxy(relay.port).listen();
    const survivor = new PageSurvivor(browser, proxy);
    const toAdvocate = new Direction();
    const toSurvivor = new Direction();
    let advocate;
    try {
        await survivor.open();
        advocate = await advocateFor(relay, toAdvocate.received);
        await advocate.takeNext();
        await survivor.page.locator('#screen-chat').waitFor({state: 'visible'});

        // A burst in both directions, the fault beginning in the middle of it; then another burst while it lasts.
        const context = {proxy, survivor, advocate, relay};
        await bothSay(survivor, advocate, toAdvocate, toSurvivor, 'around', burst, () => fault.begin(context));
        await bothSay(survivor, advocate, toAdvocate, toSurvivor, 'during', burst);
        await sleep(Math.max(0, faultSeconds * 1000 - 2 * burst * spacingMs));
        await fault.end(context);
        const endedAt = Date.now();

        // Each side writes once more at once: the chat has continued when both have arrived.
        toAdvocate.sent.push('S after');
        toSurvivor.sent.push('A after');
        advocate.say('A after');
        await survivor.say('S after');
        let continuedMs = null;
        const settleUntil = endedAt + settleMs;
        for (;;) {
            toSurvivor.received = await survivor.shown();
            const arrived = toSurvivor.received.includes('A after') && toAdvocate.received.includes('S after');
            if (arrived && continuedMs === null)
                continuedMs = Date.now() - endedAt;
            const all = toSurvivor.summary().lost === 0 && toAdvocate.summary().lost === 0;
            if ((arrived && all) || Date.now() > settleUntil)
                break;
            await sleep(50);
        }
        await sleep(1000); // a late duplicate would show now
        toSurvivor.received = await survivor.shown();
        return {name: fault.name, what: fault.what, toAdvocate: toAdvocate.summary(), toSurvivor: toSurvivor.summary(),
            continuedMs};
    } catch (error) {
        return {name: fault.name, what: fault.what, error: String(error && error.stack || error)};
    } finally {
        if (advocate)
            advocate.close();
        await survivor.close();
        await proxy.close().catch(() => {});
    }
}

const only = options.only ? new Set(options.only.split(',')) : null;
const unknown = only ? [...only].filter((name) => !cases.some((c) => c.name === name)) : [];
if (unknown.length) {
    console.error(`faults: no case called ${unknown.join(', ')}; the cases are ${cases.map((c) => c.name).join(', ')}`);
    process.exit(2);
}

await makeAccounts();
const profileDir = mkdtempSync(join(tmpdir(), 'advocate-faults-profile-'));
const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--disk-cache-dir=${join(profileDir, 'cache')}`],
});
// The reconnect window is longer than any fault, as a program would set it (the default is 5 minutes).
const relay = await new Relay({reconnect_window_seconds: String(Math.max(120, 3 * faultSeconds)),
    inactivity_t1_seconds: '600', inactivity_t2_seconds: '600'}).start();
const results = [];
try {
    for (const fault of cases.filter((c) => !only || only.has(c.name))) {
        log(`${fault.name}: ${fault.what}`);
        const result = await runCase(browser, relay, fault);
        log(`${fault.name}: ${JSON.stringify(result)}`);
        results.push(result);
    }
} finally {
    await browser.close();
    await relay.stop();
    cleanupAccounts();
    rmSync(profileDir, {recursive: true, force: true});
}

const cell = (d) => `${d.sent} | ${d.delivered} | ${d.lost} | ${d.duplicated} | ${d.outOfOrder}`;
console.log(`\nfault suite (issue 15 item 2), the survivor page's side (${faultSeconds} s faults)\n`);
console.log('| case | fault | direction | sent | delivered | lost | duplicated | out of order | time to continue |');
console.log('|---|---|---|---|---|---|---|---|---|');
let failed = false;
for (const r of results) {
    const continued = r.continuedMs == null ? 'never' : `${(r.continuedMs / 1000).toFixed(1)} s`;
    if (r.error) {
        failed = true;
        console.log(`| ${r.name} | ${r.what} | — | — | — | — | — | — | failed: ${r.error.split('\n')[0]} |`);
        continue;
    }
    console.log(`| ${r.name} | ${r.what} | survivor → advocate | ${cell(r.toAdvocate)} | ${continued} |`);
    console.log(`| | | advocate → survivor | ${cell(r.toSurvivor)} | |`);
    for (const d of [r.toAdvocate, r.toSurvivor])
        failed ||= d.lost > 0 || d.duplicated > 0 || d.outOfOrder > 0 || d.strangers > 0 || r.continuedMs == null;
}
for (const r of results.filter((x) => x.error))
    console.error(`faults: ${r.name} failed:\n${r.error}`);
if (options.json)
    writeFileSync(options.json, JSON.stringify({options, faultSeconds, burst, results}, null, 2));
process.exit(failed ? 1 : 0);
