// libFuzzer target for the Compose loader: arbitrary bytes as compose.yaml → load → model → print.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "compose/load.h"
#include "compose/serialize.h"
#include "compose/to_model.h"
#include "yaml/emit.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The loader reads files (discovery, relative paths), so each input becomes a project dir.
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("berth-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  {
    std::ofstream out(dir / "compose.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  berth::compose::LoadOptions options;
  options.files = {(dir / "compose.yaml").string()};
  options.working_dir = dir.string();
  options.process_env = {{"HOME", dir.string()}, {"TAG", "1.0"}};
  try {
    auto app = berth::compose::to_model(berth::compose::load_project(options));
    (void)berth::yaml::emit(berth::compose::to_compose_yaml(app));
  } catch (const berth::Error&) {
    // Rejected input with a located message is the expected outcome for most inputs.
  }
  return 0;
}
