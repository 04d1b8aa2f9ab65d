// `berth check` benchmark: generates a 3,000-resource multi-document file and a 50,000-resource
// tree of files, then measures YAML parsing (fast reader vs libfyaml) and check::run end to end
// in MB/s, resources/s and peak memory.
//
//   check_bench [--resources 3000] [--tree-resources 50000] [--keep DIR] [--runs 3]
//               [--tree-runs 1] [--no-tree] [--no-check]
//
// Inputs are deterministic (fixed seed) and written under --keep DIR (default: a temp dir,
// removed at exit) as DIR/manifests.yaml and DIR/tree/, so other tools can be timed on them.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "check/engine/engine.h"
#include "common/error.h"
#include "gen_manifests.h"
#include "yaml/libfyaml_path.h"
#include "yaml/stream_each.h"
#include "yaml/tree_builder.h"

namespace {

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::bench;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path.string());
  std::string text;
  in.seekg(0, std::ios::end);
  text.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Parses with the fast reader (and its libfyaml fallback), one document at a time.
yaml::ReadStats parse_fast(const std::string& text, const std::string& name) {
  yaml::ReadStats stats;
  yaml::read_stream(
      text, name, [](yaml::Node&&) {}, {}, &stats);
  return stats;
}

// Parses with libfyaml alone, one document at a time.
std::size_t parse_libfyaml(const std::string& text, const std::string& name) {
  std::size_t docs = 0;
  yaml::ParseOptions options;
  yaml::TreeBuilder builder(options);
  yaml::parse_with_libfyaml(text, 0, 1, intern(name), builder, options, Location{}, false,
                            [&](yaml::Node&&) { ++docs; });
  return docs;
}

check::Result run_check(const std::string& path, unsigned jobs) {
  check::Options options;
  options.paths = {path};
  options.jobs = jobs;
  std::istringstream no_stdin;
  return check::run(options, no_stdin);
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Best wall time and best CPU time (all threads) of `runs` calls. On a shared machine the CPU
// time is the steadier figure: time spent waiting for a core does not count.
struct Timing {
  double wall = 1e300, cpu = 1e300;
};

Timing time_best(int runs, const std::function<void()>& f) {
  Timing t;
  for (int i = 0; i < runs; ++i) {
    const auto w0 = Clock::now();
    const double c0 = cpu_seconds();
    f();
    t.cpu = std::min(t.cpu, cpu_seconds() - c0);
    t.wall = std::min(t.wall, seconds_since(w0));
  }
  return t;
}

void header(const std::string& title) {
  std::printf("\n== %s\n%-42s %8s %8s %8s %9s %7s\n", title.c_str(), "phase", "wall s", "MB/s",
              "CPU s", "MB/CPU-s", "RSS MB");
}

void row(const std::string& what, const Timing& t, double mb, long rss_kb,
         const std::string& extra) {
  std::printf("%-42s %8.3f %8.1f %8.3f %9.1f %7s  %s\n", what.c_str(), t.wall, mb / t.wall, t.cpu,
              mb / t.cpu, rss_kb < 0 ? "n/a" : std::to_string(rss_kb / 1024).c_str(),
              extra.c_str());
  std::fflush(stdout);
}

std::string per_second(std::size_t n, double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", static_cast<double>(n) / seconds);
  return buf;
}

// Times check::run on `path` with one thread and with all cores.
void check_rows(const std::string& path, int runs, double mb, long rss1, long rss_all) {
  for (unsigned jobs : {1u, 0u}) {
    check::Result r;
    const Timing t = time_best(runs, [&] { r = run_check(path, jobs); });
    row(jobs == 1 ? "check::run, 1 thread" : "check::run, all cores", t, mb,
        jobs == 1 ? rss1 : rss_all,
        per_second(r.objects, t.wall) + " resources/s, " + std::to_string(r.objects) +
            " objects, " + std::to_string(r.findings.size()) + " findings");
  }
}

} // namespace

int main(int argc, char** argv) {
  std::size_t resources = 3000, tree_resources = 50000;
  int runs = 3, tree_runs = 1;
  bool with_tree = true, with_check = true;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "check_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--resources") {
      resources = std::stoul(value());
    } else if (a == "--tree-resources") {
      tree_resources = std::stoul(value());
    } else if (a == "--runs") {
      runs = std::max(1, std::stoi(value()));
    } else if (a == "--tree-runs") {
      tree_runs = std::max(1, std::stoi(value()));
    } else if (a == "--keep") {
      keep = value();
    } else if (a == "--no-tree") {
      with_tree = false;
    } else if (a == "--no-check") {
      with_check = false;
    } else {
      std::cerr << "usage: check_bench [--resources N] [--tree-resources N] [--keep DIR] "
                   "[--runs N] [--tree-runs N] [--no-tree] [--no-check]\n";
      return 2;
    }
  }

  try {
    const fs::path dir =
        keep.empty() ? fs::temp_directory_path() / ("berth-check-bench-" + std::to_string(getpid()))
                     : fs::path(keep);
    fs::create_directories(dir);
    const fs::path file = dir / "manifests.yaml";
    const fs::path tree = dir / "tree";

    // --- one multi-document file ----------------------------------------------------------
    {
      ManifestGen gen;
      std::ofstream(file, std::ios::binary) << gen.stream(resources);
    }
    const std::string text = read_all(file);
    const double mb = static_cast<double>(text.size()) / (1 << 20);
    std::printf("input: %s, %zu resources, %.1f MB\n", file.c_str(), resources, mb);

    // Peaks first, each in a fresh child, before this process grows.
    const long rss_fast = child_peak_kb([&] { parse_fast(text, file.string()); });
    const long rss_slow = child_peak_kb([&] { parse_libfyaml(text, file.string()); });
    const long rss_all = child_peak_kb([&] { yaml::parse_stream(text, file.string()); });
    long rss_check1 = -1, rss_check = -1;
    if (with_check) {
      rss_check1 = child_peak_kb([&] { run_check(file.string(), 1); });
      rss_check = child_peak_kb([&] { run_check(file.string(), 0); });
    }

    header("multi-document file (best of " + std::to_string(runs) + ")");
    std::size_t lines = 0;
    Timing t = time_best(runs, [&] {
      const std::string again = read_all(file);
      lines = static_cast<std::size_t>(std::count(again.begin(), again.end(), '\n'));
    });
    row("read + count lines (I/O floor)", t, mb, -1, std::to_string(lines) + " lines");
    yaml::ReadStats stats;
    t = time_best(runs, [&] { stats = parse_fast(text, file.string()); });
    row("parse, fast reader (document at a time)", t, mb, rss_fast,
        std::to_string(stats.fast_documents) + " fast, " +
            std::to_string(stats.libfyaml_documents) + " via libfyaml");
    std::size_t docs = 0;
    t = time_best(runs, [&] { docs = parse_libfyaml(text, file.string()); });
    row("parse, libfyaml only (document at a time)", t, mb, rss_slow,
        std::to_string(docs) + " documents");
    t = time_best(runs, [&] { yaml::parse_stream(text, file.string()); });
    row("parse_stream (all trees kept)", t, mb, rss_all, "");
    if (with_check) check_rows(file.string(), runs, mb, rss_check1, rss_check);

    // --- a tree of many files ----------------------------------------------------------------
    if (with_tree) {
      fs::remove_all(tree);
      ManifestGen gen;
      const std::size_t bytes = gen.tree(tree, tree_resources);
      const std::vector<fs::path> files = yaml_files(tree);
      const double tmb = static_cast<double>(bytes) / (1 << 20);
      std::printf("\ninput: %s, %zu resources in %zu files, %.1f MB\n", tree.c_str(),
                  tree_resources, files.size(), tmb);
      const long t_rss_fast = child_peak_kb([&] {
        for (const fs::path& f : files)
          parse_fast(read_all(f), f.string());
      });
      long t_rss_check1 = -1, t_rss_check = -1;
      if (with_check) {
        t_rss_check1 = child_peak_kb([&] { run_check(tree.string(), 1); });
        t_rss_check = child_peak_kb([&] { run_check(tree.string(), 0); });
      }
      header("tree (best of " + std::to_string(tree_runs) + ")");
      t = time_best(tree_runs, [&] {
        for (const fs::path& f : files)
          read_all(f);
      });
      row("read every file", t, tmb, -1, "");
      t = time_best(tree_runs, [&] {
        for (const fs::path& f : files)
          parse_fast(read_all(f), f.string());
      });
      row("read + parse, fast reader", t, tmb, t_rss_fast, "");
      t = time_best(tree_runs, [&] {
        for (const fs::path& f : files)
          parse_libfyaml(read_all(f), f.string());
      });
      row("read + parse, libfyaml only", t, tmb, -1, "");
      if (with_check) check_rows(tree.string(), tree_runs, tmb, t_rss_check1, t_rss_check);
    }
    std::printf("\npeak RSS of this process: %ld MB\n", peak_rss_kb() / 1024);
    if (keep.empty()) fs::remove_all(dir);
  } catch (const std::exception& e) {
    std::cerr << "check_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
