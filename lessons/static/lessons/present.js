// Presentation mode: one slide per screen, keyboard and touch navigation, a step timer.
// Without JavaScript all slides stay visible one below the other.
(function () {
    "use strict";
    const deck = document.querySelector("[data-deck]");
    if (!deck) return;
    const slides = Array.from(deck.querySelectorAll("[data-slide]"));
    const prev = document.querySelector("[data-prev]");
    const next = document.querySelector("[data-next]");
    const progress = document.querySelector("[data-progress]");
    const fill = document.querySelector("[data-fill]");
    const timerBox = document.querySelector("[data-timer]");
    const timeLabel = document.querySelector("[data-time]");
    const timerToggle = document.querySelector("[data-timer-toggle]");
    const lang = document.documentElement.lang || "nl";
    const words = lang.startsWith("en")
        ? { slide: (n, total) => `Slide ${n} of ${total}`, done: "Time is up" }
        : { slide: (n, total) => `Dia ${n} van ${total}`, done: "De tijd is om" };
    let current = 0;
    let remaining = 0;
    let ticking = null;

    document.body.classList.add("present--js");
    prev.hidden = false;
    next.hidden = false;

    function formatTime(seconds) {
        const m = Math.floor(Math.abs(seconds) / 60);
        const s = Math.abs(seconds) % 60;
        return `${seconds < 0 ? "-" : ""}${m}:${String(s).padStart(2, "0")}`;
    }

    function stopTimer() {
        clearInterval(ticking);
        ticking = null;
        timerToggle.textContent = timerToggle.dataset.labelStart;
    }

    function resetTimer(minutes) {
        stopTimer();
        remaining = minutes * 60;
        timerBox.hidden = !minutes;
        timerBox.classList.remove("is-over");
        timeLabel.textContent = formatTime(remaining);
    }

    function tick() {
        remaining -= 1;
        timeLabel.textContent = remaining > 0 ? formatTime(remaining) : `${words.done} (${formatTime(remaining)})`;
        timerBox.classList.toggle("is-over", remaining <= 0);
    }

    function show(index) {
        current = Math.max(0, Math.min(slides.length - 1, index));
        slides.forEach((slide, i) => {
            slide.hidden = i !== current;
            slide.setAttribute("aria-current", i === current ? "true" : "false");
        });
        // A new slide starts with the teacher's notes folded: the class sees the slide.
        document.querySelectorAll("[data-notes][open]").forEach((notes) => { notes.open = false; });
        progress.textContent = words.slide(current + 1, slides.length);
        fill.style.width = `${((current + 1) / slides.length) * 100}%`;
        prev.disabled = current === 0;
        next.disabled = current === slides.length - 1;
        resetTimer(Number(slides[current].dataset.minutes || 0));
        if (history.replaceState) history.replaceState(null, "", `#dia-${current + 1}`);
    }

    timerToggle.addEventListener("click", () => {
        if (ticking) {
            stopTimer();
        } else {
            ticking = setInterval(tick, 1000);
            timerToggle.textContent = timerToggle.dataset.labelPause;
        }
    });
    prev.addEventListener("click", () => show(current - 1));
    next.addEventListener("click", () => show(current + 1));

    document.addEventListener("keydown", (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const onControl = event.target.closest("button, a, input, select, textarea, summary, video");
        if (["ArrowRight", "PageDown"].includes(event.key) || (event.key === " " && !onControl)) {
            event.preventDefault();
            show(current + 1);
        } else if (["ArrowLeft", "PageUp"].includes(event.key)) {
            event.preventDefault();
            show(current - 1);
        } else if (event.key === "Home") {
            show(0);
        } else if (event.key === "End") {
            show(slides.length - 1);
        } else if (event.key === "Escape") {
            window.location.href = deck.dataset.exitUrl;
        }
    });

    let touchX = null;
    deck.addEventListener("touchstart", (event) => { touchX = event.changedTouches[0].clientX; }, { passive: true });
    deck.addEventListener("touchend", (event) => {
        if (touchX === null) return;
        const dx = event.changedTouches[0].clientX - touchX;
        if (Math.abs(dx) > 50) show(current + (dx < 0 ? 1 : -1));
        touchX = null;
    });

    // The breathing timer: a circle that grows and shrinks; text only with reduced motion.
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    document.querySelectorAll("[data-breathing]").forEach((box) => {
        const button = box.querySelector(".breathing__start");
        const label = box.querySelector(".breathing__label");
        const circle = box.querySelector(".breathing__circle");
        const breatheIn = Number(box.dataset.in);
        const breatheOut = Number(box.dataset.out);
        const rounds = Number(box.dataset.rounds);
        const say = lang.startsWith("en") ? { in: "Breathe in", out: "Breathe out", end: "Well done." } : { in: "Adem in", out: "Adem uit", end: "Goed gedaan." };
        button.hidden = false;
        button.addEventListener("click", () => {
            button.disabled = true;
            let round = 0;
            const step = (phase) => {
                if (round >= rounds) {
                    label.textContent = say.end;
                    circle.className = "breathing__circle";
                    button.disabled = false;
                    return;
                }
                const seconds = phase === "in" ? breatheIn : breatheOut;
                label.textContent = `${say[phase]} (${round + 1}/${rounds})`;
                if (!reduceMotion) {
                    circle.style.transitionDuration = `${seconds}s`;
                    circle.className = `breathing__circle is-${phase}`;
                }
                setTimeout(() => {
                    if (phase === "out") round += 1;
                    step(phase === "in" ? "out" : "in");
                }, seconds * 1000);
            };
            step("in");
        });
    });

    const start = /^#dia-(\d+)$/.exec(window.location.hash);
    show(start ? Number(start[1]) - 1 : 0);
})();
