// Where the port of a service that declares none comes from, most specific source first:
// what its callers use, then what it says about itself, then its image's default.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "generate/plan_detail.h"

namespace berth::generate::detail {

namespace {

namespace fs = std::filesystem;

using Found = std::vector<std::pair<int, std::string>>;

void note(Found& out, int port, std::string why) {
  for (const auto& [p, _] : out)
    if (p == port) return;
  out.emplace_back(port, std::move(why));
}

// Small text files a caller bind-mounts (nginx.conf with `proxy_pass http://backend:8000`),
// or the files directly in a mounted directory (conf.d/), in name order.
std::vector<fs::path> mounted_files(const model::Service& s) {
  constexpr std::uintmax_t kMaxBytes = 256 * 1024;
  constexpr std::size_t kMaxFiles = 32;
  std::vector<fs::path> out;
  std::error_code ec;
  for (const model::Mount& m : s.volumes) {
    if (m.type != model::MountType::Bind || m.source.empty()) continue;
    fs::path p(m.source);
    std::vector<fs::path> here;
    if (fs::is_regular_file(p, ec)) {
      here.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) here.push_back(it->path());
      std::sort(here.begin(), here.end());
    }
    for (const fs::path& f : here)
      if (out.size() < kMaxFiles && fs::file_size(f, ec) <= kMaxBytes && !ec) out.push_back(f);
  }
  return out;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // Binary files hold no host:port worth reading.
  return text.find('\0') == std::string::npos ? text : std::string();
}

// Env names that hold the port the service itself listens on (not DB_PORT: that one is the
// port of what it calls).
bool own_port_key(std::string_view key) {
  std::string k(key);
  for (char& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (std::string_view n : {"PORT", "HTTP_PORT", "SERVER_PORT", "APP_PORT", "LISTEN_PORT",
                             "WEB_PORT", "APPLICATION_PORT"})
    if (k == n) return true;
  return k.ends_with("_SERVER_PORT") || k.ends_with("_HTTP_PORT") || k.ends_with("_LISTEN_PORT");
}

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 5 || !std::all_of(s.begin(), s.end(), ::isdigit)) return std::nullopt;
  int v = std::stoi(std::string(s));
  return v >= 1 && v <= 65535 ? std::optional<int>(v) : std::nullopt;
}

// The port of a wildcard listen URL: http://+:8000, http://0.0.0.0:3000, http://*:80.
std::optional<int> listen_url_port(std::string_view value) {
  auto at = value.find("://");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = value.substr(at + 3);
  for (std::string_view host : {"+:", "*:", "0.0.0.0:", "[::]:"})
    if (rest.starts_with(host)) {
      std::string_view p = rest.substr(host.size());
      std::size_t end = 0;
      while (end < p.size() && std::isdigit(static_cast<unsigned char>(p[end]))) ++end;
      return number(p.substr(0, end));
    }
  return std::nullopt;
}

} // namespace

namespace {

// References to any of `hosts` in reading order; one reference matches once even when several
// of the names equal its host.
std::vector<const CallerRefs::Ref*> lookup(const CallerRefs::Index& index,
                                           const std::vector<std::string>& hosts) {
  std::vector<const CallerRefs::Ref*> out;
  for (const std::string& h : hosts)
    if (auto it = index.find(h); it != index.end())
      for (const CallerRefs::Ref& r : it->second) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->order < b->order; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace

CallerRefs::CallerRefs(const std::vector<ServicePlan>& plans) : plans_(plans) {
  std::size_t order = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const model::Service& caller = *plans[i].service;
    for (const model::EnvVar& e : caller.environment)
      if (e.value)
        for (const HostRef& r : host_refs(*e.value))
          if (r.port)
            env_[r.host].push_back({order++, i, *r.port, "from " + caller.name + "'s " + e.name});
  }
}

std::vector<const CallerRefs::Ref*>
CallerRefs::from_env(const std::vector<std::string>& hosts) const {
  return lookup(env_, hosts);
}

std::vector<const CallerRefs::Ref*> CallerRefs::from_files(const std::vector<std::string>& hosts) {
  if (!files_read_) {
    files_read_ = true;
    std::size_t order = 0;
    for (std::size_t i = 0; i < plans_.size(); ++i) {
      const model::Service& caller = *plans_[i].service;
      for (const fs::path& f : mounted_files(caller))
        for (const HostRef& r : host_refs(read_text(f)))
          if (r.port)
            files_[r.host].push_back(
                {order++, i, *r.port,
                 "from " + caller.name + "'s mounted " + f.filename().string()});
    }
  }
  return lookup(files_, hosts);
}

std::vector<std::pair<int, std::string>> infer_ports(const std::vector<ServicePlan>& plans,
                                                     std::size_t target, CallerRefs& callers) {
  Found out;
  const ServicePlan& sp = plans[target];
  const model::Service& s = *sp.service;
  std::vector<std::string> reach = reach_names(s);
  for (const CallerRefs::Ref* r : callers.from_env(reach))
    if (r->caller != target) note(out, r->port, r->why);
  if (!out.empty()) return out;
  for (const CallerRefs::Ref* r : callers.from_files(reach))
    if (r->caller != target) note(out, r->port, r->why);
  if (!out.empty()) return out;
  if (s.healthcheck) {
    std::string test;
    for (const std::string& t : s.healthcheck->test) test += t + " ";
    for (const HostRef& r : host_refs(test))
      if (r.port && (r.host == "localhost" || r.host == "127.0.0.1" || r.host == "0.0.0.0"))
        note(out, *r.port, "from its healthcheck");
  }
  for (const model::EnvVar& e : s.environment) {
    if (!e.value) continue;
    if (own_port_key(e.name))
      if (auto p = number(*e.value)) note(out, *p, "from its " + e.name);
    if (auto p = listen_url_port(*e.value)) note(out, *p, "from its " + e.name);
  }
  if (!out.empty()) return out;
  if (auto p = default_port(sp.family))
    note(out, *p, std::string(to_string(sp.family)) + " image default");
  return out;
}

} // namespace berth::generate::detail
