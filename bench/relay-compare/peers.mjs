// SPDX-License-Identifier: GPL-3.0-only
// The load generator's clients: survivors and staff speaking relay protocol v1 over `ws`, as the survivor page and
// the workstation do (hello first; start or sign_in; ack every message; ping), and the schedule that makes each side
// of each conversation send at its own jittered pace. One process drives every socket, so a message's latency is
// measured on one clock: the send time travels in the body and the receiver subtracts it.
import WebSocket from 'ws';

import {PASSWORD} from './servers.mjs';

export const nowUs = () => Math.round(performance.now() * 1000);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted, p) {
    if (sorted.length === 0)
        return NaN;
    return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

// Runs `task(i)` for i in [0, count) with at most `inFlight` at a time.
export async function pool(count, inFlight, task) {
    let next = 0;
    const worker = async () => {
        while (next < count)
            await task(next++);
    };
    await Promise.all(Array.from({length: Math.min(inFlight, count)}, worker));
}

// One WebSocket client. `onFrame(peer, frame)` sees every frame but `hello`; `opened` resolves after hello.
export class Peer {
    constructor(url, onFrame) {
        this.onFrame = onFrame;
        this.conversations = [];
        this.ws = new WebSocket(url, {perMessageDeflate: false});
        this.opened = new Promise((resolve, reject) => {
            this.ws.once('error', reject);
            this.ws.once('close', () => reject(new Error('closed before hello')));
            this.resolveOpened = resolve;
        });
        this.opened.catch(() => {});
        this.ws.on('error', () => {});
        this.ws.on('close', () => {
            this.closed = true;
            this.onFrame(this, {type: '_closed'});
        });
        this.ws.on('message', (data) => {
            const frame = JSON.parse(data);
            if (frame.type === 'hello')
                this.resolveOpened(this);
            else
                this.onFrame(this, frame);
        });
    }

    send(frame) {
        if (this.ws.readyState === WebSocket.OPEN)
            this.ws.send(JSON.stringify(frame));
    }

    close() {
        this.ws.terminate();
    }
}

// Signs `users` in, at most `inFlight` password checks at a time (the relay checks two at once and refuses more than
// 32 waiting); a sign-in refused with rate_limited is tried again on a fresh connection after a pause, as a
// workstation would. Resolves with the peers in the order of `users`.
export async function signIn(url, users, onFrame, {inFlight = 8, available = true, signedIn = () => {}} = {}) {
    const peers = new Array(users.length);
    await pool(users.length, inFlight, async (i) => {
        for (let attempt = 0; ; ++attempt) {
            const outcome = await new Promise((resolve) => {
                const peer = new Peer(url, (p, frame) => {
                    if (frame.type === 'signed_in') {
                        p.onFrame = onFrame;
                        resolve({peer: p});
                    } else if (frame.type === 'error' || frame.type === '_closed') {
                        resolve({retry: frame.code === 'rate_limited' || frame.type === '_closed', peer: p,
                            code: frame.code});
                    }
                });
                peer.opened.then(() => peer.send({type: 'sign_in', protocol: 1, user: users[i], password: PASSWORD}),
                    () => resolve({retry: true, peer}));
            });
            if (!outcome.retry && outcome.peer && !outcome.code) {
                outcome.peer.user = users[i];
                if (available)
                    outcome.peer.send({type: 'set_available', available: true});
                signedIn(outcome.peer);
                peers[i] = outcome.peer;
                return;
            }
            outcome.peer.close();
            if (!outcome.retry || attempt > 20)
                throw new Error(`sign-in of ${users[i]} failed: ${outcome.code}`);
            await sleep(250 * (attempt + 1));
        }
    });
    return peers;
}

// Opens a survivor and sends `start`; resolves with the peer once `until` (a frame type) arrives, or with null when
// the server refused it (busy, an error, a closed socket) or did not answer within `timeoutMs`. From its session on,
// `pinger` keeps it from falling silent.
export function startSurvivor(url, onFrame, until, pinger, timeoutMs = 60000) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            peer.close();
            resolve(null);
        }, Math.max(1, timeoutMs));
        const done = (value) => {
            clearTimeout(timer);
            resolve(value);
        };
        const peer = new Peer(url, (p, frame) => {
            if (frame.type === 'session')
                pinger.add(p);
            if (frame.type === until) {
                p.onFrame = onFrame;
                onFrame(p, frame);
                done(p);
            } else if (frame.type === 'busy' || frame.type === 'error' || frame.type === '_closed') {
                p.close();
                done(null);
            } else {
                onFrame(p, frame);
            }
        });
        peer.survivor = true;
        peer.opened.then(() => peer.send({type: 'start', protocol: 1, noticeVersion: 1, language: 'en'}),
            () => done(null));
    });
}

// A min-heap of senders by their next send time.
class Heap {
    constructor() {
        this.items = [];
    }

    get size() {
        return this.items.length;
    }

    push(item) {
        const items = this.items;
        items.push(item);
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (items[parent].at <= item.at)
                break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = item;
    }

    peek() {
        return this.items[0];
    }

    pop() {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length > 0) {
            let i = 0;
            for (;;) {
                const left = 2 * i + 1;
                if (left >= items.length)
                    break;
                const child = left + 1 < items.length && items[left + 1].at < items[left].at ? left + 1 : left;
                if (items[child].at >= last.at)
                    break;
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
        }
        return top;
    }
}

// Each side of each conversation sends a message at its own pace: a mean interval with ±50 % jitter, so that the
// senders do not fall into step. The offered rate in messages a second over all senders can change while running.
export class Traffic {
    constructor() {
        this.heap = new Heap();
        this.meanIntervalMs = 3000;
        this.sent = 0;
        this.nextClientId = 0;
        this.body = ' load test message with some ordinary text in it, as long as a short chat line';
    }

    add(peer, conversation) {
        const sender = {peer, conversation, at: performance.now() + Math.random() * this.meanIntervalMs};
        this.heap.push(sender);
        return sender;
    }

    setRate(messagesPerSecond) {
        this.meanIntervalMs = (this.heap.size / messagesPerSecond) * 1000;
        for (const sender of this.heap.items)
            sender.at = performance.now() + Math.random() * this.meanIntervalMs;
        this.heap.items.sort((a, b) => a.at - b.at); // a sorted array is a heap
    }

    start() {
        this.timer = setInterval(() => this.sendDue(), 1);
    }

    stop() {
        clearInterval(this.timer);
    }

    sendDue() {
        const now = performance.now();
        while (this.heap.size > 0 && this.heap.peek().at <= now) {
            const sender = this.heap.pop();
            if (sender.stopped || sender.peer.closed)
                continue;
            sender.peer.send({type: 'send', conversation: sender.conversation, clientId: 'm' + ++this.nextClientId,
                body: nowUs() + this.body});
            ++this.sent;
            sender.at = Math.max(sender.at, now - this.meanIntervalMs) + this.meanIntervalMs * (0.5 + Math.random());
            this.heap.push(sender);
        }
    }
}

// Every peer added pings every `seconds` (the protocol asks clients for at least one frame every 30 s; the relay
// closes a socket silent for 90), spread evenly over the interval.
export class Pinger {
    constructor(seconds) {
        this.peers = [];
        this.seconds = seconds;
        this.next = 0;
        this.timer = setInterval(() => this.tick(), 100);
    }

    add(peer) {
        this.peers.push(peer);
    }

    tick() {
        const slice = Math.ceil(this.peers.length * 0.1 / this.seconds);
        for (let i = 0; i < slice && this.peers.length > 0; ++i) {
            this.next %= this.peers.length;
            const peer = this.peers[this.next];
            if (peer.closed) {
                this.peers.splice(this.next, 1);
            } else {
                peer.send({type: 'ping'});
                ++this.next;
            }
        }
    }

    stop() {
        clearInterval(this.timer);
    }
}
