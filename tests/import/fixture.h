// Shared helpers of the import tests: run the whole pipeline on YAML text and look at what it
// produced (base manifests, overlay objects, patches, files, report entries).
#pragma once

#include <string>
#include <vector>

#include "generate/output.h"
#include "import/options.h"
#include "profile/profile.h"
#include "yaml/node.h"

namespace berth::import::test {

// parse (as export.yaml) → flatten → import_app with the default profile unless given.
generate::Output run(const std::string& yaml, const ImportOptions& options = {},
                     const profile::Profile& profile = profile::default_profile());

// The base manifest at `path` ("base/web/deployment.yaml"); nullptr when absent.
const yaml::Node* base(const generate::Output& out, const std::string& path);
// The first base object of `kind` named `name`; nullptr when absent.
const yaml::Node* object(const generate::Output& out, const std::string& kind,
                         const std::string& name);
// Path of that object in base; "" when absent.
std::string path_of(const generate::Output& out, const std::string& kind, const std::string& name);
// The patch of `env` at `path`; nullptr when absent.
const yaml::Node* patch(const generate::Output& out, const std::string& env,
                        const std::string& path);
// Content of the text file at `path`; "" when absent.
std::string file(const generate::Output& out, const std::string& path);
// True when a report entry of `ref` with `key` has `disposition` and mentions `text`.
bool reported(const generate::Output& out, const std::string& ref, const std::string& key,
              generate::Disposition disposition, const std::string& text = "");
// Every path berth would write (base, overlays, patches, files), sorted.
std::vector<std::string> paths(const generate::Output& out);
// Everything berth would write, as one text (for leak scans).
std::string all_text(const generate::Output& out);

} // namespace berth::import::test
