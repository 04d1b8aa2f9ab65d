// --cluster and --seal-cert, shared by `berth convert` and `berth import`.
#include "cli/cluster_profile.h"

#include <filesystem>
#include <system_error>

#include "common/error.h"
#include "profile/checks.h"
#include "profile/load.h"

namespace berth::cli {

profile::Profile cluster_profile(const std::string& cluster, const std::string& seal_cert) {
  profile::Profile profile =
      cluster.empty() ? profile::default_profile() : profile::load_profile(cluster);
  if (seal_cert.empty()) return profile;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(seal_cert, ec))
    throw Error("--seal-cert " + seal_cert +
                ": no such file (expected the controller's certificate from "
                "`kubeseal --fetch-cert`)");
  profile.secrets.cert = std::filesystem::absolute(seal_cert).string();
  if (profile::Check conflict = profile::check_seal_cert_method(profile)) throw Error(*conflict);
  return profile;
}

} // namespace berth::cli
