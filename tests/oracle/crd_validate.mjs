// Test oracle: validates objects against a CRD's openAPIV3Schema with ajv.
//
// stdin: {"schema": <spec.versions[].schema.openAPIV3Schema as JSON>, "objects": [...]}
// (the C++ test converts the CRD YAML with berth's own parser). Exit 0 when all validate; 1
// with ajv's messages otherwise. Kubernetes' x-kubernetes-* keywords and OpenAPI formats such
// as "byte" are not JSON Schema vocabulary, so unknown keywords and formats are ignored.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const { schema, objects } = JSON.parse(readFileSync(0, "utf8"));
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const validate = ajv.compile(schema);
let failures = 0;
for (const [i, obj] of objects.entries()) {
  if (!validate(obj)) {
    failures++;
    for (const e of validate.errors) console.error(`#${i + 1} ${obj?.metadata?.name ?? "?"}: ${e.instancePath || "/"} ${e.message}`);
  }
}
if (failures === 0) console.log(`${objects.length} object(s) valid`);
process.exit(failures === 0 ? 0 : 1);
