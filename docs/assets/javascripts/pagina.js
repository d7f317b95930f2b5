/* Shared by the site's page scripts (loaded first): run a setup on every page,
 * including each page swap of Material's instant navigation, and build small
 * DOM nodes with text (never HTML).
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

  window.WatWerkt = { onPage: onPage, el: el };
})();
