// libFuzzer target: arbitrary bytes through parse_stream (small bounds) and to_json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "yaml/json.h"
#include "yaml/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  berth::yaml::ParseOptions options;
  options.max_depth = 64;
  options.max_alias_nodes = 10'000;
  options.max_scalar_bytes = 64u << 10;
  options.max_input_bytes = 1u << 20;
  // Alternate option sets on the first byte so both merge-key modes are exercised.
  if (size > 0 && (data[0] & 1)) {
    options.merge_keys = false;
    options.reject_duplicate_keys = false;
  }
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    for (const berth::yaml::Node& doc : berth::yaml::parse_stream(text, "fuzz.yaml", options))
      (void)berth::yaml::to_json(doc).dump(-1, ' ', false,
                                           nlohmann::ordered_json::error_handler_t::replace);
  } catch (const berth::Error&) {
    // Rejected input is the expected outcome for most mutations.
  }
  return 0;
}
