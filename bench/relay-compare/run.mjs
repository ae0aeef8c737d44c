// SPDX-License-Identifier: GPL-3.0-only
// The relay side by side with the bare forwarder (issue 16): each load shape of scenarios.mjs runs against both, one
// after the other, in one process, and one table is printed with both columns and their ratio, with the generator's
// own CPU so that a generator at its limit is seen. The generator is node with the same `ws` package as the
// forwarder: one process holds 10,000 client sockets in little memory, speaks JSON natively, and its client side
// costs the same against either server, so only the server differs. scripts/bench-relay builds the relay (bench
// preset) and runs it:
//   node run.mjs --relay build/bench/app/relay/advocate-relay [--only conversations,board,rate,waiting]
//       [--targets forwarder,relay] [--conversations 1000] [--seconds 60] [--steps 1000,2000,...]
//       [--step-seconds 5] [--waiting 10000] [--wait-seconds 40] [--ping-seconds 25] [--connect-seconds 120]
//       [--json out.json] [--rss-csv FILE] [--rss-every 10] [--rss-early 300] [--relay-setting key=value,…]
//       [--profile PREFIX]
// --profile records each server with `perf record -e cpu-clock -g` while it is measured (the conversations'
// window, the rate steps, the waiting room from the first connection), into PREFIX-<target>-<shape>.data
// (linux-perf must be installed).
// --rss-csv writes the server's RSS every --rss-every seconds of the conversations' window into FILE and adds the peak
// of the first --rss-early seconds and the peak at the end to the table: the soak of issue 15
// (scripts/soak-relay runs it for 30 minutes against the relay alone).
import {writeFileSync} from 'node:fs';
import {loadavg} from 'node:os';

import {conversations, rate, waiting} from './scenarios.mjs';
import {relayVersion, Server} from './servers.mjs';

const options = {
    relay: process.env.ADVOCATE_RELAY_EXE,
    only: 'conversations,rate,waiting',
    targets: 'forwarder,relay',
    conversations: '1000',
    seconds: '60',
    steps: '1000,2000,4000,6000,8000,10000,12500,15000,17500,20000,25000,30000,35000,40000,50000',
    'step-seconds': '5',
    waiting: '10000',
    'wait-seconds': '40',
    'ping-seconds': '25',
    'connect-seconds': '120',
    json: '',
    profile: '',
    'rss-csv': '',
    'rss-every': '10',
    'rss-early': '300',
    'relay-setting': '',
};
for (let i = 2; i < process.argv.length; i += 2) {
    const name = process.argv[i].replace(/^--/, '');
    if (!(name in options) || i + 1 >= process.argv.length) {
        console.error(`relay bench: unknown option ${process.argv[i]} (see the head of run.mjs)`);
        process.exit(2);
    }
    options[name] = process.argv[i + 1];
}
const only = new Set(options.only.split(','));
const targets = options.targets.split(',');
if (targets.includes('relay') && !options.relay) {
    console.error('relay bench: --relay (or ADVOCATE_RELAY_EXE) must name the built advocate-relay');
    process.exit(2);
}
const count = Number(options.conversations);
// --relay-setting key=value,key=value: relay config keys on top of the bench's own (e.g. max_total_retained_kib).
const relaySettings = Object.fromEntries(options['relay-setting'].split(',').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
}));
const log = (text) => process.stderr.write(text + '\n');

async function withServer(kind, shape, accounts, body) {
    const server = await new Server(kind, {relayExe: options.relay, relaySettings}).start(accounts);
    if (options.profile)
        server.profileFile = `${options.profile}-${kind}-${shape}.data`;
    try {
        return await body(server);
    } finally {
        await server.profile(false);
        await server.stop();
    }
}

// With --rss-csv and both targets, each gets its own file (FILE with -relay / -forwarder before the extension).
const memoryLine = (kind) => (!options['rss-csv'] ? null : {
    file: targets.length > 1 ? options['rss-csv'].replace(/(\.[^./]*)?$/, `-${kind}$1`) : options['rss-csv'],
    everySeconds: Number(options['rss-every']),
    earlySeconds: Number(options['rss-early']),
});

const results = {};
const loadBefore = loadavg()[0];
for (const kind of targets) {
    results[kind] = {};
    if (only.has('conversations') || only.has('board')) {
        log(`${kind}: ${count} conversations, a message per side every ~3 s, ${options.seconds} s`);
        const accounts = {advocates: Math.ceil(count / 4), supervisors: 1};
        results[kind].conversations = await withServer(kind, 'conversations', accounts,
            (server) => conversations(server, {count, seconds: Number(options.seconds), memoryLine: memoryLine(kind)}));
    }
    if (only.has('rate')) {
        log(`${kind}: ${count} conversations, offered rate stepped up`);
        const accounts = {advocates: Math.ceil(count / 4), supervisors: 1};
        results[kind].rate = await withServer(kind, 'rate', accounts, (server) => rate(server,
            {count, steps: options.steps.split(',').map(Number), stepSeconds: Number(options['step-seconds'])}));
    }
    if (only.has('waiting')) {
        log(`${kind}: ${options.waiting} survivors waiting in the queue`);
        results[kind].waiting = await withServer(kind, 'waiting', {advocates: 1, supervisors: 1},
            (server) => waiting(server, {count: Number(options.waiting), seconds: Number(options['wait-seconds']),
                pingSeconds: Number(options['ping-seconds']), connectSeconds: Number(options['connect-seconds'])}));
    }
}
const loadAfter = loadavg()[0];

// ---- The table ------------------------------------------------------------------------------------------------

const get = (kind, path) => path.split('.').reduce((value, key) => (value == null ? value : value[key]),
    results[kind]);
const number = (value, digits = 0) => (value == null || Number.isNaN(value) ? '—' :
    value.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits}));
const formats = {
    ms: (v) => (v == null || Number.isNaN(v) ? '—' : `${number(v, v < 10 ? 2 : 1)} ms`),
    core: (v) => (v == null ? '—' : `${number(100 * v, 1)} %`),
    percent: (v) => (v == null ? '—' : `${number(100 * v, 2)} %`),
    rate: (v) => (v == null ? '—' : `${number(v)} msg/s`),
    count: (v) => number(v),
    seconds: (v) => (v == null ? '—' : `${number(v, 1)} s`),
    mib: (v) => (v == null ? '—' : `${number(v, 0)} MiB`),
    growth: (v) => (v == null ? '—' : `${v >= 0 ? '+' : ''}${number(100 * v, 2)} %`),
};
const rows = [];
const row = (load, figure, path, format, ratio = true) => {
    if (!targets.some((kind) => get(kind, path) != null))
        return;
    const relay = get('relay', path);
    const forwarder = get('forwarder', path);
    const quotient = ratio && relay != null && forwarder ? relay / forwarder : null;
    rows.push([load, figure, formats[format](relay), formats[format](forwarder),
        quotient == null || Number.isNaN(quotient) ? '—' : `${number(quotient, 2)}×`]);
};
const a = `${number(count)} conversations, a message per side every ~3 s`;
row(a, 'delivery latency p50', 'conversations.p50Ms', 'ms');
row(a, 'delivery latency p99', 'conversations.p99Ms', 'ms');
row(a, 'delivered', 'conversations.deliveredFraction', 'percent', false);
row(a, 'server CPU (of one core)', 'conversations.serverCores', 'core');
row(a, 'server RSS', 'conversations.rssMiB', 'mib');
row(a, 'generator CPU', 'conversations.ownCores', 'core');
row(a, `peak RSS in the first ${options['rss-early']} s`, 'conversations.memoryLine.earlyPeakMiB', 'mib');
row(a, 'peak RSS at the end', 'conversations.memoryLine.endPeakMiB', 'mib');
row(a, 'peak at the end / in the first ' + options['rss-early'] + ' s', 'conversations.memoryLine.growthFraction', 'growth',
    false);
const d = `supervisor board at ${number(count)} conversations`;
row(d, 'change → board frame p50', 'conversations.boardP50Ms', 'ms');
row(d, 'change → board frame p99', 'conversations.boardP99Ms', 'ms');
row(d, 'changes measured (missed)', 'conversations.boardSamples', 'count', false);
const b = 'offered rate stepped up';
row(b, 'highest rate, ≥ 98 % delivered, p99 < 100 ms', 'rate.best.rate', 'rate');
row(b, 'p99 at that rate', 'rate.best.p99Ms', 'ms');
row(b, 'server CPU at that rate', 'rate.best.serverCores', 'core');
row(b, 'generator CPU at that rate', 'rate.best.ownCores', 'core');
const c = `${number(Number(options.waiting))} survivors waiting, a ping each every ${options['ping-seconds']} s`;
row(c, 'places held', 'waiting.held', 'count');
row(c, 'time to connect them all (— if not all in --connect-seconds)', 'waiting.connectSeconds', 'seconds');
row(c, 'server RSS', 'waiting.rssMiB', 'mib');
row(c, 'server CPU while they wait', 'waiting.serverCores', 'core');
row(c, 'queued frames a second', 'waiting.queuedFramesPerSecond', 'count', false);
row(c, 'generator CPU while they wait', 'waiting.ownCores', 'core');

const missed = targets.map((kind) => get(kind, 'conversations.boardMissed')).filter((v) => v);
console.log(`\nrelay bench (issue 16): ${targets.includes('relay') ? await relayVersion(options.relay) : ''} vs ` +
    `a bare forwarder on Node ${process.version} ws; load average ${loadBefore.toFixed(2)} before, ` +
    `${loadAfter.toFixed(2)} after\n`);
console.log('| load | figure | relay | forwarder | relay / forwarder |');
console.log('|---|---|---|---|---|');
for (const cells of rows)
    console.log('| ' + cells.join(' | ') + ' |');
if (missed.length)
    console.log(`\nboard changes never shown within the run: ${missed.join(', ')}`);
for (const kind of targets) {
    const line = get(kind, 'conversations.memoryLine');
    if (line && line.growthFraction != null)
        console.log(`\n${kind}'s memory: peak RSS ${number(line.earlyPeakMiB, 1)} MiB in the first ${line.earlySeconds} s, ` +
            `${number(line.endPeakMiB, 1)} MiB at the end (${formats.growth(line.growthFraction)}): ` +
            `${line.growthFraction <= 0.05 ? 'flat (within 5 %)' : 'GROWING (more than 5 %)'}; the line is in ${line.file}`);
}
if (options.json)
    writeFileSync(options.json, JSON.stringify({options, loadBefore, loadAfter, results}, null, 2));
process.exit(0);
