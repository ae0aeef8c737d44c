// SPDX-License-Identifier: GPL-3.0-only
// The bare forwarder the relay is measured against (issue 16): a WebSocket server on Node's `ws` that speaks just
// enough of relay protocol v1 (docs/protocol.md) for the load generator to drive it exactly as it drives the relay.
// It pairs survivors with staff in push mode under the cap, forwards `send` as `message` with `accepted` to the
// sender, turns `ack` into `delivered`, answers `ping`, and gives supervisors a `board` row the moment a
// conversation starts or a hand is raised. It checks nothing (no passwords, limits, validation or history): the
// least a relay has to do, which is what the comparison needs.
//   node forwarder.mjs [--port 0] [--cap 4]
// Prints "forwarder: listening on 127.0.0.1 port N" like advocate-relay does.
import {randomBytes} from 'node:crypto';
import {WebSocketServer} from 'ws';

const argument = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : fallback;
};
const cap = Number(argument('--cap', 4));
const server = new WebSocketServer({host: '127.0.0.1', port: Number(argument('--port', 0)), maxPayload: 64 * 1024});

const waiting = []; // survivor connections in arrival order
const staff = new Set();
const supervisors = new Set();
const conversations = new Map(); // id → {id, survivor, staff, seq, handRaised}
let nextToken = 0;

const send = (ws, frame) => {
    if (ws && ws.readyState === ws.OPEN)
        ws.send(JSON.stringify(frame));
};

const boardRow = (conversation) => ({
    conversation: conversation.id, state: 'active', language: 'en', sinceSeconds: 0,
    advocate: conversation.staff.user, present: [], flags: conversation.handRaised ? ['hand_raised'] : [],
});

const publish = (conversation, removed = false) => {
    const frame = {type: 'board', reset: false, conversations: removed ? [] : [boardRow(conversation)],
        removed: removed ? [conversation.id] : []};
    for (const supervisor of supervisors)
        send(supervisor, frame);
};

function assign() {
    while (waiting.length > 0) {
        let best = null;
        for (const member of staff) {
            if (member.available && member.conversations.size < cap &&
                (!best || member.conversations.size < best.conversations.size))
                best = member;
        }
        if (!best)
            return;
        const survivor = waiting.shift();
        if (survivor.readyState !== survivor.OPEN)
            continue;
        const conversation = {id: randomBytes(16).toString('base64url'), survivor, staff: best, seq: 0,
            handRaised: false};
        conversations.set(conversation.id, conversation);
        survivor.conversation = conversation;
        best.conversations.add(conversation);
        send(survivor, {type: 'conversation_started', conversation: conversation.id, language: 'en'});
        send(best, {type: 'conversation_started', conversation: conversation.id, language: 'en'});
        publish(conversation);
    }
}

function end(conversation, reason) {
    if (!conversations.delete(conversation.id))
        return;
    conversation.staff.conversations.delete(conversation);
    send(conversation.survivor, {type: 'ended', conversation: conversation.id, reason});
    send(conversation.staff, {type: 'ended', conversation: conversation.id, reason});
    conversation.survivor.conversation = null;
    publish(conversation, true);
    assign();
}

function onFrame(ws, frame) {
    switch (frame.type) {
    case 'start':
        ws.role = 'survivor';
        send(ws, {type: 'session', resumeToken: 't' + ++nextToken, reconnectWindowSeconds: 300});
        waiting.push(ws);
        send(ws, {type: 'queued', position: waiting.length, estimatedWaitSeconds: 120 * waiting.length});
        assign();
        return;
    case 'sign_in':
        ws.role = frame.user.startsWith('sup') ? 'supervisor' : 'advocate';
        ws.user = frame.user;
        ws.available = false;
        ws.conversations = new Set();
        staff.add(ws);
        if (ws.role === 'supervisor')
            supervisors.add(ws);
        send(ws, {type: 'signed_in', user: frame.user, role: ws.role, sessionToken: 't' + ++nextToken,
            conversations: [], cap});
        if (ws.role === 'supervisor') {
            send(ws, {type: 'board', reset: true, conversations: [...conversations.values()].map(boardRow),
                removed: []});
        }
        return;
    case 'set_available':
        ws.available = frame.available;
        assign();
        return;
    case 'send': {
        const conversation = conversations.get(frame.conversation);
        if (!conversation)
            return;
        const fromSurvivor = ws === conversation.survivor;
        const seq = ++conversation.seq;
        send(ws, {type: 'accepted', conversation: conversation.id, clientId: frame.clientId, seq});
        const message = {type: 'message', conversation: conversation.id, seq,
            from: fromSurvivor ? 'survivor' : 'advocate', clientId: frame.clientId, body: frame.body, at: Date.now()};
        send(fromSurvivor ? conversation.staff : conversation.survivor, message);
        return;
    }
    case 'ack': {
        const conversation = conversations.get(frame.conversation);
        if (conversation) {
            send(ws === conversation.survivor ? conversation.staff : conversation.survivor,
                {type: 'delivered', conversation: conversation.id, seq: frame.seq});
        }
        return;
    }
    case 'raise_hand': {
        const conversation = conversations.get(frame.conversation);
        if (conversation) {
            conversation.handRaised = frame.raised;
            publish(conversation);
        }
        return;
    }
    case 'end': {
        const conversation = conversations.get(frame.conversation);
        if (conversation)
            end(conversation, ws === conversation.survivor ? 'survivor_ended' : 'advocate_ended');
        return;
    }
    case 'ping':
        send(ws, {type: 'pong'});
        return;
    default:
        return;
    }
}

server.on('connection', (ws) => {
    send(ws, {type: 'hello', protocol: 1, server: 'forwarder', maxFrameBytes: 16384, maxMessageChars: 4000,
        noticeVersion: 1});
    ws.on('message', (data, isBinary) => {
        if (isBinary)
            return;
        let frame;
        try {
            frame = JSON.parse(data.toString());
        } catch {
            return;
        }
        onFrame(ws, frame);
    });
    ws.on('close', () => {
        if (ws.role === 'survivor') {
            const index = waiting.indexOf(ws);
            if (index >= 0)
                waiting.splice(index, 1);
            if (ws.conversation)
                end(ws.conversation, 'disconnected');
        } else if (ws.conversations) {
            staff.delete(ws);
            supervisors.delete(ws);
            for (const conversation of [...ws.conversations])
                end(conversation, 'advocate_ended');
        }
    });
});
server.on('listening', () => {
    console.log('forwarder: listening on 127.0.0.1 port ' + server.address().port);
});
process.on('SIGTERM', () => process.exit(0));
