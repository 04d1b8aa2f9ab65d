// Import test helpers: the pipeline on in-memory YAML and lookups into its Output.
#include "fixture.h"

#include <algorithm>

#include "import/load.h"
#include "import/pipeline.h"
#include "tree/writer.h"
#include "yaml/parse.h"

namespace berth::import::test {

generate::Output run(const std::string& yaml, const ImportOptions& options,
                     const profile::Profile& profile) {
  std::vector<SourceObject> objects;
  for (yaml::Node& d : yaml::parse_stream(yaml, "export.yaml"))
    flatten(std::move(d), objects);
  return import_app(std::move(objects), profile, options);
}

const yaml::Node* base(const generate::Output& out, const std::string& path) {
  for (const generate::Manifest& m : out.base)
    if (m.path == path) return &m.object;
  return nullptr;
}

static bool named(const yaml::Node& o, const std::string& kind, const std::string& name) {
  const yaml::Node* meta = o.find("metadata");
  return o.text("kind") == kind && meta && meta->text("name") == name;
}

const yaml::Node* object(const generate::Output& out, const std::string& kind,
                         const std::string& name) {
  for (const generate::Manifest& m : out.base)
    if (named(m.object, kind, name)) return &m.object;
  return nullptr;
}

std::string path_of(const generate::Output& out, const std::string& kind, const std::string& name) {
  for (const generate::Manifest& m : out.base)
    if (named(m.object, kind, name)) return m.path;
  return {};
}

const yaml::Node* patch(const generate::Output& out, const std::string& env,
                        const std::string& path) {
  auto it = out.patches.find(env);
  if (it == out.patches.end()) return nullptr;
  for (const generate::Patch& p : it->second)
    if (p.path == path) return &p.patch;
  return nullptr;
}

std::string file(const generate::Output& out, const std::string& path) {
  for (const generate::TextFile& f : out.files)
    if (f.path == path) return f.content;
  return {};
}

bool reported(const generate::Output& out, const std::string& ref, const std::string& key,
              generate::Disposition disposition, const std::string& text) {
  return std::any_of(out.report.entries.begin(), out.report.entries.end(), [&](const auto& e) {
    return e.service == ref && e.key == key && e.disposition == disposition &&
           e.detail.find(text) != std::string::npos;
  });
}

std::vector<std::string> paths(const generate::Output& out) {
  std::vector<std::string> p;
  for (const auto& [path, content] : tree::render(out))
    p.push_back(path);
  return p;
}

std::string all_text(const generate::Output& out) {
  std::string text;
  for (const auto& [path, content] : tree::render(out))
    text += path + "\n" + content + "\n";
  return text;
}

} // namespace berth::import::test
