// Secret → SealedSecret → Secret round trips for every scope, odd values, refusals, merging.
#include <gtest/gtest.h>

#include <functional>

#include "seal/base64.h"
#include "seal/env_file.h"
#include "seal/sealed_secret.h"
#include "seal/unseal.h"
#include "test_keys.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

using namespace berth::seal;
using namespace berth::seal::test;
using berth::yaml::Node;

namespace {

Node seal_text(const std::string& yaml, SealRequest request = {}) {
  Node doc = berth::yaml::parse_document(yaml, "secret.yaml");
  SecretInput secret = read_secret(doc);
  Scope scope = resolve(secret, request);
  Pkey pub = public_key(rsa_pair());
  return seal_secret(secret, scope, pub.get());
}

Node unseal_doc(const Node& sealed) { return unseal(sealed, private_keys(rsa_pair())); }

std::string decoded(const Node& secret, const std::string& key) {
  const Node* v = secret.find("data")->find(key);
  if (!v) return "<absent>";
  auto bytes = base64_decode(v->value());
  return bytes ? std::string(as_view(*bytes)) : "<bad base64>";
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const berth::Error& e) {
    return e.what();
  }
  return "<no error>";
}

const char* kSecret = R"(apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: prod
  labels:
    app: shop
  annotations:
    owner: team-a
type: kubernetes.io/basic-auth
data:
  password: aHVudGVyMg==
stringData:
  username: admin
)";

} // namespace

TEST(SealedSecret, StructureMatchesKubeseal) {
  Node s = seal_text(kSecret);
  EXPECT_EQ(s.find("apiVersion")->value(), "bitnami.com/v1alpha1");
  EXPECT_EQ(s.find("kind")->value(), "SealedSecret");
  EXPECT_EQ(s.find("metadata")->find("name")->value(), "db");
  EXPECT_EQ(s.find("metadata")->find("namespace")->value(), "prod");
  EXPECT_FALSE(s.find("metadata")->has("annotations")); // strict: no scope annotation
  const Node* spec = s.find("spec");
  const Node* enc = spec->find("encryptedData");
  ASSERT_EQ(enc->size(), 2u);
  EXPECT_EQ(enc->entries()[0].key.value(), "password"); // sorted
  EXPECT_EQ(enc->entries()[1].key.value(), "username");
  const Node* tmeta = spec->find("template")->find("metadata");
  EXPECT_EQ(tmeta->find("name")->value(), "db");
  EXPECT_EQ(tmeta->find("namespace")->value(), "prod");
  EXPECT_EQ(tmeta->find("labels")->find("app")->value(), "shop");
  EXPECT_EQ(tmeta->find("annotations")->find("owner")->value(), "team-a");
  EXPECT_EQ(spec->find("template")->find("type")->value(), "kubernetes.io/basic-auth");
}

TEST(SealedSecret, RoundTripEveryScope) {
  for (Scope scope : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide}) {
    Node sealed = seal_text(kSecret, SealRequest{scope, "", ""});
    EXPECT_EQ(scope_from_metadata(sealed.find("metadata")).value_or(Scope::Strict), scope);
    Node secret = unseal_doc(sealed);
    EXPECT_EQ(secret.find("kind")->value(), "Secret");
    EXPECT_EQ(secret.find("type")->value(), "kubernetes.io/basic-auth");
    EXPECT_EQ(secret.find("metadata")->find("labels")->find("app")->value(), "shop");
    EXPECT_EQ(decoded(secret, "password"), "hunter2") << scope_name(scope);
    EXPECT_EQ(decoded(secret, "username"), "admin") << scope_name(scope);
  }
}

TEST(SealedSecret, BinaryEmptyAndLargeValues) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  std::string big(1u << 20, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) >> 3);
  std::string yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: bin\n  namespace: ns\ndata:\n"
                     "  all: " + base64_encode(all) + "\n  empty: \"\"\n  big: " + base64_encode(big) + "\n";
  for (Scope scope : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide}) {
    Node secret = unseal_doc(seal_text(yaml, SealRequest{scope, "", ""}));
    EXPECT_EQ(decoded(secret, "all"), all);
    EXPECT_EQ(decoded(secret, "empty"), "");
    EXPECT_EQ(decoded(secret, "big"), big);
  }
}

TEST(SealedSecret, WrongNamespaceNameOrScopeIsRefused) {
  Node strict = seal_text(kSecret);
  Node moved = strict;
  moved.find("metadata")->set("namespace", Node::str("staging"));
  std::string msg = error_of([&] { unseal_doc(moved); });
  EXPECT_NE(msg.find("label mismatch"), std::string::npos) << msg;
  EXPECT_NE(msg.find("staging/db"), std::string::npos) << msg;
  EXPECT_NE(msg.find("encryptedData.password"), std::string::npos) << msg;

  Node renamed = strict;
  renamed.find("metadata")->set("name", Node::str("web"));
  msg = error_of([&] { unseal_doc(renamed); });
  EXPECT_NE(msg.find("label mismatch"), std::string::npos) << msg;
  EXPECT_NE(msg.find("name \"web\""), std::string::npos) << msg;

  // Sealed strict, annotated cluster-wide: berth names the scope the value was sealed with.
  Node rescoped = strict;
  rescoped.find("metadata")->set("annotations", Node::mapping()).set(kClusterWideAnnotation, Node::str("true"));
  msg = error_of([&] { unseal_doc(rescoped); });
  EXPECT_NE(msg.find("label mismatch: it was sealed with strict scope"), std::string::npos) << msg;
  EXPECT_NE(msg.find("declares cluster-wide scope"), std::string::npos) << msg;

  Node ns_wide = seal_text(kSecret, SealRequest{Scope::NamespaceWide, "", ""});
  ns_wide.find("metadata")->set("name", Node::str("anything")); // namespace-wide allows renames
  EXPECT_EQ(decoded(unseal_doc(ns_wide), "password"), "hunter2");
  ns_wide.find("metadata")->set("namespace", Node::str("other"));
  msg = error_of([&] { unseal_doc(ns_wide); });
  EXPECT_NE(msg.find("label mismatch"), std::string::npos) << msg;

  Node cluster = seal_text(kSecret, SealRequest{Scope::ClusterWide, "", ""});
  cluster.find("metadata")->set("namespace", Node::str("anywhere"));
  cluster.find("metadata")->set("name", Node::str("any"));
  EXPECT_EQ(decoded(unseal_doc(cluster), "username"), "admin");

  // The wrong controller key is refused the same way.
  auto other = private_keys(make_rsa_pair(2048, 0, 1));
  msg = error_of([&] { unseal(strict, other); });
  EXPECT_NE(msg.find("wrong key"), std::string::npos) << msg;
}

TEST(SealedSecret, OverridesAndAnnotatedScope) {
  const char* bare = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  k: v\n";
  Node s = seal_text(bare, SealRequest{std::nullopt, "dev", "b"});
  EXPECT_EQ(s.find("metadata")->find("name")->value(), "b");
  EXPECT_EQ(s.find("metadata")->find("namespace")->value(), "dev");
  EXPECT_EQ(decoded(unseal_doc(s), "k"), "v");

  const char* annotated = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n  annotations:\n"
                          "    sealedsecrets.bitnami.com/cluster-wide: \"true\"\nstringData:\n  k: v\n";
  Node c = seal_text(annotated);
  EXPECT_EQ(scope_from_metadata(c.find("metadata")), Scope::ClusterWide);
  EXPECT_EQ(scope_from_metadata(c.find("spec")->find("template")->find("metadata")), Scope::ClusterWide);
  Node strict = seal_text(annotated, SealRequest{Scope::Strict, "ns", ""});
  EXPECT_FALSE(scope_from_metadata(strict.find("metadata")));
  EXPECT_FALSE(strict.find("spec")->find("template")->find("metadata")->has("annotations"));
}

TEST(SealedSecret, InputErrorsCarryLocations) {
  std::string msg = error_of([] {
    seal_text("apiVersion: v1\nkind: Secret\nmetadata:\n  namespace: x\nstringData:\n  a: b\n");
  });
  EXPECT_NE(msg.find("secret.yaml:4:3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("metadata.name"), std::string::npos) << msg;

  msg = error_of([] { seal_text("apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  a: b\n"); });
  EXPECT_NE(msg.find("-n NAMESPACE"), std::string::npos) << msg;

  msg = error_of([] { seal_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"); });
  EXPECT_NE(msg.find("secret.yaml:2:7"), std::string::npos) << msg;
  EXPECT_NE(msg.find("expected kind Secret, found kind ConfigMap"), std::string::npos) << msg;

  msg = error_of([] {
    seal_text("kind: Secret\nmetadata:\n  name: x\n  namespace: y\ndata:\n  a: not*base64\n");
  });
  EXPECT_NE(msg.find("secret.yaml:6:6"), std::string::npos) << msg;
  EXPECT_NE(msg.find("base64"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("not*base64"), std::string::npos) << "secret echoed: " << msg;

  msg = error_of([] { seal_text("kind: Secret\nmetadata:\n  name: x\n  namespace: y\nstringData:\n  port: 5432\n"); });
  EXPECT_NE(msg.find("secret.yaml:6:9"), std::string::npos) << msg;
  EXPECT_NE(msg.find("quote it"), std::string::npos) << msg;

  msg = error_of([] { seal_text("kind: Secret\nmetadata:\n  name: x\n  namespace: y\nstringData:\n  bad/key: v\n"); });
  EXPECT_NE(msg.find("secret.yaml:6:3"), std::string::npos) << msg;
}

TEST(SealedSecret, StringDataWinsOverData) {
  Node s = seal_text("kind: Secret\nmetadata:\n  name: x\n  namespace: y\ndata:\n  k: b2xk\nstringData:\n  k: new\n");
  EXPECT_EQ(s.find("spec")->find("encryptedData")->size(), 1u);
  EXPECT_EQ(decoded(unseal_doc(s), "k"), "new");
}

TEST(SealedSecret, MergeIntoAddsAndReplaces) {
  Node sealed = seal_text(kSecret);
  std::string old_password = sealed.find("spec")->find("encryptedData")->find("password")->value();
  Node update = berth::yaml::parse_document(
      "kind: Secret\nmetadata:\n  name: db\n  namespace: prod\nstringData:\n  password: new\n  api: tok\n", "u.yaml");
  SecretInput in = read_secret(update);
  Pkey pub = public_key(rsa_pair());
  merge_into(sealed, in, SealRequest{}, pub.get());
  const Node* enc = sealed.find("spec")->find("encryptedData");
  ASSERT_EQ(enc->size(), 3u);
  EXPECT_EQ(enc->entries()[0].key.value(), "api");
  EXPECT_NE(enc->find("password")->value(), old_password);
  Node secret = unseal_doc(sealed);
  EXPECT_EQ(decoded(secret, "password"), "new");
  EXPECT_EQ(decoded(secret, "api"), "tok");
  EXPECT_EQ(decoded(secret, "username"), "admin");

  // Literal values take the existing object's identity.
  SecretInput lit;
  add_value(lit, parse_literal("extra=1", "--from-literal"));
  merge_into(sealed, lit, SealRequest{}, pub.get());
  EXPECT_EQ(decoded(unseal_doc(sealed), "extra"), "1");

  SecretInput other = read_secret(berth::yaml::parse_document(
      "kind: Secret\nmetadata:\n  name: web\n  namespace: prod\nstringData:\n  a: b\n", "o.yaml"));
  std::string msg = error_of([&] { merge_into(sealed, other, SealRequest{}, pub.get()); });
  EXPECT_NE(msg.find("named \"db\""), std::string::npos) << msg;
  SecretInput scoped = read_secret(update);
  msg = error_of([&] { merge_into(sealed, scoped, SealRequest{Scope::ClusterWide, "", ""}, pub.get()); });
  EXPECT_NE(msg.find("cannot mix scopes"), std::string::npos) << msg;
  SecretInput elsewhere = read_secret(update);
  msg = error_of([&] { merge_into(sealed, elsewhere, SealRequest{std::nullopt, "dev", ""}, pub.get()); });
  EXPECT_NE(msg.find("namespace \"prod\""), std::string::npos) << msg;
}

TEST(EnvFile, KubectlSemantics) {
  auto values = parse_env_file("# comment\n\nA=1\n  B= spaced \nC=x=y\nD=\"quoted\"\r\nE=\n", "app.env");
  ASSERT_EQ(values.size(), 5u);
  EXPECT_EQ(values[0].key, "A");
  EXPECT_EQ(as_view(values[0].value), "1");
  EXPECT_EQ(values[1].key, "B");
  EXPECT_EQ(as_view(values[1].value), " spaced "); // literal, like kubectl
  EXPECT_EQ(as_view(values[2].value), "x=y");
  EXPECT_EQ(as_view(values[3].value), "\"quoted\"");
  EXPECT_EQ(as_view(values[4].value), "");
  EXPECT_EQ(values[4].loc.str(), "app.env:7:1");
  // A space before '=' is part of the key, which Kubernetes rejects.
  std::string msg = error_of([] { parse_env_file("B =x\n", "app.env"); });
  EXPECT_NE(msg.find("app.env:1:1"), std::string::npos) << msg;
}

TEST(EnvFile, Errors) {
  std::string msg = error_of([] { parse_env_file("A=1\nnot a pair\n", "app.env"); });
  EXPECT_NE(msg.find("app.env:2:1"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("not a pair"), std::string::npos) << "line echoed: " << msg;
  EXPECT_THROW(parse_literal("novalue", "--from-literal"), berth::Error);
  EXPECT_THROW(parse_literal("=v", "--from-literal"), berth::Error);
  EXPECT_EQ(as_view(parse_literal("k=a=b", "--from-literal").value), "a=b");
  SecretInput s;
  add_value(s, parse_literal("k=1", "--from-literal"));
  EXPECT_THROW(add_value(s, parse_literal("k=2", "--from-literal")), berth::Error);
}

// A Secret exported after `kubectl apply` carries its manifest — data included — in the
// last-applied-configuration annotation; the SealedSecret must not publish it.
TEST(SealedSecret, LastAppliedConfigurationIsNotCopied) {
  Node sealed = seal_text(R"(apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: prod
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","data":{"password":"aHVudGVyMg=="},"kind":"Secret"}
    owner: team-a
data:
  password: aHVudGVyMg==
)");
  std::string text = berth::yaml::emit(sealed);
  EXPECT_EQ(text.find("last-applied"), std::string::npos) << text;
  EXPECT_EQ(text.find("aHVudGVyMg"), std::string::npos) << text;
  EXPECT_NE(text.find("owner: team-a"), std::string::npos) << text;
}
