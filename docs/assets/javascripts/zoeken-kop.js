/* The header's site search (Material's own, over the pages) offers the
 * catalogue search first: "Zoek “…” in de catalogus (N interventies)", which
 * leads to the overview with the query, and below it the catalogue's best few
 * entries. Same index and rules as the overview (catalogus-zoeken.js), so
 * typos, compounds and synonyms work here too. The index loads when the
 * search box is first entered; main.html names the files in a meta tag.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="ww-catalogus-zoeken"]');
  if (!meta || !window.WatWerkt) return;
  var W = window.WatWerkt;
  /* Absolute now: instant navigation keeps this head while pages change. */
  var base = document.baseURI;
  var indexUrl = new URL(meta.getAttribute("content"), base).href;
  var scripts = meta.getAttribute("data-scripts").trim().split(/\s+/).map(function (src) {
    return new URL(src, base).href;
  });
  var overview = new URL(meta.getAttribute("data-overview"), base);
  var root = new URL(meta.getAttribute("data-root"), base);
  var MIN_QUERY = 2;  // as on the overview: one letter matches nearly everything
  var ENTRIES = 5;    // entries shown under the catalogue row
  var shown = { key: null, rows: [] };

  function input() { return document.querySelector(".md-search__input"); }
  function list() { return document.querySelector(".md-search-result__list"); }

  /* A result row in Material's own markup, so its keyboard handling and
   * styles apply. `score` is what Material's Enter compares. */
  function row(href, title, text, score, modifier) {
    var item = W.el("li", "md-search-result__item ww-kopzoek" + (modifier ? " ww-kopzoek--" + modifier : ""));
    item.setAttribute("data-catalogus-kop", "");
    var link = W.el("a", "md-search-result__link");
    link.href = href;
    link.tabIndex = -1;
    var article = W.el("article", "md-search-result__article md-typeset");
    article.setAttribute("data-md-score", String(score));
    article.appendChild(W.el("div", "md-search-result__icon md-icon"));
    article.appendChild(W.el("h1", null, title));
    if (text) article.appendChild(W.el("p", null, text));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function overviewLink(q) {
    var url = new URL(overview.href);
    url.searchParams.set("q", q);
    return url.href;
  }

  function rowsFor(q, hits) {
    var rows = [];
    if (!hits) {
      rows.push(row(overviewLink(q), "Zoek \u201c" + q + "\u201d in de catalogus", "Interventies tegen eenzaamheid, met filters", -1, "catalogus"));
      return rows;
    }
    var count = window.CatalogusZoeken.queryWords(q, window.lunr).length;
    var all = hits.filter(function (hit) { return hit.words === count; }).length;
    var title = "Zoek \u201c" + q + "\u201d in de catalogus (" + hits.length + " " +
      (hits.length === 1 ? "interventie" : "interventies") + ")";
    var text = !hits.length ? "Niets gevonden in de catalogus; bekijk alle interventies met filters."
      : all === hits.length ? "Met verbuigingen, synoniemen en kleine tikfouten."
        : (all || "Geen") + " met alle woorden, " + (hits.length - all) + " met een deel.";
    /* Enter opens the best-scored result: this one, when it finds anything. */
    rows.push(row(overviewLink(q), title, text, hits.length ? 1e9 : -1, "catalogus"));
    hits.slice(0, ENTRIES).forEach(function (hit) {
      var doc = loaded.documents[hit.ref];
      var where = hit.fields.map(function (f) { return W.has(loaded.fields, f) ? loaded.fields[f] : f; })
        .filter(function (label, k, labels) { return labels.indexOf(label) === k; });
      rows.push(row(new URL(doc.url, root).href, doc.naam,
        "Interventie \u00b7 gevonden in: " + where.join(", "), -1, "interventie"));
    });
    return rows;
  }

  var loaded = null;
  var answers = W.map();  // query -> hits, for the queries of this page
  var pending = W.map();
  function place() {
    var target = list();
    var box = input();
    if (!target || !box) return;
    var q = box.value.trim();
    var ours = target.querySelectorAll("[data-catalogus-kop]");
    if (q.length < MIN_QUERY) {
      Array.prototype.forEach.call(ours, function (node) { node.remove(); });
      return;
    }
    var hits = W.has(answers, q) ? answers[q] : null;
    if (!hits && loaded && !pending[q]) {
      pending[q] = true;
      W.searchCatalogue(loaded, q).then(function (found) {
        answers[q] = found;
        place();
        W.prefetchParts(loaded);
      }).catch(function () { /* Material's own results stay */ });
    }
    var key = q + "|" + (hits ? "1" : "0");
    if (shown.key !== key) {
      shown.key = key;
      shown.rows = rowsFor(q, hits);
    }
    /* Already in place (the observer sees our own insertion too). */
    if (ours.length === shown.rows.length && target.firstElementChild === shown.rows[0]) return;
    Array.prototype.forEach.call(ours, function (node) { node.remove(); });
    var first = target.firstChild;
    shown.rows.forEach(function (node) { target.insertBefore(node, first); });
  }

  function load() {
    W.loadSearch(scripts, indexUrl).then(function (result) {
      loaded = result;
      place();
    }).catch(function () { /* the header search keeps Material's own results */ });
  }

  var watched = null;
  var observer = new MutationObserver(place);
  W.onPage(function () {
    var target = list();
    if (target && target !== watched) {
      observer.disconnect();
      observer.observe(target, { childList: true });
      watched = target;
    }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target === input()) load();
  });
  document.addEventListener("input", function (event) {
    if (event.target === input()) place();
  });
})();
