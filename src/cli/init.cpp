// `berth init` runner: the app-independent questions of seed 000's questionnaire, each with its
// default; the result goes through the berth.yaml loader before it is written.
#include "cli/init.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include <unistd.h>

#include "cli/atomic_file.h"
#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "profile/checks.h"
#include "profile/load.h"
#include "profile/serialize.h"
#include "yaml/emit.h"

namespace berth::cli {

namespace {

namespace fs = std::filesystem;
using profile::Check;
using profile::Profile;

struct Question {
  std::string prompt;
  std::function<std::string(const Profile&)> current; // the default shown in brackets
  std::function<Check(std::string_view)> check;
  std::function<void(Profile&, const std::string&)> apply;
  std::function<bool(const Profile&)> when = nullptr; // asked only when true
  // A check against earlier answers (the loader's cross-field rules), after `check`.
  std::function<Check(const Profile&, std::string_view)> check_with = nullptr;
};

// Answers meaning "none" for optional settings.
bool is_none(const std::string& s) {
  return s == "-" || s == "none";
}

Check existing_file(std::string_view s) {
  std::error_code ec;
  if (fs::is_regular_file(fs::path(std::string(s)), ec)) return std::nullopt;
  return std::string("an existing file (or - for none)");
}

std::vector<Question> questions() {
  using P = Profile;
  auto choice = [](const char* list) {
    return [list](std::string_view s) { return profile::check_choice(s, list); };
  };
  return {
      {"Base domain of application hosts (production: <app>.DOMAIN, staging: <app>.staging.DOMAIN)",
       [](const P& p) { return p.ingress.domain; }, profile::check_domain,
       [](P& p, const std::string& a) { p.ingress.domain = a; }},
      {"Registry for built images (host/org)", [](const P& p) { return p.registry.url; },
       profile::check_registry, [](P& p, const std::string& a) { p.registry.url = a; }},
      {"Storage class", [](const P& p) { return p.storage.class_name; },
       profile::check_dns_subdomain, [](P& p, const std::string& a) { p.storage.class_name = a; }},
      {"cert-manager ClusterIssuer", [](const P& p) { return p.ingress.cluster_issuer; },
       profile::check_dns_subdomain,
       [](P& p, const std::string& a) { p.ingress.cluster_issuer = a; }},
      {"Secrets method (sealed-secrets, external-secrets, plain)",
       [](const P& p) { return p.secrets.method; }, choice("sealed-secrets|external-secrets|plain"),
       [](P& p, const std::string& a) { p.secrets.method = a; }},
      {"Sealed Secrets certificate file (kubeseal --fetch-cert > cert.pem; - for none: Secret "
       "templates with REPLACE_ME values)",
       [](const P& p) { return p.secrets.cert.empty() ? std::string("-") : p.secrets.cert; },
       [](std::string_view s) -> Check {
         if (s == "-" || s == "none") return std::nullopt;
         return existing_file(s);
       },
       [](P& p, const std::string& a) { p.secrets.cert = is_none(a) ? "" : a; },
       [](const P& p) { return p.secrets.method == "sealed-secrets"; }},
      {"ClusterSecretStore the External Secrets Operator reads the values from",
       [](const P& p) { return p.secrets.store; }, profile::check_dns_subdomain,
       [](P& p, const std::string& a) { p.secrets.store = a; },
       [](const P& p) { return p.secrets.method == "external-secrets"; }},
      {"GitOps tool (argocd, flux)", [](const P& p) { return p.gitops.tool; },
       choice("argocd|flux"), [](P& p, const std::string& a) { p.gitops.tool = a; }},
      {"GitOps repository URL", [](const P& p) { return p.gitops.repo_url; },
       profile::check_git_url, [](P& p, const std::string& a) { p.gitops.repo_url = a; }, nullptr,
       [](const P& p, std::string_view s) -> Check {
         // Flux's GitRepository reads http(s) and ssh only (git@host:path becomes ssh://).
         if (p.gitops.tool == "flux" && (s.starts_with("file://") || s.starts_with("git://")))
           return std::string("an https://, http:// or ssh:// URL (or git@host:org/repo.git) for "
                              "Flux");
         return std::nullopt;
       }},
      {"Namespace Flux runs in (where `flux bootstrap` installed it)",
       [](const P& p) { return p.gitops.flux_namespace; }, profile::check_dns_label,
       [](P& p, const std::string& a) { p.gitops.flux_namespace = a; },
       [](const P& p) { return p.gitops.tool == "flux"; }},
      {"CPU cores per node", [](const P& p) { return p.capacity.cpu; },
       profile::check_positive_quantity, [](P& p, const std::string& a) { p.capacity.cpu = a; }},
      {"Memory per node", [](const P& p) { return p.capacity.memory; },
       profile::check_positive_quantity, [](P& p, const std::string& a) { p.capacity.memory = a; }},
      {"Number of nodes", [](const P& p) { return std::to_string(p.capacity.nodes); },
       [](std::string_view s) -> Check {
         bool ok = !s.empty() && s.size() <= 5 && s.front() != '0';
         for (char c : s)
           ok = ok && c >= '0' && c <= '9';
         if (ok) return std::nullopt;
         return std::string("a whole number from 1 to 99999");
       },
       [](P& p, const std::string& a) { p.capacity.nodes = std::stoll(a); }},
      {"Database strategy (single: StatefulSet + backup CronJob, cloudnative-pg)",
       [](const P& p) { return p.database.strategy; }, choice("single|cloudnative-pg"),
       [](P& p, const std::string& a) { p.database.strategy = a; }},
      {"Backup destination (s3://bucket/prefix; {app} and {env} are replaced)",
       [](const P& p) { return p.backup.destination; },
       [](std::string_view s) -> Check {
         if (Check bad = profile::check_placeholders(s, "{app}, {env}")) return bad;
         return profile::check_s3_url(s);
       },
       [](P& p, const std::string& a) { p.backup.destination = a; }},
      {"S3 endpoint URL for backups (MinIO, Hetzner...; - for AWS S3)",
       [](const P& p) { return p.backup.endpoint.empty() ? std::string("-") : p.backup.endpoint; },
       [](std::string_view s) -> Check {
         if (s == "-" || s == "none") return std::nullopt;
         return profile::check_http_url(s);
       },
       [](P& p, const std::string& a) { p.backup.endpoint = is_none(a) ? "" : a; }},
  };
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Asks every question; an invalid answer is asked again with the reason. Input that ends early
// is an error (nothing is written), so a closed stdin never hangs or half-writes.
Profile ask(std::istream& in, std::ostream& err) {
  Profile p = profile::default_profile();
  err << "berth init: a cluster profile for berth convert. Press Enter to keep the default in "
         "brackets.\n";
  for (const Question& q : questions()) {
    if (q.when && !q.when(p)) continue;
    std::string def = q.current(p);
    for (int attempt = 0;; ++attempt) {
      if (attempt == 10)
        throw Error("berth init: too many invalid answers to \"" + q.prompt + "\"");
      err << q.prompt << " [" << def << "]: " << std::flush;
      std::string line;
      if (!std::getline(in, line))
        throw Error("berth init: input ended before the questions were answered; nothing written");
      std::string answer = trim(line);
      if (answer.empty()) answer = def;
      Check bad = q.check(answer);
      if (!bad && q.check_with) bad = q.check_with(p, answer);
      if (bad) {
        err << "  expected " << *bad << ", got \"" << answer << "\"\n";
        continue;
      }
      q.apply(p, answer);
      break;
    }
  }
  return p;
}

// A cert path given relative to the working directory, rewritten relative to the profile's
// directory (the loader resolves it from there); absolute when the profile goes to stdout.
void anchor_cert(Profile& p, const std::string& output) {
  if (p.secrets.cert.empty()) return;
  fs::path cert = fs::absolute(p.secrets.cert).lexically_normal();
  if (output.empty() || output == "-") {
    p.secrets.cert = cert.string();
    return;
  }
  fs::path dir = fs::absolute(output).parent_path();
  p.secrets.cert = cert.lexically_relative(dir).string();
}

} // namespace

int run_init(const InitOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    bool to_file = !o.output.empty() && o.output != "-";
    if (to_file && !o.force) {
      std::error_code ec;
      if (fs::exists(o.output, ec))
        throw Error("berth init: " + o.output + " exists; pass --force to overwrite it");
    }
    if (!o.defaults && !o.interactive)
      throw Error("berth init: the questions need a terminal and stdin is not one; pass "
                  "--defaults to write the default profile (then edit it)");
    Profile p = o.defaults ? profile::default_profile() : ask(in, err);
    anchor_cert(p, o.output);
    std::string text = yaml::emit(profile::profile_to_yaml(p));
    // What berth writes, berth must read back: a failure here is a bug, not bad input.
    if (!(profile::load_profile_text(text, "berth init") == p))
      throw std::logic_error("berth init: the written profile does not read back the same");
    if (!to_file) {
      out << text << std::flush;
      return kExitOk;
    }
    write_file_atomically(o.output, text, "the profile");
    err << "berth: wrote " << o.output << '\n';
    return kExitOk;
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
}

} // namespace berth::cli
