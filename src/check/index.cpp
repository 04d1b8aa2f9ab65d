// PLACEHOLDER (replaced by the reference/capacity families): an Index that records nothing.
#include "check/index.h"

#include "check/index_data.h"

namespace berth::check {

Index::Index() : data_(std::make_unique<IndexData>()) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
void Index::add(const Object&) {}
void Index::append(Index&&) {}

} // namespace berth::check
