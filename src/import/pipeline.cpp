// import_app: the stages in order, then the same environments, kustomizations and ArgoCD
// Applications or Flux objects `berth convert` writes (generate/), and the import's MIGRATION.md.
#include "import/pipeline.h"

#include "generate/context.h"
#include "generate/gitops.h"
#include "import/layout.h"
#include "import/runbook.h"
#include "import/state.h"
#include "import/workload.h"

namespace berth::import {

generate::Output import_app(std::vector<SourceObject> objects, const profile::Profile& profile,
                            const ImportOptions& options) {
  State st(profile, options);
  select_objects(std::move(objects), st);
  resolve_namespaces(st);
  clean_objects(st);
  collect_secrets(st);
  extract_env_secrets(st);
  adapt_storage(st);
  adapt_services(st);
  adapt_ingresses(st);
  check_references(st);
  suggest_hardening(st);

  assign_groups(st);
  // The generators' view of the application: a name and its workloads (nothing is built, so
  // no CI workflow and no pull secret).
  model::App app;
  app.name = st.app;
  app.project_directory = options.base_directory;
  generate::AppPlan plan;
  plan.app = st.app;
  for (const Kept& k : st.objects)
    if (!k.made && is_workload(k.object.text("kind"))) {
      generate::ServicePlan s;
      s.name = name_of(k.object);
      plan.services.push_back(std::move(s));
    }
  generate::Context ctx{app, profile, plan};

  generate::Output out;
  add_base(st, out);
  add_overlays(st, ctx, out);
  out.report = st.report;
  generate::generate_environments(ctx, out);
  generate::generate_gitops(ctx, out);
  out.add_file("MIGRATION.md", import_migration_markdown(st, out));
  return out;
}

} // namespace berth::import
