// The pupil's check-in: one question per screen, read-aloud, and an answer that survives a
// dropped connection. Without JavaScript the same form works with a page per question.
(function () {
    "use strict";
    const OUTBOX = "lessen-in-geluk:outbox";
    const lang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";

    // Read aloud with the browser's own speech synthesis (nothing leaves the device).
    if ("speechSynthesis" in window) {
        document.querySelectorAll("[data-speak]").forEach((button) => {
            button.hidden = false;
            button.addEventListener("click", () => {
                window.speechSynthesis.cancel();
                const utterance = new SpeechSynthesisUtterance(button.dataset.speak);
                utterance.lang = lang;
                utterance.rate = 0.9;
                window.speechSynthesis.speak(utterance);
            });
        });
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

    form.addEventListener("submit", (event) => {
        const button = event.submitter;
        if (!button) return;
        event.preventDefault();
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
