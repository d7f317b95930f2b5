// Runs the browser's Dutch lunr.js stack in node for the parity tests.
// Usage: node lunr_harness.js LUNR_JS STEMMER_SUPPORT_JS LUNR_NL_JS ZOEKEN_JS < request.json
// request: {"stems": [words]}, {"trims": [words]}, {"limits": true},
// {"splits": [words], "known": [stems]} or {"index": asset, "queries": [text]}
"use strict";
const [lunrPath, supportPath, nlPath, zoekenPath] = process.argv.slice(2);
const lunr = require(lunrPath);
require(supportPath)(lunr);
require(nlPath)(lunr);
const zoeken = require(zoekenPath);

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const answer = {};
  if (request.stems) {
    answer.stems = request.stems.map((word) => lunr.nl.stemmer(new lunr.Token(word)).toString());
  }
  if (request.trims) {
    answer.trims = request.trims.map((word) => lunr.nl.trimmer(new lunr.Token(word)).toString());
  }
  if (request.limits) {
    answer.limits = zoeken.LIMITS;
  }
  if (request.splits) {
    const known = new Set(request.known);
    answer.splits = request.splits.map((w) => zoeken.splitCompound(w, (piece) =>
      known.has(lunr.nl.stemmer(new lunr.Token(piece)).toString())));
  }
  if (request.queries) {
    const started = process.hrtime.bigint();
    // As the browser does: the head first, then the parts each search misses.
    const searcher = zoeken.prepare(request.index, lunr);
    answer.load_ms = Number(process.hrtime.bigint() - started) / 1e6;
    answer.words = request.queries.map((q) => zoeken.queryWords(q, lunr));
    answer.rounds = [];
    answer.results = request.queries.map((q) => {
      let hits = zoeken.search(searcher, q, lunr);
      let rounds = 1;
      for (let needed = zoeken.neededShards(searcher); needed.length; needed = zoeken.neededShards(searcher)) {
        needed.forEach((n) => zoeken.addShard(searcher, n, request.index.postings[n]));
        hits = zoeken.search(searcher, q, lunr);
        rounds += 1;
      }
      answer.rounds.push(rounds);
      return hits;
    });
    answer.shards_loaded = Object.keys(searcher.loaded).length;
  }
  process.stdout.write(JSON.stringify(answer));
});
