// `berth import` as a library: exported objects + cluster profile → everything the tree holds
// (the same generate::Output `berth convert` produces, written by the same tree writer).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generate/output.h"
#include "import/load.h"
#include "import/options.h"
#include "profile/profile.h"

namespace berth::import {

// Runs every stage: select, namespaces, clean (migrate + neat), secrets, storage, services,
// ingresses, references, hardening, then the tree layout, environments, GitOps and
// MIGRATION.md. Throws berth::Error for input it cannot use (several namespaces, no name...).
generate::Output import_app(std::vector<SourceObject> objects, const profile::Profile& profile,
                            const ImportOptions& options);

// The application a namespace holds: the part matching {app} of an environment's namespace
// pattern ("shop-prod" with "{app}-prod" → "shop"), else the namespace itself.
std::string app_for_namespace(const std::string& ns, const profile::Profile& profile);

// "old=new" pairs of --namespace-map / --storage-class-map; throws berth::Error naming `flag`
// for a malformed pair or an old name given twice.
std::map<std::string, std::string> parse_pairs(const std::vector<std::string>& pairs,
                                               const std::string& flag);

} // namespace berth::import
