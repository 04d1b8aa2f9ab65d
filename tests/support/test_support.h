// Shared helpers for tests: paths to shared/ data, the built CLI, temp dirs, running commands.
#pragma once

#include <filesystem>
#include <string>

namespace berth::test {

// ../shared next to the repository (reference data); empty path when absent.
std::filesystem::path shared_dir();
// The repository root.
std::filesystem::path source_dir();
// The built `berth` binary.
std::filesystem::path berth_binary();
// A fresh empty directory under the system temp dir, removed at process exit.
std::filesystem::path temp_dir(const std::string& prefix = "berth-test");
// Writes `text` to `path` (creating parent directories).
void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

struct RunResult {
  int exit_code = -1;
  std::string out; // stdout
  std::string err; // stderr
};
// Runs a shell command line (sh -c), capturing stdout and stderr; stdin from `input`.
RunResult run(const std::string& command, const std::string& input = "");
// True when `program` is found on PATH.
bool have_program(const std::string& program);

} // namespace berth::test
