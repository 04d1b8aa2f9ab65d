// Test oracle: strict schema walk of Kubernetes objects — unknown fields, primitive type
// mismatches and missing required fields, which the kubernetes-models validators let through.
//
// usage: node unknown_fields.mjs --definitions definitions.json [--crds PATH]... < objects
// stdin: a JSON array, one object, a List or JSON Lines of Kubernetes objects.
// --definitions: OpenAPI v2 definitions; root types carry x-kubernetes-group-version-kind.
// --crds: a JSON file (array / JSON Lines of CustomResourceDefinitions) or a directory of such
//   *.json files. There is no YAML parser among the oracle's dependencies, so callers convert CRD
//   YAML to JSON first (berth's tests do it with berth's own parser).
// Exit 0 printing "N objects, 0 unknown fields" when clean; 1 with one line per problem.
//
// Kinds with no schema there (Flux, External Secrets...) are checked against the validators the
// @kubernetes-models/* packages of package.json ship (their _schemas, compiled from the
// projects' CRDs): the object is validated through a Proxy that records which properties the
// validator reads. A compiled validator reads every property its schema declares (absent or
// not) and enumerates the keys of maps, so a key it never read is a field the schema does not
// declare. Objects whose validator reads no key at all are free-form (preserve-unknown-fields).
// A kind found in neither place is an error, never skipped.
//
// The walk mirrors what the API server does: for built-in types an object schema without
// properties is free-form (RawExtension, FieldsV1), while in a CRD's structural schema fields
// not declared are pruned — silently dropped — unless x-kubernetes-preserve-unknown-fields says
// otherwise; that silent drop is exactly what this check exists to catch.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function usage(message) {
  console.error(`unknown_fields.mjs: ${message}`);
  console.error("usage: node unknown_fields.mjs --definitions FILE [--crds PATH]... < objects.json");
  process.exit(2);
}

// A JSON value, or JSON Lines when the text is not one value.
function parseJsonOrLines(text, what) {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  try {
    return [JSON.parse(trimmed)];
  } catch {
    try {
      return trimmed.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
    } catch (e) {
      usage(`${what} is neither JSON nor JSON Lines: ${e.message}`);
    }
  }
}

// Arrays and *List objects flattened into their items.
function flatten(values) {
  const out = [];
  const add = (v) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) v.items.forEach(add);
    else out.push(v);
  };
  values.forEach(add);
  return out;
}

let definitionsPath = null;
const crdPaths = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${argv[i]} needs a value`));
  if (argv[i] === "--definitions") definitionsPath = value();
  else if (argv[i] === "--crds") crdPaths.push(value());
  else usage(`unexpected argument ${argv[i]}`);
}
if (!definitionsPath) usage("--definitions is required");

const definitions = JSON.parse(readFileSync(definitionsPath, "utf8")).definitions;
if (!definitions || typeof definitions !== "object") usage(`${definitionsPath} has no "definitions"`);

// "group/version/kind" → { schema, crd } (crd: true when the schema is a CRD's structural one).
const schemas = new Map();
const gvk = (group, version, kind) => `${group}/${version}/${kind}`;
for (const def of Object.values(definitions))
  for (const g of def["x-kubernetes-group-version-kind"] ?? [])
    schemas.set(gvk(g.group, g.version, g.kind), { schema: def, crd: false });

function crdFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  const names = readdirSync(path).sort();
  if (names.some((n) => /\.ya?ml$/.test(n)) && !names.some((n) => n.endsWith(".json")))
    usage(`${path} holds YAML CRDs; convert them to JSON first (no YAML parser available)`);
  return names.filter((n) => n.endsWith(".json")).map((n) => join(path, n));
}
for (const path of crdPaths)
  for (const file of crdFiles(path))
    for (const crd of flatten(parseJsonOrLines(readFileSync(file, "utf8"), file))) {
      if (crd?.kind !== "CustomResourceDefinition") continue;
      const { group, names, versions } = crd.spec ?? {};
      for (const v of versions ?? [])
        if (v?.schema?.openAPIV3Schema)
          schemas.set(gvk(group, v.name, names?.kind), { schema: v.schema.openAPIV3Schema, crd: true });
    }

const objectMeta = definitions["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"];

// --- kinds from the @kubernetes-models packages --------------------------------------------
const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const modelPackages = Object.keys(pkg.dependencies ?? {}).filter((n) => n.startsWith("@kubernetes-models/"));
const modelModules = new Map();
async function modelClass(apiVersion, kind) {
  for (const name of modelPackages) {
    const path = `${name}/${apiVersion}`;
    if (!modelModules.has(path)) {
      try {
        modelModules.set(path, await import(path));
      } catch {
        modelModules.set(path, null); // the package has no such group/version
      }
    }
    const mod = modelModules.get(path);
    if (mod && typeof mod[kind] === "function" && typeof mod[kind].prototype.validate === "function") return mod[kind];
  }
  return null;
}

// `value` wrapped so that every property read, `in` test and key enumeration is recorded in
// `records` (one per object node: its path, the keys read, whether its keys were listed).
function tracked(value, path, records) {
  if (value === null || typeof value !== "object") return value;
  const record = { value, path, read: new Set(), listed: false, array: Array.isArray(value) };
  records.push(record);
  const children = new Map();
  const child = (key) => {
    if (!children.has(key)) {
      const sub = record.array ? `${path}[${key}]` : `${path}.${key}`;
      children.set(key, tracked(value[key], sub, records));
    }
    return children.get(key);
  };
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key !== "string") return Reflect.get(target, key, receiver);
      record.read.add(key);
      return Object.prototype.hasOwnProperty.call(target, key) ? child(key) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      record.listed = true;
      return Reflect.ownKeys(target);
    },
  });
}

// Unknown fields of `obj` by the model class's validator (and its own errors: types, enums,
// required fields), as problem lines.
function checkWithModel(Cls, obj, what) {
  const records = [];
  const found = [];
  try {
    Cls.prototype.validate.call(tracked(obj, "", records));
  } catch (e) {
    found.push(`${what}: ${e.message}`);
  }
  for (const r of records) {
    if (r.array || r.listed || r.read.size === 0) continue;
    for (const key of Object.keys(r.value))
      if (!r.read.has(key)) found.push(`${what}: unknown field ${r.path}.${key}`);
  }
  return found;
}

function resolve(schema) {
  while (schema && typeof schema.$ref === "string") {
    const name = schema.$ref.replace(/^#\/definitions\//, "");
    if (!(name in definitions)) throw new Error(`unresolvable $ref ${schema.$ref}`);
    schema = definitions[name];
  }
  return schema ?? {};
}

function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value; // string, boolean, object
}

// Whether `value` has one of the types `schema` allows (ignoring anything structural).
function typeMatches(schema, value) {
  const t = jsonType(value);
  if (schema["x-kubernetes-int-or-string"]) return t === "integer" || t === "string";
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && !schema.type) return branches.some((b) => typeMatches(resolve(b), value));
  if (!schema.type) return true;
  if (schema.type === "number") return t === "number" || t === "integer";
  return schema.type === t;
}

function describe(schema) {
  if (schema["x-kubernetes-int-or-string"]) return "integer or string";
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && !schema.type) return branches.map((b) => describe(resolve(b))).join(" or ");
  return schema.format ? `${schema.type} (${schema.format})` : schema.type;
}

const problems = [];

function walk(value, rawSchema, path, ctx) {
  const schema = resolve(rawSchema);
  if (schema === objectMeta && ctx.crd) ctx = { ...ctx, crd: false }; // built-in rules below here
  if (value === null) {
    // The API server treats null in built-in types as unset, but prunes it from CRDs.
    if (ctx.crd && !schema.nullable) problems.push(`${ctx.what}: null at ${path || "."} (dropped: not nullable)`);
    return;
  }
  if (!typeMatches(schema, value)) {
    problems.push(`${ctx.what}: ${path || "."} is ${jsonType(value)}, schema wants ${describe(schema)}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value) && jsonType(value) !== "object")
    problems.push(`${ctx.what}: ${path} = ${JSON.stringify(value)} not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((v, i) => walk(v, schema.items, `${path}[${i}]`, ctx));
    return;
  }
  if (jsonType(value) !== "object") return;
  if (schema["x-kubernetes-preserve-unknown-fields"] && !schema.properties) return;
  const props = schema.properties ?? {};
  const embedded = schema["x-kubernetes-embedded-resource"];
  for (const name of schema.required ?? [])
    if (!(name in value)) problems.push(`${ctx.what}: missing required field ${path}.${name}`);
  for (const [key, v] of Object.entries(value)) {
    const sub = `${path}.${key}`;
    if (key in props) walk(v, props[key], sub, ctx);
    else if (embedded && key === "metadata") walk(v, objectMeta, sub, ctx);
    else if (embedded && (key === "apiVersion" || key === "kind")) walk(v, { type: "string" }, sub, ctx);
    else if (schema.additionalProperties && typeof schema.additionalProperties === "object")
      walk(v, schema.additionalProperties, sub, ctx);
    else if (schema.additionalProperties === true || schema["x-kubernetes-preserve-unknown-fields"]) continue;
    else if (!ctx.crd && !schema.properties && schema.additionalProperties === undefined) continue; // free-form
    else problems.push(`${ctx.what}: unknown field ${sub}`);
  }
}

let objects;
try {
  objects = flatten(parseJsonOrLines(readFileSync(0, "utf8"), "stdin"));
} catch (e) {
  usage(`reading stdin: ${e.message}`);
}
if (objects.length === 0) usage("no objects on stdin");

for (const [i, obj] of objects.entries()) {
  const apiVersion = obj?.apiVersion ?? "?";
  const kind = obj?.kind ?? "?";
  const what = `${apiVersion}/${kind} ${obj?.metadata?.name ?? `#${i + 1}`}`;
  if (jsonType(obj) !== "object") {
    problems.push(`#${i + 1}: not an object`);
    continue;
  }
  const slash = apiVersion.lastIndexOf("/");
  const [group, version] = slash < 0 ? ["", apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
  const entry = schemas.get(gvk(group, version, kind));
  if (!entry) {
    const Cls = await modelClass(apiVersion, kind);
    if (Cls) problems.push(...checkWithModel(Cls, obj, what));
    else
      problems.push(`${what}: unknown kind (no schema for apiVersion ${apiVersion} kind ${kind}, ` +
                    `not in the shared schemas nor in ${modelPackages.join(", ")})`);
    continue;
  }
  const ctx = { what, crd: entry.crd };
  if (entry.crd) {
    // A CRD's metadata is validated as ObjectMeta by the API server, not by the CRD's schema.
    const root = resolve(entry.schema);
    walk(obj, { ...root, properties: { ...root.properties, metadata: objectMeta } }, "", ctx);
  } else {
    walk(obj, entry.schema, "", ctx);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`${objects.length} objects, 0 unknown fields`);
