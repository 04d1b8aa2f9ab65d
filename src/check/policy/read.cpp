// Allocation-free node readers and ASCII text tests shared by the policy topics.
#include "check/policy/read.h"

#include <charconv>

namespace berth::check::policy {

namespace {

const std::vector<yaml::Node> kNoItems;
const std::vector<yaml::Entry> kNoEntries;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string_view text(const yaml::Node* n) {
  if (!n || !n->is_scalar() || n->is_null()) return {};
  return n->value();
}

std::optional<bool> boolean(const yaml::Node* n) {
  return n ? n->as_bool() : std::nullopt;
}

std::optional<std::int64_t> integer(const yaml::Node* n) {
  if (!n || !n->is_scalar() || n->style() != yaml::Style::Plain || !n->tag().empty())
    return n ? n->as_int() : std::nullopt;
  // The usual decimal case without Node::as_int's temporary string.
  std::string_view s = n->value();
  std::int64_t v = 0;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (begin != end && *begin == '+') ++begin;
  auto [p, ec] = std::from_chars(begin, end, v);
  if (ec == std::errc() && p == end && begin != end) return v;
  return n->as_int(); // 0x / 0o forms, or not an integer at all
}

const std::vector<yaml::Node>& items(const yaml::Node* n) {
  return n && n->is_sequence() ? n->items() : kNoItems;
}

const std::vector<yaml::Entry>& entries(const yaml::Node* n) {
  return n && n->is_mapping() ? n->entries() : kNoEntries;
}

bool non_empty(const yaml::Node* n) {
  return n && !n->is_scalar() && n->size() > 0;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  return false;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

} // namespace berth::check::policy
