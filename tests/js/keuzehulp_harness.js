// Runs the browser's keuzehulp ranking in node for the parity test.
// Usage: node keuzehulp_harness.js RANGORDE_JS < {"data": ..., "profiles": [answers]}
"use strict";
const rangorde = require(process.argv[2]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  process.stdout.write(JSON.stringify(request.profiles.map((p) => rangorde.rank(request.data, p))));
});
