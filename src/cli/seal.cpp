// `berth seal` / `berth unseal` runners: read input, call src/seal, print YAML or JSON.
#include "cli/seal.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "seal/env_file.h"
#include "seal/keys.h"
#include "seal/sealed_secret.h"
#include "seal/secret_bytes.h"
#include "seal/unseal.h"
#include "yaml/emit.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace berth::cli {

namespace {

// Reads a whole file (or `in` for "-") into memory; the caller wipes secret-bearing text.
std::string read_input(const std::string& path, std::istream& in, std::string_view what) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(in), {});
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error(Location{intern(path), 0, 0}, "cannot read " + std::string(what));
  std::string text((std::istreambuf_iterator<char>(f)), {});
  if (f.bad()) throw Error(Location{intern(path), 0, 0}, "cannot read " + std::string(what));
  return text;
}

// Parses YAML secret material and wipes the text right after.
std::vector<yaml::Node> parse_wiping(std::string& text, const std::string& name) {
  try {
    auto docs = yaml::parse_stream(text, name);
    seal::cleanse(text);
    return docs;
  } catch (...) {
    seal::cleanse(text);
    throw;
  }
}

// Documents → objects: null documents (a trailing `---`) carry nothing; a v1 List is expanded
// as `kubectl get -o yaml` prints several objects that way.
std::vector<const yaml::Node*> objects(const std::vector<yaml::Node>& docs) {
  std::vector<const yaml::Node*> out;
  for (const auto& doc : docs) {
    if (doc.is_null()) continue;
    const yaml::Node* kind = doc.is_mapping() ? doc.find("kind") : nullptr;
    const yaml::Node* items = doc.is_mapping() ? doc.find("items") : nullptr;
    if (kind && kind->is_scalar() && kind->value() == "List" && items && items->is_sequence()) {
      for (const auto& item : items->items()) out.push_back(&item);
    } else {
      out.push_back(&doc);
    }
  }
  return out;
}

std::string render(const std::vector<yaml::Node>& docs, const std::string& format) {
  if (format == "json") {
    if (docs.size() == 1) return yaml::to_json(docs[0]).dump(2) + "\n";
    yaml::Node list = yaml::Node::mapping();
    list.set("apiVersion", yaml::Node::str("v1"));
    list.set("kind", yaml::Node::str("List"));
    yaml::Node& items = list.set("items", yaml::Node::sequence());
    for (const auto& d : docs) items.push(d);
    return yaml::to_json(list).dump(2) + "\n";
  }
  return yaml::emit_stream(docs);
}

seal::SecretInput from_flags(const SealOptions& o, std::istream& in) {
  seal::SecretInput secret;
  secret.type = o.type.empty() ? "Opaque" : o.type;
  secret.loc = secret.metadata_loc = Location{intern("--name"), 0, 0};
  if (!o.env_file.empty()) {
    std::string text = read_input(o.env_file, in, "the env file");
    try {
      for (auto& v : seal::parse_env_file(text, o.env_file)) seal::add_value(secret, std::move(v));
    } catch (...) {
      seal::cleanse(text);
      throw;
    }
    seal::cleanse(text);
  }
  for (const auto& literal : o.literals)
    seal::add_value(secret, seal::parse_literal(literal, "--from-literal"));
  seal::sort_values(secret);
  return secret;
}

int seal_command(const SealOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
  if (o.cert.empty()) throw Error("--cert is required: the controller's certificate or public key (PEM)");
  std::optional<seal::Scope> scope;
  if (!o.scope.empty()) {
    scope = seal::parse_scope(o.scope);
    if (!scope)
      throw Error("--scope: expected strict, namespace-wide or cluster-wide, found \"" + o.scope + "\"");
  }
  bool from_flags_input = !o.env_file.empty() || !o.literals.empty();
  if (!from_flags_input && !o.type.empty())
    throw Error("--type applies to --from-literal/--from-env-file; a Secret document carries its own type");
  if (from_flags_input && o.input != "-")
    throw Error("give either a Secret file or --from-literal/--from-env-file, not both");

  std::string cert_text = read_input(o.cert, in, "the certificate");
  seal::PublicKey key = seal::load_public_key(cert_text, o.cert);
  for (const auto& w : key.warnings) print_warning(err, w);

  seal::SealRequest request{scope, o.ns, o.name};
  std::vector<seal::SecretInput> secrets;
  std::vector<yaml::Node> input_docs;
  if (from_flags_input) {
    if (o.name.empty() && o.merge_into.empty())
      throw Error("--from-literal/--from-env-file need --name for the Secret");
    secrets.push_back(from_flags(o, in));
  } else {
    std::string text = read_input(o.input, in, "the Secret");
    input_docs = parse_wiping(text, o.input);
    for (const yaml::Node* obj : objects(input_docs)) secrets.push_back(seal::read_secret(*obj));
    for (auto& doc : input_docs) seal::wipe_secret_values(doc);
    if (secrets.empty())
      throw Error(Location{intern(o.input), 0, 0}, "no Secret in the input; expected a Secret document");
  }

  std::vector<yaml::Node> result;
  if (!o.merge_into.empty()) {
    if (secrets.size() != 1)
      throw Error(secrets[1].loc, "--merge-into takes exactly one Secret, found " +
                                      std::to_string(secrets.size()));
    std::string existing_text = read_input(o.merge_into, in, "the SealedSecret");
    std::vector<yaml::Node> existing = yaml::parse_stream(existing_text, o.merge_into);
    std::vector<const yaml::Node*> objs = objects(existing);
    if (objs.size() != 1 || objs[0] != &existing[0])
      throw Error(Location{intern(o.merge_into), 0, 0},
                  "--merge-into: expected exactly one SealedSecret document, found " +
                      std::to_string(objs.size()) + " objects");
    seal::merge_into(existing[0], secrets[0], request, key.key.get());
    result.push_back(std::move(existing[0]));
  } else {
    for (auto& secret : secrets) {
      seal::Scope s = seal::resolve(secret, request);
      result.push_back(seal::seal_secret(secret, s, key.key.get()));
    }
  }
  std::string text = render(result, o.format);
  out << text;
  out.flush();
  return kExitOk;
}

int unseal_command(const UnsealOptions& o, std::istream& in, std::ostream& out) {
  if (o.key.empty()) throw Error("--key is required: the controller's private key (PEM)");
  std::string key_text = read_input(o.key, in, "the private key");
  std::vector<seal::Pkey> keys;
  try {
    keys = seal::load_private_keys(key_text, o.key);
  } catch (...) {
    seal::cleanse(key_text);
    throw;
  }
  seal::cleanse(key_text);

  std::string text = read_input(o.input, in, "the SealedSecret");
  std::vector<yaml::Node> docs = yaml::parse_stream(text, o.input);
  std::vector<yaml::Node> secrets;
  for (const yaml::Node* obj : objects(docs)) secrets.push_back(seal::unseal(*obj, keys));
  if (secrets.empty())
    throw Error(Location{intern(o.input), 0, 0}, "no SealedSecret in the input");
  std::string rendered = render(secrets, o.format);
  for (auto& s : secrets) seal::wipe_secret_values(s);
  out << rendered;
  out.flush();
  seal::cleanse(rendered);
  return kExitOk;
}

} // namespace

int run_seal(const SealOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    return seal_command(options, in, out, err);
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
}

int run_unseal(const UnsealOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    return unseal_command(options, in, out);
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
}

} // namespace berth::cli
