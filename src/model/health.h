// Service healthcheck.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/origin.h"

namespace berth::model {

enum class HealthKind {
  Inherit,  // no `test`: the image's HEALTHCHECK (only timings overridden)
  Cmd,      // ["CMD", argv...]: exec'd directly
  CmdShell, // ["CMD-SHELL", "script"]: run with /bin/sh -c
  None,     // ["NONE"]: health checking disabled
};
const char* to_string(HealthKind k);

struct Healthcheck {
  HealthKind kind = HealthKind::Inherit;
  std::vector<std::string> test; // argv for Cmd; one element (the script) for CmdShell
  std::optional<std::int64_t> interval_ns;
  std::optional<std::int64_t> timeout_ns;
  std::optional<std::int64_t> start_period_ns;
  std::optional<std::int64_t> start_interval_ns;
  std::optional<int> retries;
  bool disable = false;
  Origin at;

  // True when there is no check to run (disable: true or NONE).
  bool disabled() const { return disable || kind == HealthKind::None; }
  friend bool operator==(const Healthcheck&, const Healthcheck&) = default;
};

} // namespace berth::model
