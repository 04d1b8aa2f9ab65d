// Canonicalizes one service key given as YAML text, for the canonical_* tests.
#pragma once

#include <string>

#include "common/error.h"
#include "compose/canonical.h"
#include "yaml/parse.h"

namespace berth::compose::test {

// Canonical value of `key` of service `web` declared as `body` (YAML flow or block text).
inline yaml::Node canon_key(const std::string& key, const std::string& body) {
  yaml::Node file = yaml::parse_document("services:\n  web:\n    " + key + ": " + body + "\n",
                                         "compose.yaml");
  canonicalize_file(file);
  return *file.find("services")->find("web")->find(key);
}

// The error canonicalizing `key: body` raises, or "(no error)".
inline std::string error_of(const std::string& key, const std::string& body) {
  try {
    canon_key(key, body);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace berth::compose::test
