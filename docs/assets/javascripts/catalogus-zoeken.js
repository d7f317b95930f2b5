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

  /* Bounds that keep any query fast, compound splitting and the weights of
   * synonym and compound matches (search.py holds the same numbers). */
  var LIMITS = {
    maxQueryLength: 200,
    maxQueryWords: 10,
    maxWordLength: 40,
    maxTypoWordLength: 20,
    minCompoundLength: 8,
    minPartLength: 4,
    maxCompoundParts: 3,
    synonymWeight: 0.5,
    partsWeight: 0.5,
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

  /* How many of `count` query words an entry must match to be shown: all of
   * one; one of two; more than half of three or more. */
  function wordsNeeded(count) {
    return count <= 1 ? count : count === 2 ? 1 : Math.floor(count / 2) + 1;
  }

  var stems = Object.create(null);
  function stem(word, lunr) {
    if (!(word in stems)) stems[word] = lunr.nl.stemmer(new lunr.Token(word)).toString();
    return stems[word];
  }

  /* The fewest known parts that spell `word` (two or more; with equally few,
   * the longest first part), or null. "huisbezoek" -> ["huis", "bezoek"]. */
  function splitCompound(word, known) {
    if (word.length < LIMITS.minCompoundLength) return null;
    var memo = Object.create(null);
    function best(start) {
      if (start in memo) return memo[start];
      var result = null;
      var lastEnd = start > 0 ? word.length : word.length - LIMITS.minPartLength;
      for (var end = lastEnd; end > start + LIMITS.minPartLength - 1; end--) {
        if (word.length - end && word.length - end < LIMITS.minPartLength) continue;
        var piece = word.slice(start, end);
        if (!known(piece)) continue;
        var rest = end === word.length ? [] : best(end);
        if (rest === null) continue;
        if (result === null || rest.length + 1 < result.length) result = [piece].concat(rest);
      }
      memo[start] = result;
      return result;
    }
    var parts = best(0);
    return parts !== null && parts.length <= LIMITS.maxCompoundParts ? parts : null;
  }

  /* Stem of each single-word member -> the other members (as query words), in file order. */
  function synonymMap(groups, lunr) {
    var result = Object.create(null);
    groups.forEach(function (group) {
      var members = group.map(function (member) { return queryWords(member, lunr); });
      members.forEach(function (member) {
        if (member.length !== 1) return;
        var key = stem(member[0], lunr);
        var others = result[key] || (result[key] = []);
        members.forEach(function (other) {
          var same = function (o) { return o.join(" ") === other.join(" "); };
          if (other.length && !others.some(same) && !(other.length === 1 && stem(other[0], lunr) === key)) {
            others.push(other);
          }
        });
      });
    });
    return result;
  }

  /* The index from its head (catalogus-zoekindex.json: every term, no
   * postings) with what the query rules need beside it (search.py's
   * SearchIndex). Postings arrive in parts (addShard); a term whose part is
   * not loaded matches nothing and is noted in `missing`, so the caller loads
   * its part and searches again: once a search notes nothing missing, it has
   * read only loaded postings, and its answer is that of the whole index. */
  function prepare(head, lunr) {
    var terms = head.termen.lijst;
    var fields = head.termen.velden;
    var searcher = {
      index: null, synonyms: synonymMap(head.zoekwoorden.synoniemen, lunr), known: Object.create(null),
      missing: Object.create(null), loaded: Object.create(null), starts: head.termen.delen,
      refs: Object.keys(head.documenten).sort(), fields: fields, terms: terms, lunr: lunr,
    };
    var inverted = terms.map(function (term, n) {
      var posting = {};
      Object.defineProperty(posting, "_index", {
        enumerable: true,
        get: function () { searcher.missing[term] = true; return n; },
      });
      fields.forEach(function (field) { posting[field] = {}; });
      searcher.known[term] = true;
      return [term, posting];
    });
    head.zoekwoorden.woorddelen.forEach(function (part) { searcher.known[stem(part, lunr)] = true; });
    searcher.never = Object.create(null);
    (head.zoekwoorden.geen_woorddelen || []).forEach(function (ending) { searcher.never[ending] = true; });
    searcher.index = lunr.Index.load({
      version: lunr.version, fields: fields, fieldVectors: [], invertedIndex: inverted,
      pipeline: ["stemmer-nl"],
    });
    return searcher;
  }

  /* lunr copies a posting's metadata (none here) into its match data: one
   * shared empty object instead of one per posting. */
  var NO_METADATA = Object.freeze({});

  /* Part `number` of the postings: per term [field, doc deltas, weights x 1000]. */
  function addShard(searcher, number, postings) {
    if (searcher.loaded[number]) return;
    searcher.loaded[number] = true;
    var index = searcher.index;
    var start = searcher.starts[number];
    var added = Object.create(null);  // field/ref -> [term, weight, ...], terms ascending
    postings.forEach(function (termPostings, k) {
      var n = start + k;
      var posting = { _index: n };
      searcher.fields.forEach(function (field) { posting[field] = {}; });
      termPostings.forEach(function (entry) {
        var field = searcher.fields[entry[0]];
        var d = 0;
        for (var j = 0; j < entry[1].length; j++) {
          d += entry[1][j];
          var ref = searcher.refs[d];
          posting[field][ref] = NO_METADATA;
          var key = field + "/" + ref;
          (added[key] || (added[key] = [])).push(n, entry[2][j] / 1000);
        }
      });
      index.invertedIndex[searcher.terms[n]] = posting;
    });
    /* Into each field vector, kept in term order: parts hold disjoint term ranges. */
    Object.keys(added).forEach(function (key) {
      var vector = index.fieldVectors[key];
      if (!vector) {
        index.fieldVectors[key] = new searcher.lunr.Vector(added[key]);
        return;
      }
      var old = vector.elements, extra = added[key], merged = [], i = 0, j = 0;
      while (i < old.length || j < extra.length) {
        if (j >= extra.length || (i < old.length && old[i] < extra[j])) {
          merged.push(old[i], old[i + 1]);
          i += 2;
        } else {
          merged.push(extra[j], extra[j + 1]);
          j += 2;
        }
      }
      vector.elements = merged;
      vector._magnitude = 0;
    });
  }

  /* Parts holding the terms the last search missed. */
  function neededShards(searcher) {
    var needed = [];
    Object.keys(searcher.missing).forEach(function (term) {
      var n = lowerBound(searcher.terms, term);
      var lo = 0, hi = searcher.starts.length - 1;
      while (lo < hi) {  // the last part starting at or before n
        var mid = (lo + hi + 1) >> 1;
        if (searcher.starts[mid] <= n) lo = mid; else hi = mid - 1;
      }
      if (!searcher.loaded[lo] && needed.indexOf(lo) === -1) needed.push(lo);
    });
    return needed.sort(function (a, b) { return a - b; });
  }

  function lowerBound(sorted, value) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function union(a, b) {
    var set = {};
    a.concat(b).forEach(function (f) { set[f] = true; });
    return Object.keys(set).sort();
  }

  /* One lunr query: any of `terms` by stem; the first also as a prefix if it
   * is the last query word, and with `typos` edits. ref -> {score, fields}. */
  function termHits(index, terms, last, typos, lunr) {
    var found = Object.create(null);
    index.query(function (query) {
      terms.forEach(function (term) { query.term(term, { usePipeline: true, boost: 10 }); });
      if (last) {
        query.term(terms[0], { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
      }
      if (typos) {
        query.term(terms[0], { usePipeline: false, editDistance: typos, boost: 1 });
      }
    }).forEach(function (result) {
      var fields = {};
      Object.keys(result.matchData.metadata).forEach(function (term) {
        Object.keys(result.matchData.metadata[term]).forEach(function (field) { fields[field] = true; });
      });
      found[result.ref] = { score: result.score, fields: Object.keys(fields).sort() };
    });
    return found;
  }

  /* Entries in every one of `matches`, their scores added in order. */
  function allOf(matches) {
    var result = matches[0];
    matches.slice(1).forEach(function (more) {
      var next = Object.create(null);
      Object.keys(result).forEach(function (ref) {
        if (more[ref]) {
          next[ref] = { score: result[ref].score + more[ref].score,
                        fields: union(result[ref].fields, more[ref].fields) };
        }
      });
      result = next;
    });
    return result;
  }

  /* One word's matches, ref -> {score, fields, exact}: the word itself (its
   * stem, a prefix if it is the last word); each synonym (all words of a
   * phrase); its compound parts (each part or a synonym of it); and only when
   * all those find nothing, a small typo. */
  function matchWord(searcher, word, last, lunr) {
    var found = Object.create(null);
    function add(matches, weight, exact) {
      Object.keys(matches).forEach(function (ref) {
        var match = matches[ref];
        var before = found[ref];
        found[ref] = before
          ? { score: Math.max(before.score, match.score * weight),
              fields: union(before.fields, match.fields), exact: before.exact || exact }
          : { score: match.score * weight, fields: match.fields, exact: exact };
      });
    }
    var index = searcher.index;
    add(termHits(index, [word], last, 0, lunr), 1.0, true);
    (searcher.synonyms[stem(word, lunr)] || []).forEach(function (phrase) {
      add(allOf(phrase.map(function (term) { return termHits(index, [term], false, 0, lunr); })),
          LIMITS.synonymWeight, false);
    });
    var parts = splitCompound(word, function (piece) {
      return !(piece in searcher.never) && stem(piece, lunr) in searcher.known;
    });
    if (parts) {
      add(allOf(parts.map(function (part) {
        var terms = [part];
        (searcher.synonyms[stem(part, lunr)] || []).forEach(function (p) {
          if (p.length === 1) terms.push(p[0]);
        });
        return termHits(index, terms, false, 0, lunr);
      })), LIMITS.partsWeight, false);
    }
    var distance = editDistanceFor(word);
    if (!Object.keys(found).length && distance) {
      add(termHits(index, [word], last, distance, lunr), 1.0, false);
    }
    return found;
  }

  /* Entries matching the most query words first (all, then most of them:
   * wordsNeeded); then those matching more words as typed; then by score.
   * Returns [{ref, score, fields, words, exact}], ties by ref. */
  function search(searcher, text, lunr) {
    searcher.missing = Object.create(null);
    var words = queryWords(text, lunr);
    var combined = Object.create(null);
    words.forEach(function (word, position) {
      var found = matchWord(searcher, word, position === words.length - 1, lunr);
      Object.keys(found).forEach(function (ref) {
        var entry = combined[ref] || (combined[ref] = { ref: ref, score: 0, fields: [], words: 0, exact: 0 });
        entry.score += found[ref].score;
        entry.fields = union(entry.fields, found[ref].fields);
        entry.words += 1;
        entry.exact += found[ref].exact ? 1 : 0;
      });
    });
    var needed = wordsNeeded(words.length);
    var hits = Object.keys(combined).map(function (ref) { return combined[ref]; })
      .filter(function (hit) { return hit.words >= needed; });
    hits.sort(function (a, b) {
      return b.words - a.words || b.exact - a.exact || b.score - a.score ||
        (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
    });
    return hits;
  }

  return {
    queryWords: queryWords,
    editDistanceFor: editDistanceFor,
    wordsNeeded: wordsNeeded,
    splitCompound: splitCompound,
    prepare: prepare,
    addShard: addShard,
    neededShards: neededShards,
    search: search,
    LIMITS: LIMITS,
  };
});
