// Independent implementations: @linode/kubeseal-encrypt seals, berth unseals; berth's output
// validates with kubernetes-models and against the SealedSecret CRD schema (ajv).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "seal/base64.h"
#include "seal/label.h"
#include "seal/sealed_secret.h"
#include "seal/unseal.h"
#include "support/test_support.h"
#include "test_keys.h"
#include "yaml/json.h"
#include "yaml/parse.h"

using namespace berth::seal;
using namespace berth::seal::test;
using berth::yaml::Node;
namespace fs = std::filesystem;

namespace {

fs::path oracle_dir() { return berth::test::source_dir() / "tests" / "oracle"; }

bool have_oracles() {
  return berth::test::have_program("node") &&
         fs::exists(oracle_dir() / "node_modules" / "@linode" / "kubeseal-encrypt") &&
         fs::exists(oracle_dir() / "node_modules" / "kubernetes-models");
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

Node sealed_from(const nlohmann::json& encrypted, Scope scope, const std::string& ns, const std::string& name) {
  Node meta = Node::mapping();
  meta.set("name", Node::str(name));
  meta.set("namespace", Node::str(ns));
  set_scope_annotations(meta, scope);
  Node enc = Node::mapping();
  for (auto& [k, v] : encrypted.items()) enc.set(k, Node::str(v.get<std::string>()));
  Node spec = Node::mapping();
  spec.set("encryptedData", std::move(enc));
  Node doc = Node::mapping();
  doc.set("apiVersion", Node::str("bitnami.com/v1alpha1"));
  doc.set("kind", Node::str("SealedSecret"));
  doc.set("metadata", std::move(meta));
  doc.set("spec", std::move(spec));
  return doc;
}

std::string value_of(const Node& secret, const std::string& key) {
  auto bytes = base64_decode(secret.find("data")->find(key)->value());
  return bytes ? std::string(as_view(*bytes)) : "<bad base64>";
}

Node berth_sealed(Scope scope) {
  Node doc = berth::yaml::parse_document(
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: prod\n  labels:\n    app: shop\n"
      "type: Opaque\nstringData:\n  password: hunter2\n  user: admin\n",
      "secret.yaml");
  SecretInput s = read_secret(doc);
  Pkey pub = public_key(rsa_pair());
  return seal_secret(s, resolve(s, SealRequest{scope, "", ""}), pub.get());
}

} // namespace

TEST(Oracle, KubesealEncryptSealsBerthUnseals) {
  if (!have_oracles()) GTEST_SKIP() << "SKIPPED: node or tests/oracle/node_modules absent (npm ci in tests/oracle)";
  auto dir = berth::test::temp_dir("berth-seal-oracle");
  berth::test::write_file(dir / "pub.pem", rsa_pair().public_pem); // public key only
  for (Scope scope : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide}) {
    std::string cmd = "node " + quote((oracle_dir() / "kubeseal_encrypt.mjs").string()) + " " +
                      quote((dir / "pub.pem").string()) + " " + std::string(scope_name(scope)) +
                      " prod db 'password=hunter2' 'user=admin' 'empty=' 'utf8=grüße ✓' 'eq=a=b'";
    auto r = berth::test::run(cmd);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto encrypted = nlohmann::json::parse(r.out);
    Node sealed = sealed_from(encrypted, scope, "prod", "db");
    Node secret = unseal(sealed, private_keys(rsa_pair()));
    EXPECT_EQ(value_of(secret, "password"), "hunter2") << scope_name(scope);
    EXPECT_EQ(value_of(secret, "user"), "admin");
    EXPECT_EQ(value_of(secret, "empty"), "");
    EXPECT_EQ(value_of(secret, "utf8"), "grüße ✓");
    EXPECT_EQ(value_of(secret, "eq"), "a=b");

    // The same values under another identity are refused, as the controller would.
    if (scope != Scope::ClusterWide) {
      Node moved = sealed_from(encrypted, scope, "staging", "db");
      try {
        unseal(moved, private_keys(rsa_pair()));
        ADD_FAILURE() << "unsealed under the wrong namespace";
      } catch (const berth::Error& e) {
        EXPECT_NE(std::string(e.what()).find("label mismatch"), std::string::npos) << e.what();
      }
    }
  }
}

TEST(Oracle, OutputValidatesWithKubernetesModels) {
  if (!have_oracles()) GTEST_SKIP() << "SKIPPED: node or tests/oracle/node_modules absent (npm ci in tests/oracle)";
  std::string validate = "node " + quote((oracle_dir() / "validate.mjs").string());
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (Scope scope : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide})
    all.push_back(berth::yaml::to_json(berth_sealed(scope)));
  auto r = berth::test::run(validate, all.dump());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 object(s) valid"), std::string::npos) << r.out;

  // The oracle can fail: a non-string sealed value is rejected.
  all[0]["spec"]["encryptedData"]["password"] = 5;
  auto bad = berth::test::run(validate, all.dump());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("encryptedData"), std::string::npos) << bad.err;
}

TEST(Oracle, OutputValidatesAgainstTheCrdSchema) {
  if (!have_oracles()) GTEST_SKIP() << "SKIPPED: node or tests/oracle/node_modules absent (npm ci in tests/oracle)";
  fs::path crd = berth::test::shared_dir() / "schemas" / "crds" / "sealed-secrets_bitnami.com_sealedsecrets.yaml";
  if (berth::test::shared_dir().empty() || !fs::exists(crd)) GTEST_SKIP() << "SKIPPED: ../shared CRDs absent";
  Node crd_doc = berth::yaml::parse_file(crd.string()).at(0);
  const Node* versions = crd_doc.find("spec")->find("versions");
  const Node* schema = nullptr;
  for (const auto& v : versions->items())
    if (v.find("name")->value() == "v1alpha1") schema = v.find("schema")->find("openAPIV3Schema");
  ASSERT_TRUE(schema);
  nlohmann::ordered_json input;
  input["schema"] = berth::yaml::to_json(*schema);
  input["objects"] = nlohmann::ordered_json::array();
  for (Scope scope : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide})
    input["objects"].push_back(berth::yaml::to_json(berth_sealed(scope)));
  std::string cmd = "node " + quote((oracle_dir() / "crd_validate.mjs").string());
  auto r = berth::test::run(cmd, input.dump());
  EXPECT_EQ(r.exit_code, 0) << r.err;

  input["objects"][0]["spec"].erase("encryptedData"); // required by the CRD
  auto bad = berth::test::run(cmd, input.dump());
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.err.find("encryptedData"), std::string::npos) << bad.err;
}
