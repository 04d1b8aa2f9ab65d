// Shared test helpers: data paths, temp dirs, running commands with captured output.
#include "support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace berth::test {

fs::path shared_dir() {
  if (const char* env = std::getenv("BERTH_SHARED_DIR"); env && *env) return env;
  fs::path p = BERTH_SHARED_DIR;
  return fs::is_directory(p) ? fs::canonical(p) : fs::path();
}

fs::path source_dir() { return BERTH_SOURCE_DIR; }
fs::path berth_binary() { return BERTH_BINARY; }

namespace {
std::vector<fs::path>& temp_dirs() {
  static std::vector<fs::path> dirs;
  return dirs;
}
void cleanup() {
  std::error_code ec;
  for (const auto& d : temp_dirs()) fs::remove_all(d, ec);
}
} // namespace

fs::path temp_dir(const std::string& prefix) {
  static std::once_flag once;
  std::call_once(once, [] { std::atexit(cleanup); });
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  fs::path dir(buf.data());
  temp_dirs().push_back(dir);
  return dir;
}

void write_file(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult run(const std::string& command, const std::string& input) {
  fs::path dir = temp_dir("berth-run");
  fs::path in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  write_file(in, input);
  std::string line = "(" + command + ") <'" + in.string() + "' >'" + out.string() + "' 2>'" +
                     err.string() + "'";
  int status = std::system(line.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return r;
}

bool have_program(const std::string& program) {
  return run("command -v '" + program + "' >/dev/null 2>&1").exit_code == 0;
}

} // namespace berth::test
