// Secret-looking names and values, and Secret template placeholders (no allocation: these run on
// every env entry and ConfigMap key of the input).
#include "check/policy/secret_text.h"

#include <array>

#include "check/policy/read.h"

namespace berth::check::policy {

namespace {

// Substrings that mark a secret wherever they appear (MYSQL_ROOT_PASSWORD, CLIENTSECRET).
constexpr std::array<std::string_view, 9> kAnywhere{"PASSWORD",   "PASSWD",     "SECRET",
                                                    "TOKEN",      "CREDENTIAL", "PRIVATE_KEY",
                                                    "PRIVATEKEY", "API_KEY",    "APIKEY"};
// Whole words only, so PASSENGER_COUNT or DSNAME stay plain.
constexpr std::array<std::string_view, 4> kWords{"DSN", "PASS", "PWD", "PASSPHRASE"};
// A last word that makes the name describe a secret instead of holding it.
constexpr std::array<std::string_view, 27> kDescriptive{
    "FILE",       "PATH",     "DIR",     "NAME",     "URL",  "URI",    "ENDPOINT",
    "HOST",       "PORT",     "USER",    "USERNAME", "TTL",  "EXPIRY", "EXPIRES",
    "EXPIRATION", "LIFETIME", "TIMEOUT", "LENGTH",   "SIZE", "TYPE",   "ALGORITHM",
    "ENABLED",    "HEADER",   "ISSUER",  "AUDIENCE", "REF",  "VERSION"};

bool separator(char c) {
  return c == '_' || c == '-' || c == '.';
}

// Calls f(word) for each word of `name`; stops when f returns true.
template <class F> bool any_word(std::string_view name, F&& f) {
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && separator(name[i]))
      ++i;
    std::size_t j = i;
    while (j < name.size() && !separator(name[j]))
      ++j;
    if (j > i && f(name.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

std::string_view last_word(std::string_view name) {
  while (!name.empty() && separator(name.back()))
    name.remove_suffix(1);
  std::size_t i = name.size();
  while (i > 0 && !separator(name[i - 1]))
    --i;
  return name.substr(i);
}

bool is_reference(std::string_view v) {
  return v.find("$(") != std::string_view::npos || v.find("${") != std::string_view::npos ||
         v.find("{{") != std::string_view::npos;
}

bool all_of(std::string_view v, bool (*pred)(char)) {
  if (v.empty()) return false;
  for (char c : v)
    if (!pred(c)) return false;
  return true;
}

bool stop_char(char c) {
  return c == '/' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == ';' ||
         c == '"' || c == '\'' || c == ',';
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

} // namespace

std::string_view secret_keyword(std::string_view name) {
  std::string_view last = last_word(name);
  for (std::string_view d : kDescriptive)
    if (iequals(last, d)) return {};
  for (std::string_view k : kAnywhere)
    if (icontains(name, k)) return k;
  // S3_ACCESS_KEY holds a key; AWS_ACCESS_KEY_ID only names it.
  if (icontains(name, "ACCESS_KEY") && !iequals(last, "ID")) return "ACCESS_KEY";
  std::string_view hit;
  bool single = last.size() == name.size();
  any_word(name, [&](std::string_view w) {
    for (std::string_view k : kWords)
      if (iequals(w, k) && !(k == "PWD" && single)) { // the shell's own PWD is a directory
        hit = k;
        return true;
      }
    return false;
  });
  return hit;
}

bool url_with_password(std::string_view value) {
  for (std::size_t at = value.find("://"); at != std::string_view::npos;
       at = value.find("://", at + 3)) {
    std::size_t begin = at + 3, end = begin;
    while (end < value.size() && !stop_char(value[end]))
      ++end;
    std::string_view authority = value.substr(begin, end - begin);
    std::size_t a = authority.rfind('@');
    if (a == std::string_view::npos) continue;
    std::string_view userinfo = authority.substr(0, a);
    std::size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view password = userinfo.substr(colon + 1);
    if (password.empty() || is_reference(password) || password[0] == '$' ||
        has_placeholder(password))
      continue;
    if (all_of(password, [](char c) { return c == '*'; })) continue;
    return true;
  }
  return false;
}

bool not_a_secret_value(std::string_view v) {
  if (v.empty() || is_reference(v)) return true;
  if (all_of(v, [](char c) { return c >= '0' && c <= '9'; })) return true;
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off"})
    if (iequals(v, word)) return true;
  return v[0] == '/' && v.find(' ') == std::string_view::npos;
}

bool is_placeholder(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\n'))
    v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\n'))
    v.remove_suffix(1);
  if (v.empty()) return true;
  for (std::string_view p :
       {"REPLACE_ME", "REPLACEME", "CHANGE_ME", "CHANGEME", "TODO", "FIXME", "PLACEHOLDER"})
    if (iequals(v, p)) return true;
  auto wrapped = [&](std::string_view open, std::string_view close) {
    return v.size() >= open.size() + close.size() && v.substr(0, open.size()) == open &&
           v.substr(v.size() - close.size()) == close;
  };
  if (wrapped("<", ">") || wrapped("${", "}") || wrapped("{{", "}}") || wrapped("$(", ")"))
    return true;
  return v.size() >= 3 && all_of(v, [](char c) { return c == 'x' || c == 'X' || c == '*'; });
}

bool has_placeholder(std::string_view v) {
  if (is_placeholder(v)) return true;
  for (std::string_view p : {"REPLACE_ME", "REPLACEME", "CHANGE_ME", "CHANGEME"})
    if (icontains(v, p)) return true;
  if (v.find("${") != std::string_view::npos) return true;
  // <PASSWORD>, <GENERATE_256BIT_SECRET>, <your token>: a bracketed description.
  for (std::size_t open = v.find('<'); open != std::string_view::npos;
       open = v.find('<', open + 1)) {
    std::size_t close = v.find('>', open);
    if (close == std::string_view::npos) break;
    std::string_view inside = v.substr(open + 1, close - open - 1);
    if (inside.size() >= 2 && all_of(inside, [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == ' ';
        }))
      return true;
  }
  return false;
}

bool key_material_name(std::string_view key) {
  for (std::string_view exact : {".dockerconfigjson", ".dockercfg", ".htpasswd", "htpasswd", "key",
                                 "id_rsa", "id_ecdsa", "id_ed25519", "credentials"})
    if (iequals(key, exact)) return true;
  for (std::string_view ext : {".key", ".pem", ".p12", ".pfx", ".jks", ".keystore"})
    if (iends_with(key, ext)) return true;
  return false;
}

bool base64_decode(std::string_view in, char* out, std::size_t cap, std::size_t& len) {
  len = 0;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || c == '\n' || c == '\r' || c == ' ') continue;
    int v = base64_value(c);
    if (v < 0) return false;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (len == cap) return false;
      out[len++] = static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return true;
}

} // namespace berth::check::policy
