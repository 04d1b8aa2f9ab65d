// Throughput of the schema family, run on demand (not a timed test): build Release, then
//   test_check_schema --gtest_also_run_disabled_tests --gtest_filter='SchemaPerf*'
// It prints registry load times and validation objects/s and MB/s over the golden trees, in
// CPU time of the thread.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "check/context.h"
#include "check/schema/builtin.h"
#include "check/schema/json_reader.h"
#include "check/schema/loaders.h"
#include "check/schema/registry.h"
#include "check/schema/schema.h"
#include "support/test_support.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;

namespace berth::check::schema {
namespace {

// CPU time of this thread: the machine is shared, so wall time says more about the neighbours.
struct CpuClock {
  using duration = std::chrono::nanoseconds;
  using time_point = std::chrono::time_point<CpuClock>;
  static time_point now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return time_point(duration(ts.tv_sec * 1'000'000'000LL + ts.tv_nsec));
  }
};

double ms_since(CpuClock::time_point start) {
  return std::chrono::duration<double, std::milli>(CpuClock::now() - start).count();
}

void run(const Registry& registry, const char* label) {
  struct Doc {
    ObjectInfo info;
    yaml::Node root;
  };
  std::vector<Doc> docs;
  std::size_t bytes = 0;
  for (const auto& e :
       fs::recursive_directory_iterator(berth::test::source_dir() / "tests/cli/golden")) {
    if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
    std::string text = berth::test::read_file(e.path());
    bytes += text.size();
    for (yaml::Node& n : yaml::parse_stream(text, e.path().string())) {
      if (!n.is_mapping() || !n.find("kind")) continue;
      Doc d;
      d.info.api_version = n.text("apiVersion");
      d.info.kind = n.text("kind");
      d.info.file = e.path().string();
      d.info.patch = d.info.file.find("/patches/") != std::string::npos;
      d.root = std::move(n);
      docs.push_back(std::move(d));
    }
  }
  static const Catalog catalog(rules());
  Options options;
  Context ctx(options, catalog, registry);
  std::size_t rounds = 0, objects = 0;
  auto start = CpuClock::now();
  while (ms_since(start) < 1000) {
    for (const Doc& d : docs)
      check_object(Object{d.info, d.root}, ctx);
    ++rounds;
    objects += docs.size();
  }
  double ms = ms_since(start);
  std::printf("[ perf ] %s: %zu objects x %zu rounds in %.0f ms: %.0f objects/s, %.1f MB/s of "
              "YAML (schema validation only; %zu findings)\n",
              label, docs.size(), rounds, ms, objects / ms * 1000.0, bytes * rounds / ms / 1000.0,
              ctx.findings().size());
}

TEST(SchemaPerf, DISABLED_LoadAndValidate) {
  auto start = CpuClock::now();
  Registry builtin;
  load_builtin(builtin);
  std::printf("[ perf ] built-in registry: %.2f ms (%zu kinds, %zu types)\n", ms_since(start),
              builtin.stats().kinds, builtin.stats().types);
  run(builtin, "built-in");

  auto shared = berth::test::shared_dir();
  if (shared.empty()) return;
  std::string defs = berth::test::read_file(shared / "schemas/kubernetes/definitions.json");
  start = CpuClock::now();
  yaml::Node tree = read_json(defs, "definitions.json");
  std::printf("[ perf ] definitions.json read_json only: %.2f ms\n", ms_since(start));
  Registry full;
  load_builtin(full);
  start = CpuClock::now();
  load_openapi_text(full, defs, "definitions.json");
  std::printf("[ perf ] definitions.json (%.1f MB): %.2f ms\n", defs.size() / 1e6, ms_since(start));
  start = CpuClock::now();
  load_crds_path(full, (shared / "schemas/crds").string());
  std::printf("[ perf ] 25 CRDs (4.1 MB YAML): %.2f ms (%zu kinds, %zu types)\n", ms_since(start),
              full.stats().kinds, full.stats().types);
  run(full, "definitions.json + CRDs");
}

} // namespace
} // namespace berth::check::schema
