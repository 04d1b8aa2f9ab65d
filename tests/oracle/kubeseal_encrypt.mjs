// Test oracle: seals values with the independent npm implementation @linode/kubeseal-encrypt.
//
// usage: node kubeseal_encrypt.mjs PUBLIC_KEY.pem SCOPE NAMESPACE NAME KEY=VALUE...
// prints {"KEY": "<base64 sealed value>", ...} as JSON on stdout.
//
// The package's API seals namespace-wide only (its label is the namespace). For strict and
// cluster-wide we substitute the RSA-OAEP label at the WebCrypto boundary; the byte layout,
// session key, AES-GCM and base64 all remain the package's own code.
import { readFileSync } from "node:fs";
import { encryptSecretItem } from "@linode/kubeseal-encrypt";

const [pemPath, scope, namespace, name, ...pairs] = process.argv.slice(2);
if (!pemPath || !scope || pairs.length === 0) {
  console.error("usage: node kubeseal_encrypt.mjs PUBLIC_KEY.pem SCOPE NAMESPACE NAME KEY=VALUE...");
  process.exit(2);
}
const labels = { strict: `${namespace}/${name}`, "namespace-wide": namespace, "cluster-wide": "" };
if (!(scope in labels)) {
  console.error(`unknown scope ${scope}`);
  process.exit(2);
}
const label = new TextEncoder().encode(labels[scope]);

const subtle = globalThis.crypto.subtle;
const encrypt = subtle.encrypt.bind(subtle);
subtle.encrypt = (algorithm, key, data) =>
  algorithm?.name === "RSA-OAEP" ? encrypt({ ...algorithm, label }, key, data) : encrypt(algorithm, key, data);

const pem = readFileSync(pemPath, "utf8");
const out = {};
for (const pair of pairs) {
  const eq = pair.indexOf("=");
  if (eq <= 0) {
    console.error("expected KEY=VALUE");
    process.exit(2);
  }
  // A valid namespace satisfies the package's check; the label comes from the override above.
  out[pair.slice(0, eq)] = await encryptSecretItem(pem, namespace || "default", pair.slice(eq + 1));
}
process.stdout.write(JSON.stringify(out) + "\n");
