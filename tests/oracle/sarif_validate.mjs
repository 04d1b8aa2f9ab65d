// Test oracle: validates a SARIF log (JSON on stdin) against the SARIF 2.1.0 JSON schema that
// Microsoft's SARIF SDK ships (@microsoft/jest-sarif, schema 2.1.0-rtm.5, JSON Schema draft-04),
// with ajv's draft-04 class and its string formats (uri, uri-reference, date-time).
//
// Beyond the schema, it checks what the schema cannot express and viewers rely on: every
// result's ruleIndex points at the driver rule with the same id.
// Exit 0 when valid; 1 with one message per problem on stderr; 2 when the input is not JSON.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

let log;
try {
  log = JSON.parse(readFileSync(0, "utf8"));
} catch (e) {
  console.error(`not JSON: ${e.message}`);
  process.exit(2);
}

// unicodeRegExp off: the schema's `language` pattern has a stray "]" that only non-unicode
// regular expressions accept (as the schema's draft-04 era validators did).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const problems = [];
if (!validate(log)) {
  for (const err of validate.errors) {
    problems.push(`${err.instancePath || "/"}: ${err.message} ${JSON.stringify(err.params)}`);
  }
}

for (const [r, run] of (log.runs ?? []).entries()) {
  const rules = run?.tool?.driver?.rules ?? [];
  for (const [i, result] of (run.results ?? []).entries()) {
    if (result.ruleIndex === undefined) continue;
    const rule = rules[result.ruleIndex];
    if (!rule) problems.push(`/runs/${r}/results/${i}: ruleIndex ${result.ruleIndex} out of range`);
    else if (result.ruleId !== undefined && rule.id !== result.ruleId)
      problems.push(`/runs/${r}/results/${i}: ruleIndex names ${rule.id}, ruleId is ${result.ruleId}`);
  }
}

for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
