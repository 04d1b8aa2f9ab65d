// Parsing of --k8s-version: the forms users paste from `kubectl version` and release notes.
#include "check/options.h"

#include <charconv>

namespace berth::check {

namespace {

// Reads a decimal number without sign or leading '+'; advances `pos`.
bool read_number(std::string_view text, std::size_t& pos, int& out) {
  const char* begin = text.data() + pos;
  const char* end = text.data() + text.size();
  if (begin == end || *begin < '0' || *begin > '9') return false;
  auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec != std::errc()) return false;
  pos += static_cast<std::size_t>(ptr - begin);
  return true;
}

} // namespace

bool parse_kube_version(std::string_view text, KubeVersion& out) {
  std::size_t pos = 0;
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) pos = 1;
  KubeVersion v;
  if (!read_number(text, pos, v.major)) return false;
  if (pos >= text.size() || text[pos] != '.') return false;
  ++pos;
  if (!read_number(text, pos, v.minor)) return false;
  if (pos < text.size()) { // an optional patch level, e.g. "1.32.4" or "v1.32.4+k3s1"
    if (text[pos] != '.') return false;
    ++pos;
    int patch = 0;
    if (!read_number(text, pos, patch)) return false;
    // Pre-release or build suffix as `kubectl version` prints it for K3s and release candidates.
    if (pos < text.size() && text[pos] != '+' && text[pos] != '-') return false;
    if (pos + 1 == text.size()) return false;
  }
  if (v.major != 1 || v.minor > 99) return false; // only Kubernetes 1.x exists
  out = v;
  return true;
}

} // namespace berth::check
