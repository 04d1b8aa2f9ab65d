// Snapshots, kustomize builds and npm-oracle validation of generated trees (convert, import).
#include "cli/tree_oracle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;

namespace berth::test {

std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

std::map<std::string, std::string> file_tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file())
      files[fs::relative(e.path(), root).generic_string()] = read_file(e.path());
  return files;
}

void expect_same_tree(const fs::path& expected, const fs::path& actual) {
  auto a = file_tree(expected), b = file_tree(actual);
  for (const auto& [path, content] : a) {
    auto it = b.find(path);
    if (it == b.end()) {
      ADD_FAILURE() << "missing " << path << " (expected in " << expected << ")";
      continue;
    }
    EXPECT_EQ(it->second, content) << path;
  }
  for (const auto& [path, content] : b)
    if (!a.count(path)) ADD_FAILURE() << "unexpected " << path << " in " << actual;
}

bool have_oracle() {
  return have_program("node") && fs::exists(source_dir() / "tests/oracle/node_modules");
}

fs::path schemas_dir() {
  fs::path shared = shared_dir();
  return shared.empty() ? fs::path() : shared / "schemas";
}

bool have_schemas() {
  return have_program("node") && !schemas_dir().empty() &&
         fs::exists(schemas_dir() / "kubernetes/definitions.json") &&
         fs::exists(schemas_dir() / "crds");
}

nlohmann::ordered_json yaml_to_json_array(const std::string& yaml_text, const std::string& name) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const yaml::Node& doc : yaml::parse_stream(yaml_text, name))
    if (!doc.is_null()) all.push_back(yaml::to_json(doc));
  return all;
}

namespace {

// The shared CRDs as one JSON file (the oracle has no YAML parser), converted once per run.
const fs::path& crds_json() {
  static const fs::path file = [] {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(schemas_dir() / "crds"))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files)
      for (auto& crd : yaml_to_json_array(read_file(f), f.string()))
        all.push_back(std::move(crd));
    fs::path out = temp_dir("crds-json") / "crds.json";
    write_file(out, all.dump());
    return out;
  }();
  return file;
}

} // namespace

RunResult check_unknown_fields(const std::string& objects_json) {
  return run("node " + quote(source_dir() / "tests/oracle/unknown_fields.mjs") + " --definitions " +
                 quote(schemas_dir() / "kubernetes/definitions.json") + " --crds " +
                 quote(crds_json()),
             objects_json);
}

std::string build_and_validate(const fs::path& out) {
  std::string failures;
  nlohmann::ordered_json objects = nlohmann::ordered_json::array();
  auto add = [&](const std::string& yaml_text, const std::string& name) {
    for (auto& o : yaml_to_json_array(yaml_text, name))
      objects.push_back(std::move(o));
  };
  std::vector<fs::path> builds;
  for (const auto& env : fs::directory_iterator(out / "overlays")) {
    builds.push_back(env.path());
    if (fs::exists(env.path() / "alerts/kustomization.yaml"))
      builds.push_back(env.path() / "alerts");
  }
  std::sort(builds.begin(), builds.end());
  if (builds.empty()) return "no overlays in " + out.string();
  for (const fs::path& dir : builds) {
    auto r = run("kubectl kustomize " + quote(dir));
    if (r.exit_code != 0) {
      failures += "kubectl kustomize " + dir.string() + ": " + r.err + "\n";
      continue;
    }
    add(r.out, dir.string());
  }
  // The GitOps tool's objects (ArgoCD Applications or Flux sources and Kustomizations) live
  // outside the overlays: validated as they are.
  std::vector<fs::path> apps;
  for (const char* dir : {"argocd", "flux"})
    if (fs::is_directory(out / dir))
      for (const auto& app : fs::directory_iterator(out / dir))
        apps.push_back(app.path());
  std::sort(apps.begin(), apps.end());
  for (const fs::path& app : apps)
    add(read_file(app), app.string());
  if (have_oracle()) {
    auto v = run("node " + quote(source_dir() / "tests/oracle/validate.mjs"), objects.dump());
    if (v.exit_code != 0) failures += "validate.mjs (" + out.string() + "): " + v.err + "\n";
  }
  if (have_schemas()) {
    auto u = check_unknown_fields(objects.dump());
    if (u.exit_code != 0) failures += "unknown_fields.mjs (" + out.string() + "): " + u.err + "\n";
  }
  return failures;
}

} // namespace berth::test
