// SPDX-License-Identifier: GPL-3.0-only
// The advocate on the other side: a WebSocket client speaking relay protocol v1 (docs/protocol.md) with a
// staff account, as the workstation does.
import WebSocket from 'ws';
import {STAFF_PASSWORD} from './relay.mjs';

export class Advocate {
    constructor(relay, user = 'ana') {
        this.relay = relay;
        this.user = user;
        this.frames = [];
        this.waiters = [];
    }

    async signIn() {
        await this.open();
        this.send({type: 'sign_in', protocol: 1, user: this.user, password: STAFF_PASSWORD});
        this.session = await this.next('signed_in', 20000);
        this.token = this.session.sessionToken;
        return this;
    }

    async open() {
        this.ws = new WebSocket('ws://127.0.0.1:' + this.relay.port + '/ws');
        this.ws.on('message', (data) => {
            const frame = JSON.parse(data.toString());
            if (frame.type === 'token_renewed')
                this.token = frame.token; // the newest token, as the workstation keeps it
            this.frames.push(frame);
            this.wake();
        });
        await this.next('hello');
    }

    // After a relay restart (docs/protocol.md section 8): back with the newest token, claiming the conversation
    // with the last seq this advocate has.
    async reclaim(relay, lastSeq) {
        this.relay = relay;
        this.frames = [];
        await this.open();
        this.send({type: 'staff_resume', protocol: 1, sessionToken: this.token,
            claims: [{conversation: this.conversation, lastSeq}]});
        this.session = await this.next('signed_in', 20000);
        return this.next('reclaimed', 20000);
    }

    send(frame) {
        this.ws.send(JSON.stringify(frame));
    }

    wake() {
        for (const waiter of [...this.waiters])
            waiter();
    }

    // The next frame of `type` (optionally matching `filter`), consumed from the queue.
    next(type, timeout = 10000, filter = () => true) {
        return new Promise((resolve, reject) => {
            const check = () => {
                const index = this.frames.findIndex((f) => f.type === type && filter(f));
                if (index >= 0) {
                    const [frame] = this.frames.splice(index, 1);
                    cleanup();
                    resolve(frame);
                    return true;
                }
                return false;
            };
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(this.user + ': no ' + type + ' frame within ' + timeout + ' ms; got ' +
                    JSON.stringify(this.frames.map((f) => f.type))));
            }, timeout);
            const waiter = () => check();
            const cleanup = () => {
                clearTimeout(timer);
                this.waiters = this.waiters.filter((w) => w !== waiter);
            };
            if (!check())
                this.waiters.push(waiter);
        });
    }

    async takeNext(language) {
        this.send(language ? {type: 'take_next', language} : {type: 'take_next'});
        const started = await this.next('conversation_started');
        this.conversation = started.conversation;
        return started;
    }

    say(body, clientId = 'a' + Math.random().toString(36).slice(2)) {
        this.send({type: 'send', conversation: this.conversation, clientId, body});
    }

    // Signs out (which ends this advocate's open conversations) and closes, so no test leaves a conversation
    // holding the advocate's cap for the next one.
    close() {
        try {
            if (this.ws.readyState === WebSocket.OPEN)
                this.send({type: 'sign_out'});
            setTimeout(() => this.ws.terminate(), 200);
        } catch (error) {
            // already closed
        }
    }
}
