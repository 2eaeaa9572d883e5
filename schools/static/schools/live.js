// The board's live view: while the check-in is open, only how many have answered, every
// few seconds (polling, no websockets); once it is closed, the page again with the results.
(function () {
    "use strict";
    const root = document.querySelector("[data-live]");
    if (!root || root.dataset.open !== "true") return;
    const count = root.querySelector("[data-count]");
    async function poll() {
        try {
            const response = await fetch(root.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (response.ok) {
                const status = await response.json();
                const text = count.textContent.replace(/\d+(\D+)\d+/, `${status.answered}$1${status.expected}`);
                if (text !== count.textContent) count.textContent = text;
                // Closed (here or on another screen): reload to show the results.
                if (!status.open) { window.location.reload(); return; }
            }
        } catch (error) { /* the next poll tries again */ }
        setTimeout(poll, 3000);
    }
    setTimeout(poll, 3000);
})();
