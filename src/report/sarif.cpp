// SARIF 2.1.0 renderer of `berth check`: one run, the rules the findings use (with help text,
// default level, family/area tags) and one result per finding with its file region.
#include <map>

#include <nlohmann/json.hpp>

#include "report/check_common.h"
#include "report/check_report.h"

namespace berth::report {

namespace {

using ojson = nlohmann::ordered_json;

std::string_view level(check::Severity s) {
  switch (s) {
  case check::Severity::Error:
    return "error";
  case check::Severity::Warning:
    return "warning";
  case check::Severity::Info:
    return "note";
  }
  return "error";
}

// A path as a relative URI reference: unreserved characters and '/' kept, every other byte
// percent-encoded (':' too, so "c:x.yaml" cannot read as a scheme). "-" is "stdin".
std::string to_uri(std::string_view file) {
  if (file == "-") return "stdin";
  while (file.substr(0, 2) == "./")
    file.remove_prefix(2);
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : file) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/';
    if (keep) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 0xF];
    }
  }
  return out;
}

ojson text(std::string_view s) {
  ojson j;
  j["text"] = s;
  return j;
}

ojson rule_json(const check::RuleInfo& r) {
  ojson j;
  j["id"] = r.id;
  j["shortDescription"] = text(r.summary);
  std::string full(r.summary);
  if (!r.doc.empty()) full += ". " + std::string(r.doc);
  j["fullDescription"] = text(full);
  ojson help;
  help["text"] = "Fix: " + std::string(r.fix);
  std::string md = "**Fix:** " + std::string(r.fix);
  if (!r.doc.empty()) md += "\n\n" + std::string(r.doc);
  help["markdown"] = md;
  j["help"] = std::move(help);
  ojson config;
  config["level"] = level(r.severity);
  j["defaultConfiguration"] = std::move(config);
  ojson props;
  props["tags"] = {check::to_string(r.family), check::to_string(r.area)};
  j["properties"] = std::move(props);
  return j;
}

ojson location_json(const check::Finding& f) {
  ojson artifact;
  artifact["uri"] = to_uri(f.file);
  if (f.file != "-" && !f.file.empty() && f.file.front() != '/')
    artifact["uriBaseId"] = "%SRCROOT%";
  ojson physical;
  physical["artifactLocation"] = std::move(artifact);
  if (f.loc.line > 0) {
    ojson region;
    region["startLine"] = f.loc.line;
    if (f.loc.column > 0) region["startColumn"] = f.loc.column;
    physical["region"] = std::move(region);
  }
  ojson loc;
  loc["physicalLocation"] = std::move(physical);
  if (!f.object.empty()) {
    ojson logical;
    logical["name"] = f.object;
    logical["fullyQualifiedName"] = f.ns.empty() ? f.object : f.ns + "/" + f.object;
    logical["kind"] = "object";
    loc["logicalLocations"] = ojson::array({std::move(logical)});
  }
  return loc;
}

} // namespace

void render_sarif(const check::Result& result, const check::Catalog& catalog, std::ostream& out) {
  std::vector<const check::RuleInfo*> used = rules_used(result.findings, catalog);
  std::map<std::string_view, std::size_t> index;
  ojson rules = ojson::array();
  for (const check::RuleInfo* r : used) {
    index.emplace(r->id, rules.size());
    rules.push_back(rule_json(*r));
  }

  ojson results = ojson::array();
  for (const check::Finding& f : result.findings) {
    ojson r;
    r["ruleId"] = f.rule;
    if (auto it = index.find(f.rule); it != index.end()) r["ruleIndex"] = it->second;
    r["level"] = level(f.severity);
    r["message"] = text(f.message);
    if (!f.file.empty()) r["locations"] = ojson::array({location_json(f)});
    std::string_view fix = fix_of(f, catalog);
    if (!fix.empty()) {
      ojson props;
      props["fix"] = fix;
      r["properties"] = std::move(props);
    }
    results.push_back(std::move(r));
  }

  ojson driver;
  driver["name"] = "berth";
  driver["rules"] = std::move(rules);
  ojson tool;
  tool["driver"] = std::move(driver);
  ojson invocation;
  invocation["executionSuccessful"] = !result.unusable_input;
  ojson run;
  run["tool"] = std::move(tool);
  run["invocations"] = ojson::array({std::move(invocation)});
  run["results"] = std::move(results);

  ojson doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = ojson::array({std::move(run)});
  out << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
}

} // namespace berth::report
