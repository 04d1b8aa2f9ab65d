// Startup, liveness and readiness probes from a Compose healthcheck (or inferred ones).
//
// Timing decisions (DESIGN: interval/timeout/retries/start_period → period/timeout/
// failureThreshold + startupProbe):
//   readiness: periodSeconds = interval (10 when not given: Compose's 30 s default is too slow to
//              take a pod out of rotation), timeoutSeconds = timeout (5 when not given),
//              failureThreshold = retries (3).
//   liveness:  the same handler and period, failureThreshold = 2 × retries — a restart is only
//              worth it after the pod has been unready for a while, so liveness never fires
//              before readiness (and the two probes are not identical).
//   startup:   periodSeconds = start_interval (5 when not given), failureThreshold =
//              ceil(start_period / period) + retries, as Docker counts failures only after
//              start_period; without start_period a 150 s window (30 × 5 s), because Docker
//              never kills unhealthy containers and liveness must not kill slow starters.
#include <algorithm>

#include "compose/shell_split.h"
#include "generate/workloads.h"

namespace berth::generate::workloads {

using yaml::Node;

namespace {

std::string basename(std::string_view path) {
  auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool is_local_host(std::string_view host) {
  return host == "localhost" || host == "127.0.0.1" || host == "0.0.0.0" || host == "[::1]" ||
         host == "::1";
}

// http://localhost:8080/health?x=1 → {HTTP, 8080, /health?x=1}; nullopt for other hosts.
std::optional<HttpCheck> parse_url(std::string_view url) {
  if (url.find('$') != std::string_view::npos || url.find('`') != std::string_view::npos)
    return std::nullopt; // a variable: only the shell knows the value
  HttpCheck check;
  auto scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    std::string scheme(url.substr(0, scheme_end));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), ::tolower);
    if (scheme == "https") {
      check.scheme = "HTTPS";
      check.port = 443;
    } else if (scheme != "http") {
      return std::nullopt;
    }
    url.remove_prefix(scheme_end + 3);
  }
  auto path_start = url.find_first_of("/?#");
  std::string_view authority = url.substr(0, path_start);
  std::string_view rest = path_start == std::string_view::npos ? "" : url.substr(path_start);
  if (authority.find('@') != std::string_view::npos) return std::nullopt; // credentials
  std::string_view host = authority, port_text;
  bool has_port = false;
  if (authority.starts_with('[')) { // [::1]:8080
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port_text = after.substr(1);
      has_port = true;
    }
  } else if (auto colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port_text = authority.substr(colon + 1);
    has_port = true;
  }
  if (has_port) {
    if (port_text.empty() || port_text.size() > 5 ||
        !std::all_of(port_text.begin(), port_text.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    check.port = std::stoi(std::string(port_text));
    if (check.port < 1 || check.port > 65535) return std::nullopt;
  }
  std::string lower(host);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (!is_local_host(lower)) return std::nullopt;
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  if (rest.empty()) check.path = "/";
  else if (rest.front() == '?') check.path = "/" + std::string(rest);
  else check.path = std::string(rest);
  return check;
}

// Flags of curl and wget that do not change what a health check means.
struct Tool {
  std::string_view short_plain;          // single-letter flags without argument
  std::vector<std::string_view> long_plain;
  std::string_view short_arg;            // single-letter flags taking an argument
  std::vector<std::string_view> long_arg;
};

const Tool kCurl{"fsSLkqv46gI",
                 {"--fail", "--silent", "--show-error", "--location", "--insecure",
                  "--fail-with-body", "--fail-early", "--head", "--compressed",
                  "--no-progress-meter", "--ipv4", "--ipv6", "--globoff", "--verbose",
                  "--retry-connrefused", "--no-buffer"},
                 "omHXAwr",
                 {"--output", "--max-time", "--connect-timeout", "--retry", "--header",
                  "--request", "--user-agent", "--write-out", "--retry-delay",
                  "--retry-max-time", "--range"}};
const Tool kWget{"qS46",
                 {"--quiet", "--spider", "--server-response", "--no-verbose",
                  "--no-check-certificate", "--inet4-only", "--inet6-only", "-nv"},
                 "OTtU",
                 {"--output-document", "--timeout", "--tries", "--user-agent", "--header"}};

// Validates a flag's argument: only GET-like requests and no credentials headers matter.
bool acceptable_arg(std::string_view flag, std::string_view value) {
  if (flag == "-X" || flag == "--request") return value == "GET" || value == "HEAD";
  return true;
}

} // namespace

std::optional<HttpCheck> parse_http_check(const std::vector<std::string>& argv) {
  if (argv.empty()) return std::nullopt;
  std::string prog = basename(argv[0]);
  const Tool* tool = prog == "curl" ? &kCurl : prog == "wget" ? &kWget : nullptr;
  if (!tool) return std::nullopt;
  std::optional<std::string> url;
  for (std::size_t i = 1; i < argv.size(); ++i) {
    std::string_view a = argv[i];
    if (a.starts_with("--")) {
      std::string_view name = a, value;
      bool has_value = false;
      if (auto eq = a.find('='); eq != std::string_view::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
        has_value = true;
      }
      auto in = [&](const std::vector<std::string_view>& list) {
        return std::find(list.begin(), list.end(), name) != list.end();
      };
      if (in(tool->long_plain) && !has_value) continue;
      if (in(tool->long_arg)) {
        if (!has_value) {
          if (++i >= argv.size()) return std::nullopt;
          value = argv[i];
        }
        if (!acceptable_arg(name, value)) return std::nullopt;
        continue;
      }
      return std::nullopt; // a flag we do not know could change the meaning
    }
    if (a.size() > 1 && a.front() == '-') {
      if (std::find(tool->long_plain.begin(), tool->long_plain.end(), a) != tool->long_plain.end())
        continue; // wget -nv
      for (std::size_t k = 1; k < a.size(); ++k) {
        char c = a[k];
        if (tool->short_plain.find(c) != std::string_view::npos) continue;
        if (tool->short_arg.find(c) != std::string_view::npos) {
          std::string_view value = a.substr(k + 1);
          if (value.empty()) {
            if (++i >= argv.size()) return std::nullopt;
            value = argv[i];
          }
          if (!acceptable_arg(std::string("-") + c, value)) return std::nullopt;
          break;
        }
        return std::nullopt;
      }
      continue;
    }
    if (url) return std::nullopt; // two URLs
    url = std::string(a);
  }
  if (!url) return std::nullopt;
  return parse_url(*url);
}

std::optional<HttpCheck> parse_http_check(const model::Healthcheck& hc) {
  if (hc.kind == model::HealthKind::Cmd) return parse_http_check(hc.test);
  if (hc.kind != model::HealthKind::CmdShell || hc.test.empty()) return std::nullopt;
  std::string_view script = hc.test.front();
  // `curl ... || exit 1`: the tail only turns any failure into status 1, which probes ignore.
  if (auto bar = script.find("||"); bar != std::string_view::npos) {
    std::string_view tail = script.substr(bar + 2);
    while (!tail.empty() && (tail.front() == ' ' || tail.front() == '\t')) tail.remove_prefix(1);
    while (!tail.empty() && (tail.back() == ' ' || tail.back() == ';' || tail.back() == '\n'))
      tail.remove_suffix(1);
    if (tail != "exit 1" && tail != "exit" && tail != "false") return std::nullopt;
    script = script.substr(0, bar);
  }
  try {
    return parse_http_check(compose::shell_split(script, Location{}));
  } catch (const Error&) {
    return std::nullopt; // pipes, redirections, several commands: keep it an exec probe
  }
}

namespace {

struct Timing {
  std::int64_t period = 10, timeout = 5, retries = 3;
  std::int64_t startup_period = 5, startup_failures = 30;
};

Node port_ref(const ServicePlan& plan, int number) {
  if (const PortPlan* p = plan.port(number); p && !p->name.empty()) return Node::str(p->name);
  return Node::integer(number);
}

Node probe(const Node& handler, std::int64_t period, std::int64_t timeout,
           std::int64_t failures) {
  Node p = handler;
  p.set("periodSeconds", Node::integer(period));
  p.set("timeoutSeconds", Node::integer(timeout));
  p.set("failureThreshold", Node::integer(failures));
  return p;
}

Probes build(const Node& handler, const Timing& t) {
  Probes p;
  p.startup = probe(handler, t.startup_period, t.timeout, t.startup_failures);
  p.liveness = probe(handler, t.period, t.timeout, 2 * t.retries);
  p.readiness = probe(handler, t.period, t.timeout, t.retries);
  return p;
}

Node exec_handler(std::vector<std::string> argv) {
  Node cmd = Node::sequence();
  for (auto& a : argv) cmd.push(Node::str(std::move(a)));
  Node exec = Node::mapping();
  exec.set("command", std::move(cmd));
  Node h = Node::mapping();
  h.set("exec", std::move(exec));
  return h;
}

Node http_handler(const ServicePlan& plan, const HttpCheck& c) {
  Node get = Node::mapping();
  get.set("path", Node::str(c.path));
  get.set("port", port_ref(plan, c.port));
  if (c.scheme != "HTTP") get.set("scheme", Node::str(c.scheme));
  Node h = Node::mapping();
  h.set("httpGet", std::move(get));
  return h;
}

Timing timing_of(const model::Healthcheck& hc) {
  Timing t;
  if (hc.interval_ns) t.period = seconds_ceil(*hc.interval_ns);
  if (hc.timeout_ns) t.timeout = seconds_ceil(*hc.timeout_ns);
  if (hc.retries && *hc.retries > 0) t.retries = *hc.retries;
  if (hc.start_interval_ns) t.startup_period = seconds_ceil(*hc.start_interval_ns);
  if (hc.start_period_ns) {
    std::int64_t window = seconds_ceil(*hc.start_period_ns, 0);
    t.startup_failures = (window + t.startup_period - 1) / t.startup_period + t.retries;
  }
  return t;
}

int first_port_or(const ServicePlan& plan, int fallback) {
  return plan.ports.empty() ? fallback : plan.ports.front().port;
}

// Exec checks for data stores whose images ship a client; nullopt for the others.
std::optional<Node> database_handler(const ServicePlan& plan) {
  switch (plan.family) {
  case DataFamily::Postgres:
    return exec_handler({"pg_isready", "-h", "127.0.0.1", "-p",
                         std::to_string(first_port_or(plan, 5432))});
  case DataFamily::Redis:
    return exec_handler({"redis-cli", "-p", std::to_string(first_port_or(plan, 6379)), "ping"});
  case DataFamily::MySQL:
    // mysqladmin ping exits 0 whenever the server answers (even "access denied"); MariaDB 11
    // images only ship mariadb-admin.
    return exec_handler(
        {"sh", "-c",
         "mysqladmin ping -h 127.0.0.1 --silent 2>/dev/null || mariadb-admin ping -h 127.0.0.1 "
         "--silent"});
  default:
    return std::nullopt;
  }
}

const char* client_name(DataFamily f) {
  return f == DataFamily::Postgres ? "pg_isready"
         : f == DataFamily::Redis  ? "redis-cli ping"
                                   : "mysqladmin/mariadb-admin ping";
}

// No usable healthcheck: a database client check, else a TCP connect to the first port.
Probes inferred(const ServicePlan& plan, Report& report, const std::string& why, Location at) {
  const std::string& svc = plan.service->name;
  if (auto h = database_handler(plan)) {
    report.add(svc, "healthcheck", Disposition::Inferred,
               why + ": exec probes with the " + std::string(to_string(plan.family)) +
                   " client (" + client_name(plan.family) + ")",
               at);
    return build(*h, Timing{});
  }
  if (plan.ports.empty()) {
    report.add(svc, "healthcheck", Disposition::Manual,
               why + " and no port: no probes; add a healthcheck so Kubernetes can tell when "
                     "the service is broken",
               at);
    return {};
  }
  const PortPlan& first = plan.ports.front();
  if (first.protocol != "TCP") {
    report.add(svc, "healthcheck", Disposition::Manual,
               why + " and the first port is " + first.protocol + ": no probes", at);
    return {};
  }
  Node tcp = Node::mapping();
  tcp.set("port", port_ref(plan, first.port));
  Node h = Node::mapping();
  h.set("tcpSocket", std::move(tcp));
  Probes p;
  p.startup = probe(h, 5, 5, 30);
  p.liveness = probe(h, 20, 5, 3);
  p.readiness = probe(h, 10, 5, 3);
  report.add(svc, "healthcheck", Disposition::Inferred,
             why + ": tcpSocket probes on port " + std::to_string(first.port) +
                 " (only proves the port is open; add an HTTP health endpoint)",
             at);
  return p;
}

} // namespace

Probes make_probes(const ServicePlan& plan, Report& report) {
  const model::Service& s = *plan.service;
  if (!s.healthcheck) return inferred(plan, report, "no healthcheck", s.at.loc);
  const model::Healthcheck& hc = *s.healthcheck;
  if (hc.disabled()) {
    report.add(s.name, "healthcheck", Disposition::Translated,
               "health checking disabled: no probes", hc.at.loc);
    return {};
  }
  if (hc.kind == model::HealthKind::Inherit || hc.test.empty())
    return inferred(plan, report,
                    "healthcheck without test (the image's HEALTHCHECK, which Kubernetes "
                    "ignores)",
                    hc.at.loc);
  Timing t = timing_of(hc);
  if (auto http = parse_http_check(hc)) {
    Node h = http_handler(plan, *http);
    report.add(s.name, "healthcheck", Disposition::Translated,
               "httpGet " + http->path + " on port " + std::to_string(http->port) +
                   ": startupProbe, livenessProbe, readinessProbe",
               hc.at.loc);
    return build(h, t);
  }
  std::vector<std::string> argv =
      hc.kind == model::HealthKind::CmdShell
          ? std::vector<std::string>{"sh", "-c", hc.test.front()}
          : hc.test;
  if (redact_exec(plan, argv))
    report.add(s.name, "healthcheck", Disposition::Inferred,
               "the check contained a secret value: it now reads the variable from the "
               "container's Secret (sh -c with ${NAME})",
               hc.at.loc);
  report.add(s.name, "healthcheck", Disposition::Translated,
             "exec probes (startupProbe, livenessProbe, readinessProbe)", hc.at.loc);
  return build(exec_handler(std::move(argv)), t);
}

} // namespace berth::generate::workloads
