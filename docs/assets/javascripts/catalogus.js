/* Faceted filtering of the catalogue overview (/interventies/).
 *
 * The cards are rendered at build time, so the full list works without
 * JavaScript. Here we only toggle `hidden` on cards whose visibility changes,
 * keep one count per facet value, and mirror the state in the URL query so a
 * filtered view can be shared. AND across facets, OR within one facet.
 * Runs on every page swap of Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var FACETS = ["risicogroep", "element", "werkvorm", "erkenning"];
  var NARROW = "(max-width: 59.9375em)";

  function words(text) {
    return text ? text.split(" ").filter(Boolean) : [];
  }

  function intersects(have, wanted) {
    for (var i = 0; i < have.length; i++) {
      if (wanted.indexOf(have[i]) !== -1) return true;
    }
    return false;
  }

  function plural(n) {
    return n === 1 ? "interventie" : "interventies";
  }

  /* Facet values from the query; `a,b` and repeated keys both work, and
   * unknown keys or values are ignored so old links keep working. */
  function readQuery(search, known) {
    var params = new URLSearchParams(search);
    var state = {};
    FACETS.forEach(function (facet) {
      state[facet] = [];
      params.getAll(facet).forEach(function (raw) {
        raw.split(",").forEach(function (value) {
          value = value.trim();
          if (known[facet][value] && state[facet].indexOf(value) === -1) {
            state[facet].push(value);
          }
        });
      });
    });
    return state;
  }

  function writeQuery(state) {
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      params.delete(facet);
      if (state[facet].length) params.set(facet, state[facet].join(","));
    });
    var query = params.toString().replace(/%2C/g, ",");
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
  }

  function setup(root) {
    var form = root.querySelector("[data-filters]");
    var panel = root.querySelector("[data-panel]");
    var active = root.querySelector("[data-active]");
    var status = root.querySelector("[data-status]");
    var empty = root.querySelector("[data-empty]");
    var cards = Array.prototype.slice.call(root.querySelectorAll("[data-cards] > li"));
    var total = cards.length;

    /* Built once per page: each card's values, and the inputs and count
     * elements per facet value. */
    var values = cards.map(function (card) {
      var own = {};
      FACETS.forEach(function (facet) { own[facet] = words(card.getAttribute("data-" + facet)); });
      return own;
    });
    var inputs = {};
    var counts = {};
    FACETS.forEach(function (facet) {
      inputs[facet] = {};
      counts[facet] = {};
      form.querySelectorAll('input[name="' + facet + '"]').forEach(function (input) {
        inputs[facet][input.value] = input;
        counts[facet][input.value] = input.parentNode.querySelector("[data-count]");
      });
    });
    var visible = cards.map(function (card) { return !card.hidden; });

    function selected() {
      var state = {};
      FACETS.forEach(function (facet) {
        state[facet] = Object.keys(inputs[facet]).filter(function (value) {
          return inputs[facet][value].checked;
        });
      });
      return state;
    }

    function apply() {
      var state = selected();
      var activeFacets = FACETS.filter(function (facet) { return state[facet].length; });
      var tally = {};
      FACETS.forEach(function (facet) { tally[facet] = {}; });
      var shown = 0;
      for (var i = 0; i < total; i++) {
        var failures = 0;
        var failedFacet = null;
        for (var a = 0; a < activeFacets.length && failures < 2; a++) {
          if (!intersects(values[i][activeFacets[a]], state[activeFacets[a]])) {
            failures++;
            failedFacet = activeFacets[a];
          }
        }
        /* A value's count is how many cards would show if it were added to
         * its own facet: cards that pass every other facet and carry it. */
        for (var f = 0; f < FACETS.length; f++) {
          var facet = FACETS[f];
          if (failures === 0 || (failures === 1 && failedFacet === facet)) {
            values[i][facet].forEach(function (value) {
              tally[facet][value] = (tally[facet][value] || 0) + 1;
            });
          }
        }
        var show = failures === 0;
        if (show) shown++;
        if (show !== visible[i]) {
          cards[i].hidden = !show;
          visible[i] = show;
        }
      }
      FACETS.forEach(function (facet) {
        Object.keys(counts[facet]).forEach(function (value) {
          var n = tally[facet][value] || 0;
          var text = "(" + n + ")";
          var element = counts[facet][value];
          if (element.textContent !== text) element.textContent = text;
          element.parentNode.parentNode.classList.toggle(
            "ww-facet__option--zero", n === 0 && !inputs[facet][value].checked);
        });
      });
      var chosen = activeFacets.reduce(function (n, facet) { return n + state[facet].length; }, 0);
      active.textContent = chosen ? "(" + chosen + " gekozen)" : "";
      status.textContent = shown === total
        ? total + " " + plural(total)
        : shown + " van " + total + " " + plural(total);
      empty.hidden = shown !== 0;
      writeQuery(state);
    }

    function clear(event) {
      FACETS.forEach(function (facet) {
        Object.keys(inputs[facet]).forEach(function (value) { inputs[facet][value].checked = false; });
      });
      apply();
      /* The empty-state button disappears; keep keyboard focus in the form. */
      if (event && empty.contains(event.target)) {
        var first = form.querySelector("input");
        if (first) first.focus();
      }
    }

    var known = {};
    FACETS.forEach(function (facet) { known[facet] = inputs[facet]; });
    var initial = readQuery(window.location.search, known);
    FACETS.forEach(function (facet) {
      initial[facet].forEach(function (value) { inputs[facet][value].checked = true; });
    });

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelectorAll("[data-clear]").forEach(function (button) {
      button.addEventListener("click", clear);
    });
    form.hidden = false;
    /* On a phone the long list of filters would push the results out of
     * sight: fold it; its summary shows how many filters are chosen. */
    if (panel && window.matchMedia(NARROW).matches) panel.open = false;
    apply();
  }

  function init() {
    var root = document.querySelector("[data-catalogus]");
    if (root && !root.hasAttribute("data-ready")) {
      root.setAttribute("data-ready", "");
      setup(root);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
