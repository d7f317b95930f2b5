/* Shared by the site's page scripts (loaded first): run a setup on every page,
 * including each page swap of Material's instant navigation, build small
 * DOM nodes with text (never HTML), and keep outside keys off prototypes.
 */
(function () {
  "use strict";

  function onPage(setup) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setup);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setup);
    } else {
      setup();
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* State read from outside the page (URL, storage, files, data attributes)
   * goes into maps without a prototype and is looked up by own keys only, so
   * that "__proto__" or "constructor" is just an unknown key. */
  function map() {
    return Object.create(null);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* On every page: set up the component `selector` finds, once per element
   * (instant navigation brings a new element with each page). */
  function mount(selector, setup) {
    onPage(function () {
      var root = document.querySelector(selector);
      if (root && !root.hasAttribute("data-ready")) {
        root.setAttribute("data-ready", "");
        setup(root);
      }
    });
  }

  /* The catalogue search (overview and header): load lunr's scripts one
   * after the other (lunr.nl needs lunr) and the index's head, once per page
   * load. Resolves to {index (CatalogusZoeken's searcher), documents,
   * fields, parseMs, loadMs, url}; searchCatalogue then loads the parts of
   * the postings each search needs. */
  var searchLoading = null;
  function loadSearch(scripts, indexUrl) {
    if (searchLoading) return searchLoading;
    var chain = Promise.resolve();
    scripts.forEach(function (src) {
      chain = chain.then(function () {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = src;
          tag.onload = resolve;
          tag.onerror = function () { reject(new Error("kan " + src + " niet laden")); };
          document.head.appendChild(tag);
        });
      });
    });
    var url = new URL(indexUrl, document.baseURI).href;
    searchLoading = Promise.all([
      chain,
      fetch(url).then(function (response) { return response.text(); }),
    ]).then(function (parts) {
      var started = performance.now();
      var head = JSON.parse(parts[1]);
      var parsed = performance.now();
      var index = window.CatalogusZoeken.prepare(head, window.lunr);
      return {
        index: index,
        documents: head.documenten,  // ref -> {slug, naam, url}
        fields: head.velden,
        shards: new URL(head.termen.pad, url).href,
        parts: head.termen.delen.length,
        fetching: map(),  // part number -> promise
        parseMs: parsed - started,
        loadMs: performance.now() - started,
      };
    });
    searchLoading.catch(function () { searchLoading = null; });
    return searchLoading;
  }

  /* Search, load the parts the search missed, and search again until none
   * is missing (usually one round): the answer is the whole index's. */
  function searchCatalogue(loaded, text) {
    var zoeken = window.CatalogusZoeken;
    function round() {
      var hits = zoeken.search(loaded.index, text, window.lunr);
      var needed = zoeken.neededShards(loaded.index);
      if (!needed.length) return Promise.resolve(hits);
      return Promise.all(needed.map(function (number) { return fetchPart(loaded, number); })).then(round);
    }
    return round();
  }

  /* Part `number` of the postings, fetched once (again after a failure). */
  function fetchPart(loaded, number) {
    if (!loaded.fetching[number]) {
      loaded.fetching[number] = fetch(loaded.shards + number + ".json")
        .then(function (response) {
          if (!response.ok) throw new Error("deel " + number + " van de zoekindex ontbreekt");
          return response.json();
        })
        .then(function (part) { window.CatalogusZoeken.addShard(loaded.index, number, part.postings); });
      loaded.fetching[number].catch(function () { delete loaded.fetching[number]; });
    }
    return loaded.fetching[number];
  }

  /* Once someone has searched, the parts no search has needed yet load one
   * by one while the page is idle: a later keystroke that needs one (a
   * synonym, a compound's part) then waits for no network round trip. Not
   * with Save-Data on; a catalogue of up to 200 entries has one part only. */
  function prefetchParts(loaded) {
    if (loaded.prefetching) return loaded.prefetching;
    if (navigator.connection && navigator.connection.saveData) {
      loaded.prefetching = Promise.resolve(false);
      return loaded.prefetching;
    }
    var idle = window.requestIdleCallback || function (run) { return window.setTimeout(run, 200); };
    var number = 0;
    loaded.prefetching = new Promise(function (resolve) {
      (function next() {
        while (number < loaded.parts && (loaded.index.loaded[number] || loaded.fetching[number])) number++;
        if (number >= loaded.parts) {
          /* Parts some search is still fetching: done when they are. */
          Promise.all(Object.keys(loaded.fetching).map(function (n) { return loaded.fetching[n]; }))
            .then(function () { resolve(true); }, function () { resolve(false); });
          return;
        }
        idle(function () {
          fetchPart(loaded, number).then(next, function () { resolve(false); /* a search tries it again */ });
        }, { timeout: 3000 });
      })();
    });
    return loaded.prefetching;
  }

  /* Tables that scroll sideways (Material wraps them in .md-typeset__scrollwrap)
   * must be reachable by keyboard: focusable, and named after their heading. */
  function focusableScrolling() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var caption = wrap.querySelector("caption");
      var heading = null;
      for (var node = wrap.previousElementSibling; node && !heading; node = node.previousElementSibling) {
        if (/^H[1-6]$/.test(node.tagName)) heading = node;
      }
      var name = caption ? caption.textContent : heading ? heading.textContent.replace(/¶$/, "") : "";
      wrap.setAttribute("aria-label", "Tabel" + (name ? ": " + name.trim() : "") + " (schuift opzij)");
    });
  }
  onPage(function () { window.requestAnimationFrame(focusableScrolling); });

  /* Pages outside the navigation (entries, risk groups, elements) still show
   * which tab they belong to: their content's data-tab names it (in the
   * content, so it is right after instant navigation too). */
  function markTab() {
    var marker = document.querySelector("[data-tab]");
    if (!marker || document.querySelector(".md-tabs__item--active")) return;
    var wanted = new URL(marker.getAttribute("data-tab"), window.location.href).pathname;
    document.querySelectorAll(".md-tabs__item").forEach(function (tab) {
      var link = tab.querySelector("a");
      if (link && new URL(link.href, window.location.href).pathname === wanted) {
        tab.classList.add("md-tabs__item--active");
      }
    });
  }

  /* Back to the list the visitor came from, with its filters (kept for this
   * tab only, in sessionStorage, by catalogus.js). */
  var LAST_LIST = "wat-werkt-tegen-eenzaamheid:lijst";

  function backToList() {
    var crumb = document.querySelector("[data-back-to-list]");
    if (!crumb || crumb.hasAttribute("data-ready")) return;
    crumb.setAttribute("data-ready", "");
    var saved = null;
    try {
      saved = window.sessionStorage.getItem(LAST_LIST);
    } catch (error) {
      return;
    }
    if (typeof saved !== "string" || saved.indexOf("?") === -1) return;
    var target = new URL(saved, window.location.href);
    if (target.origin !== window.location.origin ||
        target.pathname !== new URL(crumb.href, window.location.href).pathname) return;
    var back = el("a", "ww-entry__back", "Terug naar je lijst met filters");
    back.href = target.href;
    if (crumb.hidden) {  // a term page: the crumb leads elsewhere, add the way back after it
      crumb.parentNode.appendChild(document.createTextNode(" · "));
      crumb.parentNode.appendChild(back);
    } else {
      crumb.parentNode.insertBefore(back, crumb);
      crumb.parentNode.insertBefore(document.createTextNode(" · "), crumb);
    }
  }

  onPage(function () {
    markTab();
    backToList();
  });

  /* Page scripts load only on the pages that use them, once per visit, in
   * order. Material's instant navigation swaps pages without reloading
   * scripts, so the check runs again on every page; a script that arrives
   * mounts itself (`mount`) on the page showing then and on later ones. */
  var SCRIPT_BASE = document.currentScript ? new URL(".", document.currentScript.src).href : "";
  var PAGE_SCRIPTS = [
    ["[data-filter-list]", ["catalogus.js"]],
    ["[data-guide]", ["keuzehulp-rangorde.js", "keuzehulp.js"]],
    ["[data-tool]", ["verbetertool.js"]],
  ];
  var requested = map();

  function loadPageScripts() {
    PAGE_SCRIPTS.forEach(function (entry) {
      if (!document.querySelector(entry[0])) return;
      entry[1].forEach(function (name) {
        if (has(requested, name)) return;
        requested[name] = true;
        var script = document.createElement("script");
        script.src = SCRIPT_BASE + name;
        script.async = false;  /* keuzehulp.js runs after keuzehulp-rangorde.js */
        document.body.appendChild(script);
      });
    });
  }
  loadPageScripts();  /* deferred: the page is parsed, start at once */
  onPage(loadPageScripts);

  window.WatWerkt = {
    onPage: onPage, mount: mount, el: el, map: map, has: has, lastListKey: LAST_LIST,
    loadSearch: loadSearch, searchCatalogue: searchCatalogue, prefetchParts: prefetchParts,
  };
})();
