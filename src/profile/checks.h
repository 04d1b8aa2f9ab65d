// Value checks of profile fields, shared by the berth.yaml loader and the `berth init`
// questionnaire: each returns nullopt when the value is fine, else what was expected.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace berth::profile {

using Check = std::optional<std::string>;

Check check_dns_label(std::string_view s);     // RFC 1123 label, ≤ 63 (namespaces, ...)
Check check_dns_subdomain(std::string_view s); // RFC 1123 subdomain, ≤ 253 (most object names)
Check check_domain(std::string_view s);        // a DNS name with at least one dot
Check check_host_prefix(std::string_view s);   // "" or DNS labels each followed by "."
Check check_label_key(std::string_view s);     // [prefix/]name as for Kubernetes labels
Check check_label_value(std::string_view s);
Check check_quantity(std::string_view s);          // Kubernetes quantity ≥ 0
Check check_positive_quantity(std::string_view s); // ... and > 0
Check check_image_tag_prefix(std::string_view s);  // what may start a Docker tag
Check check_registry(std::string_view s);          // host[:port][/path], no scheme
Check check_http_url(std::string_view s);          // http:// or https://
Check check_git_url(std::string_view s);           // https://, ssh://, git@host:..., file://
Check check_s3_url(std::string_view s);            // s3://bucket[/prefix]
Check check_relative_path(std::string_view s);     // non-empty, relative, no ".."
Check check_cron(std::string_view s);
// Only the placeholders in `allowed` ("{app}", "{env}") may appear; `required` must.
Check check_placeholders(std::string_view s, std::string_view allowed_list,
                         std::string_view required = {});
// Value of `s` when it names one of `choices` ("a|b|c"), else a message listing them.
Check check_choice(std::string_view s, std::string_view choices);

// A sealing certificate (from --seal-cert) with a secrets.method that does not seal would be
// silently ignored: nullopt when consistent, else the message (checked wherever a certificate
// can meet a profile: the CLI and the secrets generator).
struct Profile;
Check check_seal_cert_method(const Profile& p);

// Numeric value of a valid quantity ("500m" → 0.5, "1Gi" → 1073741824) for comparisons.
double quantity_value(std::string_view s);

} // namespace berth::profile
