/* The keuzehulp page (/keuzehulp/): reads the answers from the form, keeps
 * them in the URL (a link reproduces the result; nothing is sent or stored),
 * ranks with KeuzehulpRangorde on keuzehulp.json and shows the matches with
 * their reasons and sources. On a phone the questions come one at a time.
 * Runs on every page swap of Material's instant navigation. No innerHTML.
 */
(function () {
  "use strict";

  var NARROW = "(max-width: 44.9375em)";
  var el = window.WatWerkt.el;

  var own = window.WatWerkt.has;

  function setup(root) {
    var form = root.querySelector("[data-guide-form]");
    var results = root.querySelector("[data-results]");
    var status = root.querySelector("[data-status]");
    var adviceBox = root.querySelector("[data-advice]");
    var list = root.querySelector("[data-list]");
    var moreBox = root.querySelector("[data-more-box]");
    var more = root.querySelector("[data-more]");
    var share = root.querySelector("[data-share]");
    var reset = root.querySelector("[data-reset]");
    var shown = parseInt(root.getAttribute("data-shown"), 10) || 10;
    var source = new URL(root.getAttribute("data-source"), window.location.href);
    var siteRoot = new URL(".", source);
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    var questions = fieldsets.map(function (f) { return f.getAttribute("data-question"); });
    var data = null;
    var showAll = false;

    function answers() {
      var result = Object.create(null);
      fieldsets.forEach(function (fieldset) {
        var values = Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (i) {
          return i.value;
        });
        if (values.length) result[fieldset.getAttribute("data-question")] = values;
      });
      return result;
    }

    /* Answers from the URL: known questions and options only. */
    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      fieldsets.forEach(function (fieldset) {
        var question = fieldset.getAttribute("data-question");
        var wanted = Object.create(null);
        params.getAll(question).forEach(function (raw) {
          raw.split(",").forEach(function (v) { wanted[v.trim()] = true; });
        });
        fieldset.querySelectorAll("input").forEach(function (input) {
          input.checked = own(wanted, input.value);
        });
      });
    }

    function writeUrl(chosen) {
      var params = new URLSearchParams(window.location.search);
      questions.forEach(function (q) {
        params.delete(q);
        if (chosen[q]) params.set(q, chosen[q].join(","));
      });
      var query = params.toString().replace(/%2C/g, ",");
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
    }

    function sourceText(id) {
      if (!id || !own(data.bronnen, id)) return "gegevens van de interventie";
      var b = data.bronnen[id];
      return b.uitgever + ", " + b.jaar;
    }

    function reasonItem(reason, caution) {
      var item = el("li", caution ? "ww-guide__caution" : "ww-guide__reason");
      if (caution) item.appendChild(el("strong", null, "Let op: "));
      item.appendChild(document.createTextNode(reason.tekst + " "));
      var cite = el("span", "ww-guide__cite", "(" + sourceText(reason.bron));
      if (reason.element && own(data.elementpagina, reason.element)) {
        cite.appendChild(document.createTextNode("; werkzaam element "));
        var link = el("a", null, data.labels.werkzame_elementen[reason.element]);
        link.href = new URL(data.elementpagina[reason.element], siteRoot).href;
        cite.appendChild(link);
      }
      cite.appendChild(document.createTextNode(")"));
      item.appendChild(cite);
      return item;
    }

    function render() {
      var chosen = answers();
      var anything = Object.keys(chosen).length > 0;
      writeUrl(chosen);
      reset.hidden = !anything;
      share.hidden = !anything;
      if (!data) return;
      var outcome = window.KeuzehulpRangorde.rank(data, chosen);
      var bySlug = Object.create(null);
      data.interventies.forEach(function (e) { bySlug[e.slug] = e; });
      list.replaceChildren();
      adviceBox.replaceChildren();
      outcome.advies.forEach(function (a) {
        var p = el("p", "ww-guide__advice");
        p.appendChild(el("strong", null, "Eerst dit: "));
        p.appendChild(document.createTextNode(a.tekst + " (" + sourceText(a.bron) + ")"));
        adviceBox.appendChild(p);
      });
      if (!anything) {
        status.textContent = "Beantwoord een of meer vragen: de lijst past zich meteen aan.";
        moreBox.hidden = true;
        return;
      }
      var good = outcome.matches.filter(function (m) { return m.alles; }).length;
      var text = outcome.matches.length + (outcome.matches.length === 1 ? " interventie past" : " interventies passen") +
        " op een of meer antwoorden";
      if (outcome.loslaten) {
        var question = fieldsets[questions.indexOf(outcome.loslaten.vraag)];
        var name = question.querySelector("legend").textContent.replace(/^\d+\.\s*/, "");
        text = "Geen interventie past op al je antwoorden. Hieronder staat wat het dichtst bij komt. " +
          "Laat je de vraag \u201c" + name + "\u201d los, dan passen er " + outcome.loslaten.aantal + ".";
      } else if (good) {
        text += "; " + good + " op alle antwoorden over groep, vorm en werkvorm";
      }
      status.textContent = /\.$/.test(text) ? text : text + ".";
      var visible = showAll ? outcome.matches : outcome.matches.slice(0, shown);
      visible.forEach(function (match, index) {
        var entry = bySlug[match.slug];
        var item = el("li", "ww-guide__match");
        var title = el("h3", "ww-guide__title");
        var link = el("a", null, entry.naam);
        link.href = new URL(entry.url, siteRoot).href;
        title.appendChild(link);
        item.appendChild(title);
        var badge = el("span", "ww-badge" + (entry.erkend ? " ww-badge--goed-beschreven" : ""), entry.erkenning);
        item.appendChild(badge);
        item.appendChild(el("p", "ww-guide__claim", entry.claim));
        var why = el("ul", "ww-guide__why");
        why.setAttribute("aria-label", "Waarom " + entry.naam + " past");
        match.redenen.forEach(function (r) { why.appendChild(reasonItem(r, false)); });
        match.let_op.forEach(function (r) { why.appendChild(reasonItem(r, true)); });
        item.appendChild(why);
        item.setAttribute("data-slug", entry.slug);
        item.setAttribute("data-rank", String(index + 1));
        list.appendChild(item);
      });
      var rest = outcome.matches.length - visible.length;
      moreBox.hidden = rest <= 0;
      if (rest > 0) more.textContent = "Toon alle " + outcome.matches.length + " (nog " + rest + ")";
    }

    /* One question at a time on a phone, with Vorige/Volgende. */
    var steps = root.querySelector("[data-steps]");
    var prev = root.querySelector("[data-prev]");
    var next = root.querySelector("[data-next]");
    var where = root.querySelector("[data-where]");
    var current = 0;
    var narrow = window.matchMedia(NARROW);

    function layout() {
      var one = narrow.matches;
      steps.hidden = !one;
      fieldsets.forEach(function (f, i) { f.hidden = one && i !== current; });
      prev.disabled = current === 0;
      next.textContent = current === fieldsets.length - 1 ? "Naar de uitkomst" : "Volgende vraag";
      where.textContent = "Vraag " + (current + 1) + " van " + fieldsets.length;
    }

    function go(step) {
      if (step >= fieldsets.length) {
        results.scrollIntoView();
        results.querySelector("h2").setAttribute("tabindex", "-1");
        results.querySelector("h2").focus();
        return;
      }
      current = Math.max(0, step);
      layout();
      var first = fieldsets[current].querySelector("input");
      if (first) first.focus();
    }

    prev.addEventListener("click", function () { go(current - 1); });
    next.addEventListener("click", function () { go(current + 1); });
    if (narrow.addEventListener) narrow.addEventListener("change", layout);
    form.addEventListener("change", function () { showAll = false; render(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    reset.addEventListener("click", function () {
      form.reset();
      current = 0;
      layout();
      render();
      fieldsets[0].querySelector("input").focus();
    });
    more.addEventListener("click", function () { showAll = true; render(); });

    readUrl();
    layout();
    results.hidden = false;
    render();
    fetch(source.href)
      .then(function (response) { return response.json(); })
      .then(function (loaded) {
        data = loaded;
        root.setAttribute("data-loaded", "");
        render();
      })
      .catch(function () {
        status.textContent = "De gegevens van de keuzehulp konden niet worden geladen. Filter in het overzicht op risicogroep en werkvorm.";
      });
  }

  window.WatWerkt.mount("[data-guide]", setup);
})();
