// A Kubernetes Secret read for sealing: name, namespace, metadata to carry over, decoded values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "seal/label.h"
#include "seal/secret_bytes.h"
#include "yaml/node.h"

namespace berth::seal {

struct SecretValue {
  std::string key;
  SecretBytes value; // plaintext, wiped when freed
  Location loc;      // where the value came from (for errors)
};

struct SecretInput {
  std::string name;
  std::string ns;
  std::string type = "Opaque";
  std::optional<yaml::Node> labels;      // metadata.labels (mapping) when present
  std::optional<yaml::Node> annotations; // metadata.annotations (mapping) when present
  std::optional<bool> immutable;
  std::optional<Scope> declared_scope;   // from the Secret's scope annotations
  std::vector<SecretValue> values;       // sorted by key, unique
  Location loc;                          // the document (or the flag/file it came from)
  Location metadata_loc;
};

// Reads one Secret document. `data` values are base64-decoded, `stringData` taken as text and
// wins over `data` for the same key (as the API server does). Throws berth::Error at the
// offending node for a non-Secret, malformed metadata, bad base64, non-string values, bad keys.
SecretInput read_secret(const yaml::Node& doc);

// Secret data keys must be non-empty, at most 253 characters of [-._a-zA-Z0-9].
void check_data_key(std::string_view key, const Location& where);

// Adds a value, rejecting a key given twice (where says where the second one came from).
void add_value(SecretInput& secret, SecretValue value);

// Sorts values by key (sealed output is deterministic apart from the ciphertext itself).
void sort_values(SecretInput& secret);

// Overwrites the bytes of every data/stringData value in a parsed Secret document, so the
// plaintext does not linger in the freed heap after sealing.
void wipe_secret_values(yaml::Node& doc);

} // namespace berth::seal
