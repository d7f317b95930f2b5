/* "Mijn selectie": a shortlist of interventions kept in this browser only
 * (localStorage, nothing is sent anywhere), the count in the header, and the
 * comparison page /vergelijk/ (?i=slug,slug) built from catalogus.json.
 */
(function () {
  "use strict";

  var STORE = "wat-werkt-tegen-eenzaamheid:selectie";
  var MAX = 12;

  /* Set when the stored selection could not be read; the comparison says so once. */
  var damaged = false;

  function load() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORE);
    } catch (error) { /* storage is off: an empty selection */ }
    if (raw === null) return [];
    var value = null;
    try {
      value = JSON.parse(raw);
    } catch (error) { /* handled below */ }
    if (!Array.isArray(value)) {
      damaged = true;
      store([]);
      return [];
    }
    return value.filter(function (s) { return typeof s === "string"; });
  }

  function damageNotice() {
    if (!damaged) return "";
    damaged = false;
    return "Je opgeslagen selectie was beschadigd en is leeggemaakt. ";
  }

  function store(slugs) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(slugs));
    } catch (error) { /* private mode: the selection lasts for this page only */ }
  }

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function compareUrl(slugs) {
    var url = new URL("vergelijk/", siteBase());
    if (slugs.length) url.search = "?i=" + slugs.join(",");
    return url.href;
  }

  var el = window.WatWerkt.el;

  /* -- header count and pick buttons ------------------------------------------- */

  function updateHeader(slugs) {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) return;
    var link = inner.querySelector(".ww-selection");
    if (!link) {
      link = el("a", "ww-selection");
      var search = inner.querySelector(".md-search") || inner.lastElementChild;
      inner.insertBefore(link, search);
    }
    link.href = compareUrl(slugs);
    link.textContent = "";
    link.appendChild(el("span", "ww-selection__mine", "Mijn "));
    link.appendChild(document.createTextNode("selectie (" + slugs.length + ")"));
  }

  function updateButtons(slugs, within) {
    (within || document).querySelectorAll("[data-pick]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(slugs.indexOf(button.getAttribute("data-pick")) !== -1));
      button.hidden = false;
    });
  }

  function toggle(slug) {
    var slugs = load();
    var at = slugs.indexOf(slug);
    if (at === -1) {
      if (slugs.length >= MAX) return slugs;
      slugs.push(slug);
    } else {
      slugs.splice(at, 1);
    }
    store(slugs);
    return slugs;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-pick]");
    if (!button) return;
    var slugs = toggle(button.getAttribute("data-pick"));
    updateButtons(slugs);
    updateHeader(slugs);
  });

  /* -- the comparison ------------------------------------------------------------- */

  /* Rows and cells come from vergelijking.json, written by the build from the
   * field declaration (catalogue/fields.py): a cell is a text, a list of
   * labels, or { text, href } for a link; "" or [] when it is not known. */
  var ROWS = [];

  function cellText(value) {
    if (Array.isArray(value)) return value.join(", ");
    return value && typeof value === "object" ? value.text : value || "";
  }

  /* What is compared: a link by its address, a list of labels as a set. */
  function cellKey(value) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return value.href.replace(/\/$/, "").toLowerCase();
    }
    return cellText(value).split(", ").sort().join(", ");
  }

  /* A row differs only where known values differ; unknown cells do not count. */
  function knownDiffer(values) {
    var known = values.filter(function (v) { return cellText(v) !== ""; }).map(cellKey);
    return known.some(function (key) { return key !== known[0]; });
  }

  function selectionFromUrl() {
    var raw = new URLSearchParams(window.location.search).get("i");
    return raw === null ? null : raw.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function renderComparison(root) {
    var status = root.querySelector("[data-compare-status]");
    var fromUrl = selectionFromUrl();
    var wanted = fromUrl !== null ? fromUrl : load();
    /* Known before the data arrives: show the buttons now and keep room for
     * the table (catalogus.css), so that nothing jumps when it is drawn. */
    if (wanted.length) {
      root.querySelector("[data-compare-actions]").hidden = false;
      root.querySelector("[data-adopt]").hidden = !(fromUrl !== null && fromUrl.join(",") !== load().join(","));
      root.setAttribute("data-loading", "");
    }
    fetch(root.getAttribute("data-source")).then(function (response) { return response.json(); })
      .then(function (data) {
        /* Slugs come from the URL and storage: unknown ones, "__proto__" too, are skipped. */
        ROWS = data.rijen;
        var bySlug = window.WatWerkt.map();
        data.interventies.forEach(function (e) { bySlug[e.slug] = e; });
        var chosen = wanted.filter(function (slug, i) {
          return window.WatWerkt.has(bySlug, slug) && wanted.indexOf(slug) === i;
        })
          .map(function (slug) { return bySlug[slug]; });
        /* Named back to the visitor, so a mistyped or removed one does not just vanish. */
        var missing = wanted.filter(function (slug, i) {
          return !window.WatWerkt.has(bySlug, slug) && wanted.indexOf(slug) === i;
        });
        /* A link from someone else shows their selection; our own stays editable. */
        var shared = fromUrl !== null && fromUrl.join(",") !== load().join(",");
        draw(root, chosen, shared, missing);
      })
      .catch(function () {
        root.removeAttribute("data-loading");
        status.textContent = damageNotice() + "De gegevens konden niet worden geladen.";
      });
  }

  /* "Niet gevonden: a, b." for slugs the catalogue does not have; long or
   * many ones are cut short, they come straight from the address. */
  function missingNotice(missing) {
    if (!missing || !missing.length) return "";
    var shown = missing.slice(0, 5).map(function (slug) {
      return slug.length > 60 ? slug.slice(0, 60) + "\u2026" : slug;
    });
    var rest = missing.length - shown.length;
    return " Niet gevonden: " + shown.join(", ") + (rest > 0 ? " en " + rest + " meer" : "") + ".";
  }

  function draw(root, chosen, shared, missing) {
    var status = root.querySelector("[data-compare-status]");
    var holder = root.querySelector("[data-compare-table]");
    var actions = root.querySelector("[data-compare-actions]");
    root.removeAttribute("data-loading");
    holder.textContent = "";
    var slugs = chosen.map(function (e) { return e.slug; });
    if (slugs.length) {
      window.history.replaceState(window.history.state, "", "?i=" + slugs.join(","));
    }
    root.querySelector("[data-print-date]").textContent = new Date().toLocaleDateString(
      "nl-NL", { day: "numeric", month: "long", year: "numeric" });
    var notice = damageNotice();
    var notFound = missingNotice(missing);
    if (!chosen.length) {
      status.textContent = notice + "Je selectie is leeg. Kies interventies in het overzicht met de knop \u2018Vergelijk\u2019." +
        notFound;
      actions.hidden = true;
      return;
    }
    status.textContent = notice + chosen.length + (chosen.length === 1 ? " interventie" : " interventies") +
      " naast elkaar" + (shared ? " (uit een gedeelde link)" : "") + "." + notFound;
    actions.hidden = false;
    var adopt = root.querySelector("[data-adopt]");
    adopt.hidden = !shared;

    var table = el("table", "ww-compare");
    var caption = el("caption", "", "Vergelijking van " + chosen.map(function (e) { return e.naam; }).join(", "));
    table.appendChild(caption);
    var head = el("thead");
    var row = el("tr");
    var corner = el("th", "", "Kenmerk");
    corner.scope = "col";
    row.appendChild(corner);
    chosen.forEach(function (entry) {
      var th = el("th");
      th.scope = "col";
      var link = el("a", "", entry.naam);
      link.href = new URL(entry.url.replace(/^\//, ""), siteBase()).href;
      th.appendChild(link);
      if (!shared) {
        var remove = el("button", "ww-compare__remove", "Verwijder");
        remove.type = "button";
        remove.setAttribute("aria-label", "Verwijder " + entry.naam + " uit de vergelijking");
        remove.addEventListener("click", function () {
          var slugs = toggle(entry.slug);
          updateHeader(slugs);
          draw(root, chosen.filter(function (e) { return e.slug !== entry.slug; }), false);
        });
        th.appendChild(remove);
      }
      row.appendChild(th);
    });
    head.appendChild(row);
    table.appendChild(head);
    var body = el("tbody");
    var csvRows = [["Kenmerk"].concat(chosen.map(function (e) { return e.naam; }))];
    ROWS.forEach(function (label, position) {
      var values = chosen.map(function (entry) { return entry.cellen[position]; });
      var differs = knownDiffer(values);
      var tr = el("tr", differs ? "ww-compare__differs" : "");
      var th = el("th", "", label);
      th.scope = "row";
      if (differs) th.appendChild(el("span", "ww-compare__flag", "verschilt"));
      tr.appendChild(th);
      values.forEach(function (value) {
        var td = el("td");
        if (value && typeof value === "object" && !Array.isArray(value)) {
          var link = el("a", "ww-compare__link", value.text);
          link.href = value.href;
          link.rel = "noopener";
          td.appendChild(link);
        } else if (cellText(value)) {
          td.textContent = cellText(value);
        } else {
          td.className = "ww-compare__unknown";
          td.appendChild(el("span", "ww-unknown", "onbekend"));
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
      csvRows.push([label].concat(values.map(function (v) {
        if (v && typeof v === "object" && !Array.isArray(v)) return v.href;
        return cellText(v) || "onbekend";
      })));
    });
    table.appendChild(body);
    holder.appendChild(table);
    root.csvRows = csvRows;
  }

  function downloadCsv(root) {
    var text = "\ufeff" + root.csvRows.map(function (row) {
      return row.map(function (cell) {
        var value = /^[=+\-@]/.test(cell) ? "'" + cell : cell;
        return /[";\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
      }).join(";");
    }).join("\r\n") + "\r\n";
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = "vergelijking-interventies.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function initCompare() {
    var root = document.querySelector("[data-compare]");
    if (!root || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    root.querySelector("[data-compare-js]").hidden = false;
    root.querySelector("[data-compare-nojs]").hidden = true;
    root.querySelector("[data-csv]").addEventListener("click", function () { downloadCsv(root); });
    root.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
    root.querySelector("[data-copy]").addEventListener("click", function () {
      var button = this;
      navigator.clipboard.writeText(window.location.href).then(function () {
        button.textContent = "Link gekopieerd";
      }, function () {
        button.textContent = "Kopieer de link uit de adresbalk";
      });
    });
    root.querySelector("[data-adopt]").addEventListener("click", function () {
      var slugs = selectionFromUrl() || [];
      store(slugs.slice(0, MAX));
      updateHeader(load());
      window.history.replaceState(window.history.state, "", window.location.pathname);
      renderComparison(root);
    });
    renderComparison(root);
  }

  function init() {
    var slugs = load();
    updateHeader(slugs);
    updateButtons(slugs);
    initCompare();
  }

  /* Cards the overview puts back into its list get the current state. */
  window.WatWerkt.syncPicks = function (within) { updateButtons(load(), within); };

  window.WatWerkt.onPage(init);
})();
