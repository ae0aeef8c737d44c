// SPDX-License-Identifier: GPL-3.0-only
// A TCP proxy in front of the relay whose connections the test can cut, as a network drop would.
import net from 'node:net';

export class CuttableProxy {
    constructor(targetPort) {
        this.targetPort = targetPort;
        this.sockets = new Set();
    }

    async listen(port = 0) {
        this.server = net.createServer((client) => {
            const upstream = net.connect(this.targetPort, '127.0.0.1');
            for (const socket of [client, upstream]) {
                this.sockets.add(socket);
                socket.on('close', () => this.sockets.delete(socket));
                socket.on('error', () => {});
            }
            client.pipe(upstream);
            upstream.pipe(client);
            if (this.paused) {
                client.pause();
                upstream.pause();
            }
            client.on('close', () => upstream.destroy());
            upstream.on('close', () => client.destroy());
        });
        await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
        this.port = this.server.address().port;
        return this;
    }

    // Drops every connection and refuses new ones until restore().
    async cut() {
        const closed = new Promise((resolve) => this.server.close(() => resolve()));
        for (const socket of this.sockets)
            socket.destroy();
        this.sockets.clear();
        await closed;
    }

    // Holds every byte in both directions and closes nothing (a stalled network), new connections included, until
    // resume().
    pause() {
        this.paused = true;
        for (const socket of this.sockets)
            socket.pause();
    }

    resume() {
        this.paused = false;
        for (const socket of this.sockets)
            socket.resume();
    }

    async restore() {
        await this.listen(this.port);
    }

    async close() {
        for (const socket of this.sockets)
            socket.destroy();
        await new Promise((resolve) => this.server.close(() => resolve()));
    }
}
