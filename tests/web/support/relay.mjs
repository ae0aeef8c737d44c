// SPDX-License-Identifier: GPL-3.0-only
// Starts the real advocate-relay executable on 127.0.0.1 with a free port and a program config written for
// the test, and makes the staff account file with the relay's own add-user command.
import {spawn, execFile} from 'node:child_process';
import {mkdtempSync, writeFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export const relayExe = process.env.ADVOCATE_RELAY_EXE;
export const STAFF_PASSWORD = 'correct horse battery';

const baseConfig = {
    program_name: 'Safe Harbor Test Program',
    'program_name.es': 'Programa Puerto Seguro',
    hotline_phone: '+1 555 0100',
    hotline_sms: '+1 555 0101',
    emergency_number: '911',
    notice_text: 'PROGRAM NOTICE: this chat is private, but your device may not be.',
    'notice_text.es': 'AVISO DEL PROGRAMA: este chat es privado, pero su dispositivo puede no serlo.',
    notice_version: '3',
    mandatory_reporting_text: 'MANDATORY: advocates must report a child in danger.',
    'mandatory_reporting_text.es': 'OBLIGATORIO: se debe informar si un niño está en peligro.',
    supervisor_monitoring: 'on',
    exit_url: 'https://neutral.example/weather',
    languages: 'en, es',
    busy_text: 'BUSY: all advocates are busy. Please call or text the hotline.',
    long_wait_text: 'LONG WAIT: it is taking longer than usual.',
    'long_wait_text.es': 'ESPERA LARGA: está tardando más de lo normal.',
    closed_text: 'CLOSED: the chat is closed now. The hotline answers day and night.',
    routing: 'pull',
    advocate_cap: '2',
    queue_limit: '50',
    reconnect_window_seconds: '60',
};

let accountDir = null;
let accountFile = null;

// One account file for the whole run (argon2id hashing is slow under the sanitizers).
export async function makeAccounts() {
    if (accountFile)
        return accountFile;
    accountDir = mkdtempSync(join(tmpdir(), 'advocate-web-accounts-'));
    accountFile = join(accountDir, 'accounts');
    for (const [name, role] of [['ana', 'advocate'], ['ben', 'advocate'], ['sue', 'supervisor']]) {
        const child = spawn(relayExe, ['add-user', name, '--role', role, '--accounts', accountFile],
            {stdio: ['pipe', 'pipe', 'pipe'], env: {...process.env, ASAN_OPTIONS: 'detect_leaks=0'}});
        child.stdin.end(STAFF_PASSWORD + '\n');
        const code = await new Promise((resolve) => child.on('exit', resolve));
        if (code !== 0)
            throw new Error('add-user ' + name + ' failed');
    }
    return accountFile;
}

export function cleanupAccounts() {
    if (accountDir)
        rmSync(accountDir, {recursive: true, force: true});
}

export class Relay {
    constructor(overrides = {}) {
        this.dir = mkdtempSync(join(tmpdir(), 'advocate-web-relay-'));
        this.configPath = join(this.dir, 'relay.conf');
        this.noticeFile = join(this.dir, 'service-notice');
        const config = {...baseConfig, service_notice_file: this.noticeFile, account_file: accountFile,
            listen: '127.0.0.1', port: '0', ...overrides};
        const lines = Object.entries(config).filter(([, v]) => v !== undefined && v !== null)
            .map(([k, v]) => k + ' = ' + v);
        writeFileSync(this.configPath, lines.join('\n') + '\n');
        this.output = '';
    }

    async start() {
        this.child = spawn(relayExe, ['--config', this.configPath], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: {...process.env, ASAN_OPTIONS: 'detect_leaks=0', QT_QPA_PLATFORM: 'offscreen'},
        });
        this.child.stderr.on('data', (chunk) => { this.output += chunk.toString(); });
        this.port = await new Promise((resolve, reject) => {
            let buffer = '';
            const timer = setTimeout(() => reject(new Error('relay did not start: ' + this.output)), 20000);
            this.child.stdout.on('data', (chunk) => {
                buffer += chunk.toString();
                const match = buffer.match(/listening on \S+ port (\d+)/);
                if (match) {
                    clearTimeout(timer);
                    resolve(Number(match[1]));
                }
            });
            this.child.on('exit', (code) => reject(new Error('relay exited ' + code + ': ' + this.output)));
        });
        this.origin = 'http://127.0.0.1:' + this.port;
        return this;
    }

    async command(...args) {
        const {stdout} = await run(relayExe, [...args, '--config', this.configPath],
            {env: {...process.env, ASAN_OPTIONS: 'detect_leaks=0'}});
        return stdout;
    }

    running() {
        return this.child && this.child.exitCode === null && this.child.signalCode === null;
    }

    kill() {
        if (this.running())
            this.child.kill('SIGKILL');
    }

    async stop() {
        if (this.running()) {
            const exited = new Promise((resolve) => this.child.on('exit', resolve));
            this.child.kill('SIGTERM');
            await exited;
        }
        rmSync(this.dir, {recursive: true, force: true});
    }
}
