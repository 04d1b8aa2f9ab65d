// Process exit codes of every berth command (documented in README.md).
#pragma once

namespace berth::cli {

inline constexpr int kExitOk = 0;       // success
inline constexpr int kExitFindings = 1; // `check`: findings at or above --fail-on
inline constexpr int kExitInput = 2;    // usage error or unusable input (nothing written)
inline constexpr int kExitInternal = 70; // a bug in berth (EX_SOFTWARE); please report it

} // namespace berth::cli
