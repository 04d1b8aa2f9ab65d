// Field checks for berth.yaml values (names, quantities, URLs, placeholders), with messages that
// say what was expected.
#include "profile/checks.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "model/cron.h"
#include "model/quantity.h"
#include "profile/profile.h"

namespace berth::profile {

namespace {

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return lower_alnum(c) || (c >= 'A' && c <= 'Z'); }

bool is_label(std::string_view s) {
  if (s.empty() || s.size() > 63) return false;
  if (!lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  for (char c : s)
    if (!lower_alnum(c) && c != '-') return false;
  return true;
}

bool is_subdomain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    if (!is_label(s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
      return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

} // namespace

Check check_dns_label(std::string_view s) {
  if (is_label(s)) return std::nullopt;
  return std::string("a DNS-1123 label (lowercase letters, digits and '-', starting and ending "
                     "with a letter or digit, at most 63 characters)");
}

Check check_dns_subdomain(std::string_view s) {
  if (is_subdomain(s)) return std::nullopt;
  return std::string("a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 "
                     "characters)");
}

Check check_domain(std::string_view s) {
  if (is_subdomain(s) && s.find('.') != std::string_view::npos) return std::nullopt;
  return std::string("a DNS domain such as example.org (lowercase)");
}

Check check_host_prefix(std::string_view s) {
  if (s.empty() || (s.back() == '.' && is_subdomain(s.substr(0, s.size() - 1))))
    return std::nullopt;
  return std::string("\"\" or DNS labels ending with '.' such as \"staging.\"");
}

Check check_label_key(std::string_view s) {
  std::string_view name = s;
  if (auto slash = s.find('/'); slash != std::string_view::npos) {
    if (!is_subdomain(s.substr(0, slash))) return std::string("a label key ([prefix/]name)");
    name = s.substr(slash + 1);
  }
  if (check_label_value(name) || name.empty()) return std::string("a label key ([prefix/]name)");
  return std::nullopt;
}

Check check_label_value(std::string_view s) {
  bool ok = s.size() <= 63;
  if (!s.empty()) ok = ok && alnum(s.front()) && alnum(s.back());
  for (char c : s) ok = ok && (alnum(c) || c == '-' || c == '_' || c == '.');
  if (ok) return std::nullopt;
  return std::string("a label value (at most 63 letters, digits, '-', '_', '.', starting and "
                     "ending with a letter or digit)");
}

Check check_quantity(std::string_view s) {
  if (model::quantity_bytes(s)) return std::nullopt;
  return std::string("a Kubernetes quantity such as 500m, 2, 512Mi or 10Gi");
}

Check check_positive_quantity(std::string_view s) {
  if (model::quantity_bytes(s) && quantity_value(s) > 0) return std::nullopt;
  return std::string("a positive Kubernetes quantity such as 500m, 2, 512Mi or 10Gi");
}

Check check_image_tag_prefix(std::string_view s) {
  bool ok = s.size() <= 88; // leaves room for a 40-hex sha in the 128-character tag limit
  if (!s.empty()) ok = ok && (alnum(s.front()) || s.front() == '_');
  for (char c : s) ok = ok && (alnum(c) || c == '_' || c == '.' || c == '-');
  if (ok) return std::nullopt;
  return std::string("the start of an image tag (letters, digits, '_', '.', '-'; not starting "
                     "with '.' or '-')");
}

Check check_registry(std::string_view s) {
  const std::string expected = "a registry and path such as ghcr.io/my-org (no scheme, no tag)";
  if (s.empty() || s.find("://") != std::string_view::npos || s.back() == '/' ||
      s.front() == '/')
    return expected;
  std::size_t slash = s.find('/');
  std::string_view host = s.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : s.substr(slash + 1);
  if (auto colon = host.find(':'); colon != std::string_view::npos) {
    std::string_view port = host.substr(colon + 1);
    host = host.substr(0, colon);
    if (port.empty() || port.size() > 5) return expected;
    for (char c : port)
      if (c < '0' || c > '9') return expected;
  }
  std::string lower_host;
  for (char c : host) lower_host += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  if (!is_subdomain(lower_host) && lower_host != "localhost") return expected;
  // Repository path components: lowercase alphanumerics separated by '.', '_', '__', '-'.
  for (char c : path)
    if (!lower_alnum(c) && c != '.' && c != '_' && c != '-' && c != '/') return expected;
  if (path.find("//") != std::string_view::npos) return expected;
  return std::nullopt;
}

Check check_http_url(std::string_view s) {
  for (std::string_view scheme : {"http://", "https://"})
    if (starts_with(s, scheme) && s.size() > scheme.size() &&
        s.find_first_of(" \t\n") == std::string_view::npos)
      return std::nullopt;
  return std::string("an http:// or https:// URL");
}

Check check_git_url(std::string_view s) {
  bool ok = s.find_first_of(" \t\n") == std::string_view::npos;
  bool scheme = false;
  for (std::string_view p : {"https://", "http://", "ssh://", "git://", "file://"})
    if (starts_with(s, p) && s.size() > p.size()) scheme = true;
  if (starts_with(s, "git@") && s.find(':') != std::string_view::npos) scheme = true;
  if (ok && scheme) return std::nullopt;
  return std::string("a Git repository URL (https://..., ssh://..., git@host:org/repo.git)");
}

Check check_s3_url(std::string_view s) {
  if (starts_with(s, "s3://") && s.size() > 5 && s[5] != '/' &&
      s.find_first_of(" \t\n") == std::string_view::npos)
    return std::nullopt;
  return std::string("an S3 URL such as s3://bucket/prefix");
}

Check check_relative_path(std::string_view s) {
  bool ok = !s.empty() && s.front() != '/' && s.find('\\') == std::string_view::npos;
  std::size_t start = 0;
  while (ok) {
    std::size_t slash = s.find('/', start);
    std::string_view part = s.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (part == "..") ok = false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (ok) return std::nullopt;
  return std::string("a relative path inside the repository (no leading '/', no '..')");
}

Check check_cron(std::string_view s) { return model::cron_error(s); }

Check check_placeholders(std::string_view s, std::string_view allowed_list,
                         std::string_view required) {
  for (std::size_t open = s.find('{'); open != std::string_view::npos; open = s.find('{', open + 1)) {
    std::size_t close = s.find('}', open);
    std::string_view ph = close == std::string_view::npos ? s.substr(open)
                                                          : s.substr(open, close - open + 1);
    if (close == std::string_view::npos || allowed_list.find(ph) == std::string_view::npos)
      return "only the placeholders " + std::string(allowed_list) + ", found \"" +
             std::string(ph) + "\"";
  }
  if (s.find('}') != std::string_view::npos) {
    // A '}' that closes nothing.
    std::size_t opens = 0, closes = 0;
    for (char c : s) opens += c == '{', closes += c == '}';
    if (opens != closes) return "only the placeholders " + std::string(allowed_list) + ", found a stray '}'";
  }
  if (!required.empty() && s.find(required) == std::string_view::npos)
    return "the placeholder " + std::string(required) + " (the application name)";
  return std::nullopt;
}

Check check_choice(std::string_view s, std::string_view choices) {
  std::size_t start = 0;
  while (true) {
    std::size_t bar = choices.find('|', start);
    if (choices.substr(start, bar == std::string_view::npos ? bar : bar - start) == s)
      return std::nullopt;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  std::string list;
  for (char c : choices) list += c == '|' ? std::string(", ") : std::string(1, c);
  return "one of " + list;
}

double quantity_value(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == '+' || s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) ++i;
  double number = std::strtod(std::string(s.substr(0, i)).c_str(), nullptr);
  std::string_view suffix = s.substr(i);
  struct S { const char* s; double m; };
  static const S kSuffixes[] = {{"Ki", 0x1p10}, {"Mi", 0x1p20}, {"Gi", 0x1p30}, {"Ti", 0x1p40},
                                {"Pi", 0x1p50}, {"Ei", 0x1p60}, {"m", 1e-3},   {"k", 1e3},
                                {"M", 1e6},     {"G", 1e9},     {"T", 1e12},   {"P", 1e15},
                                {"E", 1e18}};
  if (suffix.empty()) return number;
  for (const S& x : kSuffixes)
    if (suffix == x.s) return number * x.m;
  if (suffix.size() >= 2 && (suffix[0] == 'e' || suffix[0] == 'E'))
    return number * std::pow(10.0, std::strtod(std::string(suffix.substr(1)).c_str(), nullptr));
  return number;
}

Check check_seal_cert_method(const Profile& p) {
  if (p.secrets.cert.empty() || p.secrets.method == "sealed-secrets") return std::nullopt;
  return "a sealing certificate was given, but secrets.method is " + p.secrets.method +
         ", which does not seal; drop --seal-cert or use method sealed-secrets";
}

} // namespace berth::profile
