// A pupil's screen follows the board: every few seconds it asks what the board shows (a
// conditional request: the server mostly answers 304 from its cache) and loads its page
// again when that changed. Without JavaScript the page's "Kijk opnieuw" link does this.
(function () {
    "use strict";
    const box = document.querySelector("[data-follow]");
    if (!box || !window.fetch) return;
    const every = Math.max(1, Number(box.dataset.every || 2)) * 1000;
    let version = box.dataset.version;
    let wait = every;
    const again = box.querySelector(".follow__again");
    if (again) again.hidden = true;

    async function ask() {
        try {
            const response = await fetch(box.dataset.stateUrl, { cache: "no-cache", credentials: "same-origin" });
            if (response.ok) {
                const state = await response.json();
                wait = every;
                if (String(state.v) !== String(version)) {
                    version = state.v;
                    window.location.assign(box.dataset.pageUrl);
                    return;
                }
            } else {
                wait = Math.min(wait * 2, 30000); // busy or gone: ask less often
            }
        } catch (error) {
            wait = Math.min(wait * 2, 30000); // no connection: try again later
        }
        window.setTimeout(ask, wait);
    }
    // Screens that joined together do not all ask in the same instant.
    window.setTimeout(ask, every / 2 + Math.random() * every);

    // At most as many answers as the question asks for.
    const form = document.querySelector("[data-activity-form]");
    if (form) {
        const most = Number(form.dataset.chooseMax || 1);
        const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
        const limit = () => {
            const full = boxes.filter((b) => b.checked).length >= most;
            boxes.forEach((b) => { if (!b.checked) b.disabled = full; });
        };
        boxes.forEach((b) => b.addEventListener("change", limit));
        limit();
    }
})();
