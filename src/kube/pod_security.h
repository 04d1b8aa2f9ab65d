// Pod Security Standards facts the generator needs (the check's policy rules hold the same).
#pragma once

#include <array>
#include <string_view>

namespace berth::kube {

// The capabilities Pod Security Baseline lets a container add (spelled without "CAP_",
// upper case); adding any other makes a baseline-enforcing namespace reject the pod.
inline constexpr std::array<std::string_view, 13> kBaselineCapabilities{
    "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER",  "FSETID", "KILL",      "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID",       "SETPCAP", "SETUID", "SYS_CHROOT"};

inline bool baseline_capability(std::string_view cap) {
  for (std::string_view b : kBaselineCapabilities)
    if (b == cap) return true;
  return false;
}

} // namespace berth::kube
