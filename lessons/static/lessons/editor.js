/* The lesson editor: a running total of the steps' minutes, next to the lesson's duration,
   updated as the author types, adds, moves or removes a step. The lesson page's "Total"
   is the same sum (LessonPage.steps_minutes). The texts come from the page (data-*), so
   they are translated with the rest of the admin. */
(function () {
  "use strict";
  var script = document.currentScript;
  var duration = document.getElementById("id_duration");
  if (!script || !duration) return;
  var form = duration.form;
  var texts = script.dataset;

  var output = document.createElement("p");
  output.className = "lesson-minutes";
  output.setAttribute("role", "status");
  output.setAttribute("aria-live", "polite");
  duration.insertAdjacentElement("afterend", output);

  function minutes() {
    var total = 0;
    form.querySelectorAll("input[name$='-value-minutes']").forEach(function (input) {
      if (!/^steps-\d+-value-minutes$/.test(input.name)) return;
      var prefix = input.name.replace(/-value-minutes$/, "");
      var deleted = form.querySelector("input[name='" + prefix + "-deleted']");
      if (deleted && deleted.value === "1") return;
      var value = parseInt(input.value, 10);
      if (!isNaN(value) && value > 0) total += value;
    });
    return total;
  }

  function update() {
    var steps = minutes();
    var planned = parseInt(duration.value, 10);
    var text = texts.total.replace("%(steps)s", steps);
    if (!isNaN(planned)) {
      if (steps === planned) text += " " + texts.fits;
      else text += " " + texts.differs.replace("%(duration)s", planned);
    }
    // Only on a change: the observer below sees this text too.
    if (output.textContent !== text) output.textContent = text;
    output.classList.toggle("lesson-minutes--differs", !isNaN(planned) && steps !== planned);
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  // Adding, moving and deleting a block changes the form without an input event.
  new MutationObserver(update).observe(form, { childList: true, subtree: true });
  update();
})();
