// Renders formulas with KaTeX at build time (scripts/site.py calls it once per build).
// stdin: JSON [{tex, display, where}]; stdout: JSON [html]. A formula KaTeX cannot
// parse is printed with its page and cell, and the exit status is 1.
import katex from "katex";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
const items = JSON.parse(input);
const errors = [];
const out = items.map(({ tex, display, where }) => {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      output: "htmlAndMathml",
      // Hangul and other Unicode text inside \text{} is fine for a reader.
      strict: "ignore",
    });
  } catch (e) {
    errors.push(`${where}: ${e.message}\n    ${tex}`);
    return "";
  }
});
if (errors.length) {
  process.stderr.write(errors.join("\n") + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(out));
