// Compiled schemas by apiVersion/kind: the built-in set, then --openapi, then --crds (later
// sources replace earlier ones per kind). Read-only after loading; shared by worker threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/schema/graph.h"

namespace berth::check::schema {

enum class Source : std::uint8_t { BuiltIn, BuiltInCrd, OpenApi, Crd };

struct KindSchema {
  std::string_view api_version; // interned
  std::string_view kind;        // interned
  std::uint32_t type = kNoType;
  Source source = Source::BuiltIn;
  const std::string* origin = nullptr; // file it came from ("built-in" for the built-in set)
};

class Registry {
public:
  Registry();

  const Graph& graph() const { return graph_; }
  Graph& mutable_graph() { return graph_; }

  // The schema of apiVersion/kind; nullptr when none (no allocation).
  const KindSchema* find(std::string_view api_version, std::string_view kind) const;
  // Every apiVersion that serves `kind`, in registration order.
  std::vector<const KindSchema*> versions_of(std::string_view kind) const;
  // Kinds registered under `api_version` (suggestions for a misspelt kind).
  std::vector<std::string_view> kinds_of(std::string_view api_version) const;
  // True when every kind of `api_version` is known (Kubernetes API table or --openapi).
  bool complete(std::string_view api_version) const;

  // --- loading ---------------------------------------------------------------------------
  void add(std::string_view api_version, std::string_view kind, std::uint32_t type, Source source,
           const std::string* origin);
  void mark_complete(std::string_view api_version);
  // ObjectMeta of the richest source loaded (CRD metadata and embedded resources use it).
  std::uint32_t object_meta() const { return object_meta_; }
  void set_object_meta(std::uint32_t type) { object_meta_ = type; }

  // Load statistics for `berth check --verbose` and the report.
  struct Stats {
    std::size_t kinds = 0, types = 0, patterns = 0;
    std::vector<std::string> skipped_patterns; // "file:line:col: why"
  };
  Stats& stats() { return stats_; }
  const Stats& stats() const { return stats_; }

private:
  Graph graph_;
  std::uint32_t object_meta_ = kNoType;
  // api_version → kind → schema; keys are interned views.
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, KindSchema>> kinds_;
  std::vector<const KindSchema*> order_;
  std::unordered_set<std::string_view> complete_;
  Stats stats_;
};

} // namespace berth::check::schema
