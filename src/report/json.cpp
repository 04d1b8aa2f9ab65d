// JSON renderer of `berth check`: the stable schema documented in docs/check-json.md (keys in a
// fixed order, no timestamps, so equal input gives byte-equal output).
#include <nlohmann/json.hpp>

#include "report/check_common.h"
#include "report/check_report.h"

namespace berth::report {

namespace {

using ojson = nlohmann::ordered_json;

// Bumped only for incompatible changes; added keys keep the version.
constexpr int kSchemaVersion = 1;

ojson finding_json(const check::Finding& f, const check::Catalog& catalog) {
  ojson j;
  j["rule"] = f.rule;
  j["severity"] = check::to_string(f.severity);
  j["file"] = f.file;
  j["line"] = f.loc.line;
  j["column"] = f.loc.column;
  j["object"] = f.object;
  j["namespace"] = f.ns;
  j["message"] = f.message;
  j["fix"] = fix_of(f, catalog);
  return j;
}

ojson scorecard_json(const check::Scorecard& card) {
  ojson areas = ojson::object();
  for (const check::AreaScore& a : card.areas) {
    ojson j;
    j["score"] = a.score;
    j["errors"] = a.errors;
    j["warnings"] = a.warnings;
    j["infos"] = a.infos;
    areas[std::string(check::to_string(a.area))] = std::move(j);
  }
  ojson j;
  j["overall"] = card.overall;
  j["areas"] = std::move(areas);
  return j;
}

ojson rule_json(const check::RuleInfo& r) {
  ojson j;
  j["id"] = r.id;
  j["family"] = check::to_string(r.family);
  j["area"] = check::to_string(r.area);
  j["severity"] = check::to_string(r.severity);
  j["summary"] = r.summary;
  j["fix"] = r.fix;
  return j;
}

} // namespace

void render_json(const check::Result& result, const check::Catalog& catalog, std::ostream& out) {
  ojson doc;
  doc["version"] = kSchemaVersion;
  ojson findings = ojson::array();
  for (const check::Finding& f : result.findings)
    findings.push_back(finding_json(f, catalog));
  doc["findings"] = std::move(findings);

  Counts c = count(result.findings);
  ojson summary;
  summary["errors"] = c.errors;
  summary["warnings"] = c.warnings;
  summary["infos"] = c.infos;
  summary["files"] = result.files;
  summary["documents"] = result.documents;
  summary["objects"] = result.objects;
  summary["bytes"] = result.bytes;
  summary["unusable_input"] = result.unusable_input;
  doc["summary"] = std::move(summary);
  doc["scorecard"] = scorecard_json(result.scorecard);

  ojson rules = ojson::array();
  for (const check::RuleInfo* r : rules_used(result.findings, catalog))
    rules.push_back(rule_json(*r));
  doc["rules"] = std::move(rules);

  // Paths and messages may hold bytes that are not UTF-8 (file names): replaced, never thrown.
  out << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
}

} // namespace berth::report
