// Syntax of Kubernetes names, label keys/values, quantities and OpenAPI string formats. Each
// check returns nullptr when the text is valid, else a short reason for the finding message.
#pragma once

#include <string_view>

namespace berth::check::schema {

const char* check_dns1123_label(std::string_view s);     // namespaces, container/volume names
const char* check_dns1035_label(std::string_view s);     // Service names: starts with a letter
const char* check_dns1123_subdomain(std::string_view s); // most object names
const char* check_path_segment(std::string_view s);      // RBAC names: not "."/"..", no '/' '%'
const char* check_iana_svc_name(std::string_view s);     // container port names
const char* check_qualified_name(std::string_view s);    // label and annotation keys
const char* check_label_value(std::string_view s);
const char* check_config_key(std::string_view s); // ConfigMap/Secret data keys

// Kubernetes quantity grammar: [+-]number[suffix], suffix binary SI (Ki…Ei), decimal SI
// (n u m "" k M G T P E) or a decimal exponent (e3, E-2).
bool is_quantity(std::string_view s);
// Standard base64 with padding; line breaks are ignored (as Go's decoder does).
bool is_base64(std::string_view s);
// RFC 3339 date-time ("2024-05-01T10:00:00Z", fractional seconds, numeric offsets).
bool is_date_time(std::string_view s);
// RFC 3339 full-date ("2024-05-01").
bool is_full_date(std::string_view s);

} // namespace berth::check::schema
