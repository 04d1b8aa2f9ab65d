// PLACEHOLDER (replaced by the reference family): no rules yet.
#include "check/reference/reference.h"

namespace berth::check::reference {

std::vector<RuleInfo> rules() { return {}; }
void check_set(const Index&, Context&) {}

} // namespace berth::check::reference
