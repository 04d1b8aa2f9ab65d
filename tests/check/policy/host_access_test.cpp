// Host access: host namespaces, hostPort, hostPath, container runtime sockets.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const char* kHostPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  hostNetwork: true
  hostPID: true
  hostIPC: true
  containers:
    - name: agent
      image: agent:1.0
      ports:
        - containerPort: 9100
          hostPort: 9100
  volumes:
    - name: logs
      hostPath:
        path: /var/log
    - name: docker
      hostPath:
        path: /var/run/docker.sock
        type: Socket
    - name: k3s
      hostPath:
        path: /run/k3s/containerd/
    - name: data
      emptyDir: {}
)";

TEST(HostAccess, HostNamespacesAreErrorsAtTheirField) {
  PolicyRun r = run(kHostPod);
  Finding net = only(r, "host-network");
  EXPECT_EQ(at(net), "6:16");
  EXPECT_EQ(net.severity, Severity::Error);
  EXPECT_EQ(at(only(r, "host-pid")), "7:12");
  EXPECT_EQ(at(only(r, "host-ipc")), "8:12");
  EXPECT_FALSE(run(kCleanDeployment).has("host-network"));
  EXPECT_FALSE(run(replace(kHostPod, "hostPID: true", "hostPID: false")).has("host-pid"));
}

TEST(HostAccess, HostPortIsAWarningUnlessHostNetworkSaidItAll) {
  EXPECT_FALSE(run(kHostPod).has("host-port"));
  Finding f = only(run(replace(kHostPod, "  hostNetwork: true\n", "")), "host-port");
  EXPECT_EQ(at(f), "13:21"); // one line up: hostNetwork is gone
  EXPECT_NE(f.message.find("port 9100"), std::string::npos);
  EXPECT_FALSE(run(kCleanDeployment).has("host-port"));
}

TEST(HostAccess, HostPathAndRuntimeSockets) {
  PolicyRun r = run(kHostPod);
  Finding path = only(r, "host-path-volume");
  EXPECT_EQ(at(path), "18:9");
  EXPECT_NE(path.message.find("/var/log"), std::string::npos);
  std::vector<Finding> sockets = r.of("container-runtime-socket");
  ASSERT_EQ(sockets.size(), 2u) << r.dump();
  EXPECT_EQ(at(sockets[0]), "21:15");
  EXPECT_EQ(sockets[0].severity, Severity::Error);
  EXPECT_NE(sockets[0].message.find("volume \"docker\""), std::string::npos);
  EXPECT_EQ(at(sockets[1]), "25:15");
  EXPECT_FALSE(run(kCleanDeployment).has("host-path-volume"));
}

} // namespace
} // namespace berth::check::policy::test
