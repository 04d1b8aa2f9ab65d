// Facts about Kubernetes API kinds that need no schema: which group/version/kinds the API
// serves (GA and beta, v1.33) and which name grammar each kind's metadata.name follows.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace berth::check::schema {

struct ApiKind {
  std::string_view api_version; // "apps/v1", "v1"
  std::string_view kind;
};

// Every kind of the Kubernetes API's GA and beta group/versions (no Lists, no meta types).
const std::vector<ApiKind>& kubernetes_kinds();
bool is_kubernetes_kind(std::string_view api_version, std::string_view kind);
// True when `api_version` is one of the table's group/versions (its kind list is complete).
bool is_kubernetes_group_version(std::string_view api_version);
// True for the groups of the Kubernetes API itself ("", apps, batch, *.k8s.io…).
bool is_kubernetes_group(std::string_view group);

enum class NameGrammar { Subdomain, Label, Dns1035Label, PathSegment };
struct NameRule {
  NameGrammar grammar = NameGrammar::Subdomain;
  std::size_t max = 253;
  const char* why = nullptr; // for a max below the grammar's own ("CronJob: the Job name adds 11")
};
// The rule metadata.name follows for `kind` of `group` (custom resources: DNS subdomain).
NameRule name_rule(std::string_view group, std::string_view kind);

} // namespace berth::check::schema
