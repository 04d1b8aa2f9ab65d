// Process-wide allocator settings for the berth binary (set once, first thing in main).
#pragma once

namespace berth::cli {

// glibc's defaults return freed memory to the kernel and grow heaps a page at a time, which
// a run that builds and drops hundreds of megabytes of small YAML nodes pays for in system
// calls and page faults (a 1,000-service convert made ~14,500 mprotect calls). Grows in 64 MiB
// steps and keeps freed memory until exit instead. No effect with other C libraries.
void tune_allocator();

} // namespace berth::cli
