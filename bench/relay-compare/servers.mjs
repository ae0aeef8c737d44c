// SPDX-License-Identifier: GPL-3.0-only
// The two servers under test, started the same way: the real advocate-relay (a config written here, staff accounts
// made by its own add-user command) or the bare forwarder. Both print "listening on 127.0.0.1 port N". Their CPU
// time and RSS are read from /proc, so the figures are the kernel's, whatever the server is written in.
import {execFile, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
export const PASSWORD = 'relay bench password';
const ticksPerSecond = 100; // USER_HZ on Linux

// The relay's bench config: the program's defaults but for what a load from one address on loopback needs. Every
// client comes from 127.0.0.1, so the per-source caps are lifted; the frame rate allows the stepped load's fastest
// step (an advocate with four chats sends and acks for all four); one queue may hold 10,000 survivors; push routing
// at cap 4, as the load shape says. Limits on memory, output, deadlines and sign-ins stay the defaults.
function relayConfig(accountFile) {
    return {
        program_name: 'Relay bench',
        hotline_phone: '+1 555 0100',
        notice_text: 'Bench notice.',
        notice_version: '1',
        languages: 'en',
        listen: '127.0.0.1',
        port: '0',
        routing: 'push',
        advocate_cap: '4',
        queue_limit: '10000',
        account_file: accountFile,
        max_connections: '30000',
        max_connections_per_source: '30000',
        max_survivor_sessions_per_source: '30000',
        frames_per_second: '1000',
        frame_burst: '10000',
    };
}

// The argon2id hash of one account made by `advocate-relay add-user`, reused for every bench account (same
// password): hashing 250 times would only slow the set-up. The file format is the relay's (name:role:state:hash).
async function makeAccounts(relayExe, dir, advocates, supervisors) {
    const file = join(dir, 'accounts');
    const child = spawn(relayExe, ['add-user', 'adv0', '--role', 'advocate', '--accounts', file],
        {stdio: ['pipe', 'ignore', 'inherit']});
    child.stdin.end(PASSWORD + '\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    if (code !== 0)
        throw new Error('advocate-relay add-user failed');
    const made = readFileSync(file, 'utf8').split('\n').find((line) => line.startsWith('adv0:'));
    const hash = made.split(':').slice(3).join(':');
    const lines = ['# relay bench accounts'];
    for (let i = 0; i < advocates; ++i)
        lines.push(`adv${i}:advocate:enabled:${hash}`);
    for (let i = 0; i < supervisors; ++i)
        lines.push(`sup${i}:supervisor:enabled:${hash}`);
    writeFileSync(file, lines.join('\n') + '\n', {mode: 0o600});
    return file;
}

export class Server {
    // `kind`: 'relay' or 'forwarder'.
    constructor(kind, options) {
        this.kind = kind;
        this.options = options;
        this.output = '';
    }

    async start({advocates = 0, supervisors = 0} = {}) {
        let command;
        let args;
        if (this.kind === 'relay') {
            this.dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
            const accounts = await makeAccounts(this.options.relayExe, this.dir, Math.max(1, advocates), supervisors);
            const config = join(this.dir, 'relay.conf');
            const settings = {...relayConfig(accounts), ...(this.options.relaySettings || {})};
            writeFileSync(config, Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n');
            command = this.options.relayExe;
            args = ['--config', config];
        } else {
            command = process.execPath;
            args = [join(here, 'forwarder.mjs'), '--port', '0', '--cap', '4'];
        }
        this.child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe']});
        this.child.stderr.on('data', (chunk) => {
            this.output = (this.output + chunk.toString()).slice(-4000);
        });
        this.port = await new Promise((resolve, reject) => {
            let buffer = '';
            const timer = setTimeout(() => reject(new Error(this.kind + ' did not start: ' + this.output)), 30000);
            this.child.stdout.on('data', (chunk) => {
                buffer += chunk.toString();
                const match = buffer.match(/listening on \S+ port (\d+)/);
                if (match) {
                    clearTimeout(timer);
                    resolve(Number(match[1]));
                }
            });
            this.child.on('exit', (code) => reject(new Error(this.kind + ' exited ' + code + ': ' + this.output)));
        });
        this.url = 'ws://127.0.0.1:' + this.port + '/ws';
        return this;
    }

    // CPU seconds (user + system, all threads) the server has used so far.
    cpuSeconds() {
        const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    }

    rssMiB() {
        const match = readFileSync(`/proc/${this.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
        return match ? Number(match[1]) / 1024 : NaN;
    }

    // With a profileFile, starts or stops `perf record` on the server.
    async profile(on) {
        if (on && this.profileFile && !this.perf) {
            this.perf = spawn('perf', ['record', '-q', '-e', 'cpu-clock', '-F', '499', '-g', '-p',
                String(this.child.pid), '-o', this.profileFile], {stdio: 'inherit'});
            await new Promise((resolve) => setTimeout(resolve, 500));
        } else if (!on && this.perf) {
            const done = new Promise((resolve) => this.perf.on('exit', resolve));
            this.perf.kill('SIGINT');
            await done;
            this.perf = null;
        }
    }

    running() {
        return this.child && this.child.exitCode === null && this.child.signalCode === null;
    }

    async stop() {
        if (this.running()) {
            const exited = new Promise((resolve) => this.child.on('exit', resolve));
            this.child.kill('SIGTERM');
            const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
            await exited;
            clearTimeout(timer);
        }
        if (this.dir)
            rmSync(this.dir, {recursive: true, force: true});
    }
}

// Where a kind of process spends its CPU between two readings, as a fraction of one core.
export class CpuMeter {
    constructor(readSeconds) {
        this.read = readSeconds;
        this.start();
    }

    start() {
        this.startedAt = performance.now();
        this.startCpu = this.read();
    }

    coreFraction() {
        const wall = (performance.now() - this.startedAt) / 1000;
        return wall > 0 ? (this.read() - this.startCpu) / wall : 0;
    }
}

export const ownCpuSeconds = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
};

export async function relayVersion(relayExe) {
    const {stdout} = await run(relayExe, ['--version']);
    return stdout.trim();
}
