// MIGRATION.md pieces: cut-over order, data copy commands, report rendering and summary.
#include <gtest/gtest.h>

#include "generate/context.h"
#include "generate/fixture.h"
#include "generate/runbook.h"

using namespace berth;
using namespace berth::generate;

namespace {
const char* kApp = "name: shop\n"
                   "services:\n"
                   "  web:\n"
                   "    image: nginx\n"
                   "    environment: {API: 'http://api:8080'}\n"
                   "  api:\n"
                   "    image: example/api\n"
                   "    ports: ['8080:8080']\n"
                   "    environment: {DATABASE_URL: 'postgres://db:5432/shop'}\n"
                   "  db:\n"
                   "    image: postgres:16\n"
                   "    volumes: [pgdata:/var/lib/postgresql/data]\n"
                   "  files:\n"
                   "    image: example/files\n"
                   "    volumes: [uploads:/srv/uploads]\n"
                   "volumes: {pgdata: {}, uploads: {}}\n";
}

TEST(Runbook, CutoverOrderPutsCalleesFirst) {
  AppPlan plan;
  plan.services.resize(3);
  plan.services[0].name = "web";
  plan.services[0].connects_to = {"api"};
  plan.services[1].name = "api";
  plan.services[1].connects_to = {"db"};
  plan.services[2].name = "db";
  std::vector<std::string> cycle;
  EXPECT_EQ(cutover_order(plan, &cycle), (std::vector<std::string>{"db", "api", "web"}));
  EXPECT_TRUE(cycle.empty());
  plan.services[2].connects_to = {"web"}; // db → web → api → db
  EXPECT_EQ(cutover_order(plan, &cycle), (std::vector<std::string>{"web", "api", "db"}));
  EXPECT_EQ(cycle, (std::vector<std::string>{"web", "api", "db"}));
}

TEST(Runbook, DataCopyCommandsPerFamily) {
  auto f = test::load_fixture(kApp);
  Context ctx{f->app, f->profile, f->plan};
  const auto& prod = *profile::find_environment(f->profile, "production");
  std::string pg = data_copy_commands(ctx, f->service("db"), prod);
  EXPECT_NE(pg.find("docker compose exec -T db sh -c 'pg_dump"), std::string::npos) << pg;
  EXPECT_NE(pg.find("kubectl -n shop-prod exec -i db-0 -- sh -c 'pg_restore"), std::string::npos) << pg;
  std::string vol = data_copy_commands(ctx, f->service("files"), prod);
  EXPECT_NE(vol.find("docker run --rm -v shop_uploads:/data alpine tar -C /data --numeric-owner -cf - ."),
            std::string::npos) << vol;
  EXPECT_NE(vol.find("tar -C /srv/uploads --numeric-owner -xf -"), std::string::npos) << vol;
  EXPECT_EQ(data_copy_commands(ctx, f->service("web"), prod), "");
}

TEST(Runbook, ReportMarkdownAndSummary) {
  Report r;
  r.add("", "networks", Disposition::Dropped, "NetworkPolicies | instead");
  r.add("api", "ports[0]", Disposition::Translated, "Service port 8080");
  r.add("api", "secrets", Disposition::Manual, "fill overlays/production/secrets/api-secret.template.yaml");
  std::string md = report_markdown(r, "/p");
  EXPECT_NE(md.find("### Application\n\n| Key | Disposition | Detail | Source |\n|---|---|---|---|\n"
                    "| `networks` | dropped | NetworkPolicies \\| instead |  |\n"),
            std::string::npos) << md;
  EXPECT_NE(md.find("### Service `api`"), std::string::npos);
  EXPECT_EQ(report_summary(r),
            "berth: report: 1 translated, 0 inferred, 1 dropped, 1 manual\n"
            "berth: manual: api: secrets: fill overlays/production/secrets/api-secret.template.yaml\n");
}

TEST(Runbook, ReportCellsEscapePipesAndLineBreaksAndShowSourcesRelative) {
  Report r;
  Location at{intern("/p/compose.yaml"), 3, 5};
  r.add("web", "a|b", Disposition::Inferred, "|one\ntwo || three\n", at);
  r.add("web", "plain", Disposition::Translated, "no specials",
        Location{intern("/q/x.yaml"), 1, 1});
  std::string md = report_markdown(r, "/p");
  EXPECT_NE(md.find("| `a\\|b` | inferred | \\|one<br>two \\|\\| three<br> | compose.yaml:3:5 |\n"),
            std::string::npos) << md;
  EXPECT_NE(md.find("| `plain` | translated | no specials | /q/x.yaml:1:1 |\n"), std::string::npos)
      << md;
}

TEST(Runbook, MigrationDocumentSections) {
  auto f = test::load_fixture(kApp);
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  out.add_file("overlays/production/secrets/api-secret.template.yaml", "x");
  std::string md = migration_markdown(ctx, out);
  for (const char* section : {"## Overview", "## Prerequisites", "## Secrets to fill",
                              "## Cut-over order", "## Data copy", "## Validation", "## Rollback",
                              "## Conversion report"})
    EXPECT_NE(md.find(section), std::string::npos) << section;
  EXPECT_NE(md.find("berth seal --cert sealed-secrets.pem < FILLED-api-secret.yaml > "
                    "overlays/production/sealedsecret-api.yaml"),
            std::string::npos) << md;
  EXPECT_NE(md.find("kustomize edit add resource sealedsecret-api.yaml"), std::string::npos);
  EXPECT_LT(md.find("1. `db`"), md.find("`api`\n"));
  EXPECT_NE(md.find("rollout status statefulset/db"), std::string::npos) << md;
}

// Plain mode: berth has no registry credentials, so MIGRATION.md gives the kubectl commands that
// write each environment's pull secret into its overlay (no "apply a filled copy" advice).
TEST(Runbook, PlainModePullSecretCommands) {
  profile::Profile p = profile::default_profile();
  p.secrets.method = "plain";
  auto f = test::load_fixture_with(kApp, p);
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  for (const profile::Environment& env : p.environments)
    out.add_file("overlays/" + env.name + "/secrets/ghcr-secret.template.yaml", "x");
  std::string md = migration_markdown(ctx, out);
  EXPECT_NE(md.find("```sh\nkubectl create secret docker-registry ghcr-secret --namespace "
                    "shop-staging --docker-server=ghcr.io"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("> overlays/production/secret-ghcr.yaml && (cd overlays/production && "
                    "kustomize edit add resource secret-ghcr.yaml)\n```"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("kubectl apply -f FILLED.yaml"), std::string::npos) << md;
  EXPECT_EQ(md.find("berth seal"), std::string::npos) << md;
}
