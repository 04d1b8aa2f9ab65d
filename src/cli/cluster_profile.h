// The cluster profile a command works with: --cluster (or the defaults) plus --seal-cert.
#pragma once

#include <string>

#include "profile/profile.h"

namespace berth::cli {

// Loads `cluster` (the default profile when empty), then lets `seal_cert` (when not empty)
// replace secrets.cert. Throws berth::Error for a missing certificate file, and for a
// certificate with a secrets.method that does not seal — the same rule the profile loader
// applies to secrets.cert, so neither source of a certificate is silently ignored.
profile::Profile cluster_profile(const std::string& cluster, const std::string& seal_cert);

} // namespace berth::cli
