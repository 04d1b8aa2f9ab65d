// The secret values an export holds (Secrets' data/stringData decoded, secret-looking literal
// env values), for the import tests' leak scans.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace berth::test {

// Values under 6 bytes are too short to search for; a service-account token's `namespace` is
// the namespace's name, public anyway.
std::set<std::string> export_secret_values(const std::filesystem::path& input);

} // namespace berth::test
