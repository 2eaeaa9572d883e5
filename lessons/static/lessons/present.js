// Presentation mode: one slide per screen, keyboard and touch navigation, a step timer.
// Every slide fits the board: its text is scaled down to a readable minimum, and what
// still does not fit moves to a sequel slide ("vervolg"). Without JavaScript all slides
// stay visible one below the other.
(function () {
    "use strict";
    const deck = document.querySelector("[data-deck]");
    if (!deck) return;
    const prev = document.querySelector("[data-prev]");
    const next = document.querySelector("[data-next]");
    const progress = document.querySelector("[data-progress]");
    const fill = document.querySelector("[data-fill]");
    const timerBox = document.querySelector("[data-timer]");
    const timeLabel = document.querySelector("[data-time]");
    const timerToggle = document.querySelector("[data-timer-toggle]");
    const lang = document.documentElement.lang || "nl";
    const words = lang.startsWith("en")
        ? { slide: (n, total) => `Slide ${n} of ${total}`, done: "Time is up", sequel: "continued" }
        : { slide: (n, total) => `Dia ${n} van ${total}`, done: "De tijd is om", sequel: "vervolg" };
    // The smallest text the class reads from the back of the room, in CSS pixels.
    const SMALLEST_TEXT = 20;
    // The slides as written, numbered; the deck on screen is built from copies (layout).
    const pristine = Array.from(deck.querySelectorAll("[data-slide]")).map((slide, i) => {
        slide.dataset.original = String(i + 1);
        return slide.cloneNode(true);
    });
    let slides = [];
    let current = 0;
    let remaining = 0;
    let ticking = null;

    document.body.classList.add("present--js");
    prev.hidden = false;
    next.hidden = false;

    // --- Fitting a slide to the board -------------------------------------------------
    const overflows = () => deck.scrollHeight > deck.clientHeight + 1 || deck.scrollWidth > deck.clientWidth + 1;

    // Scales the slide's text (everything is sized in em) from 1 down to the floor;
    // returns whether it fits.
    function fit(slide) {
        // Measured unscaled: a slide fitted before (then split) would set its floor too high.
        slide.style.setProperty("--fit", 1);
        const base = parseFloat(getComputedStyle(deck).fontSize);
        const smallest = Math.min(...Array.from(slide.querySelectorAll("p, li, span, h2, h3, h4, a, strong, label"))
            .filter((el) => !el.closest("[data-notes]"))
            .map((el) => parseFloat(getComputedStyle(el).fontSize) / base), 1);
        const floor = Math.min(1, SMALLEST_TEXT / (base * smallest));
        let scale = 1;
        slide.style.setProperty("--fit", scale);
        while (overflows() && scale - 0.05 >= floor) {
            scale = Math.round((scale - 0.05) * 100) / 100;
            slide.style.setProperty("--fit", scale);
        }
        return !overflows();
    }

    // The parts of a slide that move to a sequel, in order: the activities of a step (or
    // the blocks of another slide); one part that is too big alone splits at its list items.
    function movable(slide) {
        const body = slide.querySelector(".step") || slide;
        return Array.from(body.children).filter((el) => !el.matches("h1, .step__title, .step__meta, [data-notes]"));
    }

    function sequelOf(slide) {
        const sequel = pristine[Number(slide.dataset.original) - 1].cloneNode(true);
        sequel.dataset.part = String(Number(slide.dataset.part || 1) + 1);
        sequel.removeAttribute("data-check-in");
        movable(sequel).forEach((el) => el.remove());
        const notes = sequel.querySelector("[data-notes]");
        if (notes) notes.remove(); // the teacher's script stays with the step's first slide
        const title = sequel.querySelector("h1, h2, .step__title");
        if (title) title.append(` (${words.sequel})`);
        sequel.setAttribute("aria-label", `${slide.getAttribute("aria-label")} (${words.sequel})`);
        return sequel;
    }

    // A class activity is asked on a slide of its own: the pupils' screens follow the board
    // one question at a time (schools/static/schools/run-board.js).
    const crowded = (slide) => slide.querySelectorAll("[data-activity]").length > 1;

    // Moves the end of the slide to a new slide after it until the slide fits and holds
    // one class activity at most.
    function split(slide) {
        const sequel = sequelOf(slide);
        const into = sequel.querySelector(".step") || sequel;
        const prepend = (el) => into.insertBefore(el, movable(sequel)[0] || null);
        sequel.hidden = true;
        slide.after(sequel);
        const parts = movable(slide);
        while ((crowded(slide) || !fit(slide)) && parts.length) {
            if (parts.length > 1) {
                prepend(parts.pop());
            } else {
                // A class activity stays whole: its answers belong on one slide.
                if (parts[0].querySelector("[data-activity]")) break;
                const items = parts[0].querySelectorAll("li");
                if (items.length < 2) break; // one block that cannot split: the floor decides
                const copy = parts[0].cloneNode(true);
                const copies = copy.querySelectorAll("li");
                let kept = items.length;
                do {
                    kept -= 1;
                    items[kept].remove();
                } while (kept > 1 && !fit(slide));
                Array.from(copies).slice(0, kept).forEach((li) => li.remove());
                const list = copy.querySelector("ol");
                if (list) list.start = kept + 1;
                prepend(copy);
                break;
            }
        }
        if (!movable(sequel).length) sequel.remove();
    }

    function layout() {
        const showing = slides[current] ? slides[current].dataset.original : null;
        deck.replaceChildren(...pristine.map((slide) => slide.cloneNode(true)));
        for (let slide = deck.firstElementChild; slide; slide = slide.nextElementSibling) {
            Array.from(deck.children).forEach((other) => { other.hidden = other !== slide; });
            if ((crowded(slide) || !fit(slide)) && movable(slide).length) split(slide);
        }
        slides = Array.from(deck.querySelectorAll("[data-slide]"));
        deck.querySelectorAll(".breathing__start").forEach((button) => { button.hidden = false; });
        if ("speechSynthesis" in window) deck.querySelectorAll("[data-speak]").forEach((button) => { button.hidden = false; });
        return showing;
    }

    // --- The timer of a step --------------------------------------------------------
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

    // --- Moving through the deck ----------------------------------------------------
    function show(index) {
        const before = slides[current] && slides[current].dataset.original;
        current = Math.max(0, Math.min(slides.length - 1, index));
        const slide = slides[current];
        slides.forEach((other) => {
            other.hidden = other !== slide;
            other.setAttribute("aria-current", other === slide ? "true" : "false");
        });
        // A new slide starts with the teacher's notes folded: the class sees the slide.
        document.querySelectorAll("[data-notes][open]").forEach((notes) => { notes.open = false; });
        progress.textContent = words.slide(current + 1, slides.length);
        fill.style.width = `${((current + 1) / slides.length) * 100}%`;
        prev.disabled = current === 0;
        next.disabled = current === slides.length - 1;
        // The sequel of a step goes on with the step's timer.
        if (slide.dataset.original !== before) resetTimer(Number(slide.dataset.minutes || 0));
        // The address names the slide as written, the same on every board.
        const part = slide.dataset.part ? `-${slide.dataset.part}` : "";
        if (history.replaceState) history.replaceState(null, "", `#dia-${slide.dataset.original}${part}`);
        // A lesson run (schools/static/schools/run-board.js) tells the pupils' screens.
        deck.dispatchEvent(new CustomEvent("deck:show", { detail: { slide } }));
    }

    function showWritten(original, part) {
        const index = slides.findIndex((slide) => slide.dataset.original === String(original) && (slide.dataset.part || "1") === String(part || 1));
        show(index < 0 ? 0 : index);
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
    // Something on the slide grew (a lesson run's panel, schools/static/schools/run-board.js):
    // it cannot move to a sequel, so what does not fit at the floor lets the step's line of
    // minutes and organisation go first (.slide--tight).
    deck.addEventListener("deck:refit", () => {
        const slide = slides[current];
        if (!slide) return;
        slide.classList.remove("slide--tight");
        if (!fit(slide)) {
            slide.classList.add("slide--tight");
            fit(slide);
        }
    });

    deck.addEventListener("touchstart", (event) => { touchX = event.changedTouches[0].clientX; }, { passive: true });
    deck.addEventListener("touchend", (event) => {
        if (touchX === null) return;
        const dx = event.changedTouches[0].clientX - touchX;
        if (Math.abs(dx) > 50) show(current + (dx < 0 ? 1 : -1));
        touchX = null;
    });

    // Going full screen or moving the window to the board: fit the slides again.
    let resizing = null;
    window.addEventListener("resize", () => {
        clearTimeout(resizing);
        resizing = setTimeout(() => {
            const part = slides[current].dataset.part;
            showWritten(layout(), part);
        }, 150);
    });

    // The breathing timer: a circle that grows and shrinks; text only with reduced motion.
    // Listened for on the document: the deck's slides are rebuilt when the board changes.
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const say = lang.startsWith("en") ? { in: "Breathe in", out: "Breathe out", end: "Well done." } : { in: "Adem in", out: "Adem uit", end: "Goed gedaan." };
    document.addEventListener("click", (event) => {
        const button = event.target.closest(".breathing__start");
        if (!button) return;
        const box = button.closest("[data-breathing]");
        const label = box.querySelector(".breathing__label");
        const circle = box.querySelector(".breathing__circle");
        const breatheIn = Number(box.dataset.in);
        const breatheOut = Number(box.dataset.out);
        const rounds = Number(box.dataset.rounds);
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

    // Read aloud (a class activity's question and answers) with the browser's own speech
    // synthesis, as the pupils' check-in does: nothing leaves the device.
    document.addEventListener("click", (event) => {
        const button = event.target.closest("[data-speak]");
        if (!button || !("speechSynthesis" in window)) return;
        window.speechSynthesis.cancel();
        const utterance = new SpeechSynthesisUtterance(button.dataset.speak);
        utterance.lang = (button.closest("[lang]") || document.documentElement).lang.startsWith("en") ? "en-GB" : "nl-NL";
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
    });

    layout();
    const start = /^#dia-(\d+)(?:-(\d+))?$/.exec(window.location.hash);
    if (start) showWritten(start[1], start[2]);
    else show(0);
})();
