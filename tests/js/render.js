// Render LaTeX with KaTeX the strict way: throwOnError and strict mode on.
// Input (stdin): a JSON array of {"tex": "...", "display": true|false}.
// Output (stdout): a JSON array with one entry per input: null, or the error message.
"use strict";
const katex = require("katex");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ tex, display }) => {
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error" });
      return null;
    } catch (error) {
      return String(error.message || error);
    }
  });
  process.stdout.write(JSON.stringify(results));
});
