// Hand-written matchers for the Kubernetes name grammars (no regex: they run on every object).
#include "check/schema/formats.h"

#include "kube/names.h"

namespace berth::check::schema {

namespace {

bool lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool alnum(char c) {
  return lower_alnum(c) || (c >= 'A' && c <= 'Z');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])? without a length limit (lengths get their own message).
bool label_chars(std::string_view s) {
  return kube::is_dns1123_label(s, s.size());
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], non-empty.
bool name_chars(std::string_view s) {
  if (s.empty() || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s)
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

// Labels of [a-z0-9]([-a-z0-9]*[a-z0-9])? joined by '.', checked in one pass (label keys of
// every object go through here).
bool subdomain_chars(std::string_view s) {
  if (s.empty()) return false;
  char prev = '.';
  for (char c : s) {
    if (c == '.') {
      if (prev == '.' || prev == '-') return false;
    } else if (c == '-') {
      if (prev == '.') return false;
    } else if (!lower_alnum(c)) {
      return false;
    }
    prev = c;
  }
  return prev != '.' && prev != '-';
}

bool digits(std::string_view s, std::size_t& i, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k, ++i)
    if (i >= s.size() || !digit(s[i])) return false;
  return true;
}

int two(std::string_view s, std::size_t i) {
  return (s[i] - '0') * 10 + (s[i + 1] - '0');
}

bool date_at(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  if (!digits(s, i, 4) || i >= s.size() || s[i++] != '-' || !digits(s, i, 2) || i >= s.size() ||
      s[i++] != '-' || !digits(s, i, 2))
    return false;
  int month = two(s, start + 5), day = two(s, start + 8);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

} // namespace

const char* check_dns1123_label(std::string_view s) {
  if (s.size() > 63) return "must be at most 63 characters";
  if (!label_chars(s))
    return "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending "
           "with a letter or digit";
  return nullptr;
}

const char* check_dns1035_label(std::string_view s) {
  if (s.size() > 63) return "must be at most 63 characters";
  if (!label_chars(s) || !(s.front() >= 'a' && s.front() <= 'z'))
    return "must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter "
           "and ending with a letter or digit";
  return nullptr;
}

const char* check_dns1123_subdomain(std::string_view s) {
  if (s.size() > 253) return "must be at most 253 characters";
  if (!subdomain_chars(s))
    return "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and "
           "ending with a letter or digit";
  return nullptr;
}

const char* check_path_segment(std::string_view s) {
  if (s.empty()) return "must not be empty";
  if (s == "." || s == "..") return "must not be '.' or '..'";
  for (char c : s)
    if (c == '/' || c == '%') return "must not contain '/' or '%'";
  return nullptr;
}

const char* check_iana_svc_name(std::string_view s) {
  if (s.empty()) return "must not be empty";
  if (s.size() > 15) return "must be at most 15 characters (IANA_SVC_NAME)";
  bool letter = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z')
      letter = true;
    else if (c == '-') {
      if (i == 0 || i + 1 == s.size()) return "must not start or end with '-' (IANA_SVC_NAME)";
      if (s[i + 1] == '-') return "must not contain '--' (IANA_SVC_NAME)";
    } else if (!digit(c))
      return "must contain only lowercase letters, digits and '-' (IANA_SVC_NAME)";
  }
  if (!letter) return "must contain at least one letter (IANA_SVC_NAME)";
  return nullptr;
}

const char* check_qualified_name(std::string_view s) {
  std::string_view name = s;
  std::size_t slash = s.find('/');
  if (slash != std::string_view::npos) {
    std::string_view prefix = s.substr(0, slash);
    name = s.substr(slash + 1);
    if (prefix.empty()) return "has an empty prefix before '/'";
    if (prefix.size() > 253 || !subdomain_chars(prefix))
      return "has a prefix that is not a DNS-1123 subdomain (lowercase, at most 253 characters)";
  }
  if (name.empty()) return "must have a name part";
  if (name.size() > 63) return "has a name part longer than 63 characters";
  if (!name_chars(name))
    return "must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit "
           "(optionally prefixed by a DNS subdomain and '/')";
  return nullptr;
}

const char* check_label_value(std::string_view s) {
  if (s.empty()) return nullptr;
  if (s.size() > 63) return "must be at most 63 characters";
  if (!name_chars(s))
    return "must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
  return nullptr;
}

const char* check_config_key(std::string_view s) {
  if (s.empty()) return "must not be empty";
  if (s.size() > 253) return "must be at most 253 characters";
  if (s == "." || s == ".." || s.substr(0, 2) == "..") return "must not be '.' or start with '..'";
  for (char c : s)
    if (!alnum(c) && c != '-' && c != '_' && c != '.')
      return "must consist of letters, digits, '-', '_' or '.'";
  return nullptr;
}

bool is_quantity(std::string_view s) {
  std::size_t i = 0;
  auto number = [&](bool allow_fraction) {
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t int_digits = 0, frac_digits = 0;
    while (i < s.size() && digit(s[i]))
      ++i, ++int_digits;
    if (allow_fraction && i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && digit(s[i]))
        ++i, ++frac_digits;
    }
    return int_digits + frac_digits > 0;
  };
  if (!number(true)) return false;
  std::string_view suffix = s.substr(i);
  if (suffix.empty()) return true;
  if (suffix.size() == 2 && suffix[1] == 'i') {
    switch (suffix[0]) {
    case 'K':
    case 'M':
    case 'G':
    case 'T':
    case 'P':
    case 'E':
      return true;
    default:
      return false;
    }
  }
  if (suffix.size() == 1) {
    switch (suffix[0]) {
    case 'n':
    case 'u':
    case 'm':
    case 'k':
    case 'M':
    case 'G':
    case 'T':
    case 'P':
    case 'E':
      return true;
    default:
      return false;
    }
  }
  if (suffix[0] == 'e' || suffix[0] == 'E') {
    ++i;
    return number(true) && i == s.size();
  }
  return false;
}

bool is_base64(std::string_view s) {
  std::size_t n = 0, pad = 0;
  for (char c : s) {
    if (c == '\n' || c == '\r') continue;
    if (c == '=') {
      ++pad;
    } else {
      if (pad > 0) return false; // data after padding
      bool ok = alnum(c) || c == '+' || c == '/';
      if (!ok) return false;
    }
    ++n;
  }
  return n % 4 == 0 && pad <= 2;
}

bool is_full_date(std::string_view s) {
  std::size_t i = 0;
  return date_at(s, i) && i == s.size();
}

bool is_date_time(std::string_view s) {
  std::size_t i = 0;
  if (!date_at(s, i)) return false;
  if (i >= s.size() || (s[i] != 'T' && s[i] != 't')) return false;
  std::size_t t = ++i;
  if (!digits(s, i, 2) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2) || i >= s.size() ||
      s[i++] != ':' || !digits(s, i, 2))
    return false;
  if (two(s, t) > 23 || two(s, t + 3) > 59 || two(s, t + 6) > 60) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && digit(s[i]))
      ++i;
    if (i == start) return false;
  }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) return i + 1 == s.size();
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    std::size_t o = ++i;
    if (!digits(s, i, 2) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2)) return false;
    return i == s.size() && two(s, o) <= 23 && two(s, o + 3) <= 59;
  }
  return false;
}

} // namespace berth::check::schema
