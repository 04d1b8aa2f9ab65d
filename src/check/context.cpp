// Findings sink with the rule switches applied: catalog defaults, then the config file.
#include "check/context.h"

#include <stdexcept>

namespace berth::check {

Context::Context(const Options& options, const Catalog& catalog, const schema::Registry& schemas)
    : options_(options), catalog_(catalog), schemas_(schemas) {
  for (const RuleInfo& r : catalog.rules()) {
    if (r.enabled) enabled_.insert(r.id);
    severity_[r.id] = r.severity;
  }
  for (const std::string& id : options.config.enable)
    if (const RuleInfo* r = catalog.find(id)) enabled_.insert(r->id);
  for (const std::string& id : options.config.disable)
    if (const RuleInfo* r = catalog.find(id)) enabled_.erase(r->id);
  for (const auto& [id, sev] : options.config.severity)
    if (const RuleInfo* r = catalog.find(id)) severity_[r->id] = sev;
}

bool Context::enabled(std::string_view rule) const { return enabled_.count(rule) != 0; }

void Context::report(std::string_view rule, const ObjectInfo* object, const Location& loc,
                     std::string message, std::string fix) {
  const RuleInfo* info = catalog_.find(rule);
  if (!info) throw std::logic_error("finding for unknown rule " + std::string(rule));
  if (!enabled(info->id)) return;
  if (object && object->ignores(info->id)) return;
  Finding f;
  f.rule = std::string(info->id);
  f.severity = severity_.at(info->id);
  f.loc = (loc.line == 0 && object) ? object->loc : loc;
  if (object) {
    f.file = object->file;
    f.object = object->display();
    f.ns = object->ns;
  } else if (f.loc.file) {
    f.file = *f.loc.file;
  }
  f.message = std::move(message);
  f.fix = std::move(fix);
  findings_.push_back(std::move(f));
}

void Context::report_file(std::string_view rule, const std::string& file, const Location& loc,
                          std::string message) {
  std::size_t before = findings_.size();
  report(rule, nullptr, loc, std::move(message));
  if (findings_.size() > before) findings_.back().file = file;
}

} // namespace berth::check
