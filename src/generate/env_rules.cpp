// Reading environment variables: which look secret, and which hosts their values point at.
#include <algorithm>
#include <array>
#include <charconv>

#include "generate/plan_detail.h"

namespace berth::generate {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Words of an env name: DB_ROOT_PASSWORD → DB, ROOT, PASSWORD ('-' and '.' separate too).
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : upper(name)) {
    if (c == '_' || c == '-' || c == '.') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Substrings that mark a secret wherever they appear (MYSQL_ROOT_PASSWORD, APITOKEN, CLIENTSECRET).
constexpr std::array<std::string_view, 5> kAnywhere{"PASSWORD", "PASSWD", "SECRET", "TOKEN",
                                                    "CREDENTIAL"};
// Whole words that mark a secret (DB_PASS, SENTRY_DSN, S3_ACCESS_KEY, WP_AUTH_SALT); as words
// only, so KEYCLOAK_URL, MONKEY, PASSENGER_COUNT or DSNAME stay plain.
constexpr std::array<std::string_view, 14> kWords{"PASS",   "PWD",    "PASSPHRASE", "KEY",
                                                  "KEYS",   "APIKEY", "ACCESSKEY",  "PRIVATEKEY",
                                                  "DSN",    "SALT",   "CREDS",      "AUTHKEY",
                                                  "LICENSEKEY", "SIGNINGKEY"};

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_';
}

std::optional<int> parse_port(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 5) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1 || v > 65535) return std::nullopt;
  return v;
}

// "host" or "host:port" (no brackets: IPv6 literals never name a service).
std::optional<detail::HostRef> host_port(std::string_view s, bool need_port) {
  auto colon = s.rfind(':');
  std::string_view host = colon == std::string_view::npos ? s : s.substr(0, colon);
  if (host.empty() || !std::all_of(host.begin(), host.end(), host_char)) return std::nullopt;
  detail::HostRef ref{lower(host), std::nullopt};
  if (colon != std::string_view::npos) {
    ref.port = parse_port(s.substr(colon + 1));
    if (!ref.port) return std::nullopt;
  } else if (need_port) {
    return std::nullopt;
  }
  return ref;
}

bool stop_char(char c) {
  return c == '/' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == ';' ||
         c == '"' || c == '\'';
}

// Authorities of every scheme://... in `value`, userinfo removed.
std::vector<std::string_view> authorities(std::string_view value, std::vector<std::string_view>* userinfo) {
  std::vector<std::string_view> out;
  for (std::size_t at = value.find("://"); at != std::string_view::npos;
       at = value.find("://", at + 3)) {
    std::size_t begin = at + 3, end = begin;
    while (end < value.size() && !stop_char(value[end])) ++end;
    std::string_view auth = value.substr(begin, end - begin);
    // The last '@' ends the userinfo; passwords may contain '@' only percent-encoded, but be
    // lenient with raw ones.
    if (auto a = auth.rfind('@'); a != std::string_view::npos) {
      if (userinfo) userinfo->push_back(auth.substr(0, a));
      auth.remove_prefix(a + 1);
    }
    out.push_back(auth);
  }
  return out;
}

} // namespace

bool is_secret_name(std::string_view env_name) {
  std::string up = upper(env_name);
  std::vector<std::string> ws = words(env_name);
  // *_FILE variables (POSTGRES_PASSWORD_FILE) hold a path to the secret, not the secret.
  if (!ws.empty() && ws.back() == "FILE") return false;
  for (std::string_view s : kAnywhere)
    if (up.find(s) != std::string::npos) return true;
  // The shell's own PWD is the working directory; DB_PWD is a password.
  if (ws.size() == 1 && ws[0] == "PWD") return false;
  for (const std::string& w : ws)
    for (std::string_view s : kWords)
      if (w == s) return true;
  // REDIS_AUTH, BASIC_AUTH hold credentials; AUTH_URL or AUTH_ENABLED do not.
  return ws.size() > 1 && ws.back() == "AUTH";
}

bool has_url_password(std::string_view value) {
  std::vector<std::string_view> info;
  authorities(value, &info);
  for (std::string_view u : info) {
    auto colon = u.find(':');
    if (colon != std::string_view::npos && colon + 1 < u.size()) return true;
  }
  return false;
}

namespace detail {

bool has_url_credentials(std::string_view value) {
  std::vector<std::string_view> info;
  authorities(value, &info);
  for (std::string_view u : info)
    if (u.find(':') != std::string_view::npos) return true;
  return false;
}

std::vector<HostRef> host_refs(std::string_view value) {
  std::vector<HostRef> out;
  for (std::string_view auth : authorities(value, nullptr)) {
    // mongodb://a:27017,b:27017/ lists several hosts.
    std::size_t start = 0;
    while (start <= auth.size()) {
      std::size_t comma = auth.find(',', start);
      std::string_view one = auth.substr(start, comma == std::string_view::npos ? auth.npos : comma - start);
      if (auto r = host_port(one, false)) out.push_back(*r);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  // Bare host:port tokens ("kafka:9092,zk:2181", "db:5432/app"); tokens with a scheme were
  // read above.
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ',' || value[i] == ' ' || value[i] == ';' ||
                                value[i] == '\t' || value[i] == '\n'))
      ++i;
    std::size_t end = i;
    while (end < value.size() && value[end] != ',' && value[end] != ' ' && value[end] != ';' &&
           value[end] != '\t' && value[end] != '\n')
      ++end;
    std::string_view tok = value.substr(i, end - i);
    i = end;
    if (tok.empty() || tok.find("://") != std::string_view::npos) continue;
    if (auto slash = tok.find('/'); slash != std::string_view::npos) tok = tok.substr(0, slash);
    if (tok.find('@') != std::string_view::npos) continue; // user@host is not host:port
    if (auto r = host_port(tok, true)) out.push_back(*r);
  }
  return out;
}

bool key_names_host(std::string_view key) {
  std::vector<std::string> ws = words(key);
  if (ws.empty()) return false;
  static constexpr std::array<std::string_view, 11> kEnds{
      "HOST", "HOSTNAME", "HOSTS", "ADDR", "ADDRESS", "SERVER", "SERVERS", "ENDPOINT", "URL",
      "URI", "SERVICE"};
  for (std::string_view e : kEnds)
    if (ws.back() == e) return true;
  return false;
}

std::vector<std::string> reach_names(const model::Service& s) {
  std::vector<std::string> out{lower(s.name)};
  if (!s.hostname.empty()) out.push_back(lower(s.hostname));
  for (const model::NetworkAttachment& n : s.networks)
    for (const std::string& a : n.aliases) out.push_back(lower(a));
  return out;
}

std::string kube_protocol(std::string_view p) { return upper(p.empty() ? "tcp" : p); }

ReachIndex::ReachIndex(const std::vector<ServicePlan>& plans) {
  // First one wins in both maps; the Compose name wins over another service's alias.
  for (std::size_t i = 0; i < plans.size(); ++i) {
    names_.emplace(lower(plans[i].service->name), static_cast<int>(i));
    for (const std::string& r : reach_names(*plans[i].service))
      aliases_.emplace(r, static_cast<int>(i));
  }
}

int ReachIndex::find(std::string_view name) const {
  std::string n = lower(name);
  if (auto it = names_.find(n); it != names_.end()) return it->second;
  if (auto it = aliases_.find(n); it != aliases_.end()) return it->second;
  return -1;
}

} // namespace detail

} // namespace berth::generate
