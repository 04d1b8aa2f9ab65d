// Set of mapping keys for O(1) duplicate and merge-precedence checks (indices into an entry list).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "yaml/node.h"

namespace berth::yaml {

// Two keys are the same when both are scalars with the same resolved type and text (nulls are
// all equal; quoting and tags only matter through the resolved type), or both are collections
// that compare equal with Node's operator==.
bool same_key(const Node& a, const Node& b);

// Text naming a key in error messages: "image" for scalars, "<mapping>" for collections.
std::string describe_key(const Node& key);

// Indexes keys of `entries` by position. Small sets stay a plain list (most mappings are small,
// so no hashing and no extra allocation); larger sets switch to open addressing.
class KeyIndex {
public:
  static constexpr std::uint32_t npos = ~std::uint32_t(0);

  void clear();
  // Position of an indexed entry whose key is the same as `key`, or npos.
  std::uint32_t find(const std::vector<Entry>& entries, const Node& key) const;
  // Adds entries[pos] (its key must not be indexed yet).
  void insert(const std::vector<Entry>& entries, std::uint32_t pos);

private:
  static constexpr std::size_t kListMax = 8;
  void rehash(const std::vector<Entry>& entries, std::size_t slots);

  std::vector<std::uint32_t> list_;  // positions while small
  std::vector<std::uint32_t> slots_; // open addressing table (npos = empty) once large
  std::size_t size_ = 0;
};

} // namespace berth::yaml
