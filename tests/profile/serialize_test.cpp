// profile_to_yaml: stable layout, and load(serialize(p)) == p for defaults and edited profiles.
#include <gtest/gtest.h>

#include "profile/load.h"
#include "profile/serialize.h"
#include "yaml/emit.h"

using namespace berth::profile;

namespace {

Profile round_trip(const Profile& p) {
  return load_profile_text(berth::yaml::emit(profile_to_yaml(p)), "berth.yaml");
}

} // namespace

TEST(ProfileSerialize, DefaultsRoundTrip) {
  Profile d = default_profile();
  EXPECT_EQ(round_trip(d), d);
}

TEST(ProfileSerialize, Deterministic) {
  std::string a = berth::yaml::emit(profile_to_yaml(default_profile()));
  std::string b = berth::yaml::emit(profile_to_yaml(default_profile()));
  EXPECT_EQ(a, b);
}

TEST(ProfileSerialize, SectionOrder) {
  berth::yaml::Node n = profile_to_yaml(default_profile());
  std::vector<std::string> keys;
  for (const auto& e : n.entries()) keys.push_back(e.key.value());
  EXPECT_EQ(keys, (std::vector<std::string>{"version", "environments", "ingress", "storage",
                                            "secrets", "gitops", "registry", "observability",
                                            "database", "backup", "capacity",
                                            "priority_classes"}));
}

TEST(ProfileSerialize, LayoutReadsLikeTheSeed) {
  std::string text = berth::yaml::emit(profile_to_yaml(default_profile()));
  for (const char* needle :
       {"namespace: \"{app}-prod\"", "namespace: \"{app}-staging\"", "requests.cpu: \"8\"",
        "limits.memory: 48Gi", "pods: 50", "pods: null", "defaultRequest:", "release: kube-prometheus-stack",
        "role: alert-rules", "cluster_issuer: letsencrypt-prod", "critical-infrastructure: 1000000"})
    EXPECT_NE(text.find(needle), std::string::npos) << needle << "\n" << text;
}

TEST(ProfileSerialize, EditedProfileRoundTrips) {
  Profile p = default_profile();
  p.environments.erase(p.environments.begin()); // production only
  Environment dev = p.environments[0];
  dev.name = "dev";
  dev.namespace_pattern = "{app}-{env}";
  dev.host_prefix = "dev.";
  dev.priority_class = "";
  dev.quota = Quota{};
  dev.quota.services = 3;
  dev.limit_range.min = CpuMemory{};
  p.environments.insert(p.environments.begin(), dev);
  p.ingress.traefik_pod_labels.clear();
  p.priority_classes.pop_back();
  p.observability.otlp_endpoint = "http://tempo.observability.svc:4318";
  p.secrets.method = "plain";
  p.registry.pull_secret = "";
  p.backup.endpoint = "https://s3.example.org";
  Profile back = round_trip(p);
  EXPECT_EQ(back, p);
  ASSERT_EQ(back.environments.size(), 2u);
  EXPECT_EQ(back.environments[0].name, "dev");
}
