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
   * read only loaded postings, and its answer is that of the whole index.
   *
   * Queries run on lunr's own term expansion (its token set, pipeline and
   * Query clauses) but are scored here (termHits), from postings kept as
   * arrays: lunr.Index.query builds a match-data object per entry, field and
   * term, which at 5,000 entries made a keystroke's search take 40 to 150 ms,
   * a third of it garbage collection. */
  function prepare(head, lunr) {
    var terms = head.termen.lijst;
    var searcher = {
      synonyms: synonymMap(head.zoekwoorden.synoniemen, lunr), known: Object.create(null),
      missing: Object.create(null), loaded: Object.create(null), starts: head.termen.delen,
      refs: Object.keys(head.documenten).sort(), fields: head.termen.velden,
      number: Object.create(null),  // term -> its position in `terms`
      postings: [],  // term number -> per field number null or {docs, weights}; undefined until loaded
      tokenSet: lunr.TokenSet.fromArray(terms),  // the terms are sorted, as lunr needs
      pipeline: lunr.Pipeline.load(["stemmer-nl"]),
    };
    terms.forEach(function (term, n) {
      searcher.number[term] = n;
      searcher.known[term] = true;
    });
    head.zoekwoorden.woorddelen.forEach(function (part) { searcher.known[stem(part, lunr)] = true; });
    searcher.never = Object.create(null);
    (head.zoekwoorden.geen_woorddelen || []).forEach(function (ending) { searcher.never[ending] = true; });
    return searcher;
  }

  /* Part `number` of the postings: per term [field, doc deltas, weights x 1000]. */
  function addShard(searcher, number, postings) {
    if (searcher.loaded[number]) return;
    searcher.loaded[number] = true;
    var start = searcher.starts[number];
    var fieldCount = searcher.fields.length;
    postings.forEach(function (termPostings, k) {
      var perField = [];
      for (var f = 0; f < fieldCount; f++) perField.push(null);
      termPostings.forEach(function (entry) {
        var deltas = entry[1], count = deltas.length;
        var docs = new Int32Array(count), weights = new Float64Array(count), d = 0;
        for (var j = 0; j < count; j++) {
          d += deltas[j];
          docs[j] = d;
          weights[j] = entry[2][j] / 1000;  // the field vector's value, as lunr.py wrote it
        }
        perField[entry[0]] = { docs: docs, weights: weights };
      });
      searcher.postings[start + k] = perField;
    });
  }

  /* Parts holding the terms the last search missed. */
  function neededShards(searcher) {
    var needed = [];
    Object.keys(searcher.missing).forEach(function (term) {
      var n = searcher.number[term];
      var lo = 0, hi = searcher.starts.length - 1;
      while (lo < hi) {  // the last part starting at or before n
        var mid = (lo + hi + 1) >> 1;
        if (searcher.starts[mid] <= n) lo = mid; else hi = mid - 1;
      }
      if (!searcher.loaded[lo] && needed.indexOf(lo) === -1) needed.push(lo);
    });
    return needed.sort(function (a, b) { return a - b; });
  }

  /* Two sorted lists of field names as one. Never changed once made, so a
   * list may be shared: most unions add nothing new. */
  function union(a, b) {
    if (!b.length || a === b) return a;
    if (!a.length) return b;
    if (a.length === b.length && a.every(function (f, k) { return f === b[k]; })) return a;
    var set = {};
    a.concat(b).forEach(function (f) { set[f] = true; });
    return Object.keys(set).sort();
  }

  /* Matches by entry number (its position in `refs`): the numbers in the
   * order found, and per number the score, the sorted field names and (for
   * a word's matches) whether the word matched as typed. Arrays, not an
   * object per entry: a short prefix matches thousands of entries. */
  function noMatches(searcher) {
    var count = searcher.refs.length;
    return { docs: [], score: new Float64Array(count), fields: new Array(count), exact: new Uint8Array(count) };
  }

  /* One lunr query: any of `terms` by stem; the first also as a prefix if it
   * is the last query word, and with `typos` edits. Matches (see noMatches).
   *
   * The scores are lunr.Index.query's (lunr 2.3.9, as lunr.py computes them),
   * to the last bit: per field, the dot product of the query vector (each
   * expanded term's summed clause boosts) and the entry's field vector, added
   * in term order and divided by the query vector's magnitude; an entry's
   * fields added in the order the query first met them. */
  function termHits(searcher, terms, last, typos, lunr) {
    var query = new lunr.Query(searcher.fields);
    terms.forEach(function (term) { query.term(term, { usePipeline: true, boost: 10 }); });
    if (last) query.term(terms[0], { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    if (typos) query.term(terms[0], { usePipeline: false, editDistance: typos, boost: 1 });
    var fieldCount = searcher.fields.length;
    var boost = Object.create(null);  // term number -> summed boosts (the same in every field)
    var queryTerms = [];
    var read = Object.create(null);  // term numbers whose postings were read
    var fieldsOf = Object.create(null);  // doc number -> field numbers, first met first
    var docs = [];
    query.clauses.forEach(function (clause) {
      var clauseTerms = clause.usePipeline
        ? searcher.pipeline.runString(clause.term, { fields: clause.fields })
        : [clause.term];
      clauseTerms.forEach(function (term) {
        clause.term = term;
        var expanded = searcher.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
        expanded.forEach(function (found) {
          var n = searcher.number[found];
          if (n in boost) {
            boost[n] = boost[n] + clause.boost;
          } else {
            boost[n] = clause.boost;
            queryTerms.push(n);
          }
          var posting = searcher.postings[n];
          if (posting === undefined) {
            searcher.missing[found] = true;
            return;
          }
          if (read[n]) return;
          read[n] = true;
          for (var f = 0; f < fieldCount; f++) {
            if (!posting[f]) continue;
            var list = posting[f].docs;
            for (var j = 0; j < list.length; j++) {
              var d = list[j], own = fieldsOf[d];
              if (own === undefined) {
                fieldsOf[d] = [f];
                docs.push(d);
              } else if (own.indexOf(f) === -1) {
                own.push(f);
              }
            }
          }
        });
      });
    });
    queryTerms.sort(function (a, b) { return a - b; });
    var squares = 0;
    queryTerms.forEach(function (n) { squares += boost[n] * boost[n]; });
    var magnitude = Math.sqrt(squares);
    var dot = new Float64Array(docs.length ? (Math.max.apply(null, docs) + 1) * fieldCount : 0);
    queryTerms.forEach(function (n) {
      var posting = searcher.postings[n];
      if (!posting) return;
      for (var f = 0; f < fieldCount; f++) {
        if (!posting[f]) continue;
        var list = posting[f].docs, weights = posting[f].weights;
        for (var j = 0; j < list.length; j++) dot[list[j] * fieldCount + f] += boost[n] * weights[j];
      }
    });
    var found = noMatches(searcher);
    var names = searcher.fields;
    var sortedNames = searcher.sortedNames || (searcher.sortedNames = Object.create(null));
    docs.forEach(function (d) {
      var own = fieldsOf[d], score = 0, mask = 0;
      for (var k = 0; k < own.length; k++) {
        var fieldScore = dot[d * fieldCount + own[k]] / magnitude || 0;
        score = k ? score + fieldScore : fieldScore;
        mask += 1 << own[k];
      }
      /* One shared list per set of fields (see union). */
      var fields = sortedNames[mask] || (sortedNames[mask] = own.map(function (f) { return names[f]; }).sort());
      found.docs.push(d);
      found.score[d] = score;
      found.fields[d] = fields;
    });
    return found;
  }

  /* Entries in every one of `matches`, their scores added in order. */
  function allOf(searcher, matches) {
    var result = matches[0];
    matches.slice(1).forEach(function (more) {
      var next = noMatches(searcher);
      result.docs.forEach(function (d) {
        if (more.fields[d] !== undefined) {
          next.docs.push(d);
          next.score[d] = result.score[d] + more.score[d];
          next.fields[d] = union(result.fields[d], more.fields[d]);
        }
      });
      result = next;
    });
    return result;
  }

  /* One word's matches (see noMatches): the word itself (its stem, a prefix
   * if it is the last word); each synonym (all words of a phrase); its
   * compound parts (each part or a synonym of it); and only when all those
   * find nothing, a small typo. */
  function matchWord(searcher, word, last, lunr) {
    var found = noMatches(searcher);
    function add(matches, weight, exact) {
      matches.docs.forEach(function (d) {
        var score = matches.score[d] * weight;
        if (found.fields[d] !== undefined) {
          found.score[d] = Math.max(found.score[d], score);
          found.fields[d] = union(found.fields[d], matches.fields[d]);
          if (exact) found.exact[d] = 1;
        } else {
          found.docs.push(d);
          found.score[d] = score;
          found.fields[d] = matches.fields[d];
          found.exact[d] = exact ? 1 : 0;
        }
      });
    }
    add(termHits(searcher, [word], last, 0, lunr), 1.0, true);
    (searcher.synonyms[stem(word, lunr)] || []).forEach(function (phrase) {
      add(allOf(searcher, phrase.map(function (term) { return termHits(searcher, [term], false, 0, lunr); })),
          LIMITS.synonymWeight, false);
    });
    var parts = splitCompound(word, function (piece) {
      return !(piece in searcher.never) && stem(piece, lunr) in searcher.known;
    });
    if (parts) {
      add(allOf(searcher, parts.map(function (part) {
        var terms = [part];
        (searcher.synonyms[stem(part, lunr)] || []).forEach(function (p) {
          if (p.length === 1) terms.push(p[0]);
        });
        return termHits(searcher, terms, false, 0, lunr);
      })), LIMITS.partsWeight, false);
    }
    var distance = editDistanceFor(word);
    if (!found.docs.length && distance) {
      add(termHits(searcher, [word], last, distance, lunr), 1.0, false);
    }
    return found;
  }

  /* Entries matching the most query words first (all, then most of them:
   * wordsNeeded); then those matching more words as typed; then by score.
   * Returns [{ref, score, fields, words, exact}], ties by ref. */
  function search(searcher, text, lunr) {
    searcher.missing = Object.create(null);
    var words = queryWords(text, lunr);
    var byDoc = new Array(searcher.refs.length);
    var entries = [];
    words.forEach(function (word, position) {
      var found = matchWord(searcher, word, position === words.length - 1, lunr);
      found.docs.forEach(function (d) {
        var entry = byDoc[d];
        if (entry === undefined) {
          entry = byDoc[d] = { ref: searcher.refs[d], score: 0, fields: [], words: 0, exact: 0 };
          entries.push(entry);
        }
        entry.score += found.score[d];
        entry.fields = union(entry.fields, found.fields[d]);
        entry.words += 1;
        entry.exact += found.exact[d];
      });
    });
    var needed = wordsNeeded(words.length);
    var hits = entries.filter(function (hit) { return hit.words >= needed; });
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
