// JSON renderer of `berth check`: the stable schema documented in docs/check-json.md (keys in a
// fixed order, no timestamps, so equal input gives byte-equal output).
#include "report/check_common.h"
#include "report/check_report.h"
#include "report/json_writer.h"

namespace berth::report {

namespace {

// Bumped only for incompatible changes; added keys keep the version.
constexpr unsigned kSchemaVersion = 1;

void finding_json(JsonWriter& w, const check::Finding& f, const check::Catalog& catalog) {
  w.begin_object()
      .field("rule", f.rule)
      .field("severity", check::to_string(f.severity))
      .field("file", f.file)
      .field("line", f.loc.line)
      .field("column", f.loc.column)
      .field("object", f.object)
      .field("namespace", f.ns)
      .field("message", f.message)
      .field("fix", fix_of(f, catalog))
      .end_object();
}

void scorecard_json(JsonWriter& w, const check::Scorecard& card) {
  w.begin_object().key("overall").value_one_decimal(card.overall).key("areas").begin_object();
  for (const check::AreaScore& a : card.areas) {
    w.key(check::to_string(a.area))
        .begin_object()
        .key("score")
        .value_one_decimal(a.score)
        .field("errors", std::uint64_t{a.errors})
        .field("warnings", std::uint64_t{a.warnings})
        .field("infos", std::uint64_t{a.infos})
        .end_object();
  }
  w.end_object().end_object();
}

void rule_json(JsonWriter& w, const check::RuleInfo& r) {
  w.begin_object()
      .field("id", r.id)
      .field("family", check::to_string(r.family))
      .field("area", check::to_string(r.area))
      .field("severity", check::to_string(r.severity))
      .field("summary", r.summary)
      .field("fix", r.fix)
      .end_object();
}

} // namespace

void render_json(const check::Result& result, const check::Catalog& catalog, std::ostream& out) {
  JsonWriter w(out);
  w.begin_object().field("version", kSchemaVersion).key("findings").begin_array();
  for (const check::Finding& f : result.findings)
    finding_json(w, f, catalog);
  w.end_array();

  Counts c = count(result.findings);
  w.key("summary")
      .begin_object()
      .field("errors", std::uint64_t{c.errors})
      .field("warnings", std::uint64_t{c.warnings})
      .field("infos", std::uint64_t{c.infos})
      .field("files", std::uint64_t{result.files})
      .field("documents", std::uint64_t{result.documents})
      .field("objects", std::uint64_t{result.objects})
      .field("bytes", std::uint64_t{result.bytes})
      .field("unusable_input", result.unusable_input)
      .end_object();
  w.key("scorecard");
  scorecard_json(w, result.scorecard);

  w.key("rules").begin_array();
  for (const check::RuleInfo* r : rules_used(result.findings, catalog))
    rule_json(w, *r);
  w.end_array().end_object().finish();
}

} // namespace berth::report
