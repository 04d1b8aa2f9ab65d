// What `berth import` is asked to do beyond the inputs: names, maps and the flags that change
// the adaptation to the target cluster.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace berth::import {

enum class LoadBalancerMode {
  Keep,    // LoadBalancer Services stay (K3s ServiceLB serves them on the node's address)
  Ingress, // HTTP ports become ClusterIP behind a Traefik Ingress
};

struct ImportOptions {
  std::string name; // --name: application name; empty: from the (mapped) namespace
  std::map<std::string, std::string> namespace_map;     // --namespace-map old=new
  std::map<std::string, std::string> storage_class_map; // --storage-class-map old=new
  bool keep_node_ports = false;                         // --keep-node-ports
  LoadBalancerMode load_balancer = LoadBalancerMode::Keep;
  std::vector<std::string> inputs; // as given on the command line (MIGRATION.md names them)
  // Report locations are shown relative to this directory (the inputs' common directory).
  std::string base_directory;
};

} // namespace berth::import
