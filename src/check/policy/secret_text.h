// Telling secrets from ordinary configuration by name and value, without allocating: env names
// like DB_PASSWORD, URLs with a password, and the placeholders of Secret templates.
#pragma once

#include <string_view>

namespace berth::check::policy {

// The keyword that makes an env/config name look secret ("PASSWORD", "TOKEN", "DSN"…), or ""
// when it does not. Names that describe a secret rather than hold it (DB_PASSWORD_FILE,
// TOKEN_URL, SECRET_NAME, JWT_TOKEN_TTL) do not match.
std::string_view secret_keyword(std::string_view name);

// True when `value` contains scheme://user:password@ with a literal password (not a $(VAR),
// ${VAR} or {{ }} reference, not masked with '*').
bool url_with_password(std::string_view value);

// A literal value that cannot be a secret whatever its name: empty, a reference ($(VAR),
// ${VAR}, {{ … }}), a number, a boolean word, or an absolute path.
bool not_a_secret_value(std::string_view value);

// A Secret template's placeholder: berth's REPLACE_ME, CHANGE_ME/CHANGEME, TODO, FIXME, "",
// <…>, ${…}, {{ … }}, or a run of x/* characters.
bool is_placeholder(std::string_view value);

// A value that is a template rather than a secret: a placeholder, or text with one inside
// (postgres://app:<PASSWORD>@db, "token REPLACE_ME").
bool has_placeholder(std::string_view value);

// Secret keys that name key material whatever the value looks like: tls.key, *.pem, id_rsa,
// .dockerconfigjson, .htpasswd…
bool key_material_name(std::string_view key);

// Decodes standard base64 into `out` (capacity `cap`); false when malformed or too long.
bool base64_decode(std::string_view in, char* out, std::size_t cap, std::size_t& len);

} // namespace berth::check::policy
