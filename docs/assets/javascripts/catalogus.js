/* One filter component for every filterable list on the site: the catalogue
 * overview (/interventies/, with text search) and the municipalities
 * (/gemeenten/). The facets are read from the form's fieldsets.
 *
 * The cards are rendered at build time, so the full list works without
 * JavaScript. Here the list holds only the cards that show: the others are
 * taken out of the document and kept here (hiding 5,000 cards in place cost
 * Chromium seconds of style work per click; a list of one page costs
 * milliseconds). One count per facet value, and the state mirrored in the URL
 * query so a filtered view can be shared. AND across facets, OR within one facet, AND
 * with the text search. A list with `data-page-size` shows that many matches
 * and a "show more" button, so thousands of entries stay quick to lay out
 * and to scroll on a phone (without JavaScript every card shows). The search index (built by lunr.py) and lunr.js load
 * on first use. Runs on every page swap of Material's instant navigation.
 */
(function () {
  "use strict";

  var QUERY = "q";
  var SORT = "sorteer";
  var SORT_DEFAULT = "naam";
  var NARROW = "(max-width: 59.9375em)";
  var TYPING_PAUSE_MS = 120;
  var MIN_QUERY = 2;

  function words(text) {
    return text ? text.split(" ").filter(Boolean) : [];
  }

  /* Keys from the URL, data attributes and the search index: no prototype. */
  var map = window.WatWerkt.map;
  var has = window.WatWerkt.has;

  /* Whether card `i` carries one of the values whose bits `wanted` holds. */
  function carries(facet, i, wanted) {
    var start = i * facet.width;
    for (var w = 0; w < facet.width; w++) {
      if (facet.bits[start + w] & wanted[w]) return true;
    }
    return false;
  }


  /* Facet values from the query; `a,b` and repeated keys both work, and
   * unknown keys or values are ignored so old links keep working. */
  function readQuery(search, known, FACETS) {
    var params = new URLSearchParams(search);
    /* The page head took ?q= away from Material's site search (main.html). */
    var taken = window.__catalogusQuery;
    delete window.__catalogusQuery;
    var state = { q: (typeof taken === "string" ? taken : params.get(QUERY) || "").trim() };
    state.sort = params.get(SORT) || "";
    FACETS.forEach(function (facet) {
      state[facet] = [];
      params.getAll(facet).forEach(function (raw) {
        raw.split(",").forEach(function (value) {
          value = value.trim();
          if (has(known[facet], value) && state[facet].indexOf(value) === -1) {
            state[facet].push(value);
          }
        });
      });
    });
    return state;
  }

  function writeQuery(state, FACETS) {
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      params.delete(facet);
      if (state[facet].length) params.set(facet, state[facet].join(","));
    });
    params.delete(QUERY);
    if (state.q) params.set(QUERY, state.q);
    params.delete(SORT);
    if (state.sort && state.sort !== SORT_DEFAULT) params.set(SORT, state.sort);
    var query = params.toString().replace(/%2C/g, ",");
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
  }

  var loadSearch = window.WatWerkt.loadSearch;

  /* history.replaceState costs a few milliseconds a call in Chromium, which a
   * click on a filter should not wait for: the address is written after the
   * new list is painted. What is pending is written before any click (so a
   * link followed at once leaves the right list behind) and when the page
   * goes. One list at a time: instant navigation shows one page. */
  var pendingAddress = null;
  function flushAddress() {
    var write = pendingAddress;
    pendingAddress = null;
    if (write) write();
  }
  document.addEventListener("click", flushAddress, true);
  window.addEventListener("pagehide", flushAddress);

  function setup(root) {
    var form = root.querySelector("[data-filters]");
    var FACETS = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"),
      function (fieldset) { return fieldset.getAttribute("data-facet"); });
    var nounOne = root.getAttribute("data-noun-one");
    var nounMany = root.getAttribute("data-noun-many");
    function plural(n) { return n === 1 ? nounOne : nounMany; }
    var panel = root.querySelector("[data-panel]");
    var active = root.querySelector("[data-active]");
    var status = root.querySelector("[data-live-count]");
    var empty = root.querySelector("[data-empty]");
    var emptyText = root.querySelector("[data-empty-text]");
    var emptyDefault = emptyText.textContent;
    var clearQueryButton = root.querySelector("[data-clear-query]");
    var searchBox = root.querySelector("[data-search]");
    var input = root.querySelector("[data-query]");
    var list = root.querySelector("[data-cards]");
    var sortBox = root.querySelector("[data-sort-box]");
    var sortSelect = root.querySelector("[data-sort]");
    var cards = Array.prototype.slice.call(list.children);
    /* Read when first needed, not at setup: what setup keeps, the first
     * garbage collections copy, and they fell into the first clicks. */
    var cardNumbers = null;  // slug -> card number, for search hits
    function cardOf(slug) {
      if (!cardNumbers) {
        cardNumbers = map();
        cards.forEach(function (card, i) { cardNumbers[card.getAttribute("data-slug")] = i; });
      }
      return cardNumbers[slug];
    }
    var total = cards.length;

    /* Built once per page: the inputs and count elements per facet value,
     * each value's number (its checkbox's place), and per facet each card's
     * values as bits (`width` 32-bit words a card) and as a list of numbers.
     * A filter pass then tests and counts with integers only: at thousands
     * of cards, comparing strings was most of a click. */
    var inputs = map();
    var counts = map();
    var facets = [];
    FACETS.forEach(function (name) {
      var facet = {
        name: name, index: facets.length, number: map(), width: 0, bits: null, tally: null,
        /* card i's value numbers: carried[start[i]] up to carried[start[i + 1]] */
        start: new Int32Array(total + 1), carried: null,
      };
      inputs[name] = map();
      counts[name] = map();
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box, k) {
        inputs[name][box.value] = box;
        counts[name][box.value] = box.parentNode.querySelector("[data-count]");
        facet.number[box.value] = k;
      });
      var known = Object.keys(facet.number).length;
      facet.width = Math.max(1, Math.ceil(known / 32));
      facet.bits = new Uint32Array(total * facet.width);
      facet.tally = new Int32Array(known);
      /* Flat typed arrays, not an array per card: thousands of small arrays
       * were what the first garbage collections after setup had to copy. */
      var carried = [];
      cards.forEach(function (card, i) {
        facet.start[i] = carried.length;
        words(card.getAttribute("data-" + name)).forEach(function (value) {
          var k = facet.number[value];
          if (k === undefined) return;  // a value without a checkbox
          var bit = 1 << (k & 31), at = i * facet.width + (k >>> 5);
          if (facet.bits[at] & bit) return;  // listed twice
          facet.bits[at] |= bit;
          carried.push(k);
        });
      });
      facet.start[total] = carried.length;
      facet.carried = Int16Array.from(carried);
      facets.push(facet);
    });
    /* The bits of `values`, chosen values of one facet. */
    function wantedBits(facet, values) {
      var bits = new Uint32Array(facet.width);
      values.forEach(function (value) {
        var k = facet.number[value];
        if (k !== undefined) bits[k >>> 5] |= 1 << (k & 31);
      });
      return bits;
    }
    var visible = cards.map(function () { return true; });   // in the list now
    var matching = new Uint8Array(total).fill(1);  // 1: passes filters and query
    var lastKey = null;  // filters and query of the last update
    var pageSize = parseInt(root.getAttribute("data-page-size"), 10) || total;
    var limit = pageSize;
    var more = root.querySelector("[data-more]");
    var order = cards.map(function (card, i) { return i; });  // display order
    var notes = cards.map(function () { return null; });
    /* hits and ranks by card number (rank -1: no hit); found: how many hits;
     * words: how many query words there are; generation: which hits */
    var search = {
      q: "", hits: null, ranks: new Int32Array(total), found: 0, order: "", words: 0, generation: 0,
    };
    var fieldLabels = map();

    /* The sorts: catalogue (name) order, recognition rank (0 = strongest)
     * and the date last checked (ISO, newest first). Their keys per card are
     * read the first time a visitor sorts by them. */
    var SORTS = ["naam", "erkenning", "gecontroleerd"];
    var sortKeys = map();
    function sortKey(how) {
      if (!sortKeys[how]) {
        sortKeys[how] = how === "erkenning"
          ? Int32Array.from(cards, function (card) { return parseInt(card.getAttribute("data-rang"), 10) || 0; })
          : cards.map(function (card) { return card.getAttribute("data-gecontroleerd") || ""; });
      }
      return sortKeys[how];
    }
    function sortOrder() {
      var how = sortSelect ? sortSelect.value : SORT_DEFAULT;
      var base = cards.map(function (card, i) { return i; });
      if (how === "erkenning") {
        var rank = sortKey(how);
        base.sort(function (a, b) { return rank[a] - rank[b] || a - b; });
      } else if (how === "gecontroleerd") {
        var checked = sortKey(how);
        base.sort(function (a, b) {
          var da = checked[a], db = checked[b];
          return da < db ? 1 : da > db ? -1 : a - b;
        });
      }
      return base;
    }

    function selected() {
      var state = { q: search.q, sort: sortSelect ? sortSelect.value : "" };
      FACETS.forEach(function (facet) {
        state[facet] = Object.keys(inputs[facet]).filter(function (value) {
          return inputs[facet][value].checked;
        });
      });
      return state;
    }

    function noteFor(i, hit) {
      if (!hit && !notes[i]) return;
      if (!notes[i]) {
        notes[i] = document.createElement("p");
        notes[i].className = "ww-card__match";
        cards[i].appendChild(notes[i]);
      }
      if (notes[i].hidden !== !hit) notes[i].hidden = !hit;
      if (hit) {
        var text = (partial(hit) ? "Bevat " + hit.words + " van de " + search.words + " woorden. " : "") +
          "Gevonden in: " + hit.fields.map(function (field) {
            return has(fieldLabels, field) ? fieldLabels[field] : field;
          }).filter(function (label, k, labels) { return labels.indexOf(label) === k; }).join(", ");
        if (notes[i].textContent !== text) notes[i].textContent = text;
      }
    }

    /* Only the cards in the list carry a current note: a search can match
     * thousands, of which a page shows a few dozen. A card gets its note
     * when it comes into the list. */
    function updateNotes() {
      for (var i = 0; i < total; i++) {
        if (visible[i]) noteFor(i, search.hits ? search.hits[i] : null);
      }
    }

    function partial(hit) { return hit && hit.words < search.words; }

    /* Display order: matching cards in rank order (a search sorts by
     * relevance), the rest in the chosen sort order. Computed when the hits
     * or the sort change; nodes move in placeShown. */
    function reorder() {
      var key = (sortSelect ? sortSelect.value : "") + "|" + (search.hits ? search.generation : "");
      if (key === search.order) return;
      search.order = key;
      order = sortOrder();
      if (search.hits) {
        /* Hits by rank (ranks run 0, 1, ... without gaps), then the others
         * in the sort order: placed, not sorted. */
        var ranked = new Array(total);
        var next = search.found;
        for (var k = 0; k < total; k++) {
          var i = order[k];
          var rank = search.ranks[i];
          ranked[rank >= 0 ? rank : next++] = i;
        }
        order = ranked;
      }
    }

    /* The list holds exactly the shown cards, in display order; rebuilt only
     * when that sequence changes. */
    var placed = null;
    /* Between the cards with every query word and those with most of them. */
    var divider = document.createElement("li");
    divider.className = "ww-cards__divider";
    divider.setAttribute("data-partial-divider", "");
    var dividerHeading = document.createElement("h2");
    divider.appendChild(dividerHeading);
    function placeShown() {
      var shownOrder = order.filter(function (i) { return visible[i]; });
      var split = -1;
      if (search.hits) {
        for (var k = 0; k < shownOrder.length && split < 0; k++) {
          if (partial(search.hits[shownOrder[k]])) split = k;
        }
      }
      var key = shownOrder.join(" ") + "|" + split + "|" + search.words;
      if (key === placed) return;
      placed = key;
      /* The page comes with every card in the default order: when the shown
       * ones lead the list (and no divider goes between them), drop the rest
       * instead of moving them all. */
      var children = list.children;
      var leading = split < 0 && children.length >= shownOrder.length &&
        shownOrder.every(function (i, k) { return children[k] === cards[i]; });
      if (leading) {
        while (children.length > shownOrder.length) list.removeChild(list.lastElementChild);
      } else {
        var fragment = document.createDocumentFragment();
        shownOrder.forEach(function (i, k) {
          if (k === split) {
            dividerHeading.textContent = "Met een deel van de woorden" +
              (split === 0 ? "" : " (niet alle " + search.words + ")");
            fragment.appendChild(divider);
          }
          fragment.appendChild(cards[i]);
        });
        list.replaceChildren(fragment);
      }
      if (window.WatWerkt.syncPicks) window.WatWerkt.syncPicks(list);
    }

    /* Matches beyond the limit do not show; the button offers the next page. */
    function applyLimit(matching) {
      var seen = 0;
      for (var k = 0; k < total; k++) {
        var i = order[k];
        if (matching[i]) seen++;
        visible[i] = matching[i] === 1 && seen <= limit;
      }
      if (more) {
        var rest = seen - limit;
        more.hidden = rest <= 0;
        if (rest > 0) {
          var next = Math.min(pageSize, rest);
          more.textContent = "Toon " + next + " meer (nog " + rest + " van " + seen + ")";
        }
      }
    }

    function showMore() {
      var firstNew = null;
      var seen = 0;
      for (var k = 0; k < total && !firstNew; k++) {
        if (matching[order[k]] && ++seen === limit + 1) firstNew = cards[order[k]];
      }
      limit += pageSize;
      applyLimit(matching);
      updateNotes();
      placeShown();
      /* Keyboard users continue where the new cards start. */
      var link = firstNew && firstNew.querySelector("a");
      if (link) link.focus();
    }

    /* Which cards pass the filters and the query (into `into`, 1 or 0), and
     * each facet value's count; returns [shown, shown with part of the words]. */
    function filterPass(filtering, wanted, into) {
      var shown = 0;
      var shownPartial = 0;
      for (var f = 0; f < facets.length; f++) facets[f].tally.fill(0);
      for (var i = 0; i < total; i++) {
        /* A card outside the search results fails everywhere: it counts
         * for no facet value. */
        var hit = search.hits ? search.hits[i] : null;
        var failures = search.hits && !hit ? 2 : 0;
        var failed = -1;  // the one filter it fails
        for (var a = 0; a < filtering.length && failures < 2; a++) {
          if (!carries(filtering[a], i, wanted[a])) {
            failures++;
            failed = filtering[a].index;
          }
        }
        /* A value's count is how many cards would show if it were added to
         * its own facet: cards that pass every other filter and carry it. */
        if (failures < 2) {
          for (var g = 0; g < facets.length; g++) {
            if (failures === 0 || failed === g) {
              var data = facets[g], tally = data.tally, carried = data.carried;
              for (var v = data.start[i], end = data.start[i + 1]; v < end; v++) tally[carried[v]]++;
            }
          }
        }
        if (failures === 0) {
          shown++;
          if (partial(hit)) shownPartial++;
        }
        into[i] = failures === 0 ? 1 : 0;
      }
      return [shown, shownPartial];
    }

    /* The first filter pass with a filter on would otherwise compile (and
     * throw away the code the unfiltered first pass made) inside the first
     * click: run a few at setup, into a scratch list (a few milliseconds of
     * the setup's hundreds). apply() sets every count again before showing
     * one; applyLimit gives the same result each time. */
    function primeFilterPass() {
      var facet = facets.filter(function (f) { return f.carried.length && f.tally.length; })[0];
      if (!facet) return;
      var scratch = new Uint8Array(total);
      var wanted = [wantedBits(facet, [Object.keys(facet.number)[0]])];
      for (var k = 0; k < 3; k++) {
        filterPass([facet], wanted, scratch);
        filterPass([], [], scratch);
        applyLimit(matching);
      }
    }

    function apply() {
      var state = selected();
      /* A new filter or query starts again at the first page. */
      var key = JSON.stringify(state);
      if (key !== lastKey) {
        limit = pageSize;
        lastKey = key;
      }
      var activeFacets = FACETS.filter(function (facet) { return state[facet].length; });
      var filtering = [];  // the facets with a chosen value
      var wanted = [];  // their chosen values' bits
      facets.forEach(function (facet) {
        if (state[facet.name].length) {
          filtering.push(facet);
          wanted.push(wantedBits(facet, state[facet.name]));
        }
      });
      var passed = filterPass(filtering, wanted, matching);
      var shown = passed[0];
      var shownPartial = passed[1];
      reorder();
      applyLimit(matching);
      updateNotes();
      placeShown();
      facets.forEach(function (data) {
        var facet = data.name;
        Object.keys(counts[facet]).forEach(function (value) {
          var n = data.tally[data.number[value]];
          var text = "(" + n + ")";
          var element = counts[facet][value];
          if (element.textContent !== text) element.textContent = text;
          element.parentNode.parentNode.classList.toggle(
            "ww-facet__option--zero", n === 0 && !inputs[facet][value].checked);
        });
      });
      var chosen = activeFacets.reduce(function (n, facet) { return n + state[facet].length; }, 0);
      active.textContent = chosen ? "(" + chosen + " gekozen)" : "";
      var about = search.hits ? " voor \u201c" + search.q + "\u201d" : "";
      status.textContent = (shown === total && !search.hits
        ? total + " " + plural(total)
        : shown + " van " + total + " " + plural(total)) + about +
        (shownPartial ? ": " + (shown - shownPartial || "geen") + " met alle woorden, " +
          shownPartial + " met een deel" : "");
      empty.hidden = shown !== 0;
      suggest(state, activeFacets, shown);
      phoneFeedback(shown);
      if (clearQueryButton) clearQueryButton.hidden = !search.hits;
      emptyText.textContent = search.hits && !chosen
        ? "Niets gevonden voor \u201c" + search.q + "\u201d, ook niet met een deel van de woorden. Probeer een ander woord."
        : search.hits
          ? "Niets gevonden voor \u201c" + search.q + "\u201d met deze filters."
          : emptyDefault;
      addressLater(state);
    }

    /* The address (and the list remembered for the entry pages) follows the
     * filters once the new list is painted (see `pendingAddress`). */
    var addressState = null;
    function writeAddress() {
      var state = addressState;
      addressState = null;
      if (!state || !root.isConnected) return;  // instant navigation left the page
      writeQuery(state, FACETS);
      remember();
    }
    function addressLater(state) {
      addressState = state;
      if (pendingAddress === writeAddress) return;
      flushAddress();
      pendingAddress = writeAddress;
      window.requestAnimationFrame(function () { window.setTimeout(flushAddress, 0); });
      window.setTimeout(flushAddress, 100);  // where frames do not run (a hidden tab)
    }

    /* Empty: which one chosen value, dropped, brings back the most cards. */
    var suggestBox = root.querySelector("[data-suggest]");
    var suggestText = root.querySelector("[data-suggest-text]");
    var suggestDrop = root.querySelector("[data-suggest-drop]");
    var suggestion = null;

    function countWithout(state, activeFacets, facet, value) {
      var filtering = [];
      var wanted = [];
      facets.forEach(function (data) {
        var chosen = state[data.name].filter(function (v) { return data.name !== facet || v !== value; });
        if (chosen.length && activeFacets.indexOf(data.name) !== -1) {
          filtering.push(data);
          wanted.push(wantedBits(data, chosen));
        }
      });
      var n = 0;
      for (var i = 0; i < total; i++) {
        if (search.hits && !search.hits[i]) continue;
        var ok = true;
        for (var a = 0; a < filtering.length && ok; a++) ok = carries(filtering[a], i, wanted[a]);
        if (ok) n++;
      }
      return n;
    }

    function labelOf(facet, value) {
      var label = inputs[facet][value].parentNode.querySelector("label");
      return label.firstChild ? label.firstChild.textContent.trim() : value;
    }

    function suggest(state, activeFacets, shown) {
      suggestion = null;
      if (suggestBox) suggestBox.hidden = true;
      if (!suggestBox || shown !== 0) return;
      activeFacets.forEach(function (facet) {
        state[facet].forEach(function (value) {
          var n = countWithout(state, activeFacets, facet, value);
          if (n && (!suggestion || n > suggestion.n)) suggestion = { facet: facet, value: value, n: n };
        });
      });
      if (!suggestion) return;
      var label = labelOf(suggestion.facet, suggestion.value);
      suggestText.textContent = "Laat je “" + label + "” weg, dan " +
        (suggestion.n === 1 ? "is er 1 " + nounOne : "zijn er " + suggestion.n + " " + nounMany) + ".";
      suggestDrop.textContent = "Laat “" + label + "” weg";
      suggestBox.hidden = false;
    }

    if (suggestDrop) {
      suggestDrop.addEventListener("click", function () {
        if (!suggestion) return;
        inputs[suggestion.facet][suggestion.value].checked = false;
        apply();
        var first = form.querySelector("input");
        if (first) first.focus();
      });
    }

    /* On a phone the count sits far below the filters: a bar where the finger is. */
    var phonebar = root.querySelector("[data-phonebar]");
    var phonebarCount = root.querySelector("[data-phonebar-count]");
    var touched = false;

    function phoneFeedback(shown) {
      if (!phonebar) return;
      var show = touched && panel && panel.open && window.matchMedia(NARROW).matches;
      phonebar.hidden = !show;
      if (show) phonebarCount.textContent = shown + " " + plural(shown);
    }

    if (phonebar) {
      form.addEventListener("change", function () { touched = true; }, true);
      root.querySelector("[data-phonebar-show]").addEventListener("click", function () {
        panel.open = false;
        phonebar.hidden = true;
        status.setAttribute("tabindex", "-1");
        status.scrollIntoView({ block: "start" });
        status.focus();
      });
      if (panel) panel.addEventListener("toggle", function () { if (!panel.open) phonebar.hidden = true; });
    }

    /* The overview as the visitor left it, so an entry page can lead back to it. */
    function remember() {
      if (!root.hasAttribute("data-catalogus")) return;
      try {
        window.sessionStorage.setItem(window.WatWerkt.lastListKey, window.location.pathname + window.location.search);
      } catch (error) { /* storage off: the entry page links to the plain overview */ }
    }

    function runSearch() {
      var text = input.value.trim();
      var previous = search.q;
      search.q = text;
      /* One letter matches nearly everything as a prefix: wait for two. */
      if (text.length < MIN_QUERY) {
        search.hits = null;
        apply();
        return;
      }
      loadSearch(input.getAttribute("data-scripts").split(" "), input.getAttribute("data-index"))
        .then(function (loaded) {
          if (input.value.trim() !== text) return;  // a newer query is on its way
          fieldLabels = loaded.fields;
          /* Once: a change on every keystroke would end bench/'s timing of it early. */
          if (!root.hasAttribute("data-index-load-ms")) {
            root.setAttribute("data-index-parse-ms", loaded.parseMs.toFixed(1));
            root.setAttribute("data-index-load-ms", loaded.loadMs.toFixed(1));
          }
          var words = window.CatalogusZoeken.queryWords(text, window.lunr);
          if (!words.length) {
            /* Only stop words, often one being typed ("een" on the way to
             * "eenzaam"): keep the results that show instead of flashing the
             * whole catalogue back for one keystroke. */
            if (search.hits && text.indexOf(previous) === 0) {
              search.q = previous;
              root.setAttribute("data-gezocht", text);
              return;
            }
            search.hits = null;
          } else {
            return window.WatWerkt.searchCatalogue(loaded, text).then(function (found) {
              if (input.value.trim() !== text) return;  // a newer query is on its way
              search.hits = new Array(total);  // by card number; empty where no hit
              search.ranks.fill(-1);
              search.found = 0;
              search.generation += 1;
              search.words = words.length;
              found.forEach(function (hit) {
                var i = cardOf(loaded.documents[hit.ref].slug);
                if (i === undefined) return;
                search.hits[i] = hit;  // its fields and words
                search.ranks[i] = search.found++;
              });
              apply();
              root.setAttribute("data-gezocht", text);  // for tests and bench/: this query is shown
              window.WatWerkt.prefetchParts(loaded).then(function (complete) {
                if (complete) root.setAttribute("data-index-complete", "");  // for tests and bench/
              });
            });
          }
          apply();
          root.setAttribute("data-gezocht", text);
        })
        .catch(function (error) {
          status.textContent = "Zoeken lukt nu niet (" + error.message + "); de filters werken wel.";
        });
    }

    function clearFacets(event) {
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

    function clearQuery() {
      input.value = "";
      runSearch();
      input.focus();
    }

    var known = map();
    FACETS.forEach(function (facet) { known[facet] = inputs[facet]; });
    var initial = readQuery(window.location.search, known, FACETS);
    if (sortSelect) {
      if (SORTS.indexOf(initial.sort) !== -1) sortSelect.value = initial.sort;
      sortSelect.addEventListener("change", apply);
      sortBox.hidden = false;
    }
    FACETS.forEach(function (facet) {
      initial[facet].forEach(function (value) { inputs[facet][value].checked = true; });
    });
    if (input) {
      input.value = initial.q;
      var timer = null;
      input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(runSearch, TYPING_PAUSE_MS);
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault();
      });
      clearQueryButton.addEventListener("click", clearQuery);
      /* Fetch lunr and the index as soon as the box is entered, not on the
       * first letter. */
      input.addEventListener("focus", function () {
        loadSearch(input.getAttribute("data-scripts").split(" "), input.getAttribute("data-index"))
          .catch(function () { /* runSearch reports it */ });
      }, { once: true });
      searchBox.hidden = false;
    }
    form.addEventListener("change", apply);
    if (more) more.addEventListener("click", showMore);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelectorAll("[data-clear]").forEach(function (button) {
      button.addEventListener("click", clearFacets);
    });
    form.hidden = false;
    /* On a phone the long list of filters would push the results out of
     * sight: it stays folded (as the page comes); its summary shows how
     * many filters are chosen. */
    if (panel && !window.matchMedia(NARROW).matches) panel.open = true;
    primeFilterPass();
    apply();
    if (input && initial.q) runSearch();
  }

  window.WatWerkt.mount("[data-filter-list]", setup);
})();
