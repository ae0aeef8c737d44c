// SPDX-License-Identifier: GPL-3.0-only
// The load shapes of issue 16, each run the same way against the relay or the forwarder:
//   conversations: N survivors and N/4 advocates at cap 4 in push mode, a message per side every ~3 s (jittered):
//                  delivery latency, the server's CPU; with a supervisor signed in, the board's update latency for
//                  two kinds of change (a hand raised; a new conversation answered);
//   rate:          the same conversations, the offered rate stepped up: the highest step with >= 98 % delivered and
//                  p99 < 100 ms;
//   waiting:       N survivors connect and wait in the queue (one advocate away and one supervisor signed in, as in
//                  a surge): places held, the time to connect them all, RSS and CPU while they wait and ping.
// Every figure of the server is read from /proc; the generator's own CPU is reported beside it.
import {appendFileSync, writeFileSync} from 'node:fs';

import {CpuMeter, ownCpuSeconds} from './servers.mjs';
import {nowUs, percentile, Pinger, pool, signIn, sleep, startSurvivor, Traffic} from './peers.mjs';

const log = (text) => process.stderr.write(text + '\n');

// What the conversations and rate shapes share: the set-up, the senders, and the measurement of deliveries.
class ChatLoad {
    constructor(server) {
        this.server = server;
        this.traffic = new Traffic();
        this.pinger = new Pinger(25);
        this.sides = new Map(); // conversation → {survivor, advocate, senders}
        this.window = null;     // {start, end} in µs: deliveries of messages sent inside it are counted
        this.latencies = [];
        this.delivered = 0;
        this.errors = 0;
        this.probes = new Map(); // conversation → {kind, t0, matches(row)}: board changes awaited
        this.boardLatencies = {hand: [], answered: []};
        this.awaitingAnswer = false;
        this.onFrame = (peer, frame) => this.frame(peer, frame);
    }

    frame(peer, frame) {
        switch (frame.type) {
        case 'message': {
            const sentAt = parseInt(frame.body, 10);
            const window = this.window;
            if (window && sentAt >= window.start && sentAt < window.end) {
                ++this.delivered;
                this.latencies.push(nowUs() - sentAt);
            }
            peer.send({type: 'ack', conversation: frame.conversation, seq: frame.seq});
            return;
        }
        case 'conversation_started': {
            const side = this.sides.get(frame.conversation) || {senders: []};
            this.sides.set(frame.conversation, side);
            peer.conversations.push(frame.conversation);
            if (peer.survivor) {
                side.survivor = peer;
            } else {
                side.advocate = peer;
                if (this.awaitingAnswer) {
                    this.awaitingAnswer = false;
                    this.probes.set(frame.conversation, {kind: 'answered', t0: nowUs(), matches: () => true});
                }
            }
            if (this.sending && side.survivor && side.advocate)
                this.addSenders(frame.conversation);
            return;
        }
        case 'ended': {
            const side = this.sides.get(frame.conversation);
            if (side) {
                for (const sender of side.senders)
                    sender.stopped = true;
                this.sides.delete(frame.conversation);
            }
            peer.conversations = peer.conversations.filter((c) => c !== frame.conversation);
            if (peer.survivor)
                peer.close();
            return;
        }
        case 'board':
            for (const row of frame.conversations || []) {
                const probe = this.probes.get(row.conversation);
                if (probe && probe.matches(row)) {
                    this.probes.delete(row.conversation);
                    this.boardLatencies[probe.kind].push(nowUs() - probe.t0);
                    if (probe.kind === 'hand') {
                        const side = this.sides.get(row.conversation);
                        if (side)
                            side.advocate.send({type: 'raise_hand', conversation: row.conversation, raised: false});
                    }
                }
            }
            return;
        case 'error':
            ++this.errors;
            return;
        default:
            return;
        }
    }

    addSenders(conversation) {
        const side = this.sides.get(conversation);
        side.senders = [this.traffic.add(side.survivor, conversation), this.traffic.add(side.advocate, conversation)];
    }

    async setUp(survivors, {supervisor = true} = {}) {
        const started = performance.now();
        const url = this.server.url;
        const signedIn = (peer) => this.pinger.add(peer);
        if (supervisor)
            [this.supervisor] = await signIn(url, ['sup0'], this.onFrame, {available: false, signedIn});
        const advocates = Array.from({length: Math.ceil(survivors / 4)}, (_, i) => `adv${i}`);
        this.advocates = await signIn(url, advocates, this.onFrame, {signedIn});
        const signedInMs = performance.now() - started;
        this.survivors = [];
        await pool(survivors, 100, async () => {
            const peer = await startSurvivor(url, this.onFrame, 'conversation_started', this.pinger);
            if (peer)
                this.survivors.push(peer);
        });
        // Both sides of every conversation have heard of it.
        while ([...this.sides.values()].filter((s) => s.survivor && s.advocate).length < this.survivors.length)
            await sleep(50);
        log(`  ${this.server.kind}: ${advocates.length} advocates signed in in ${(signedInMs / 1000).toFixed(1)} s, ` +
            `${this.survivors.length} conversations open after ${((performance.now() - started) / 1000).toFixed(1)} s`);
        if (this.survivors.length < survivors)
            throw new Error(`${this.server.kind}: ${this.survivors.length} of ${survivors} survivors were answered`);
        this.sending = true;
        for (const conversation of this.sides.keys())
            this.addSenders(conversation);
    }

    // Starts counting deliveries of messages sent from now on, and the CPU of both processes.
    openWindow() {
        this.latencies = [];
        this.delivered = 0;
        this.sentAtStart = this.traffic.sent;
        this.window = {start: nowUs(), end: Infinity};
        this.serverCpu = new CpuMeter(() => this.server.cpuSeconds());
        this.ownCpu = new CpuMeter(ownCpuSeconds);
    }

    closeWindow() {
        this.window.end = nowUs();
        this.sent = this.traffic.sent - this.sentAtStart;
        this.seconds = (this.window.end - this.window.start) / 1e6;
        this.serverCores = this.serverCpu.coreFraction();
        this.ownCores = this.ownCpu.coreFraction();
    }

    result() {
        const sorted = Float64Array.from(this.latencies).sort();
        return {
            sent: this.sent,
            delivered: this.delivered,
            deliveredFraction: this.sent > 0 ? this.delivered / this.sent : 0,
            rate: this.delivered / this.seconds,
            p50Ms: percentile(sorted, 0.5) / 1000,
            p99Ms: percentile(sorted, 0.99) / 1000,
            serverCores: this.serverCores,
            ownCores: this.ownCores,
        };
    }

    // One board change: a hand raised on an open conversation, or a conversation ended by its survivor and a new
    // survivor answered by the advocate it freed.
    async boardEvent(kind) {
        const open = [...this.sides.entries()].filter(([id, side]) => side.survivor && side.advocate &&
            !this.probes.has(id));
        if (open.length === 0)
            return;
        const [id, side] = open[Math.floor(Math.random() * open.length)];
        if (kind === 'hand') {
            this.probes.set(id, {kind, t0: nowUs(), matches: (row) => (row.flags || []).includes('hand_raised')});
            side.advocate.send({type: 'raise_hand', conversation: id, raised: true});
            return;
        }
        side.survivor.send({type: 'end', conversation: id});
        await sleep(20);
        this.awaitingAnswer = true;
        const peer = await startSurvivor(this.server.url, this.onFrame, 'conversation_started', this.pinger);
        if (peer)
            this.survivors.push(peer);
    }

    tearDown() {
        this.traffic.stop();
        this.pinger.stop();
        for (const peer of [...this.survivors, ...this.advocates, this.supervisor].filter(Boolean))
            peer.close();
    }
}

// The server's memory over a long run (issue 15's soak): every `everySeconds` a CSV row of the seconds since the
// window opened and the RSS (MiB). The peak is of these samples, inside the window: the kernel's high-water mark would
// be the sign-ins' (argon2id takes 64 MiB a check, up to 32 at once), which are over before the window opens. A flat
// line: the peak at the end within a few % of the peak of the first `earlySeconds`.
class MemoryLine {
    constructor(server, {file, everySeconds, earlySeconds}) {
        this.server = server;
        this.file = file;
        this.earlySeconds = earlySeconds;
        this.start = performance.now();
        this.earlyPeakMiB = 0;
        this.peakMiB = 0;
        writeFileSync(file, 'seconds,rss_mib\n');
        this.sample();
        this.timer = setInterval(() => this.sample(), everySeconds * 1000);
    }

    sample() {
        const elapsed = (performance.now() - this.start) / 1000;
        const rss = this.server.rssMiB();
        this.peakMiB = Math.max(this.peakMiB, rss);
        if (elapsed <= this.earlySeconds)
            this.earlyPeakMiB = this.peakMiB;
        this.lastSeconds = elapsed;
        appendFileSync(this.file, `${elapsed.toFixed(0)},${rss.toFixed(1)}\n`);
    }

    stop() {
        clearInterval(this.timer);
        this.sample();
        const complete = this.lastSeconds > this.earlySeconds;
        return {
            file: this.file,
            earlySeconds: this.earlySeconds,
            earlyPeakMiB: complete ? this.earlyPeakMiB : null,
            endPeakMiB: this.peakMiB,
            growthFraction: complete ? this.peakMiB / this.earlyPeakMiB - 1 : null,
        };
    }
}

export async function conversations(server, {count, seconds, memoryLine}) {
    const load = new ChatLoad(server);
    await load.setUp(count);
    load.traffic.start();
    await sleep(3000); // warm-up
    await server.profile(true);
    load.openWindow();
    const memory = memoryLine ? new MemoryLine(server, memoryLine) : null;
    const ends = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < ends; ++i) {
        await load.boardEvent(i % 2 === 0 ? 'hand' : 'answered');
        await sleep(400 + Math.random() * 400);
    }
    load.closeWindow();
    await server.profile(false);
    await sleep(2000); // late deliveries of messages sent inside the window still count
    const result = load.result();
    if (memory)
        result.memoryLine = memory.stop();
    const board = [...load.boardLatencies.hand, ...load.boardLatencies.answered].sort((a, b) => a - b);
    result.boardSamples = board.length;
    result.boardMissed = load.probes.size;
    result.boardP50Ms = percentile(board, 0.5) / 1000;
    result.boardP99Ms = percentile(board, 0.99) / 1000;
    result.errors = load.errors;
    result.rssMiB = server.rssMiB();
    load.tearDown();
    log(`  ${server.kind}: ${JSON.stringify(result)}`);
    return result;
}

export async function rate(server, {count, steps, stepSeconds}) {
    const load = new ChatLoad(server);
    await load.setUp(count);
    load.traffic.setRate(steps[0]);
    load.traffic.start();
    await sleep(2000);
    await server.profile(true);
    let best = null;
    let failures = 0;
    const tried = [];
    for (const offered of steps) {
        load.traffic.setRate(offered);
        await sleep(1000);
        load.openWindow();
        await sleep(stepSeconds * 1000);
        load.closeWindow();
        await sleep(2000);
        const result = {offered, ...load.result()};
        const passed = result.deliveredFraction >= 0.98 && result.p99Ms < 100 && server.running();
        tried.push({...result, passed});
        log(`  ${server.kind}: offered ${offered}/s: sent ${(result.sent / load.seconds).toFixed(0)}/s, delivered ` +
            `${(100 * result.deliveredFraction).toFixed(1)} %, p99 ${result.p99Ms.toFixed(1)} ms, server ` +
            `${(100 * result.serverCores).toFixed(0)} %, generator ${(100 * result.ownCores).toFixed(0)} % ` +
            (passed ? 'ok' : 'FAIL'));
        if (passed) {
            best = result;
            failures = 0;
        } else if (++failures >= 2 || !server.running()) {
            break;
        }
    }
    load.tearDown();
    return {best, tried};
}

export async function waiting(server, {count, seconds, pingSeconds, connectSeconds}) {
    const url = server.url;
    let queuedFrames = 0;
    let closedWhileWaiting = 0;
    let waitingNow = false;
    const onFrame = (peer, frame) => {
        if (frame.type === 'queued')
            ++queuedFrames;
        else if (frame.type === '_closed' && waitingNow)
            ++closedWhileWaiting;
    };
    const pinger = new Pinger(pingSeconds);
    const signedIn = (peer) => pinger.add(peer);
    const staff = [...await signIn(url, ['adv0'], () => {}, {available: false, signedIn}),
        ...await signIn(url, ['sup0'], () => {}, {available: false, signedIn})];
    const survivors = [];
    let refused = 0;
    await server.profile(true);
    const started = performance.now();
    // Survivors keep arriving for at most `connectSeconds`; those still without a place then count as not held.
    const deadline = started + connectSeconds * 1000;
    let late = 0;
    await pool(count, 500, async () => {
        if (performance.now() > deadline) {
            ++late;
            return;
        }
        const peer = await startSurvivor(url, onFrame, 'queued', pinger, deadline - performance.now());
        if (peer)
            survivors.push(peer);
        else
            ++refused;
    });
    const tookSeconds = (performance.now() - started) / 1000;
    log(`  ${server.kind}: ${survivors.length} waiting, ${refused} refused or too slow, ${late} never tried, in ` +
        `${tookSeconds.toFixed(1)} s`);
    const rssConnected = server.rssMiB();
    await sleep(2000);
    waitingNow = true;
    queuedFrames = 0;
    const serverCpu = new CpuMeter(() => server.cpuSeconds());
    const ownCpu = new CpuMeter(ownCpuSeconds);
    await sleep(seconds * 1000);
    const result = {
        held: survivors.filter((p) => !p.closed).length,
        refused: refused + late,
        connectSeconds: survivors.length === count ? tookSeconds : null,
        rssConnectedMiB: rssConnected,
        rssMiB: server.rssMiB(),
        serverCores: serverCpu.coreFraction(),
        ownCores: ownCpu.coreFraction(),
        queuedFramesPerSecond: queuedFrames / seconds,
        closedWhileWaiting,
    };
    pinger.stop();
    for (const peer of [...survivors, ...staff])
        peer.close();
    log(`  ${server.kind}: ${JSON.stringify(result)}`);
    return result;
}
