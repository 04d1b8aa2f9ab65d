// Hands a command's large in-memory result to the process exit instead of freeing it.
#pragma once

#include <utility>

namespace berth::cli {

// Called when the output is written and the command is about to return to main: freeing a
// large result (a check index, a converted model and its objects — millions of small blocks)
// would only delay the exit, by several percent of a whole run, so the value is moved into a
// block that is never freed. Under AddressSanitizer it is freed, because the leak checker would
// report it.
template <class T> void release_at_exit(T&& value) {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BERTH_RELEASE_AT_EXIT_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(BERTH_RELEASE_AT_EXIT_ASAN)
  auto dropped = std::forward<T>(value);
#else
  (void)new auto(std::forward<T>(value));
#endif
}

} // namespace berth::cli
