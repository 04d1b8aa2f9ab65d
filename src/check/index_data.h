// PLACEHOLDER (replaced by the reference/capacity families): the facts an Index keeps.
#pragma once

namespace berth::check {

struct IndexData {};

} // namespace berth::check
