// PLACEHOLDER (replaced by the schema family): no rules yet.
#include "check/schema/schema.h"
#include "check/schema/registry.h"

namespace berth::check::schema {

std::vector<RuleInfo> rules() { return {}; }
void check_object(const Object&, Context&) {}
std::unique_ptr<Registry> load_registry(const Options&) { return std::make_unique<Registry>(); }

} // namespace berth::check::schema
