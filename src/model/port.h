// Container ports: published/declared `ports` and `expose` entries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/origin.h"

namespace berth::model {

// One `ports` entry in the long syntax (ranges were expanded by the loader).
struct Port {
  int target = 0;             // container port
  std::string published;      // host port or range ("8080", "8000-8010"); empty: not published
  std::string host_ip;        // empty: all interfaces
  std::string protocol = "tcp";
  std::string mode;           // "ingress" / "host" (Swarm); empty when not given
  std::string name;           // optional human-readable name
  std::string app_protocol;   // e.g. "http", "grpc"
  Origin at;

  bool is_published() const { return !published.empty(); }
  // The single published port, when `published` is one number.
  std::optional<int> published_port() const;
  friend bool operator==(const Port&, const Port&) = default;
};

// One `expose` entry: a port or a range, with protocol.
struct ExposedPort {
  int first = 0;
  int last = 0; // == first for a single port
  std::string protocol = "tcp";
  Origin at;

  std::string str() const; // "80", "8000-8010", "53/udp"
  friend bool operator==(const ExposedPort&, const ExposedPort&) = default;
};

} // namespace berth::model
