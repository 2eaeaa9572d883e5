// The pupil's check-in: one question per screen, read-aloud, and an answer that survives a
// dropped connection. Without JavaScript the same form works with a page per question.
(function () {
    "use strict";
    const OUTBOX = "lessen-in-geluk:outbox";
    const lang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";

    // Read aloud with the browser's own speech synthesis (nothing leaves the device).
    function speak(text) {
        if (!("speechSynthesis" in window)) return;
        window.speechSynthesis.cancel();
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = lang;
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
    }
    if ("speechSynthesis" in window) {
        document.querySelectorAll("[data-speak]").forEach((button) => {
            button.hidden = false;
            button.addEventListener("click", () => speak(button.dataset.speak));
        });
    }

    // The kleuter tablet's thank-you: a ring counts down, then the faces come back for the
    // next child (a fresh page: a new one-time token, nothing of the last child's tap).
    // "Volgende kind" does the same at once. `sent` resolves once the answer has gone.
    function resetForTheNextChild(screen, sent) {
        const next = screen.querySelector("[data-next-child]");
        const countdown = screen.querySelector("[data-countdown]");
        if (!next || !countdown) return;
        let left = Number(countdown.dataset.seconds) || 4;
        const number = countdown.querySelector("[data-countdown-number]");
        const ring = countdown.querySelector(".countdown__left");
        if (ring) ring.style.animationDuration = `${left}s`;
        number.textContent = left;
        countdown.hidden = false;
        const go = () => { window.location.replace(next.href); };
        const tick = setInterval(() => {
            left -= 1;
            if (left > 0) { number.textContent = left; return; }
            clearInterval(tick);
            countdown.hidden = true;
            sent.then(go);
        }, 1000);
    }

    function readOutbox() {
        try { return JSON.parse(localStorage.getItem(OUTBOX)) || []; } catch (error) { return []; }
    }
    function writeOutbox(items) {
        try { localStorage.setItem(OUTBOX, JSON.stringify(items)); } catch (error) { /* private mode: keep in memory only */ }
    }

    // Send everything waiting; true when the outbox is empty afterwards.
    async function flush() {
        let pending = readOutbox();
        for (const item of pending.slice()) {
            let response;
            try {
                response = await fetch(item.api, {
                    method: "POST",
                    headers: { "Content-Type": "application/json", "Accept": "application/json" },
                    credentials: "omit",
                    body: JSON.stringify(item.payload),
                });
            } catch (error) {
                return false; // offline: try again later
            }
            if (response.status === 429 || response.status >= 500) return false;
            // Stored (201), stored before (200), or refused for good (400/404/409): done with it.
            pending = readOutbox().filter((other) => other.payload.key !== item.payload.key);
            writeOutbox(pending);
        }
        return readOutbox().length === 0;
    }

    let retryDelay = 2000;
    function scheduleRetry(onDone) {
        setTimeout(async () => {
            if (await flush()) { onDone(); } else { retryDelay = Math.min(retryDelay * 2, 30000); scheduleRetry(onDone); }
        }, retryDelay);
    }

    const form = document.querySelector("[data-checkin]");
    if (!form) {
        if (readOutbox().length) scheduleRetry(() => {});
        const title = document.getElementById("thanks-title");
        if (title) title.focus();
        const next = document.querySelector("[data-next-pupil]");
        if (next) setTimeout(() => { window.location.href = next.href; }, 15000);
        const kleuter = document.querySelector("[data-kleuter-thanks]");
        if (kleuter) resetForTheNextChild(kleuter, Promise.resolve());
        return;
    }

    const steps = Array.from(form.querySelectorAll("fieldset[data-step]"));
    const status = form.querySelector("[data-status]");
    function show(number) {
        steps.forEach((step) => { step.hidden = Number(step.dataset.step) !== number; });
        form.elements.stap.value = number;
        const legend = document.getElementById(`vraag-${number}`);
        if (legend) legend.focus();
    }
    function answers() {
        const result = {};
        steps.forEach((step) => {
            const checked = step.querySelector("input[type=radio]:checked");
            if (!checked) return;
            const numeric = /^\d+$/.test(checked.value);
            result[checked.name] = numeric ? Number(checked.value) : checked.value;
        });
        return result;
    }

    async function submit() {
        const payload = { code: form.dataset.code, token: form.elements.token.value, key: form.elements.key.value, answers: answers() };
        writeOutbox([...readOutbox().filter((item) => item.payload.key !== payload.key), { api: form.dataset.api, payload }]);
        form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
        status.hidden = false;
        status.textContent = form.dataset.sending;
        const thanks = () => { window.location.href = form.dataset.thanks; };
        if (await flush()) {
            thanks();
        } else {
            status.textContent = form.dataset.offline;
            window.addEventListener("online", async () => { if (await flush()) thanks(); });
            scheduleRetry(thanks);
        }
    }

    // The kleuter tablet: one tap on a face is the answer. The thank-you shows at once (and
    // is said aloud: the tap allows speech), the answer goes through the outbox, and after
    // the countdown the faces come back for the next child. A second tap, on the same or
    // another face, does nothing: the first one is on its way.
    function answerWithOneTap(button) {
        if (form.dataset.sent) return;
        form.dataset.sent = "true";
        const value = /^\d+$/.test(button.value) ? Number(button.value) : button.value;
        const payload = { code: form.dataset.code, token: form.elements.token.value, key: form.elements.key.value, answers: { [button.name]: value } };
        writeOutbox([...readOutbox().filter((item) => item.payload.key !== payload.key), { api: form.dataset.api, payload }]);
        form.querySelectorAll("button").forEach((other) => { other.disabled = true; });
        const screen = document.querySelector("[data-thanks-screen]");
        form.hidden = true;
        screen.hidden = false;
        document.getElementById("thanks-title").focus();
        const said = screen.querySelector("[data-speak-on-show]");
        if (said) speak(said.dataset.speak);
        const status = document.querySelector("[data-status]");
        const sent = flush().then((done) => done || new Promise((resolve) => {
            status.hidden = false;
            status.textContent = form.dataset.offline;
            const sentNow = () => { status.hidden = true; resolve(); };
            window.addEventListener("online", async () => { if (await flush()) sentNow(); });
            scheduleRetry(sentNow);
        }));
        resetForTheNextChild(screen, sent);
    }

    form.addEventListener("submit", (event) => {
        const button = event.submitter;
        if (!button) return;
        event.preventDefault();
        if (form.hasAttribute("data-one-tap")) {
            if (button.name && button.value) answerWithOneTap(button);
            return;
        }
        const current = Number(form.elements.stap.value);
        if (button.name === "overslaan") {
            steps[current - 1].querySelectorAll("input[type=radio]").forEach((input) => { input.checked = false; });
        }
        if (button.name === "klaar" || button.value === "klaar") {
            submit();
        } else {
            show(Math.min(current + 1, steps.length));
        }
    });

    if (readOutbox().length) scheduleRetry(() => {});
})();
