// Kubernetes naming rules: DNS-1123 labels/subdomains, port names, consistent rewriting.
#pragma once

#include <string>
#include <string_view>

namespace berth::kube {

// True when `name` is a DNS-1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most `max` chars.
bool is_dns1123_label(std::string_view name, std::size_t max = 63);

// Rewrites any string into a DNS-1123 label of at most `max` characters, deterministically:
// lowercase, [_. ] and other invalid characters → '-', runs of '-' collapsed, trimmed; when it
// must be shortened, the end is replaced by a short stable hash of the full input so two long
// names stay distinct. Never returns an empty string ("x" for input without any valid char).
std::string dns1123_label(std::string_view text, std::size_t max = 63);

// IANA_SVC_NAME rules for container/service port names: ≤ 15 chars, [a-z0-9-], at least one
// letter, no leading/trailing/double '-'. Returns a valid name derived from `hint`
// ("postgres", "http", "metrics"), else "p<port>" (e.g. "p8080") when nothing fits.
std::string port_name(std::string_view hint, int port);

} // namespace berth::kube
