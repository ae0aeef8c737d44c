// SPDX-License-Identifier: GPL-3.0-only
// The example reverse-proxy config (packaging/relay/nginx/advocate-relay.conf) in Debian's nginx, on loopback with
// a test certificate, in front of the real relay (requirement PK3): the survivor page loads over TLS in Debian's
// Chromium, a whole chat runs through it with an advocate on wss, and afterwards neither nginx's own logs nor the
// logs of Debian's nginx.conf hold the client's address or user agent, although the test provoked the errors that
// nginx reports with "client: ADDRESS" (a failed upstream, plain HTTP to the TLS port, a broken TLS handshake).
//
// The site file is used as shipped; only what must differ on a test machine is replaced (ports, certificate
// paths, the relay's address, the log folder), and each replacement must find its text, so a changed example fails
// here instead of going untested. The relay listens on 127.0.0.2 and nginx on 127.0.0.1, so the only place
// "127.0.0.1" could come from in a log is the client.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {createHash, X509Certificate} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = join(here, '..', 'web');
const siteFile = join(here, '..', '..', 'packaging', 'relay', 'nginx', 'advocate-relay.conf');
const nginxExe = '/usr/sbin/nginx';

// Everything the test needs, or a message naming what is missing (never a silent skip).
const problems = [];
if (!process.env.ADVOCATE_RELAY_EXE || !existsSync(process.env.ADVOCATE_RELAY_EXE))
    problems.push('ADVOCATE_RELAY_EXE does not name the built advocate-relay');
if (!existsSync(nginxExe))
    problems.push(`${nginxExe} is missing: run scripts/setup-deps (Debian package nginx)`);
if (!existsSync('/usr/bin/chromium'))
    problems.push('/usr/bin/chromium is missing: run scripts/setup-deps (Debian package chromium)');
for (const name of ['playwright-core', 'ws']) {
    if (!existsSync(join(webDir, 'node_modules', name, 'package.json')))
        problems.push(`tests/web/node_modules/${name} is missing: run "npm ci" in tests/web (scripts/test does)`);
}
if (problems.length) {
    for (const problem of problems)
        console.error('nginx proxy test: ' + problem);
    process.exit(1);
}

const require = createRequire(join(webDir, 'package.json'));
const WebSocket = require('ws');
const {chromium} = require('playwright-core');
const {Relay, makeAccounts, cleanupAccounts, STAFF_PASSWORD} = await import('../web/support/relay.mjs');

let dir;
let certPem;
let relay;
let nginx;
let nginxOutput = '';
let browser;
let httpsPort;
let httpPort;

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const {port} = server.address();
            server.close(() => resolve(port));
        });
    });
}

function replaceOnce(text, from, to) {
    assert.ok(text.includes(from), `the nginx example no longer contains "${from}"`);
    return text.split(from).join(to);
}

// The shipped site file with only the machine-specific parts replaced.
function siteForTest(relayPort) {
    let site = readFileSync(siteFile, 'utf8');
    site = replaceOnce(site, 'listen 80 default_server;', `listen 127.0.0.1:${httpPort} default_server;`);
    site = replaceOnce(site, 'listen [::]:80 default_server;', '');
    site = replaceOnce(site, 'listen 443 ssl http2 default_server;', `listen 127.0.0.1:${httpsPort} ssl http2 default_server;`);
    site = replaceOnce(site, 'listen [::]:443 ssl http2 default_server;', '');
    site = replaceOnce(site, 'server 127.0.0.1:8080;', `server 127.0.0.2:${relayPort};`);
    site = replaceOnce(site, '/etc/ssl/certs/chat.example.org.pem', join(dir, 'cert.pem'));
    site = replaceOnce(site, '/etc/ssl/private/chat.example.org.key', join(dir, 'key.pem'));
    site = replaceOnce(site, '/var/log/nginx/', join(dir, 'log') + '/');
    return site;
}

// Debian 12's /etc/nginx/nginx.conf with its paths moved into the test folder; its main-level error_log and its
// http-level access_log (the "combined" format, which logs addresses) stay, to show the site overrides both.
function mainConfig() {
    const temp = (name) => `${name}_temp_path ${join(dir, 'tmp', name)};`;
    return `pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'log', 'error.log')};
include /etc/nginx/modules-enabled/*.conf;
events {
    worker_connections 768;
}
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    access_log ${join(dir, 'log', 'access.log')};
    gzip on;
    ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
    include ${join(dir, 'sites-enabled', '*')};
}
`;
}

function get(url, options = {}) {
    const client = url.startsWith('https:') ? https : http;
    return new Promise((resolve, reject) => {
        const request = client.get(url, {ca: certPem, agent: false, ...options}, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => resolve({status: response.statusCode, headers: response.headers,
                body: Buffer.concat(chunks).toString()}));
        });
        request.on('error', reject);
    });
}

// Bytes to a port, then whatever comes back until the other side closes (or 3 s pass).
function raw(port, bytes) {
    return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
        let answer = '';
        socket.on('data', (chunk) => { answer += chunk.toString('latin1'); });
        socket.on('error', () => {});
        socket.on('close', () => resolve(answer));
        setTimeout(() => socket.destroy(), 3000);
    });
}

// The advocate's side over wss through nginx, the certificate checked against the test certificate (not ignored).
class TlsAdvocate {
    constructor(user = 'ana') {
        this.user = user;
        this.frames = [];
        this.waiters = [];
    }

    async signIn() {
        this.ws = new WebSocket(`wss://127.0.0.1:${httpsPort}/ws`, {ca: certPem});
        this.ws.on('message', (data) => {
            this.frames.push(JSON.parse(data.toString()));
            for (const waiter of [...this.waiters])
                waiter();
        });
        await this.next('hello');
        this.send({type: 'sign_in', protocol: 1, user: this.user, password: STAFF_PASSWORD});
        await this.next('signed_in', 20000);
        return this;
    }

    send(frame) {
        this.ws.send(JSON.stringify(frame));
    }

    next(type, timeout = 10000) {
        return new Promise((resolve, reject) => {
            const check = () => {
                const index = this.frames.findIndex((f) => f.type === type);
                if (index < 0)
                    return false;
                const [frame] = this.frames.splice(index, 1);
                clearTimeout(timer);
                this.waiters = this.waiters.filter((w) => w !== check);
                resolve(frame);
                return true;
            };
            const timer = setTimeout(() => reject(new Error(`advocate: no ${type} frame within ${timeout} ms; got ` +
                JSON.stringify(this.frames.map((f) => f.type)))), timeout);
            if (!check())
                this.waiters.push(check);
        });
    }
}

async function startNginx() {
    const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'log', 'startup.log')];
    execFileSync(nginxExe, ['-t', '-q', ...args], {stdio: 'pipe'});
    nginx = spawn(nginxExe, [...args, '-g', 'daemon off;'], {stdio: ['ignore', 'pipe', 'pipe']});
    nginx.stdout.on('data', (chunk) => { nginxOutput += chunk; });
    nginx.stderr.on('data', (chunk) => { nginxOutput += chunk; });
    for (let i = 0; i < 100; ++i) {
        const up = await new Promise((resolve) => {
            const socket = net.connect(httpsPort, '127.0.0.1', () => { socket.destroy(); resolve(true); });
            socket.on('error', () => resolve(false));
        });
        if (up)
            return;
        if (nginx.exitCode !== null)
            break;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('nginx did not start: ' + nginxOutput);
}

before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocate-nginx-'));
    for (const sub of ['log', 'tmp', 'sites-enabled'])
        mkdirSync(join(dir, sub));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], {stdio: 'pipe'});
    certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    httpsPort = await freePort();
    httpPort = await freePort();

    await makeAccounts();
    // Behind a TLS-terminating proxy the relay speaks plain HTTP, so the page's https origin must be allowed.
    relay = await new Relay({listen: '127.0.0.2', allowed_origins: `https://127.0.0.1:${httpsPort}`}).start();
    writeFileSync(join(dir, 'nginx.conf'), mainConfig());
    writeFileSync(join(dir, 'sites-enabled', 'advocate-relay'), siteForTest(relay.port));
    await startNginx();

    // Only this certificate's key is accepted, not any: Chromium checks the rest of TLS as usual.
    const spki = createHash('sha256').update(new X509Certificate(certPem).publicKey.export({type: 'spki', format: 'der'}))
        .digest('base64');
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            `--ignore-certificate-errors-spki-list=${spki}`],
    });
});

after(async () => {
    if (browser)
        await browser.close().catch(() => {});
    if (nginx && nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.on('exit', resolve));
        nginx.kill('SIGQUIT');
        await exited;
    }
    if (relay)
        await relay.stop();
    cleanupAccounts();
    if (dir)
        rmSync(dir, {recursive: true, force: true});
});

test('the survivor page comes through nginx over TLS with the relay\'s privacy headers', async () => {
    const page = await get(`https://127.0.0.1:${httpsPort}/`);
    assert.equal(page.status, 200);
    assert.match(page.body, /id="screen-notice"/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['content-security-policy'], "default-src 'self'; frame-ancestors 'none'");
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['set-cookie'], undefined);
    assert.equal(page.headers['strict-transport-security'], 'max-age=31536000');
    assert.equal(page.headers.server, 'nginx', 'nginx names its version');
    const plain = await get(`http://127.0.0.1:${httpPort}/`);
    assert.equal(plain.status, 301);
    assert.match(plain.headers.location, /^https:\/\//);
});

test('a whole chat runs through nginx: survivor page in Chromium, advocate on wss', {timeout: 90000}, async () => {
    const context = await browser.newContext({userAgent: 'SurvivorBrowser/1.0 (test user agent)'});
    const page = await context.newPage();
    const origin = `https://127.0.0.1:${httpsPort}`;
    await page.goto(origin + '/');
    await page.locator('#screen-notice').waitFor({state: 'visible'});
    await page.fill('#alias', 'Rosa');
    await page.check('#accept');
    await page.click('#request-button');
    await page.locator('#screen-waiting').waitFor({state: 'visible'});

    const advocate = await new TlsAdvocate().signIn();
    advocate.send({type: 'take_next'});
    const started = await advocate.next('conversation_started');
    await page.locator('#screen-chat').waitFor({state: 'visible'});

    advocate.send({type: 'send', conversation: started.conversation, clientId: 'a1', body: 'I am here to listen.'});
    await page.locator('#transcript li.theirs', {hasText: 'I am here to listen.'}).waitFor();
    await page.fill('#message', 'Thank you, I need some advice');
    await page.press('#message', 'Enter');
    const received = await advocate.next('message');
    assert.equal(received.body, 'Thank you, I need some advice');
    advocate.send({type: 'ack', conversation: started.conversation, seq: received.seq});
    await page.locator('#transcript li.mine .state', {hasText: 'Delivered'}).waitFor();

    await page.click('#end-button');
    await page.click('#end-confirm');
    assert.equal((await advocate.next('ended')).reason, 'survivor_ended');
    await page.locator('#screen-ended').waitFor({state: 'visible'});
    advocate.send({type: 'sign_out'});
    advocate.ws.close();
    await context.close();
});

test('behind nginx a block is refused: every survivor shares the proxy\'s address, and nobody is turned away', {timeout: 90000}, async () => {
    const origin = `https://127.0.0.1:${httpsPort}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + '/');
    await page.check('#accept');
    await page.click('#request-button');
    await page.locator('#screen-waiting').waitFor({state: 'visible'});
    const advocate = await new TlsAdvocate().signIn();
    advocate.send({type: 'take_next'});
    const {conversation} = await advocate.next('conversation_started');
    await page.locator('#screen-chat').waitFor({state: 'visible'});

    const supervisor = await new TlsAdvocate('sue').signIn();
    supervisor.send({type: 'block', conversation});
    const refused = await supervisor.next('error');
    assert.equal(refused.code, 'source_shared');
    assert.equal(refused.inReplyTo, 'block');

    // The chat goes on, and another survivor through nginx may still ask for one.
    advocate.send({type: 'send', conversation, clientId: 'a1', body: 'I am still here.'});
    await page.locator('#transcript li.theirs', {hasText: 'I am still here.'}).waitFor();
    const other = await (await browser.newContext()).newPage();
    await other.goto(origin + '/');
    await other.check('#accept');
    await other.click('#request-button');
    await other.locator('#screen-waiting').waitFor({state: 'visible'});
    await other.click('#leave-queue');
    advocate.send({type: 'end', conversation});
    await page.locator('#screen-ended').waitFor({state: 'visible'});
    for (const staff of [advocate, supervisor]) {
        staff.send({type: 'sign_out'});
        staff.ws.close();
    }
    await Promise.all([context.close(), other.context().close()]);
});

test('nginx logs hold no client address or user agent, also after errors nginx reports with the client', {timeout: 60000}, async () => {
    // Errors nginx logs as "..., client: 127.0.0.1, server: ..." at its default level.
    const plainToTls = await raw(httpsPort, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: PlainBrowser/2.0\r\n\r\n');
    assert.match(plainToTls, /^HTTP\/1\.1 400/);
    await raw(httpsPort, Buffer.from('16030100ff0100', 'hex'));
    await new Promise((resolve, reject) => {
        const socket = tls.connect({port: httpsPort, host: '127.0.0.1', ca: certPem, servername: 'localhost',
            maxVersion: 'TLSv1.1', minVersion: 'TLSv1'});
        socket.on('error', () => resolve());
        socket.on('secureConnect', () => { socket.destroy(); reject(new Error('nginx accepted TLS 1.1')); });
    });
    await relay.stop();
    relay = null;
    const down = await get(`https://127.0.0.1:${httpsPort}/app.js`, {headers: {'User-Agent': 'DownBrowser/3.0'}});
    assert.equal(down.status, 502);

    const exited = new Promise((resolve) => nginx.on('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;

    const logs = Object.fromEntries(readdirSync(join(dir, 'log'))
        .map((name) => [name, readFileSync(join(dir, 'log', name), 'utf8')]));
    const access = logs['advocate-relay.access.log'] || '';
    // The requests were logged (so the check below is not about an empty log) ...
    assert.match(access, /"GET \/ HTTP\/1\.1" 200 /);
    assert.match(access, /"GET \/ws HTTP\/1\.1" 101 /);
    assert.match(access, /"GET \/app\.js HTTP\/1\.1" 502 /);
    // ... and no log file names the client, its browser or its address.
    for (const [name, text] of Object.entries(logs)) {
        for (const identifying of ['127.0.0.1', '::1', 'SurvivorBrowser', 'PlainBrowser', 'DownBrowser', 'HeadlessChrome',
            'Mozilla'])
            assert.ok(!text.includes(identifying), `nginx's ${name} contains "${identifying}":\n${text}`);
    }
    // Debian's http-level access log (with addresses) never saw a request.
    assert.equal(logs['access.log'] || '', '');
});
