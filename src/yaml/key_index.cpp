// Key identity for duplicate detection and merge keys, and the small/large key index.
#include "yaml/key_index.h"

#include <functional>
#include <string_view>

namespace berth::yaml {

bool same_key(const Node& a, const Node& b) {
  if (a.is_scalar() && b.is_scalar()) {
    ScalarType ta = a.type(), tb = b.type();
    if (ta != tb) return false;
    return ta == ScalarType::Null || a.value() == b.value();
  }
  if (a.kind() != b.kind()) return false;
  return a == b;
}

std::string describe_key(const Node& key) {
  if (key.is_scalar()) {
    std::string text = key.value();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return "\"" + text + "\"";
  }
  return std::string("<") + key.kind_name() + ">";
}

namespace {

std::size_t key_hash(const Node& key) {
  if (key.is_scalar()) {
    ScalarType t = key.type();
    if (t == ScalarType::Null) return 0x9e3779b97f4a7c15ULL;
    return std::hash<std::string_view>{}(key.value()) ^ (static_cast<std::size_t>(t) * 0x100000001b3ULL);
  }
  // Collections are rare as keys: hash only their shape, equality decides.
  return static_cast<std::size_t>(key.kind()) * 0x51ed27ULL + key.size();
}

} // namespace

void KeyIndex::clear() {
  list_.clear();
  slots_.clear();
  size_ = 0;
}

std::uint32_t KeyIndex::find(const std::vector<Entry>& entries, const Node& key) const {
  if (slots_.empty()) {
    for (std::uint32_t pos : list_)
      if (same_key(entries[pos].key, key)) return pos;
    return npos;
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = key_hash(key) & mask;; i = (i + 1) & mask) {
    std::uint32_t pos = slots_[i];
    if (pos == npos) return npos;
    if (same_key(entries[pos].key, key)) return pos;
  }
}

void KeyIndex::rehash(const std::vector<Entry>& entries, std::size_t slots) {
  std::vector<std::uint32_t> old;
  if (slots_.empty())
    old.swap(list_);
  else
    old.swap(slots_);
  slots_.assign(slots, npos);
  const std::size_t mask = slots - 1;
  for (std::uint32_t pos : old) {
    if (pos == npos) continue;
    std::size_t i = key_hash(entries[pos].key) & mask;
    while (slots_[i] != npos) i = (i + 1) & mask;
    slots_[i] = pos;
  }
}

void KeyIndex::insert(const std::vector<Entry>& entries, std::uint32_t pos) {
  ++size_;
  if (slots_.empty()) {
    list_.push_back(pos);
    if (list_.size() > kListMax) rehash(entries, 64);
    return;
  }
  if (size_ * 2 > slots_.size()) rehash(entries, slots_.size() * 2);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = key_hash(entries[pos].key) & mask;
  while (slots_[i] != npos) i = (i + 1) & mask;
  slots_[i] = pos;
}

} // namespace berth::yaml
