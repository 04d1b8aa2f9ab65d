// PLACEHOLDER (replaced by the policy family): no rules yet.
#include "check/policy/policy.h"


namespace berth::check::policy {

std::vector<RuleInfo> rules() { return {}; }
void check_object(const Object&, Context&) {}


} // namespace berth::check::policy
