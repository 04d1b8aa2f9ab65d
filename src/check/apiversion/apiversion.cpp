// PLACEHOLDER (replaced by the apiversion family): no rules yet.
#include "check/apiversion/apiversion.h"


namespace berth::check::apiversion {

std::vector<RuleInfo> rules() { return {}; }
void check_object(const Object&, Context&) {}


} // namespace berth::check::apiversion
