/* The improvement tool (/verbetertool/): answers are kept in this browser
 * only (localStorage), never sent anywhere. Adds progress, live word counts,
 * a summary (lowest scores first, with tips and matching interventions),
 * export and import of the answers, and clearing with confirmation.
 * The form itself is plain HTML and reads fine without JavaScript.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "wat-werkt-tegen-eenzaamheid:verbetertool";
  var VERSION = 1;
  var LOW_SCORE = 6;  /* at or below: suggest interventions to learn from */
  var MAX_PLAN_CHARS = 5000;

  function countWords(text) {
    return text.trim() ? text.trim().split(/\s+/).length : 0;
  }

  function firstWords(text, max) {
    return text.trim().split(/\s+/).slice(0, max).join(" ");
  }

  var element = window.WatWerkt.el;
  /* Keys from storage, files and data attributes: no prototype, own keys only. */
  var map = window.WatWerkt.map;
  var has = window.WatWerkt.has;

  function isMap(value) {
    return Boolean(value) && typeof value === "object" && !Array.isArray(value);
  }

  function formatNumber(value) {
    return value.toFixed(1).replace(".", ",");
  }

  function setup(root) {
    var form = root.querySelector("[data-tool-form]");
    var bar = root.querySelector("[data-tool-bar]");
    var progress = root.querySelector("[data-progress]");
    var message = root.querySelector("[data-message]");
    var summary = root.querySelector("[data-summary]");
    var items = Array.prototype.map.call(root.querySelectorAll("[data-item]"), function (node) {
      return {
        node: node,
        key: node.getAttribute("data-item"),
        kind: node.getAttribute("data-kind"),
        theme: node.getAttribute("data-theme"),
        maxWords: Number(node.getAttribute("data-max-words")) || 0,
        text: (node.querySelector("legend, label").textContent || "").trim(),
        elementLabel: node.getAttribute("data-element-label"),
        elementUrl: node.getAttribute("data-element-url"),
        tips: node.querySelector("[data-tips] dl"),
      };
    });
    var byKey = map();
    items.forEach(function (item) { byKey[item.key] = item; });
    var plans = Array.prototype.slice.call(root.querySelectorAll("[data-plan]"));
    var planThemes = plans.map(function (plan) { return plan.getAttribute("data-plan"); });

    function readForm() {
      var state = { versie: VERSION, antwoorden: map(), plannen: map() };
      items.forEach(function (item) {
        if (item.kind === "score") {
          var checked = item.node.querySelector("input:checked");
          if (checked) state.antwoorden[item.key] = checked.value;
        } else {
          var value = item.node.querySelector("textarea").value;
          if (value.trim()) state.antwoorden[item.key] = value;
        }
      });
      plans.forEach(function (plan) {
        if (plan.value.trim()) state.plannen[plan.getAttribute("data-plan")] = plan.value;
      });
      return state;
    }

    /* Only with a state that passed validate(). */
    function writeForm(state) {
      form.reset();
      Object.keys(state.antwoorden).forEach(function (key) {
        if (!has(byKey, key)) return;
        var item = byKey[key];
        var value = state.antwoorden[key];
        if (item.kind === "score") {
          item.node.querySelector('input[value="' + value + '"]').checked = true;
        } else {
          item.node.querySelector("textarea").value = value;
        }
      });
      plans.forEach(function (plan) {
        var theme = plan.getAttribute("data-plan");
        plan.value = has(state.plannen, theme) ? state.plannen[theme] : "";
      });
    }

    /* Everything a file or storage may hold, checked before it touches the form. */
    function validate(data) {
      if (!isMap(data)) return "het is geen JSON-object";
      if (!has(data, "versie") || data.versie !== VERSION) return "de versie is niet " + VERSION;
      if (!has(data, "antwoorden") || !isMap(data.antwoorden)) return "'antwoorden' ontbreekt";
      if (!has(data, "plannen") || !isMap(data.plannen)) return "'plannen' ontbreekt";
      var keys = Object.keys(data.antwoorden);
      for (var i = 0; i < keys.length; i++) {
        var item = has(byKey, keys[i]) ? byKey[keys[i]] : null;
        var value = data.antwoorden[keys[i]];
        if (!item) return "onbekend onderdeel '" + keys[i] + "'";
        if (typeof value !== "string") return "antwoord op " + keys[i] + " is geen tekst";
        if (item.kind === "score" && !/^(nvt|[1-9]|10)$/.test(value)) {
          return "antwoord op " + keys[i] + " is geen cijfer van 1 tot 10 of n.v.t.";
        }
        if (item.kind === "open" && countWords(value) > item.maxWords) {
          return "antwoord op " + keys[i] + " heeft meer dan " + item.maxWords + " woorden";
        }
      }
      var themes = Object.keys(data.plannen);
      for (var t = 0; t < themes.length; t++) {
        if (planThemes.indexOf(themes[t]) === -1) return "onbekend thema '" + themes[t] + "'";
        if (typeof data.plannen[themes[t]] !== "string" ||
            data.plannen[themes[t]].length > MAX_PLAN_CHARS) {
          return "verbeterplan bij thema " + themes[t] + " is geen tekst of te lang";
        }
      }
      return "";
    }

    /* A stored or imported text: its data, or the problem that keeps it out. */
    function check(text) {
      var data;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return { data: null, problem: "het is geen geldige JSON" };
      }
      return { data: data, problem: validate(data) };
    }

    function save(state) {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      } catch (error) {
        say("Je antwoorden kunnen in deze browser niet worden bewaard (" + error.name + ").");
      }
    }

    function say(text) {
      message.textContent = text;
      message.hidden = !text;
    }

    function updateCounts() {
      var state = readForm();
      var answered = Object.keys(state.antwoorden).length;
      progress.textContent = answered + " van " + items.length + " beantwoord";
      items.forEach(function (item) {
        if (item.kind !== "open") return;
        var area = item.node.querySelector("textarea");
        var count = item.node.querySelector("[data-word-count]");
        var text = count.textContent;
        var next = countWords(area.value) + " van " + item.maxWords + " woorden";
        if (text !== next) count.textContent = next;
      });
      return state;
    }

    function onInput(event) {
      var target = event.target;
      var item = target.closest("[data-item]") && byKey[target.closest("[data-item]").getAttribute("data-item")];
      /* The open questions allow a fixed number of words: stop at the limit. */
      if (item && item.kind === "open" && countWords(target.value) > item.maxWords) {
        target.value = firstWords(target.value, item.maxWords);
      }
      save(updateCounts());
      if (!summary.hidden) renderSummary();
    }

    function scoredItems(state) {
      return items.filter(function (item) {
        return item.kind === "score" && state.antwoorden[item.key] && state.antwoorden[item.key] !== "nvt";
      }).map(function (item) {
        return { item: item, score: Number(state.antwoorden[item.key]) };
      });
    }

    function renderSummary() {
      var state = readForm();
      var scored = scoredItems(state);
      summary.textContent = "";
      var title = element("h2", "", "Mijn samenvatting");
      title.id = "samenvatting-titel";
      title.tabIndex = -1;
      summary.appendChild(title);
      /* Named by its heading once the heading exists (an id nothing has yet is invalid). */
      summary.setAttribute("aria-labelledby", title.id);
      summary.appendChild(element("p", "ww-summary__date",
        "Gemaakt op " + new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) +
        " met de verbetertool van Wat werkt tegen eenzaamheid."));

      /* Average per theme: a table with the average and the count in their
       * own labelled columns, and a bar drawn in CSS after the average. */
      summary.appendChild(element("h3", "", "Gemiddelde per thema"));
      var table = element("table", "ww-summary__averages");
      var head = element("thead");
      var headRow = element("tr");
      [["Thema", ""], ["Gemiddelde", "ww-summary__average"], ["Aantal met een cijfer", "ww-summary__number"]]
        .forEach(function (spec) {
          var cell = element("th", spec[1], spec[0]);
          cell.scope = "col";
          headRow.appendChild(cell);
        });
      head.appendChild(headRow);
      table.appendChild(head);
      var body = element("tbody");
      root.querySelectorAll("[data-theme][aria-labelledby]").forEach(function (section) {
        var theme = section.getAttribute("data-theme");
        var own = scored.filter(function (s) { return s.item.theme === theme; });
        if (!own.length) return;
        var average = own.reduce(function (sum, s) { return sum + s.score; }, 0) / own.length;
        var row = element("tr");
        var name = element("th", "", section.querySelector("h2").textContent);
        name.scope = "row";
        row.appendChild(name);
        var cell = element("td", "ww-summary__average");
        cell.setAttribute("data-average", "");
        cell.appendChild(element("span", "ww-bar__value", formatNumber(average)));
        var track = element("span", "ww-bar");
        track.setAttribute("aria-hidden", "true");
        var fill = element("span", "ww-bar__fill");
        fill.style.width = (average * 10) + "%";
        track.appendChild(fill);
        cell.appendChild(track);
        row.appendChild(cell);
        var count = element("td", "ww-summary__number", String(own.length));
        count.setAttribute("data-count", "");
        row.appendChild(count);
        body.appendChild(row);
      });
      table.appendChild(body);
      if (scored.length) {
        summary.appendChild(table);
      } else {
        summary.appendChild(element("p", "", "Je hebt nog geen stelling een cijfer gegeven."));
      }

      /* Lowest first: the weakest points, their tips and who to learn from. */
      summary.appendChild(element("h3", "", "Mijn scores, laagste eerst"));
      var list = element("ol", "ww-summary__scores");
      scored.slice().sort(function (a, b) {
        return a.score - b.score || items.indexOf(a.item) - items.indexOf(b.item);
      }).forEach(function (entry) {
        var li = element("li");
        li.setAttribute("data-summary-item", entry.item.key);
        li.appendChild(element("strong", "", entry.score + " \u2013 "));
        li.appendChild(document.createTextNode(entry.item.text));
        if (entry.item.elementUrl && entry.score <= LOW_SCORE) {
          /* The element page lists every intervention with it, recognised or not. */
          var learn = element("p", "ww-summary__learn", "Leer van interventies met dit element: ");
          var link = element("a", "", entry.item.elementLabel);
          link.href = entry.item.elementUrl;
          learn.appendChild(link);
          li.appendChild(learn);
        }
        if (entry.item.tips) li.appendChild(entry.item.tips.cloneNode(true));
        list.appendChild(li);
      });
      summary.appendChild(list);

      var skipped = items.filter(function (item) { return state.antwoorden[item.key] === "nvt"; });
      if (skipped.length) {
        summary.appendChild(element("h3", "", "Niet van toepassing"));
        var none = element("ul");
        skipped.forEach(function (item) { none.appendChild(element("li", "", item.text)); });
        summary.appendChild(none);
      }

      var open = items.filter(function (item) { return item.kind === "open" && state.antwoorden[item.key]; });
      if (open.length) {
        summary.appendChild(element("h3", "", "Mijn ervaring"));
        open.forEach(function (item) {
          summary.appendChild(element("p", "ww-summary__question", item.text));
          summary.appendChild(element("blockquote", "", state.antwoorden[item.key]));
        });
      }

      summary.appendChild(element("h3", "", "Mijn verbeterplannen"));
      var anyPlan = false;
      plans.forEach(function (plan) {
        if (!plan.value.trim()) return;
        anyPlan = true;
        summary.appendChild(element("p", "ww-summary__question",
          "Thema " + plan.getAttribute("data-plan") + ". " + plan.getAttribute("data-theme-title")));
        summary.appendChild(element("blockquote", "", plan.value));
      });
      if (!anyPlan) summary.appendChild(element("p", "", "Nog geen verbeterplan ingevuld."));

      var print = element("button", "md-button md-button--primary", "Afdrukken of bewaren als pdf");
      print.type = "button";
      print.addEventListener("click", function () { window.print(); });
      summary.appendChild(print);
      summary.hidden = false;
      root.classList.add("ww-tool--summary");
    }

    function exportAnswers() {
      var state = readForm();
      state.opgeslagen = new Date().toISOString();
      var blob = new Blob([JSON.stringify(state, null, 2)], { type: "application/json" });
      var link = element("a");
      link.href = URL.createObjectURL(blob);
      link.download = "verbetertool-antwoorden.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    function importAnswers(event) {
      var file = event.target.files && event.target.files[0];
      event.target.value = "";
      if (!file) return;
      var reader = new FileReader();
      reader.onerror = function () {
        say("Dit bestand kan niet worden gelezen. Je huidige antwoorden zijn niet veranderd.");
      };
      reader.onload = function () {
        var result = check(String(reader.result));
        if (result.problem) {
          say("Dit bestand kan niet worden geopend: " + result.problem +
              ". Je huidige antwoorden zijn niet veranderd.");
          return;
        }
        /* Answers on screen are replaced only with the user's consent. */
        var current = readForm();
        if ((Object.keys(current.antwoorden).length || Object.keys(current.plannen).length) &&
            !window.confirm("De antwoorden uit " + file.name + " vervangen je huidige antwoorden. Doorgaan?")) {
          say("Er is niets geopend uit " + file.name + ". Je huidige antwoorden zijn niet veranderd.");
          return;
        }
        writeForm(result.data);
        save(updateCounts());
        if (!summary.hidden) renderSummary();
        say("Antwoorden geopend uit " + file.name + ".");
      };
      reader.readAsText(file);
    }

    function clearAll() {
      if (!window.confirm("Alle antwoorden en verbeterplannen wissen? Dit kan niet ongedaan worden gemaakt.")) return;
      window.localStorage.removeItem(STORAGE_KEY);
      form.reset();
      updateCounts();
      summary.hidden = true;
      summary.textContent = "";
      root.classList.remove("ww-tool--summary");
      say("Alle antwoorden zijn gewist.");
    }

    /* Restore what this browser kept, if it is still valid. What cannot be
     * read is left in storage until the user changes an answer. */
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (error) { /* storage is off: save() says so on the first change */ }
    if (raw !== null) {
      var stored = check(raw);
      if (stored.problem) {
        say("Eerder bewaarde antwoorden konden niet worden gelezen (" + stored.problem +
            "); ze zijn niet geladen.");
      } else {
        writeForm(stored.data);
      }
    }
    updateCounts();

    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    /* Land on the summary heading: at the top of the screen, just below
     * whatever stays stuck there (Material's header, the toolbar). */
    function showSummary() {
      renderSummary();
      var title = summary.querySelector("#samenvatting-titel");
      var covered = 0;
      [document.querySelector(".md-header"), bar].forEach(function (node) {
        if (!node) return;
        var style = window.getComputedStyle(node);
        if (style.position === "sticky" || style.position === "fixed") {
          /* Where it sits once stuck, wherever the page is scrolled now. */
          covered = Math.max(covered, (parseFloat(style.top) || 0) + node.getBoundingClientRect().height);
        }
      });
      var top = title.getBoundingClientRect().top + window.pageYOffset - covered - 8;
      window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
      title.focus({ preventScroll: true });
    }

    /* Phone width: the less used buttons fold away behind "Meer knoppen". */
    var more = root.querySelector("[data-more]");
    function setMore(open) {
      more.setAttribute("aria-expanded", String(open));
      bar.classList.toggle("ww-tool__bar--open", open);
    }
    more.addEventListener("click", function () {
      setMore(more.getAttribute("aria-expanded") !== "true");
    });
    bar.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && more.getAttribute("aria-expanded") === "true") {
        setMore(false);
        more.focus();
      }
    });

    root.querySelector("[data-show-summary]").addEventListener("click", function () {
      setMore(false);
      showSummary();
    });
    root.querySelector("[data-export]").addEventListener("click", exportAnswers);
    root.querySelector("[data-import]").addEventListener("change", importAnswers);
    root.querySelector("[data-clear-all]").addEventListener("click", clearAll);
    bar.hidden = false;
  }

  window.WatWerkt.mount("[data-tool]", setup);
})();
