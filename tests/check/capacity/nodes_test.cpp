// Node capacity (with --cluster): node-capacity-exceeded, node-capacity-headroom.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

// Line 9: the pod spec mapping (column 5).
std::string deployment(std::string_view name, std::string_view replicas, std::string_view cpu,
                       std::string_view memory) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + std::string(name) +
         "}\nspec:\n  replicas: " + std::string(replicas) +
         "\n  selector: {matchLabels: {app: " + std::string(name) +
         "}}\n  template:\n    metadata: {labels: {app: " + std::string(name) +
         "}}\n    spec:\n      containers: [{name: c, image: 'c:1', resources: {requests: {cpu: " +
         std::string(cpu) + ", memory: " + std::string(memory) +
         "}, limits: {memory: " + std::string(memory) + "}}}]\n";
}

Options small_cluster(std::int64_t nodes = 1) {
  Options o;
  profile::Profile p = profile::default_profile();
  p.capacity.cpu = "4";
  p.capacity.memory = "8Gi";
  p.capacity.nodes = nodes;
  o.profile = p;
  return o;
}

TEST(NodeCapacity, OnlyWithAClusterProfile) {
  SetRun s;
  s.add("a.yaml", deployment("a", "1", "100", "1Ti"));
  EXPECT_TRUE(of(s.run(), "node-capacity-exceeded").empty());
  EXPECT_TRUE(of(s.run(), "node-capacity-headroom").empty());
}

TEST(NodeCapacity, HeadroomIsASetLevelInfo) {
  SetRun s;
  s.options = small_cluster(2);
  s.add("a.yaml", deployment("a", "1", "500m", "1Gi"));
  std::vector<Finding> all = s.run();
  EXPECT_TRUE(s.problems().empty()) << dump(all);
  Finding f = only(all, "node-capacity-headroom");
  EXPECT_EQ(f.file, "");
  EXPECT_EQ(f.object, "");
  EXPECT_EQ(f.message, "cluster of 2 node(s): requests.cpu 500m/8 (6%), limits.cpu 0/8 (0%), "
                       "requests.memory 1Gi/16Gi (6%), limits.memory 1Gi/16Gi (6%)");
}

TEST(NodeCapacity, APodLargerThanANodeIsAnErrorAtItsSpec) {
  SetRun s;
  s.options = small_cluster(3);
  s.add("a.yaml", deployment("a", "1", "500m", "12Gi"));
  Finding f = only(s.run(), "node-capacity-exceeded");
  EXPECT_EQ(f.file, "a.yaml");
  EXPECT_EQ(at(f), "10:7");
  EXPECT_EQ(f.message, "one pod of Deployment/a requests 12Gi memory but a node has 8Gi: it can "
                       "never be scheduled");
}

TEST(NodeCapacity, TotalOverCapacityIsASetLevelError) {
  SetRun s;
  s.options = small_cluster(1);
  s.add("a.yaml", deployment("a", "3", "1", "1Gi")).add("b.yaml", deployment("b", "2", "1", "1Gi"));
  Finding f = only(s.run(), "node-capacity-exceeded");
  EXPECT_EQ(f.file, "");
  EXPECT_EQ(f.message, "all workloads request 5 cpu but the cluster has 4 (1 node(s) x 4); "
                       "largest: Deployment/a 3 x 1, Deployment/b 2 x 1");
}

} // namespace
} // namespace berth::check::test
