// Shared by the reference and capacity tests (header-only: each test binary globs its own
// folder): builds objects from YAML text the way the engine does, feeds an Index, runs the
// set-level families, and helpers to pick findings and positions.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "check/capacity/capacity.h"
#include "check/context.h"
#include "check/index.h"
#include "check/input.h"
#include "check/reference/reference.h"
#include "yaml/parse.h"

namespace berth::check::test {

// Context wants the schema registry, which set-level rules never touch, and these test
// binaries do not link the schema family: a reference to storage that is never read.
inline const schema::Registry& no_schemas() {
  alignas(std::max_align_t) static unsigned char storage[1];
  return *reinterpret_cast<const schema::Registry*>(storage);
}

inline const Catalog& set_catalog() {
  static const Catalog catalog = [] {
    std::vector<RuleInfo> all = reference::rules();
    for (RuleInfo& r : capacity::rules())
      all.push_back(r);
    return Catalog(std::move(all));
  }();
  return catalog;
}

class SetRun {
public:
  Options options;

  // Every document of `yaml` becomes an object of `file` (ids in input order).
  SetRun& add(const std::string& file, std::string_view yaml, bool patch = false) {
    for (const yaml::Node& doc : yaml::parse_stream(yaml, file)) {
      if (!doc.is_mapping()) continue;
      ObjectInfo& info = infos_.emplace_back(object_info(doc, file, infos_.size(), patch));
      index_.add(Object{info, doc});
    }
    return *this;
  }
  // A second Index appended to this one (what the engine does per file).
  SetRun& add_appended(const std::string& file, std::string_view yaml) {
    Index other;
    for (const yaml::Node& doc : yaml::parse_stream(yaml, file)) {
      ObjectInfo& info = infos_.emplace_back(object_info(doc, file, infos_.size(), false));
      other.add(Object{info, doc});
    }
    index_.append(std::move(other));
    return *this;
  }

  std::vector<Finding> run() const {
    Context ctx(options, set_catalog(), no_schemas());
    reference::check_set(index_, ctx);
    capacity::check_set(index_, ctx);
    std::vector<Finding> out = ctx.findings();
    std::stable_sort(out.begin(), out.end());
    return out;
  }

  // run() without info findings (headroom, default-deny hints): what "passes" means in tests.
  std::vector<Finding> problems() const {
    std::vector<Finding> out = run();
    std::erase_if(out, [](const Finding& f) { return f.severity == Severity::Info; });
    return out;
  }

  const Index& index() const { return index_; }

private:
  std::deque<ObjectInfo> infos_;
  Index index_;
};

inline std::vector<Finding> of(const std::vector<Finding>& all, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.rule == rule) out.push_back(f);
  return out;
}

inline std::string at(const Finding& f) {
  return std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column);
}

inline std::string dump(const std::vector<Finding>& all) {
  std::string out;
  for (const Finding& f : all)
    out += f.rule + " " + f.file + ":" + at(f) + " " + f.object + ": " + f.message + "\n";
  return out;
}

// The one finding of `rule` (a failure and an empty Finding unless there is exactly one).
inline Finding only(const std::vector<Finding>& all, std::string_view rule) {
  std::vector<Finding> hits = of(all, rule);
  if (hits.size() != 1) {
    ADD_FAILURE() << "expected one " << rule << ", got " << hits.size() << ":\n" << dump(all);
    return {};
  }
  return hits.front();
}

} // namespace berth::check::test
