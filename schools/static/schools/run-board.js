// The board of a lesson run: tells the server which slide the class sees (the pupils'
// screens follow it), and gives each class activity slide its panel: how many answered,
// the reveal, the result. The panel is rendered by the server (schools/runs/board.py).
(function () {
    "use strict";
    const deck = document.querySelector("[data-deck][data-run-move]");
    if (!deck || !window.fetch) return;
    const tokenInput = document.querySelector("[data-run-join] input[name=csrfmiddlewaretoken]");
    const csrf = tokenInput ? tokenInput.value : "";
    const every = 2000;
    let timer = null;
    let told = null;

    const post = (url, body) => fetch(url, {
        method: "POST", body, credentials: "same-origin",
        headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
    });
    const panelUrl = (id) => deck.dataset.runPanelUrl.replace("ACTIVITY", encodeURIComponent(id));

    function put(box, html) {
        if (box.dataset.html === html) return;
        const hadFocus = box.contains(document.activeElement);
        box.dataset.html = html;
        box.innerHTML = html;
        const panel = box.querySelector("[data-run-panel]");
        box.closest("[data-activity-id]").classList.toggle("class-activity--revealed", !!(panel && panel.hasAttribute("data-revealed")));
        const form = box.querySelector("[data-reveal]");
        if (form) {
            form.addEventListener("submit", async (event) => {
                event.preventDefault();
                const response = await post(form.action, new FormData(form));
                put(box, await response.text());
                const title = box.querySelector(".run-results__title, [role=alert]");
                if (title) { title.tabIndex = -1; title.focus(); }
            });
        }
        deck.dispatchEvent(new CustomEvent("deck:refit"));
        if (hadFocus) {
            const again = box.querySelector("button, a");
            if (again) again.focus();
        }
    }

    async function refresh(box, id) {
        try {
            const response = await fetch(panelUrl(id), { credentials: "same-origin", cache: "no-store" });
            if (response.ok) put(box, await response.text());
        } catch (error) { /* the next round tries again */ }
    }

    function onShow(slide) {
        window.clearInterval(timer);
        const activity = slide.querySelector("[data-activity-id]");
        const id = activity ? activity.dataset.activityId : "";
        const checkIn = slide.hasAttribute("data-check-in");
        const now = `${id}|${checkIn}`;
        if (now !== told) {
            told = now;
            const body = new FormData();
            body.append("activity", id);
            body.append("check_in", checkIn ? "1" : "0");
            post(deck.dataset.runMove, body).catch(() => { told = null; });
        }
        if (!id) return;
        let box = activity.querySelector("[data-run-panel-box]");
        if (!box) {
            box = document.createElement("div");
            box.dataset.runPanelBox = "";
            activity.appendChild(box);
        }
        refresh(box, id);
        timer = window.setInterval(() => {
            if (!box.querySelector("[data-revealed]")) refresh(box, id);
        }, every);
    }

    deck.addEventListener("deck:show", (event) => onShow(event.detail.slide));
    const showing = deck.querySelector("[data-slide]:not([hidden])");
    if (showing) onShow(showing);
})();
