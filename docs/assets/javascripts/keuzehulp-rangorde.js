/* Ranking of the keuzehulp, shared by the page (browser) and the parity test
 * (node). It follows catalogue/keuzehulp.py `rank` step for step: change both
 * together, or the parity test fails. Every map built from outside data is
 * prototype-free, so an answer such as "__proto__" is just an unknown value.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.KeuzehulpRangorde = factory();
  }
})(this, function () {
  "use strict";

  var MATCHED = { voor: "risicogroepen", vorm: "vormen", werkvorm: "werkvormen" };
  var MATCHED_ORDER = ["voor", "vorm", "werkvorm"];
  var WEIGHT_OF = { voor: "risicogroep", vorm: "vorm", werkvorm: "werkvorm" };
  var VOCAB_OF = { voor: "risicogroepen", vorm: "vormen_van_eenzaamheid", werkvorm: "werkvormen" };
  var INTRO = { voor: "Bedoeld voor", vorm: "Richt zich op", werkvorm: "Werkvorm" };
  var CONDITIONS = { element: "elementen", werkvorm: "werkvormen", vorm: "vormen", risicogroep: "risicogroepen" };
  var CONDITION_ORDER = ["element", "werkvorm", "vorm", "risicogroep"];

  function own(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key);
  }

  function setOf(values) {
    var set = Object.create(null);
    values.forEach(function (v) { set[v] = true; });
    return set;
  }

  /* Known options only, neutral ones dropped; one value unless `meerdere`. */
  function cleanAnswers(data, answers) {
    var result = Object.create(null);
    data.vragen.forEach(function (q) {
      if (!own(answers, q.id)) return;
      var known = setOf(q.opties.map(function (o) { return o.id; }));
      var neutral = setOf(q.opties.filter(function (o) { return o.neutraal; }).map(function (o) { return o.id; }));
      var raw = answers[q.id];
      var values = Array.isArray(raw) ? raw : [raw];
      var chosen = [];
      values.forEach(function (v) {
        if (typeof v === "string" && known[v] && !neutral[v] && chosen.indexOf(v) === -1) chosen.push(v);
      });
      if (chosen.length) result[q.id] = q.meerdere ? chosen : chosen.slice(0, 1);
    });
    return result;
  }

  function holds(condition, answers) {
    return Object.keys(condition).every(function (question) {
      var wanted = Array.isArray(condition[question]) ? condition[question] : [condition[question]];
      return (answers[question] || []).some(function (v) { return wanted.indexOf(v) !== -1; });
    });
  }

  function general(effect) {
    return !CONDITION_ORDER.some(function (key) { return own(effect, key); });
  }

  function carries(entry, effect) {
    return CONDITION_ORDER.every(function (key) {
      return !own(effect, key) || entry[CONDITIONS[key]].indexOf(effect[key]) !== -1;
    });
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function rank(data, answers) {
    var chosen = cleanAnswers(data, answers);
    var active = data.regels.filter(function (rule) { return holds(rule.als, chosen); });
    var advice = [];
    active.forEach(function (rule) {
      rule.dan.forEach(function (effect) {
        if (general(effect) && effect.let_op) advice.push({ tekst: effect.let_op, bron: rule.bron });
      });
    });
    var asked = MATCHED_ORDER.reduce(function (n, q) { return n + (chosen[q] || []).length; }, 0);
    var matches = data.interventies.map(function (entry) {
      var score = 0;
      var plain = 0;
      var reasons = [];
      var cautions = [];
      MATCHED_ORDER.forEach(function (question) {
        (chosen[question] || []).forEach(function (value) {
          if (entry[MATCHED[question]].indexOf(value) !== -1) {
            score += data.gewichten[WEIGHT_OF[question]];
            plain += 1;
            reasons.push({ tekst: INTRO[question] + ": " + data.labels[VOCAB_OF[question]][value], bron: null });
          }
        });
      });
      if (score && entry.hoofddoel) {
        score += data.gewichten.hoofddoel;
        reasons.push({ tekst: "Minder eenzaamheid is het hoofddoel", bron: null });
      }
      active.forEach(function (rule) {
        rule.dan.forEach(function (effect) {
          if (general(effect) || !carries(entry, effect)) return;
          score += effect.punten || 0;
          var record = { bron: rule.bron, element: own(effect, "element") ? effect.element : null };
          if (effect.reden) reasons.push({ bron: record.bron, element: record.element, tekst: effect.reden });
          if (effect.let_op) cautions.push({ bron: record.bron, element: record.element, tekst: effect.let_op });
        });
      });
      return { slug: entry.slug, score: score, alles: plain === asked, redenen: reasons, let_op: cautions,
               _rang: entry.rang, _naam: entry.naam.toLowerCase() };
    });
    matches.sort(function (a, b) {
      return (b.score - a.score) || (a._rang - b._rang) || compare(a._naam, b._naam);
    });
    var relax = null;
    if (Object.keys(chosen).length && !matches.some(function (m) { return m.alles && m.score > 0; })) {
      relax = bestToRelax(data, chosen);
    }
    return {
      antwoorden: chosen,
      matches: matches.filter(function (m) { return m.score > 0; }).map(function (m) {
        return { slug: m.slug, score: m.score, alles: m.alles, redenen: m.redenen, let_op: m.let_op };
      }),
      advies: advice,
      loslaten: relax,
    };
  }

  function bestToRelax(data, chosen) {
    var best = null;
    MATCHED_ORDER.forEach(function (question) {
      if (!chosen[question]) return;
      var rest = MATCHED_ORDER.filter(function (q) { return q !== question && chosen[q]; });
      var count = data.interventies.filter(function (e) {
        return rest.every(function (q) {
          return chosen[q].some(function (v) { return e[MATCHED[q]].indexOf(v) !== -1; });
        });
      }).length;
      if (count && (best === null || count > best.aantal)) best = { vraag: question, aantal: count };
    });
    return best;
  }

  return { rank: rank, cleanAnswers: cleanAnswers };
});
