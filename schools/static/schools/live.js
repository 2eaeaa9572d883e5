// The board's live view: the answer count every few seconds (polling, no websockets).
(function () {
    "use strict";
    const root = document.querySelector("[data-live]");
    if (!root) return;
    const count = root.querySelector("[data-count]");
    let last = null;
    async function poll() {
        try {
            const response = await fetch(root.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (response.ok) {
                const status = await response.json();
                const text = count.textContent.replace(/\d+(\D+)\d+/, `${status.answered}$1${status.expected}`);
                if (text !== count.textContent) count.textContent = text;
                const shown = status.results !== null;
                if (last !== null && (shown !== last.shown || !status.open)) window.location.reload();
                last = { shown };
                if (!status.open) return;
            }
        } catch (error) { /* the next poll tries again */ }
        setTimeout(poll, 3000);
    }
    setTimeout(poll, 3000);
})();
