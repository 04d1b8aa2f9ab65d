// SARIF 2.1.0 renderer of `berth check`: one run, the rules the findings use (with help text,
// default level, family/area tags) and one result per finding with its file region.
#include <map>

#include "report/check_common.h"
#include "report/check_report.h"
#include "report/json_writer.h"

namespace berth::report {

namespace {

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

// {"text": s}, SARIF's message and multiformat string objects.
void text(JsonWriter& w, std::string_view key, std::string_view s) {
  w.key(key).begin_object().field("text", s).end_object();
}

void rule_json(JsonWriter& w, const check::RuleInfo& r) {
  std::string full(r.summary);
  if (!r.doc.empty()) full += ". " + std::string(r.doc);
  std::string md = "**Fix:** " + std::string(r.fix);
  if (!r.doc.empty()) md += "\n\n" + std::string(r.doc);
  w.begin_object().field("id", r.id);
  text(w, "shortDescription", r.summary);
  text(w, "fullDescription", full);
  w.key("help")
      .begin_object()
      .field("text", "Fix: " + std::string(r.fix))
      .field("markdown", md)
      .end_object();
  w.key("defaultConfiguration").begin_object().field("level", level(r.severity)).end_object();
  w.key("properties")
      .begin_object()
      .key("tags")
      .begin_array()
      .value(check::to_string(r.family))
      .value(check::to_string(r.area))
      .end_array()
      .end_object();
  w.end_object();
}

void location_json(JsonWriter& w, const check::Finding& f) {
  w.begin_object().key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object().field("uri", to_uri(f.file));
  if (f.file != "-" && f.file.front() != '/') w.field("uriBaseId", "%SRCROOT%");
  w.end_object();
  if (f.loc.line > 0) {
    w.key("region").begin_object().field("startLine", f.loc.line);
    if (f.loc.column > 0) w.field("startColumn", f.loc.column);
    w.end_object();
  }
  w.end_object();
  if (!f.object.empty()) {
    w.key("logicalLocations")
        .begin_array()
        .begin_object()
        .field("name", f.object)
        .field("fullyQualifiedName", f.ns.empty() ? f.object : f.ns + "/" + f.object)
        .field("kind", "object")
        .end_object()
        .end_array();
  }
  w.end_object();
}

} // namespace

void render_sarif(const check::Result& result, const check::Catalog& catalog, std::ostream& out) {
  std::vector<const check::RuleInfo*> used = rules_used(result.findings, catalog);
  std::map<std::string_view, std::uint64_t> index;
  for (const check::RuleInfo* r : used)
    index.emplace(r->id, index.size());

  JsonWriter w(out);
  w.begin_object()
      .field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
      .field("version", "2.1.0")
      .key("runs")
      .begin_array()
      .begin_object();
  w.key("tool").begin_object().key("driver").begin_object().field("name", "berth");
  w.key("rules").begin_array();
  for (const check::RuleInfo* r : used)
    rule_json(w, *r);
  w.end_array().end_object().end_object();
  w.key("invocations")
      .begin_array()
      .begin_object()
      .field("executionSuccessful", !result.unusable_input)
      .end_object()
      .end_array();

  w.key("results").begin_array();
  for (const check::Finding& f : result.findings) {
    w.begin_object().field("ruleId", f.rule);
    if (auto it = index.find(f.rule); it != index.end()) w.field("ruleIndex", it->second);
    w.field("level", level(f.severity));
    text(w, "message", f.message);
    if (!f.file.empty()) {
      w.key("locations").begin_array();
      location_json(w, f);
      w.end_array();
    }
    std::string_view fix = fix_of(f, catalog);
    if (!fix.empty()) w.key("properties").begin_object().field("fix", fix).end_object();
    w.end_object();
  }
  w.end_array().end_object().end_array().end_object().finish();
}

} // namespace berth::report
