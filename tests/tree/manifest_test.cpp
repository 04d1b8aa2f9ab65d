// The manifest text: nlohmann's dump(2) layout, paths in order, SHA-256 of each file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tree/manifest.h"
#include "tree/sha256.h"
#include "tree/writer.h"

TEST(Manifest, SameTextAsNlohmannDump) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 600; ++i)
    files["dir-" + std::to_string(i % 7) + "/f\"" + std::to_string(i)] = std::to_string(i);
  nlohmann::ordered_json doc;
  doc["generator"] = "berth";
  doc["files"] = nlohmann::ordered_json::object();
  for (const auto& [path, content] : files)
    doc["files"][path] = berth::tree::sha256_hex(content);
  EXPECT_EQ(berth::tree::manifest_json(files), doc.dump(2) + "\n");
}

TEST(Manifest, EmptyTree) {
  nlohmann::ordered_json doc;
  doc["generator"] = "berth";
  doc["files"] = nlohmann::ordered_json::object();
  EXPECT_EQ(berth::tree::manifest_json({}), doc.dump(2) + "\n");
}

TEST(Manifest, HashesInMapOrder) {
  std::map<std::string, std::string> files{{"b", "2"}, {"a", "1"}};
  auto hashes = berth::tree::content_hashes(files);
  ASSERT_EQ(hashes.size(), 2u);
  EXPECT_EQ(hashes[0], berth::tree::sha256_hex("1"));
  EXPECT_EQ(hashes[1], berth::tree::sha256_hex("2"));
}
