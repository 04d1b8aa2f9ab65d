// `berth check` runner: flags → check::Options (profile, config file, version), run the engine,
// render the requested format, map findings to the exit code.
#include "cli/check.h"

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "check/config_file.h"
#include "check/engine/engine.h"
#include "check/suggest.h"
#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/release_at_exit.h"
#include "profile/load.h"
#include "report/check_report.h"

namespace berth::cli {

namespace {

using check::Catalog;
using check::RuleInfo;
using check::Severity;

Error usage(std::string message) {
  return Error(std::move(message));
}

check::Options to_options(const CheckOptions& o, const Catalog& catalog) {
  check::Options opt;
  opt.paths = o.paths;
  if (!o.cluster.empty()) opt.profile = profile::load_profile(o.cluster);
  opt.openapi = o.openapi;
  opt.crds = o.crds;
  if (!check::parse_kube_version(o.k8s_version, opt.k8s_version))
    throw usage("--k8s-version \"" + o.k8s_version + "\" is not a Kubernetes version (e.g. 1.32)");
  opt.complete = o.complete;
  opt.config = check::find_config_file(o.config, "", catalog);
  opt.jobs = o.jobs;
  return opt;
}

// --fail-on threshold; nullopt for "none".
std::optional<Severity> fail_threshold(const std::string& text) {
  if (text == "none") return std::nullopt;
  Severity s;
  if (!check::parse_severity(text, s))
    throw usage("--fail-on \"" + text + "\": expected error, warning, info or none");
  return s;
}

bool use_color(const CheckOptions& o) {
  const char* no_color = std::getenv("NO_COLOR");
  return o.stdout_tty && !o.no_color && !(no_color && *no_color);
}

// Effective state of each rule after the config file (what a run would do).
struct RuleState {
  const RuleInfo* rule;
  bool enabled;
  Severity severity;
};

std::vector<RuleState> rule_states(const Catalog& catalog, const check::ConfigFile& config) {
  std::vector<RuleState> states;
  auto listed = [](const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (const RuleInfo& r : catalog.rules()) {
    RuleState s{&r, r.enabled, r.severity};
    if (listed(config.enable, r.id)) s.enabled = true;
    if (listed(config.disable, r.id)) s.enabled = false;
    if (auto it = config.severity.find(std::string(r.id)); it != config.severity.end())
      s.severity = it->second;
    states.push_back(s);
  }
  return states;
}

void list_rules(const std::vector<RuleState>& states, const std::string& format,
                std::ostream& out) {
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const RuleState& s : states) {
      const RuleInfo& r = *s.rule;
      all.push_back({{"id", r.id},
                     {"family", check::to_string(r.family)},
                     {"area", check::to_string(r.area)},
                     {"severity", check::to_string(s.severity)},
                     {"enabled", s.enabled},
                     {"default_severity", check::to_string(r.severity)},
                     {"default_enabled", r.enabled},
                     {"summary", r.summary},
                     {"fix", r.fix}});
    }
    out << all.dump(2) << '\n';
    return;
  }
  std::size_t id_w = 4, fam_w = 6;
  for (const RuleState& s : states) {
    id_w = std::max(id_w, s.rule->id.size());
    fam_w = std::max(fam_w, check::to_string(s.rule->family).size());
  }
  auto pad = [](std::string_view s, std::size_t w) {
    return std::string(s) + std::string(w > s.size() ? w - s.size() : 0, ' ');
  };
  out << pad("RULE", id_w) << "  " << pad("FAMILY", fam_w) << "  " << pad("SEVERITY", 8) << "  "
      << pad("ON", 3) << "  SUMMARY\n";
  for (const RuleState& s : states)
    out << pad(s.rule->id, id_w) << "  " << pad(check::to_string(s.rule->family), fam_w) << "  "
        << pad(check::to_string(s.severity), 8) << "  " << pad(s.enabled ? "on" : "off", 3) << "  "
        << s.rule->summary << '\n';
}

void render(const check::Result& result, const Catalog& catalog, const std::string& format,
            bool color, std::ostream& out) {
  if (format == "json")
    report::render_json(result, catalog, out);
  else if (format == "sarif")
    report::render_sarif(result, catalog, out);
  else if (format == "junit")
    report::render_junit(result, catalog, out);
  else
    report::render_text(result, catalog, out, color);
}

} // namespace

int run_check(const CheckOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
  const Catalog& catalog = check::catalog();
  try {
    if (o.format != "text" && o.format != "json" && o.format != "sarif" && o.format != "junit")
      throw usage("-o \"" + o.format + "\": expected text, json, sarif or junit");
    std::optional<Severity> threshold = fail_threshold(o.fail_on);
    if (o.list_rules) {
      if (o.format != "text" && o.format != "json") throw usage("--list-rules prints text or json");
      list_rules(rule_states(catalog, check::find_config_file(o.config, "", catalog)), o.format,
                 out);
      return kExitOk;
    }
    if (o.paths.empty())
      throw usage("berth check: no PATH given (a file, a directory, or - for stdin)");
    check::Options options = to_options(o, catalog);
    check::Result result = check::run(options, in);
    render(result, catalog, o.format, use_color(o), out);
    out.flush();
    int code = kExitOk;
    if (result.unusable_input)
      code = kExitInput;
    else if (threshold &&
             std::any_of(result.findings.begin(), result.findings.end(),
                         [&](const check::Finding& f) { return f.severity >= *threshold; }))
      code = kExitFindings;
    release_at_exit(std::move(result));
    return code;
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
}

int run_explain(const std::string& id, std::ostream& out, std::ostream& err) {
  const Catalog& catalog = check::catalog();
  const RuleInfo* r = catalog.find(id);
  if (!r) {
    std::string message = "unknown rule \"" + id + "\"";
    std::string_view best = check::closest_rule(id, catalog);
    if (!best.empty()) message += " (did you mean \"" + std::string(best) + "\"?)";
    print_error(err, usage(message + "; `berth check --list-rules` lists them"));
    return kExitInput;
  }
  out << r->id << '\n'
      << "  family:   " << check::to_string(r->family) << '\n'
      << "  area:     " << check::to_string(r->area) << '\n'
      << "  severity: " << check::to_string(r->severity) << '\n'
      << "  default:  " << (r->enabled ? "on" : "off (enable it under rules.enable)") << '\n'
      << "  summary:  " << r->summary << '\n'
      << "  fix:      " << r->fix << '\n';
  if (!r->doc.empty()) out << '\n' << r->doc << '\n';
  out << "\nSilence it for one object with the annotation `berth.dev/ignore: " << r->id
      << "`, or everywhere with `rules: {disable: [" << r->id << "]}` in .berth-check.yaml.\n";
  return kExitOk;
}

} // namespace berth::cli
