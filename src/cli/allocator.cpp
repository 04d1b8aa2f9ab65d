// Allocator settings for the berth binary: fewer heap-growth system calls (see allocator.h).
#include "cli/allocator.h"

#include <cstdlib> // defines __GLIBC__ when the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace berth::cli {

void tune_allocator() {
#if defined(__GLIBC__)
  constexpr int kPad = 64 << 20;
  mallopt(M_TOP_PAD, kPad);
  mallopt(M_TRIM_THRESHOLD, 4 * kPad);
  // A fixed threshold (setting the trim threshold already turns off glibc's dynamic one):
  // blocks this large come from their own mappings and go straight back when freed.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

} // namespace berth::cli
