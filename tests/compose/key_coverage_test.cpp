// Every service property of the Compose Specification has a disposition in the converter's
// key table (mapped, conditional, dropped with a reason, or resolved by the loader) — and the
// table names no key the specification lacks.
#include <gtest/gtest.h>

#include <set>

#include "compose/to_model.h"
#include "support/test_support.h"
#include "yaml/parse.h"

namespace berth::compose {
namespace {

std::set<std::string> schema_service_keys() {
  auto path = test::shared_dir() / "schemas" / "compose-spec.json";
  // JSON is YAML: the project's own parser reads the schema.
  yaml::Node schema = yaml::parse_document(test::read_file(path), path.string());
  const yaml::Node* props = schema.find("definitions");
  if (props) props = props->find("service");
  if (props) props = props->find("properties");
  std::set<std::string> keys;
  if (props)
    for (const yaml::Entry& e : props->entries()) keys.insert(e.key.value());
  return keys;
}

TEST(KeyCoverage, EverySchemaServiceKeyHasADisposition) {
  if (test::shared_dir().empty() ||
      !std::filesystem::exists(test::shared_dir() / "schemas" / "compose-spec.json"))
    GTEST_SKIP() << "SKIPPED: shared/schemas/compose-spec.json absent";
  std::set<std::string> keys = schema_service_keys();
  ASSERT_GT(keys.size(), 80u);
  for (const std::string& k : keys)
    EXPECT_NE(find_service_key_rule(k), nullptr) << "service key without disposition: " << k;
  for (const ServiceKeyRule& r : service_key_rules())
    EXPECT_TRUE(keys.count(std::string(r.key))) << "table key not in the schema: " << r.key;
}

TEST(KeyCoverage, TableIsWellFormed) {
  std::set<std::string_view> seen;
  for (const ServiceKeyRule& r : service_key_rules()) {
    EXPECT_TRUE(seen.insert(r.key).second) << "duplicate: " << r.key;
    if (r.disposition == KeyDisposition::Mapped)
      EXPECT_TRUE(r.reason.empty()) << r.key;
    else // every dropped key says why and what to do instead
      EXPECT_GT(r.reason.size(), 20u) << r.key;
  }
}

} // namespace
} // namespace berth::compose
