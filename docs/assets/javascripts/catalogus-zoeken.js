/* Query rules of the catalogue search, shared by the overview (browser) and
 * the parity tests (node). They mirror catalogue/search.py line for line:
 * change both together, or the parity test fails.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.CatalogusZoeken = factory();
  }
})(this, function () {
  "use strict";

  /* Bounds that keep any query fast (search.py holds the same numbers). */
  var LIMITS = {
    maxQueryLength: 200,
    maxQueryWords: 10,
    maxWordLength: 40,
    maxTypoWordLength: 20,
  };

  /* Lowercase, split on spaces and hyphens, trim punctuation, drop stop
   * words; within the bounds above. */
  function queryWords(text, lunr) {
    var chars = lunr.nl.wordCharacters;
    var edge = new RegExp("^[^" + chars + "]+|[^" + chars + "]+$", "g");
    var words = [];
    text.slice(0, LIMITS.maxQueryLength).toLowerCase().split(/[\s\-]+/).forEach(function (raw) {
      var word = raw.replace(edge, "").slice(0, LIMITS.maxWordLength);
      if (word && lunr.nl.stopWordFilter(word) !== undefined && words.indexOf(word) === -1) {
        words.push(word);
      }
    });
    return words.slice(0, LIMITS.maxQueryWords);
  }

  /* Typos allowed: none in short words, one from 5 letters, two from 8, none
   * past maxTypoWordLength. */
  function editDistanceFor(word) {
    if (word.length > LIMITS.maxTypoWordLength) return 0;
    return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
  }

  /* One word's matches: its stem, a prefix if it is the last word, and only
   * when those find nothing a small typo (typo matching a common word scores
   * thousands of near-misses: at 5,000 entries it made queries ten times
   * slower without finding anything the word itself had not found). */
  function matchWord(index, word, last, lunr) {
    var distance = editDistanceFor(word);
    var found = {};
    [0, distance].forEach(function (typos, attempt) {
      if (attempt === 1 && (!typos || Object.keys(found).length)) return;
      index.query(function (query) {
        query.term(word, { usePipeline: true, boost: 10 });
        if (last) {
          query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
        }
        if (typos) {
          query.term(word, { usePipeline: false, editDistance: typos, boost: 1 });
        }
      }).forEach(function (result) {
        var fields = {};
        Object.keys(result.matchData.metadata).forEach(function (term) {
          Object.keys(result.matchData.metadata[term]).forEach(function (field) { fields[field] = true; });
        });
        found[result.ref] = { ref: result.ref, score: result.score, fields: Object.keys(fields).sort() };
      });
    });
    return found;
  }

  /* Every word must match (stem, prefix for the last word, or a small typo).
   * Returns [{ref, score, fields}] best first, ties by ref. */
  function search(index, text, lunr) {
    var words = queryWords(text, lunr);
    var combined = null;
    words.forEach(function (word, position) {
      if (combined !== null && !Object.keys(combined).length) return;  // nothing left to match
      var found = matchWord(index, word, position === words.length - 1, lunr);
      if (combined === null) {
        combined = found;
      } else {
        var next = {};
        Object.keys(combined).forEach(function (ref) {
          if (found[ref]) {
            var fields = {};
            combined[ref].fields.concat(found[ref].fields).forEach(function (f) { fields[f] = true; });
            next[ref] = { ref: ref, score: combined[ref].score + found[ref].score,
                          fields: Object.keys(fields).sort() };
          }
        });
        combined = next;
      }
    });
    var hits = Object.keys(combined || {}).map(function (ref) { return combined[ref]; });
    hits.sort(function (a, b) {
      return b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
    });
    return hits;
  }

  return { queryWords: queryWords, editDistanceFor: editDistanceFor, search: search, LIMITS: LIMITS };
});
