// Tolerant field readers for the Index extractors, and label-selector matching.
#include "check/index_read.h"

#include <algorithm>
#include <filesystem>

#include "check/index_quantity.h"
#include "model/quantity.h"

namespace berth::check {

namespace {

bool has_label(const Labels& labels, const std::string& key, const std::string** value) {
  auto it = std::lower_bound(labels.begin(), labels.end(), key,
                             [](const auto& p, const std::string& k) { return p.first < k; });
  if (it == labels.end() || it->first != key) return false;
  *value = &it->second;
  return true;
}

} // namespace

bool Selector::matches(const Labels& labels) const {
  const std::string* value = nullptr;
  for (const auto& [k, v] : match_labels)
    if (!has_label(labels, k, &value) || *value != v) return false;
  for (const Requirement& r : expressions) {
    bool present = has_label(labels, r.key, &value);
    bool listed = present && std::find(r.values.begin(), r.values.end(), *value) != r.values.end();
    switch (r.op) {
    case Op::In:
      if (!listed) return false;
      break;
    case Op::NotIn:
      if (listed) return false;
      break;
    case Op::Exists:
      if (!present) return false;
      break;
    case Op::DoesNotExist:
      if (present) return false;
      break;
    }
  }
  return true;
}

namespace index_read {

const yaml::Node* mapping_at(const yaml::Node* n, std::string_view key) {
  if (!n || !n->is_mapping()) return nullptr;
  const yaml::Node* v = n->find(key);
  return v && v->is_mapping() ? v : nullptr;
}

const yaml::Node* sequence_at(const yaml::Node* n, std::string_view key) {
  if (!n || !n->is_mapping()) return nullptr;
  const yaml::Node* v = n->find(key);
  return v && v->is_sequence() ? v : nullptr;
}

const yaml::Node* scalar_at(const yaml::Node* n, std::string_view key) {
  if (!n || !n->is_mapping()) return nullptr;
  const yaml::Node* v = n->find(key);
  return v && v->is_scalar() && !v->is_null() ? v : nullptr;
}

std::string text_at(const yaml::Node* n, std::string_view key) {
  const yaml::Node* v = scalar_at(n, key);
  return v ? v->value() : std::string();
}

bool int_at(const yaml::Node* n, std::string_view key, std::int64_t& out) {
  const yaml::Node* v = scalar_at(n, key);
  if (!v) return false;
  auto i = v->as_int();
  if (!i) return false;
  out = *i;
  return true;
}

bool is_optional(const yaml::Node* ref) {
  const yaml::Node* v = scalar_at(ref, "optional");
  return v && v->as_bool().value_or(false);
}

Labels read_labels(const yaml::Node* map, bool* readable) {
  Labels out;
  if (!map || !map->is_mapping()) return out;
  out.reserve(map->size());
  for (const yaml::Entry& e : map->entries()) {
    if (!e.key.is_scalar() || !e.value.is_scalar()) {
      if (readable) *readable = false;
      continue;
    }
    out.emplace_back(e.key.value(), e.value.value());
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.first == b.first; }),
            out.end());
  return out;
}

Selector read_selector(const yaml::Node* parent, std::string_view key, bool plain) {
  Selector s;
  if (!parent || !parent->is_mapping()) return s;
  s.loc = parent->loc();
  const yaml::Node* n = parent->find(key);
  if (!n || n->is_null()) return s;
  s.present = true;
  s.loc = n->loc();
  if (!n->is_mapping()) {
    s.readable = false;
    return s;
  }
  if (plain) {
    s.match_labels = read_labels(n, &s.readable);
    return s;
  }
  if (const yaml::Node* ml = n->find("matchLabels"); ml && !ml->is_null()) {
    if (!ml->is_mapping()) s.readable = false;
    s.match_labels = read_labels(ml, &s.readable);
  }
  if (const yaml::Node* me = n->find("matchExpressions"); me && !me->is_null()) {
    if (!me->is_sequence()) {
      s.readable = false;
      return s;
    }
    for (const yaml::Node& item : me->items()) {
      Selector::Requirement r;
      r.key = text_at(&item, "key");
      std::string op = text_at(&item, "operator");
      if (op == "In")
        r.op = Selector::Op::In;
      else if (op == "NotIn")
        r.op = Selector::Op::NotIn;
      else if (op == "Exists")
        r.op = Selector::Op::Exists;
      else if (op == "DoesNotExist")
        r.op = Selector::Op::DoesNotExist;
      else
        s.readable = false;
      if (const yaml::Node* values = sequence_at(&item, "values"))
        for (const yaml::Node& v : values->items())
          if (v.is_scalar()) r.values.push_back(v.value());
      if (r.key.empty()) s.readable = false;
      s.expressions.push_back(std::move(r));
    }
  }
  return s;
}

IntOrPercent read_int_or_percent(const yaml::Node* n, std::string_view key) {
  IntOrPercent out;
  const yaml::Node* v = scalar_at(n, key);
  if (!v) return out;
  out.loc = v->loc();
  if (auto i = v->as_int()) {
    out.value = *i;
    out.set = *i >= 0 && *i <= INT32_MAX;
    return out;
  }
  const std::string& t = v->value();
  if (t.size() < 2 || t.back() != '%') return out;
  std::int64_t pct = 0;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] < '0' || t[i] > '9' || pct > 1'000'000) return out;
    pct = pct * 10 + (t[i] - '0');
  }
  out.value = pct;
  out.percent = true;
  out.set = true;
  return out;
}

bool read_quantity(const yaml::Node& scalar, bool millis, Amount& out) {
  if (!scalar.is_scalar() || scalar.is_null()) return false;
  std::optional<std::int64_t> v =
      millis ? model::quantity_millis(scalar.value()) : model::quantity_bytes(scalar.value());
  if (!v) return false;
  out.value = *v;
  out.set = true;
  out.loc = scalar.loc();
  return true;
}

void read_amounts(const yaml::Node* map, Amounts& out) {
  if (!map || !map->is_mapping()) return;
  if (const yaml::Node* v = map->find("cpu")) read_quantity(*v, true, out[kCpu]);
  if (const yaml::Node* v = map->find("memory")) read_quantity(*v, false, out[kMemory]);
  if (const yaml::Node* v = map->find("ephemeral-storage"))
    read_quantity(*v, false, out[kEphemeral]);
}

namespace {

// No empty, "." or ".." component and no trailing '/': lexically_normal would return it as is.
bool already_normal(std::string_view path) {
  if (path.empty() || path.back() == '/') return false;
  std::size_t start = path.front() == '/' ? 1 : 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

} // namespace

std::string normalize_path(std::string_view path) {
  if (already_normal(path)) return std::string(path); // the common case, without fs::path
  std::string s = std::filesystem::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/')
    s.pop_back();
  return s.empty() ? std::string(".") : s;
}

std::string parent_dir(const std::string& normalized) {
  std::size_t slash = normalized.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return normalized.substr(0, slash);
}

} // namespace index_read
} // namespace berth::check
