// Test oracle: validates Kubernetes objects (JSON on stdin) with the kubernetes-models classes.
//
// stdin: one JSON object, a JSON array, a List ({"kind": "List", "items": [...]}) or JSON Lines.
// Every object's apiVersion/kind is looked up in the installed model packages (kubernetes-models
// and every @kubernetes-models/* dependency in package.json); unknown kinds are an error too.
// Exit 0 when all validate; 1 with one message per failure on stderr.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const packages = Object.keys(pkg.dependencies).filter(
  (name) => name === "kubernetes-models" || name.startsWith("@kubernetes-models/"),
);

function parseInput(text) {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  let values;
  try {
    values = [JSON.parse(trimmed)];
  } catch {
    values = trimmed.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
  }
  const objects = [];
  const add = (v) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) v.items.forEach(add);
    else objects.push(v);
  };
  values.forEach(add);
  return objects;
}

const modules = new Map();
async function modelClass(apiVersion, kind) {
  for (const name of packages) {
    const path = `${name}/${apiVersion}`;
    if (!modules.has(path)) {
      try {
        modules.set(path, await import(path));
      } catch {
        modules.set(path, null); // this package has no such API group/version
      }
    }
    const mod = modules.get(path);
    if (mod && typeof mod[kind] === "function") return mod[kind];
  }
  return null;
}

let failures = 0;
let objects;
try {
  objects = parseInput(readFileSync(0, "utf8"));
} catch (e) {
  console.error(`input is not JSON: ${e.message}`);
  process.exit(1);
}
if (objects.length === 0) {
  console.error("no objects in the input");
  process.exit(1);
}
for (const [i, obj] of objects.entries()) {
  const what = `#${i + 1} ${obj?.kind ?? "?"} ${obj?.metadata?.name ?? "?"}`;
  const Cls = obj && (await modelClass(obj.apiVersion, obj.kind));
  if (!Cls) {
    console.error(`${what}: no model for apiVersion ${obj?.apiVersion} kind ${obj?.kind}`);
    failures++;
    continue;
  }
  try {
    new Cls(obj).validate();
  } catch (e) {
    console.error(`${what}: ${e.message}`);
    failures++;
  }
}
if (failures === 0) console.log(`${objects.length} object(s) valid`);
process.exit(failures === 0 ? 0 : 1);
