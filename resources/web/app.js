// SPDX-License-Identifier: GPL-3.0-only
// The survivor page (issue 7; SW1–SW7, RL4, RL5's quick exit): relay protocol v1 (docs/protocol.md) over a
// same-origin WebSocket, texts and status from /api/program and /api/status. Of supervision (section 17) it gets
// only who joined, left or answers now, and which messages and typing are a supervisor's. Safety rules kept here:
//  - every text from the network is put on the page with textContent, never parsed as HTML;
//  - nothing is stored but the resume token, in sessionStorage, while a chat is live (removed on end and exit);
//  - quick exit never waits for the network.
'use strict';

(function () {
    const PROTOCOL = 1;
    const TOKEN_KEY = 'resume';
    const STATUS_POLL_MS = 5000;
    const STATUS_TIMEOUT_MS = 4000;
    const PING_MS = 5000;
    const SILENCE_LIMIT_MS = 12000;
    const SHIFT_TAPS = 3;
    const SHIFT_WINDOW_MS = 5000;
    const TYPING_IDLE_MS = 3000;
    const FALLBACK_EXIT_URL = 'https://www.wikipedia.org/';

    const STRINGS = {
        en: {
            skipExit: 'Quick exit: leave this site now',
            exit: 'Quick exit',
            exitLimit: 'Quick exit does not erase your browser history.',
            language: 'Language',
            loading: 'Loading…',
            serviceNoticeLink: 'More information',
            noticeHeading: 'Before you start',
            deviceSafetyTitle: 'Is this device safe?',
            deviceSafety: 'If someone else uses or checks this device, they may be able to see that you visited ' +
                'this page. If you can, use a device they cannot reach, or a private window.',
            quickExitTitle: 'Quick exit.',
            quickExitHow: 'Press the Quick exit button at the top, or press the Shift key three times, to leave at ' +
                'once: this page is cleared and a neutral website takes its place.',
            quickExitLimits: 'Quick exit cannot erase your browser history, screenshots or downloads, and it ' +
                'cannot hide this visit from monitoring software or from whoever runs the network you use.',
            storedTitle: 'What is kept.',
            storedPage: 'This page saves nothing in your browser except, while a chat is open, a short-lived code ' +
                'that lets you reconnect; it is deleted when the chat ends or you leave.',
            confidentialityTitle: 'Limits of confidentiality.',
            monitoringTitle: 'Supervision.',
            trainedTitle: 'A person answers.',
            trained: 'You will chat with a trained advocate, a real person, not a computer program.',
            privacyLink: 'Read the full privacy statement: what is kept, for how long, and who can read it',
            emergencyTitle: 'In an emergency',
            emergencyLine: 'call {emergency}. You can also call or text the hotline (below), day and night.',
            aliasLabel: 'What should the advocate call you? (optional; any name)',
            accept: 'I have read this notice',
            request: 'Request a chat',
            resume: 'Return to your chat',
            startBlockedNotice: 'New chats cannot start right now. Please see the notice above.',
            closedHeading: 'The chat is closed right now',
            nextOpening: 'The chat opens again {when}.',
            noNextOpening: 'The chat has no opening hours planned at the moment.',
            hoursHeading: 'Chat hours',
            hoursTimeZone: 'Times are in the {zone} time zone.',
            hoursAlways: 'Day and night, every day.',
            holidays: 'Closed on: {days}.',
            overnight: '(until the next morning)',
            waitingHeading: 'Waiting for an advocate',
            position: 'You are number {n} in line.',
            positionFirst: 'You are next in line.',
            estimate: 'Estimated wait: about {m} minutes.',
            estimateOne: 'Estimated wait: about a minute.',
            longWaitAlternatives: 'You can keep waiting here, or use one of the other ways to get help below.',
            waitingKeep: 'Keep this page open. You can leave at any time.',
            leaveQueue: 'Leave the line',
            busyHeading: 'All advocates are busy',
            unavailableHeading: 'Chat unavailable',
            tryAgain: 'Try again',
            chatHeading: 'Chat',
            connected: 'You are chatting with {name}.',
            advocate: 'Advocate',
            supervisor: 'Supervisor',
            you: 'You',
            peerAway: 'The advocate’s connection dropped. They may come back in a moment.',
            peerBack: 'The advocate is back.',
            handoverTransfer: 'Another advocate is taking over your chat. They can see what was written so far.',
            handoverQueue: 'Your chat is being passed to the next available advocate. You are first in line, and ' +
                'your messages are kept.',
            handoverDropped: 'Your advocate’s connection was lost. You are first in line for the next advocate, ' +
                'and your messages are kept.',
            supervisorJoined: 'A supervisor has joined the chat to help. They can see what was written so far.',
            supervisorLeft: 'The supervisor has left the chat.',
            handoverSupervisor: 'A supervisor is answering you now. They can see what was written so far.',
            handoverBack: 'Your advocate is answering you again.',
            typing: '{name} is typing…',
            transcriptLabel: 'Messages',
            messageLabel: 'Your message',
            send: 'Send',
            sending: 'Sending…',
            delivered: 'Delivered',
            counter: '{n} of {max} characters',
            endChat: 'End chat',
            endConfirmHeading: 'End the chat?',
            endConfirmText: 'The messages will be cleared from this page and you cannot come back to this ' +
                'conversation.',
            endConfirm: 'Yes, end the chat',
            endCancel: 'Keep chatting',
            endedHeading: 'The chat has ended',
            endedCleared: 'The messages have been cleared from this page.',
            ended_survivor_ended: 'You ended the chat.',
            ended_advocate_ended: 'The advocate ended the chat.',
            ended_idle_closed: 'The chat was closed because there were no messages for a while. You can start ' +
                'a new chat at any time.',
            ended_disconnected: 'The connection was lost for too long, so the chat has ended.',
            ended_quick_exit: 'The chat has ended.',
            newChat: 'Start again',
            alternativesHeading: 'Other ways to get help, day and night',
            emergency: 'Emergency:',
            callHotline: 'Call the hotline:',
            textHotline: 'Text the hotline:',
            reconnecting: 'Connection lost. Reconnecting… Your chat is kept for a few minutes.',
            reconnected: 'Reconnected.',
            unreachable: 'The chat service cannot be reached right now. If you need help now, call or text the ' +
                'hotline, or call {emergency} in an emergency.',
            noticeOutdated: 'The notice has changed. Please read it again.',
        },
        es: {
            skipExit: 'Salida rápida: salir de este sitio ahora',
            exit: 'Salida rápida',
            exitLimit: 'La salida rápida no borra el historial del navegador.',
            language: 'Idioma',
            loading: 'Cargando…',
            serviceNoticeLink: 'Más información',
            noticeHeading: 'Antes de empezar',
            deviceSafetyTitle: '¿Es seguro este dispositivo?',
            deviceSafety: 'Si otra persona usa o revisa este dispositivo, podría ver que usted visitó esta ' +
                'página. Si puede, use un dispositivo al que esa persona no tenga acceso, o una ventana privada.',
            quickExitTitle: 'Salida rápida.',
            quickExitHow: 'Pulse el botón Salida rápida de arriba, o pulse la tecla Mayúsculas tres veces, para ' +
                'salir enseguida: esta página se borra y la reemplaza un sitio web neutral.',
            quickExitLimits: 'La salida rápida no puede borrar el historial del navegador, capturas de pantalla ' +
                'ni descargas, y no puede ocultar esta visita a programas de vigilancia ni a quien controla la red ' +
                'que usa.',
            storedTitle: 'Qué se guarda.',
            storedPage: 'Esta página no guarda nada en su navegador salvo, mientras el chat está abierto, un código ' +
                'de corta duración para volver a conectarse; se borra cuando termina el chat o cuando usted sale.',
            confidentialityTitle: 'Límites de la confidencialidad.',
            monitoringTitle: 'Supervisión.',
            trainedTitle: 'Le atiende una persona.',
            trained: 'Chateará con una persona capacitada, no con un programa de computadora.',
            privacyLink: 'Lea la declaración de privacidad completa: qué se guarda, por cuánto tiempo y quién puede leerlo',
            emergencyTitle: 'En una emergencia',
            emergencyLine: 'llame al {emergency}. También puede llamar o enviar un mensaje de texto a la línea ' +
                'de ayuda (abajo), de día y de noche.',
            aliasLabel: '¿Cómo quiere que le llamen? (opcional; cualquier nombre)',
            accept: 'He leído este aviso',
            request: 'Pedir un chat',
            resume: 'Volver a su chat',
            startBlockedNotice: 'Ahora no se pueden empezar chats nuevos. Lea el aviso de arriba.',
            closedHeading: 'El chat está cerrado en este momento',
            nextOpening: 'El chat vuelve a abrir {when}.',
            noNextOpening: 'Por ahora el chat no tiene horario de apertura previsto.',
            hoursHeading: 'Horario del chat',
            hoursTimeZone: 'Las horas están en la zona horaria {zone}.',
            hoursAlways: 'De día y de noche, todos los días.',
            holidays: 'Cerrado: {days}.',
            overnight: '(hasta la mañana siguiente)',
            waitingHeading: 'Esperando a una persona de apoyo',
            position: 'Usted es el número {n} en la fila.',
            positionFirst: 'Usted es la siguiente persona en la fila.',
            estimate: 'Espera estimada: unos {m} minutos.',
            estimateOne: 'Espera estimada: cerca de un minuto.',
            longWaitAlternatives: 'Puede seguir esperando aquí o usar una de las otras formas de pedir ayuda de ' +
                'abajo.',
            waitingKeep: 'Mantenga esta página abierta. Puede salir en cualquier momento.',
            leaveQueue: 'Salir de la fila',
            busyHeading: 'Todas las personas de apoyo están ocupadas',
            unavailableHeading: 'Chat no disponible',
            tryAgain: 'Intentar de nuevo',
            chatHeading: 'Chat',
            connected: 'Está chateando con {name}.',
            advocate: 'Persona de apoyo',
            supervisor: 'Persona supervisora',
            you: 'Usted',
            peerAway: 'Se cortó la conexión de la persona de apoyo. Puede volver en un momento.',
            peerBack: 'La persona de apoyo ha vuelto.',
            handoverTransfer: 'Otra persona de apoyo continúa su chat. Puede ver lo que se ha escrito hasta ahora.',
            handoverQueue: 'Su chat pasa a la próxima persona de apoyo disponible. Usted es la primera en la fila y ' +
                'sus mensajes se conservan.',
            handoverDropped: 'Se perdió la conexión de su persona de apoyo. Usted es la primera en la fila para la ' +
                'próxima, y sus mensajes se conservan.',
            supervisorJoined: 'Una persona supervisora se ha unido al chat para ayudar. Puede ver lo que se ha ' +
                'escrito hasta ahora.',
            supervisorLeft: 'La persona supervisora ha salido del chat.',
            handoverSupervisor: 'Ahora le responde una persona supervisora. Puede ver lo que se ha escrito hasta ' +
                'ahora.',
            handoverBack: 'Su persona de apoyo le responde de nuevo.',
            typing: '{name} está escribiendo…',
            transcriptLabel: 'Mensajes',
            messageLabel: 'Su mensaje',
            send: 'Enviar',
            sending: 'Enviando…',
            delivered: 'Entregado',
            counter: '{n} de {max} caracteres',
            endChat: 'Terminar el chat',
            endConfirmHeading: '¿Terminar el chat?',
            endConfirmText: 'Los mensajes se borrarán de esta página y no podrá volver a esta conversación.',
            endConfirm: 'Sí, terminar el chat',
            endCancel: 'Seguir chateando',
            endedHeading: 'El chat ha terminado',
            endedCleared: 'Los mensajes se han borrado de esta página.',
            ended_survivor_ended: 'Usted terminó el chat.',
            ended_advocate_ended: 'La persona de apoyo terminó el chat.',
            ended_idle_closed: 'El chat se cerró porque no hubo mensajes durante un tiempo. Puede empezar un chat ' +
                'nuevo cuando quiera.',
            ended_disconnected: 'La conexión se perdió demasiado tiempo y el chat terminó.',
            ended_quick_exit: 'El chat ha terminado.',
            newChat: 'Empezar de nuevo',
            alternativesHeading: 'Otras formas de pedir ayuda, de día y de noche',
            emergency: 'Emergencias:',
            callHotline: 'Llame a la línea de ayuda:',
            textHotline: 'Envíe un texto a la línea de ayuda:',
            reconnecting: 'Se perdió la conexión. Reconectando… Su chat se guarda unos minutos.',
            reconnected: 'Conexión restablecida.',
            unreachable: 'No se puede conectar con el servicio de chat. Si necesita ayuda ahora, llame o envíe un ' +
                'texto a la línea de ayuda, o llame al {emergency} en una emergencia.',
            noticeOutdated: 'El aviso ha cambiado. Léalo de nuevo.',
        },
    };

    const $ = (id) => document.getElementById(id);

    const app = {
        lang: 'en',
        program: null,
        status: null,
        unreachable: false,
        screen: 'loading',
        ws: null,
        wantSocket: false,
        lastReceivedAt: 0,
        conversation: null,
        lastSeq: 0,
        seen: new Set(),
        outbox: new Map(), // clientId → {body, item}
        peerIds: new Set(), // their client ids: one resent after a relay restart shows once
        nextClientId: 1,
        typingSent: false,
        typingTimer: 0,
        reconnectWindowMs: 300000,
        droppedAt: 0,
        reconnectTimer: 0,
        reconnectAttempt: 0,
        exited: false,
        shiftTaps: [],
        shiftAlone: false,
        endedReason: null,
        startedWithResume: false,
        practice: false,
        peerName: '',
        // Supervision as last told (section 17): a supervisor answers (take-over), one joined visibly. A resume
        // tells it again before its messages; `resync` holds what is not told yet, ended once they are in
        // (`fetched`). Only a change is announced.
        supervisorAnswers: false,
        supervisorPresent: false,
        resuming: false,
        resync: null,
        // Who on the other side is typing now.
        typing: {advocate: false, supervisor: false},
    };

    // ---- Texts ----

    function t(key, values) {
        let text = (STRINGS[app.lang] && STRINGS[app.lang][key]) || STRINGS.en[key] || '';
        if (values) {
            for (const [name, value] of Object.entries(values))
                text = text.split('{' + name + '}').join(String(value));
        }
        return text;
    }

    function programText(key) {
        if (!app.program)
            return '';
        const texts = app.program.texts || {};
        const mine = texts[app.lang] || {};
        const fallback = texts[app.program.languages[0]] || {};
        return mine[key] || fallback[key] || '';
    }

    function setText(id, text) {
        const element = $(id);
        if (element)
            element.textContent = text;
    }

    function advocateName() {
        return app.peerName || programText('advocateLabel') || t('advocate');
    }

    // Who answers now: the advocate, or a supervisor who took the chat over.
    function answererName() {
        return app.supervisorAnswers ? t('supervisor') : advocateName();
    }

    function renderTyping() {
        const name = app.typing.supervisor ? t('supervisor') : app.typing.advocate ? advocateName() : '';
        setText('typing', name ? t('typing', {name}) : '');
    }

    function clearTyping() {
        app.typing = {advocate: false, supervisor: false};
        renderTyping();
    }

    // A frame says what stands of `what` (supervisorAnswers, supervisorPresent): a resume need not end it. Returns
    // what the page knew before.
    function settle(what) {
        if (app.resync)
            delete app.resync[what];
        return app[what];
    }

    function authorName(author) {
        return author === 'you' ? t('you') : author === 'supervisor' ? t('supervisor') : advocateName();
    }

    function applyTexts() {
        document.documentElement.lang = app.lang;
        for (const element of document.querySelectorAll('[data-t]'))
            element.textContent = t(element.dataset.t);
        for (const element of document.querySelectorAll('[data-t-label]'))
            element.setAttribute('aria-label', t(element.dataset.tLabel));
        if (!app.exited)
            document.title = programText('programName') || t('chatHeading');
        setText('program-name', programText('programName'));
        setText('program-notice', programText('notice'));
        setText('retention-text', programText('retention'));
        setText('mandatory-text', programText('mandatoryReporting'));
        setText('monitoring-text', programText('monitoring'));
        $('monitoring-item').hidden = !programText('monitoring');
        // The statement the relay makes from its config (/privacy), in the page's language.
        $('privacy-link').setAttribute('href', '/privacy?lang=' + encodeURIComponent(app.lang));
        setText('emergency-line', t('emergencyLine', {emergency: app.program ? app.program.emergencyNumber : '911'}));
        setText('request-button', sessionToken() ? t('resume') : t('request'));
        renderAlternatives();
        renderClosed();
        renderStatus();
        renderCounter();
        renderTyping();
        if (app.screen === 'chat')
            setText('chat-status', t('connected', {name: answererName()}));
        for (const item of $('transcript').children) {
            const who = item.querySelector('.who');
            if (who)
                who.textContent = authorName(item.dataset.author);
        }
    }

    // ---- Screens ----

    const SCREENS = ['loading', 'notice', 'closed', 'waiting', 'busy', 'chat', 'ended'];

    function show(screen, focus = true) {
        if (app.exited)
            return;
        const changed = app.screen !== screen;
        app.screen = screen;
        for (const name of SCREENS)
            $('screen-' + name).hidden = name !== screen;
        if (changed && focus) {
            const heading = $('screen-' + screen).querySelector('h1');
            if (heading)
                heading.focus({preventScroll: false});
        }
    }

    function renderAlternatives() {
        if (!app.program)
            return;
        const emergency = app.program.emergencyNumber || '911';
        setText('alt-emergency', emergency);
        $('alt-emergency').href = 'tel:' + emergency.replace(/[^0-9+]/g, '');
        const phone = app.program.hotlinePhone || '';
        $('alt-phone-item').hidden = !phone;
        setText('alt-phone', phone);
        $('alt-phone').href = 'tel:' + phone.replace(/[^0-9+]/g, '');
        const sms = app.program.hotlineSms || '';
        $('alt-sms-item').hidden = !sms;
        setText('alt-sms', sms);
        $('alt-sms').href = 'sms:' + sms.replace(/[^0-9+]/g, '');
    }

    function weekdayName(day) {
        // 2024-01-01 was a Monday; day is 1 (Monday) … 7 (Sunday).
        const date = new Date(Date.UTC(2024, 0, day));
        return new Intl.DateTimeFormat(app.lang, {weekday: 'long', timeZone: 'UTC'}).format(date);
    }

    function renderClosed() {
        const program = app.program;
        if (!program)
            return;
        setText('closed-text', programText('closed'));
        const list = $('hours-list');
        list.replaceChildren();
        const addLine = (text) => {
            const item = document.createElement('li');
            item.textContent = text;
            list.append(item);
        };
        if (program.alwaysOpen) {
            addLine(t('hoursAlways'));
        } else {
            for (const range of program.hours)
                addLine(weekdayName(range.day) + ' ' + range.start + '–' + range.end +
                        (range.overnight ? ' ' + t('overnight') : ''));
            addLine(t('hoursTimeZone', {zone: program.timeZone}));
        }
        const upcoming = (program.holidays || []).filter((day) => day >= new Date().toISOString().slice(0, 10));
        $('holidays-line').hidden = upcoming.length === 0;
        if (upcoming.length) {
            const format = new Intl.DateTimeFormat(app.lang, {dateStyle: 'long', timeZone: 'UTC'});
            setText('holidays-line', t('holidays', {days: upcoming.map((day) => format.format(new Date(day + 'T00:00:00Z'))).join('; ')}));
        }
        const next = app.status && app.status.nextOpening;
        if (next) {
            const when = new Intl.DateTimeFormat(app.lang, {
                weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit',
                timeZone: program.timeZone, timeZoneName: 'short',
            }).format(new Date(next));
            setText('next-opening', t('nextOpening', {when}));
        } else {
            setText('next-opening', t('noNextOpening'));
        }
    }

    function renderStatus() {
        const status = app.status;
        const notice = status && status.serviceNotice;
        $('service-notice').hidden = !notice;
        if (notice) {
            setText('service-notice-text', notice.text);
            const link = $('service-notice-link');
            link.hidden = !notice.link;
            if (notice.link)
                link.href = notice.link;
        }
        // Issue 18: a practice relay takes no chat from this page; it says why.
        const practice = app.practice ||= !!(status && status.practice);
        const blocked = practice || !!(notice && notice.stopsNewChats);
        $('start-blocked').hidden = !blocked;
        setText('start-blocked', practice ? programText('practice') : blocked ? t('startBlockedNotice') : '');
        updateRequestButton();
        const connection = $('connection-notice');
        if (app.unreachable) {
            setText('connection-notice-text', t('unreachable', {emergency: app.program ? app.program.emergencyNumber : '911'}));
            connection.hidden = false;
        } else if (app.droppedAt) {
            setText('connection-notice-text', t('reconnecting'));
            connection.hidden = false;
        } else {
            connection.hidden = true;
        }
    }

    function updateRequestButton() {
        const notice = app.status && app.status.serviceNotice;
        const blocked = !!(notice && notice.stopsNewChats) && !sessionToken() || app.practice;
        $('request-button').disabled = !$('accept').checked || blocked || !app.program;
    }

    // The screen for the current status when no chat is live: the notice while open, else the closed screen.
    function showIdleScreen(focus = true) {
        if (app.ws && app.conversation)
            return;
        if (app.status && !app.status.insideHours && !sessionToken()) {
            renderClosed();
            show('closed', focus);
        } else {
            show('notice', focus);
        }
    }

    // ---- Program and status ----

    async function fetchJson(path) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), STATUS_TIMEOUT_MS);
        try {
            const response = await fetch(path, {cache: 'no-store', credentials: 'omit', signal: controller.signal});
            if (!response.ok)
                throw new Error('HTTP ' + response.status);
            return await response.json();
        } finally {
            clearTimeout(timer);
        }
    }

    async function loadProgram() {
        try {
            app.program = await fetchJson('/api/program');
        } catch (error) {
            app.unreachable = true;
            renderStatus();
            setTimeout(loadProgram, STATUS_POLL_MS);
            return;
        }
        const offered = app.program.languages || ['en'];
        const select = $('language');
        for (const option of Array.from(select.options)) {
            if (!offered.includes(option.value))
                option.remove();
        }
        if (!offered.includes(app.lang))
            app.lang = offered[0];
        select.value = app.lang;
        $('skip-exit').href = exitUrl();
        $('message').maxLength = app.program.maxMessageChars || 4000;
        applyTexts();
        await pollStatus();
        if (app.screen === 'loading')
            showIdleScreen(false);
    }

    async function pollStatus() {
        try {
            const status = await fetchJson('/api/status');
            const wasClosed = app.status && !app.status.insideHours;
            app.status = status;
            app.unreachable = false;
            if (app.screen === 'closed' && status.insideHours)
                showIdleScreen();
            else if ((app.screen === 'notice') && !status.insideHours && !sessionToken())
                showIdleScreen();
            else if (wasClosed !== !status.insideHours)
                renderClosed();
        } catch (error) {
            app.unreachable = true;
        }
        renderStatus();
    }

    function exitUrl() {
        return (app.program && app.program.exitUrl) || FALLBACK_EXIT_URL;
    }

    // ---- Resume token (sessionStorage only, and only while a chat is live) ----

    function sessionToken() {
        try {
            return sessionStorage.getItem(TOKEN_KEY) || '';
        } catch (error) {
            return '';
        }
    }

    function keepToken(token) {
        try {
            sessionStorage.setItem(TOKEN_KEY, token);
        } catch (error) {
            // Without sessionStorage the chat still works; only a reload cannot come back to it.
        }
    }

    function forgetToken() {
        try {
            sessionStorage.removeItem(TOKEN_KEY);
        } catch (error) {
            // Nothing was stored.
        }
    }

    // ---- WebSocket ----

    function openSocket(first) {
        closeSocket();
        app.wantSocket = true;
        const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
        app.ws = ws;
        app.lastReceivedAt = Date.now();
        ws.onmessage = (event) => {
            if (ws !== app.ws)
                return;
            app.lastReceivedAt = Date.now();
            let frame;
            try {
                frame = JSON.parse(event.data);
            } catch (error) {
                return;
            }
            if (frame && typeof frame.type === 'string')
                onFrame(frame, first);
        };
        ws.onclose = () => {
            if (ws !== app.ws)
                return;
            app.ws = null;
            onSocketLost();
        };
    }

    function closeSocket() {
        const ws = app.ws;
        app.ws = null;
        if (ws) {
            ws.onclose = null;
            ws.onmessage = null;
            try {
                ws.close();
            } catch (error) {
                // Already closing.
            }
        }
    }

    function sendFrame(frame) {
        if (app.ws && app.ws.readyState === WebSocket.OPEN) {
            app.ws.send(JSON.stringify(frame));
            return true;
        }
        return false;
    }

    function onSocketLost() {
        if (app.exited || !app.wantSocket)
            return;
        if (!sessionToken()) {
            app.wantSocket = false;
            return;
        }
        if (!app.droppedAt)
            app.droppedAt = Date.now();
        renderStatus();
        scheduleReconnect();
    }

    function scheduleReconnect() {
        clearTimeout(app.reconnectTimer);
        if (Date.now() - app.droppedAt >= app.reconnectWindowMs) {
            chatEnded('disconnected');
            return;
        }
        const delays = [500, 1000, 2000, 3000, 5000];
        const delay = delays[Math.min(app.reconnectAttempt, delays.length - 1)];
        app.reconnectAttempt += 1;
        app.reconnectTimer = setTimeout(() => openSocket(false), delay);
    }

    function onFrame(frame, first) {
        switch (frame.type) {
        case 'hello': {
            const token = sessionToken();
            if (token) {
                sendFrame({type: 'resume', protocol: PROTOCOL, token, lastSeq: app.lastSeq});
                app.resuming = true;
            } else if (first) {
                const start = {type: 'start', protocol: PROTOCOL, noticeVersion: app.program.noticeVersion,
                    language: app.lang};
                const alias = $('alias').value.trim();
                if (alias)
                    start.alias = alias.slice(0, 64);
                sendFrame(start);
            } else {
                closeSocket();
            }
            break;
        }
        case 'session':
            keepToken(frame.resumeToken);
            if (app.resuming) {
                // After a reload or drop the relay tells supervision again (section 17); what it does not has
                // ended. Settled by the resume's messages (or its place in line).
                app.resuming = false;
                app.resync = {supervisorAnswers: true, supervisorPresent: true, chat: false, said: []};
            }
            app.reconnectWindowMs = (frame.reconnectWindowSeconds || 300) * 1000;
            if (app.droppedAt) {
                app.droppedAt = 0;
                app.reconnectAttempt = 0;
                setText('chat-status', t('reconnected'));
                renderStatus();
            }
            if (!app.conversation)
                show('waiting');
            break;
        case 'queued': {
            if (app.resync)
                endResync(false);
            const minutes = Math.max(1, Math.round((frame.estimatedWaitSeconds || 0) / 60));
            setText('queue-position', frame.position <= 1 ? t('positionFirst') : t('position', {n: frame.position}));
            setText('queue-wait', minutes <= 1 ? t('estimateOne') : t('estimate', {m: minutes}));
            if (!app.conversation)
                show('waiting');
            break;
        }
        case 'long_wait':
            setText('long-wait-text', frame.text || programText('longWait'));
            $('long-wait').hidden = false;
            break;
        case 'busy': {
            forgetToken();
            app.wantSocket = false;
            closeSocket();
            const text = frame.text || programText('busy');
            setText('busy-text', text);
            // Not the queue-full text: the neutral answer to a blocked source (section 17), under a neutral heading.
            const heading = $('busy-heading');
            heading.dataset.t = text === programText('busy') ? 'busyHeading' : 'unavailableHeading';
            heading.textContent = t(heading.dataset.t);
            pollStatus().then(() => {
                const notice = app.status && app.status.serviceNotice;
                if (app.status && !app.status.insideHours)
                    showIdleScreen();
                else if (!(notice && notice.stopsNewChats))
                    show('busy');
                else
                    show('notice');
            });
            break;
        }
        case 'conversation_started': {
            const isNew = app.conversation !== frame.conversation;
            app.conversation = frame.conversation;
            if (typeof frame.advocateName === 'string' && frame.advocateName)
                app.peerName = frame.advocateName.slice(0, 64);
            if (isNew)
                $('long-wait').hidden = true;
            if (app.resync)
                app.resync.chat = true;
            show('chat', isNew);
            setText('chat-status', t('connected', {name: answererName()}));
            resendOutbox();
            break;
        }
        case 'message':
            onMessage(frame);
            break;
        case 'accepted': {
            const pending = app.outbox.get(frame.clientId);
            if (pending) {
                pending.seq = frame.seq; // kept until delivered (relay restarts)
                pending.item.dataset.seq = String(frame.seq);
                setText(pending.stateId, '');
                app.seen.add(frame.seq);
                app.lastSeq = Math.max(app.lastSeq, frame.seq);
            }
            break;
        }
        case 'delivered':
            for (const [id, pending] of app.outbox)
                if (pending.seq <= frame.seq)
                    app.outbox.delete(id);
            for (const item of $('transcript').querySelectorAll('li.mine')) {
                const state = item.querySelector('.state');
                if (state && item.dataset.seq && Number(item.dataset.seq) <= frame.seq)
                    state.textContent = t('delivered');
            }
            break;
        case 'peer_typing':
            // The relay says whether a supervisor types (one who joined, or one who took the chat over).
            app.typing[frame.supervisor === true ? 'supervisor' : 'advocate'] = frame.active === true;
            renderTyping();
            break;
        case 'peer_status':
            setText('chat-status', frame.connected ? t('peerBack') : t('peerAway'));
            if (!frame.connected)
                clearTyping();
            break;
        case 'token_renewed':
            keepToken(frame.token);
            break;
        case 'reclaimed': // after a relay restart: seqs go on after lastSeq; resend what is not delivered
            if (frame.conversation === app.conversation) {
                app.lastSeq = Math.max(app.lastSeq, frame.lastSeq);
                app.fetching = false;
                resendOutbox(true);
            }
            break;
        case 'fetched':
            if (app.resync && frame.conversation === app.conversation)
                endResync(true);
            break;
        case 'advocate_changed': {
            // Someone else answers from now on, or the chat waits first in line (docs/protocol.md sections 15, 17).
            if (frame.conversation !== app.conversation)
                break;
            const key = {transfer: 'handoverTransfer', queue: 'handoverQueue', dropped: 'handoverDropped',
                supervisor: 'handoverSupervisor', hand_back: 'handoverBack'}[frame.reason];
            if (!key)
                break;
            const resuming = !!app.resync;
            const answeredBefore = settle('supervisorAnswers');
            app.supervisorAnswers = frame.reason === 'supervisor';
            if (app.supervisorAnswers)
                app.supervisorPresent = false; // a supervisor who had joined answers now
            else if (app.resync)
                endResync(false); // someone else answers now, and this frame says so
            // Told again on a resume: announced only if the page did not know.
            if (!(resuming && app.supervisorAnswers && answeredBefore))
                announce(key);
            clearTyping();
            break;
        }
        case 'supervisor_present': {
            // A supervisor joined or left visibly (section 17); nothing else of supervision reaches this page.
            if (frame.conversation !== app.conversation)
                break;
            const resuming = !!app.resync;
            const presentBefore = settle('supervisorPresent');
            app.supervisorPresent = frame.present === true;
            if (!(resuming && app.supervisorPresent === presentBefore))
                announce(app.supervisorPresent ? 'supervisorJoined' : 'supervisorLeft');
            break;
        }
        case 'ended':
            chatEnded(frame.reason);
            break;
        case 'error':
            onError(frame);
            break;
        default:
            break;
        }
    }

    function onError(frame) {
        if (frame.code === 'resume_expired') {
            forgetToken();
            if (app.conversation || app.screen === 'waiting' || app.droppedAt)
                chatEnded('disconnected');
            else
                showIdleScreen();
        } else if (frame.code === 'practice_mismatch') {
            app.practice = true;
            show('notice');
            renderStatus();
        } else if (frame.code === 'notice_outdated') {
            app.wantSocket = false;
            closeSocket();
            $('accept').checked = false;
            loadProgram().then(() => {
                show('notice');
                setText('start-blocked', t('noticeOutdated'));
                $('start-blocked').hidden = false;
            });
        }
    }

    function onMessage(frame) {
        if (frame.conversation !== app.conversation || app.seen.has(frame.seq))
            return;
        // A jump in seq: fetch what is missing first (the relay re-sends it in order).
        if (frame.seq > app.lastSeq + 1 && !app.fetching) {
            app.fetching = true;
            sendFrame({type: 'fetch', conversation: app.conversation, afterSeq: app.lastSeq});
        }
        app.seen.add(frame.seq);
        app.lastSeq = Math.max(app.lastSeq, frame.seq);
        if (frame.seq === app.lastSeq)
            app.fetching = false;
        const mine = frame.from === 'survivor';
        if (!mine && app.peerIds.has(frame.clientId))
            return sendFrame({type: 'ack', conversation: app.conversation, seq: app.lastSeq});
        if (!mine)
            app.peerIds.add(frame.clientId);
        // The relay marks every message a supervisor wrote (joined, or answering after a take-over).
        const bySupervisor = frame.supervisor === true;
        addMessage(mine ? 'you' : bySupervisor ? 'supervisor' : 'advocate', frame.body, frame.at, frame.seq);
        if (!mine) {
            app.typing[bySupervisor ? 'supervisor' : 'advocate'] = false;
            renderTyping();
            sendFrame({type: 'ack', conversation: app.conversation, seq: app.lastSeq});
        }
    }

    // A resume's messages are in (or someone else answers now): what it told again is said after them, and, with
    // `endUnsaid`, what the page knew and it did not tell again ended while the page was away.
    function endResync(endUnsaid) {
        const resync = app.resync;
        app.resync = null;
        for (const key of resync.said)
            announce(key);
        if (!endUnsaid || !resync.chat)
            return;
        if (resync.supervisorAnswers && app.supervisorAnswers) {
            app.supervisorAnswers = false;
            announce('handoverBack');
        }
        if (resync.supervisorPresent && app.supervisorPresent && !app.supervisorAnswers) {
            app.supervisorPresent = false;
            announce('supervisorLeft');
        }
    }

    // A line from the service in the transcript and status line (live regions), kept as a text key for a language
    // change. During a resume it waits for the resume's messages.
    function announce(key) {
        if (app.resync) {
            app.resync.said.push(key);
            return;
        }
        const item = document.createElement('li');
        item.className = 'notice';
        item.dataset.t = key;
        item.textContent = t(key);
        $('transcript').append(item);
        item.scrollIntoView({block: 'nearest'});
        setText('chat-status', t(key));
    }

    // author: 'you', 'advocate' or 'supervisor' (a supervisor's message).
    function addMessage(author, body, at, seq) {
        const item = document.createElement('li');
        item.className = author === 'you' ? 'mine' : author === 'supervisor' ? 'theirs supervisor' : 'theirs';
        item.dataset.author = author;
        if (seq)
            item.dataset.seq = String(seq);
        const who = document.createElement('span');
        who.className = 'who';
        who.textContent = authorName(author);
        const text = document.createElement('p');
        text.className = 'body';
        text.textContent = body; // plain text: markup shows as typed
        item.append(who, text);
        if (at) {
            const time = document.createElement('span');
            time.className = 'state';
            time.textContent = new Intl.DateTimeFormat(app.lang, {hour: 'numeric', minute: '2-digit'}).format(new Date(at));
            item.append(time);
        }
        const list = $('transcript');
        // Keep seq order when a fetched message arrives late.
        let before = null;
        if (seq) {
            for (const other of list.children) {
                if (other.dataset.seq && Number(other.dataset.seq) > seq) {
                    before = other;
                    break;
                }
            }
        }
        list.insertBefore(item, before);
        item.scrollIntoView({block: 'nearest'});
        return item;
    }

    // ---- Sending ----

    function sendMessage() {
        const box = $('message');
        const body = box.value;
        if (!body.trim() || !app.conversation)
            return;
        const clientId = 'c' + Date.now().toString(36) + '-' + (app.nextClientId++);
        const item = addMessage('you', body, 0, 0);
        const state = document.createElement('span');
        state.className = 'state';
        state.id = 'state-' + clientId;
        state.textContent = t('sending');
        item.append(state);
        app.outbox.set(clientId, {body, item, stateId: state.id});
        sendFrame({type: 'send', conversation: app.conversation, clientId, body});
        box.value = '';
        renderCounter();
        stopTyping();
    }

    function resendOutbox(all) {
        for (const [clientId, pending] of app.outbox)
            if (all || !pending.seq)
                sendFrame({type: 'send', conversation: app.conversation, clientId, body: pending.body});
    }

    function renderCounter() {
        const max = (app.program && app.program.maxMessageChars) || 4000;
        setText('counter', t('counter', {n: Array.from($('message').value).length, max}));
    }

    function onTyping() {
        renderCounter();
        if (!app.conversation)
            return;
        if (!app.typingSent && $('message').value)
            app.typingSent = sendFrame({type: 'typing', conversation: app.conversation, active: true});
        clearTimeout(app.typingTimer);
        app.typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    }

    function stopTyping() {
        clearTimeout(app.typingTimer);
        if (app.typingSent && app.conversation)
            sendFrame({type: 'typing', conversation: app.conversation, active: false});
        app.typingSent = false;
    }

    // ---- Ending ----

    function clearChat() {
        forgetToken();
        app.conversation = null;
        app.lastSeq = 0;
        app.seen = new Set();
        app.outbox = new Map();
        app.peerIds = new Set();
        app.peerName = '';
        app.supervisorAnswers = false;
        app.supervisorPresent = false;
        app.resuming = false;
        app.resync = null;
        app.typing = {advocate: false, supervisor: false};
        app.droppedAt = 0;
        app.reconnectAttempt = 0;
        app.fetching = false;
        clearTimeout(app.reconnectTimer);
        $('transcript').replaceChildren();
        $('message').value = '';
        setText('typing', '');
        setText('chat-status', '');
        setText('queue-position', '');
        setText('queue-wait', '');
        $('long-wait').hidden = true;
        $('accept').checked = false;
        $('alias').value = '';
        setText('request-button', t('request'));
        renderStatus();
    }

    function chatEnded(reason) {
        app.wantSocket = false;
        closeSocket();
        clearChat();
        app.endedReason = reason;
        setText('ended-text', t('ended_' + reason) || t('ended_survivor_ended'));
        show('ended');
    }

    function requestChat(event) {
        event.preventDefault();
        if ($('request-button').disabled)
            return;
        app.startedWithResume = !!sessionToken();
        openSocket(true);
        if (!app.startedWithResume)
            show('waiting');
    }

    // ---- Quick exit ----

    function quickExit(event) {
        if (event)
            event.preventDefault();
        if (app.exited)
            return;
        app.exited = true;
        const token = sessionToken();
        // Hide and clear first: nothing may stay on screen, whatever happens next.
        document.documentElement.classList.add('exited');
        document.title = '';
        try {
            sessionStorage.clear();
        } catch (error) {
            // Nothing was stored.
        }
        // Tell the relay, best effort and without waiting: over the socket if it is open, and by a beacon
        // with the resume token for a socket that is down.
        try {
            sendFrame({type: 'quick_exit'});
        } catch (error) {
            // The page leaves anyway.
        }
        if (token && navigator.sendBeacon) {
            try {
                navigator.sendBeacon('/api/quick-exit', new Blob([token], {type: 'text/plain'}));
            } catch (error) {
                // The relay ends the session when the reconnect window passes.
            }
        }
        const target = exitUrl();
        document.body.replaceChildren();
        app.ws = null;
        try {
            window.top.location.replace(target);
        } catch (error) {
            window.location.replace(target);
        }
    }

    function onKeyDown(event) {
        if (event.key === 'Shift') {
            if (!event.repeat)
                app.shiftAlone = true;
        } else {
            // Shift used for a capital letter is typing, not a quick-exit tap.
            app.shiftAlone = false;
        }
    }

    function onKeyUp(event) {
        if (event.key !== 'Shift' || !app.shiftAlone)
            return;
        app.shiftAlone = false;
        const now = Date.now();
        app.shiftTaps = app.shiftTaps.filter((at) => now - at <= SHIFT_WINDOW_MS);
        app.shiftTaps.push(now);
        if (app.shiftTaps.length >= SHIFT_TAPS)
            quickExit();
    }

    function onPageShow(event) {
        // Restored from the back/forward cache: show nothing of what was there.
        if (event.persisted) {
            if (app.exited) {
                document.documentElement.classList.add('exited');
                document.body.replaceChildren();
                document.title = '';
                return;
            }
            closeSocket();
            app.wantSocket = false;
            clearChat();
            showIdleScreen();
        }
    }

    // ---- Wiring ----

    function heartbeat() {
        if (!app.ws || app.ws.readyState !== WebSocket.OPEN)
            return;
        if (Date.now() - app.lastReceivedAt > SILENCE_LIMIT_MS) {
            // The relay or the network went quiet: treat it as a drop and reconnect.
            const ws = app.ws;
            app.ws = null;
            try {
                ws.close();
            } catch (error) {
                // Already closing.
            }
            onSocketLost();
            return;
        }
        sendFrame({type: 'ping'});
    }

    function init() {
        $('exit-button').addEventListener('click', quickExit);
        $('skip-exit').addEventListener('click', quickExit);
        window.addEventListener('keydown', onKeyDown, true);
        window.addEventListener('keyup', onKeyUp, true);
        window.addEventListener('pageshow', onPageShow);
        $('language').addEventListener('change', (event) => {
            app.lang = event.target.value;
            applyTexts();
        });
        $('accept').checked = false; // acceptance is never remembered, not even by form restoration
        $('accept').addEventListener('change', updateRequestButton);
        $('notice-form').addEventListener('submit', requestChat);
        $('leave-queue').addEventListener('click', () => {
            sendFrame({type: 'quick_exit'});
            app.wantSocket = false;
            closeSocket();
            clearChat();
            showIdleScreen();
        });
        $('busy-retry').addEventListener('click', () => {
            $('accept').checked = false;
            showIdleScreen();
        });
        $('composer').addEventListener('submit', (event) => {
            event.preventDefault();
            sendMessage();
        });
        $('message').addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                sendMessage();
            }
        });
        $('message').addEventListener('input', onTyping);
        $('end-button').addEventListener('click', () => $('end-dialog').showModal());
        $('end-cancel').addEventListener('click', () => $('end-dialog').close());
        $('end-confirm').addEventListener('click', () => {
            $('end-dialog').close();
            if (app.conversation)
                sendFrame({type: 'end', conversation: app.conversation});
            chatEnded('survivor_ended');
        });
        $('new-chat').addEventListener('click', () => {
            clearChat();
            showIdleScreen();
        });
        $('language').value = app.lang;
        applyTexts();
        setInterval(pollStatus, STATUS_POLL_MS);
        setInterval(heartbeat, PING_MS);
        loadProgram();
    }

    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', init);
    else
        init();
})();
