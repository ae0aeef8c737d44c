// SPDX-License-Identifier: GPL-3.0-only
// A supervisor on the staff side: the advocate's client (a staff account over relay protocol v1) with the
// supervision frames of docs/protocol.md section 17, as the workstation's supervisor view sends them.
import {Advocate} from './advocate.mjs';

export class Supervisor extends Advocate {
    constructor(relay, user = 'sue') {
        super(relay, user);
    }

    // Joins visibly; resolves with the conversation_started (participation joined) once the transcript is in.
    async join(conversation) {
        this.send({type: 'join', conversation});
        const started = await this.next('conversation_started', 10000, (f) => f.conversation === conversation);
        this.conversation = conversation;
        await this.next('fetched', 10000, (f) => f.conversation === conversation);
        return started;
    }

    leave(conversation = this.conversation) {
        this.send({type: 'leave', conversation});
    }

    // `advocate`: 'observe' (the advocate stays and reads along) or 'release'.
    async takeOver(conversation, advocate = 'observe') {
        this.send({type: 'take_over', conversation, advocate});
        this.conversation = conversation;
        return this.participants(conversation, (staff) => staff.some((s) => s.user === this.user &&
            s.participation === 'answering'));
    }

    async handBack(conversation = this.conversation) {
        this.send({type: 'hand_back', conversation});
        return this.participants(conversation, (staff) => !staff.some((s) => s.user === this.user));
    }

    // The next participants frame of the conversation whose staff list passes `check`; earlier ones are skipped.
    participants(conversation, check) {
        return this.next('participants', 10000, (f) => f.conversation === conversation && check(f.staff));
    }

    // Resolves with the whispered frame the relay sends back to the sender.
    async whisper(body, conversation = this.conversation) {
        this.send({type: 'whisper', conversation, body});
        return this.next('whispered', 10000, (f) => f.conversation === conversation && f.body === body);
    }

    // Without `kind`, clears the notice. No answer comes; the board carries the notice that stands.
    setNotice(kind, text, link) {
        const frame = {type: 'set_notice'};
        if (kind) {
            frame.kind = kind;
            frame.text = text;
            if (link)
                frame.link = link;
        }
        this.send(frame);
    }

    block(conversation = this.conversation, hours) {
        this.send(hours ? {type: 'block', conversation, hours} : {type: 'block', conversation});
    }
}
