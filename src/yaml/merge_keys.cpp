// YAML 1.1 merge keys (https://yaml.org/type/merge.html) applied to a finished mapping.
#include <utility>

#include "yaml/tree_builder.h"

namespace berth::yaml {

namespace {

bool is_merge_entry(const Entry& e) {
  // The builder only calls apply_merge_keys when merge keys are on; it has already decided
  // which `<<` keys count (plain or !!merge), and quoted "<<" never reaches here as a merge.
  return e.key.is_scalar() && e.key.value() == "<<" &&
         (e.key.tag() == "!!merge" || (e.key.tag().empty() && e.key.style() == Style::Plain));
}

[[noreturn]] void bad_source(const Node& found) {
  throw Error(found.loc(), std::string("merge key '<<' expects a mapping or a sequence of "
                                       "mappings, found a ") +
                               found.kind_name());
}

} // namespace

void apply_merge_keys(Node& mapping) {
  std::vector<Entry>& entries = mapping.entries();

  KeyIndex explicit_keys;
  for (std::uint32_t i = 0; i < entries.size(); ++i)
    if (!is_merge_entry(entries[i]) && explicit_keys.find(entries, entries[i].key) == KeyIndex::npos)
      explicit_keys.insert(entries, i);

  // Collect merged entries in precedence order; ranges[i] marks those contributed by entry i.
  std::vector<Entry> merged;
  KeyIndex merged_keys;
  std::vector<std::pair<std::size_t, std::size_t>> ranges(entries.size(), {0, 0});
  auto take_source = [&](Node& source) {
    if (!source.is_mapping()) bad_source(source);
    for (Entry& e : source.entries()) {
      if (explicit_keys.find(entries, e.key) != KeyIndex::npos) continue;
      if (merged_keys.find(merged, e.key) != KeyIndex::npos) continue;
      merged.push_back(std::move(e));
      merged_keys.insert(merged, static_cast<std::uint32_t>(merged.size() - 1));
    }
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!is_merge_entry(entries[i])) continue;
    ranges[i].first = merged.size();
    Node& value = entries[i].value;
    if (value.is_sequence()) {
      for (Node& item : value.items()) take_source(item);
    } else {
      take_source(value);
    }
    ranges[i].second = merged.size();
  }

  std::vector<Entry> out;
  out.reserve(entries.size() + merged.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!is_merge_entry(entries[i])) {
      out.push_back(std::move(entries[i]));
      continue;
    }
    for (std::size_t m = ranges[i].first; m < ranges[i].second; ++m)
      out.push_back(std::move(merged[m]));
  }
  entries = std::move(out);
}

} // namespace berth::yaml
