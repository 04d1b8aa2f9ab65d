// The per-file pass on its own: files that vanish or cannot be listed become input-unreadable
// findings (the engine test cannot make a file unreadable when it runs as root), object ids.
#include <gtest/gtest.h>

#include "check/engine/engine.h"
#include "check/engine/file_pass.h"
#include "check/schema/registry.h"
#include "check/schema/schema.h"

using namespace berth::check;

namespace {

struct Pass {
  Options options;
  std::unique_ptr<schema::Registry> registry = schema::load_registry(options);
  Context ctx{options, catalog(), *registry};

  FileResult run(const InputFile& file, const std::string& stdin_text = "") {
    FileResult out;
    check_file(file, stdin_text, 3, ctx, out);
    return out;
  }
};

} // namespace

TEST(FilePass, VanishedFileIsUnreadable) {
  Pass p;
  FileResult r = p.run(InputFile{"/nonexistent/berth/gone.yaml", false, false, false, {}});
  EXPECT_TRUE(r.unusable);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "input-unreadable");
  EXPECT_EQ(r.findings[0].file, "/nonexistent/berth/gone.yaml");
  EXPECT_NE(r.findings[0].message.find("cannot read the file"), std::string::npos);
  EXPECT_FALSE(r.failure);
}

TEST(FilePass, UnlistableDirectoryIsUnreadable) {
  Pass p;
  FileResult r = p.run(InputFile{"k8s/private", false, false, false,
                                 "cannot list the directory: Permission denied"});
  EXPECT_TRUE(r.unusable);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "input-unreadable");
  EXPECT_EQ(r.findings[0].message, "cannot list the directory: Permission denied");
}

TEST(FilePass, ObjectIdsCarryTheFileNumberAndIncrease) {
  Pass p;
  FileResult r = p.run(InputFile{"-", true, false, false, {}},
                       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
  ASSERT_EQ(r.infos.size(), 2u);
  EXPECT_EQ(r.infos[0].id, object_id(3, 0));
  EXPECT_EQ(r.infos[1].id, object_id(3, 1));
  EXPECT_LT(r.infos[0].id, r.infos[1].id);
  EXPECT_LT(object_id(2, 999), object_id(3, 0));
  EXPECT_EQ(r.infos[1].name, "b");
  EXPECT_TRUE(p.ctx.findings().empty()); // moved into the result
}

TEST(FilePass, KustomizationDocumentsAreIndexedNotCounted) {
  Pass p;
  FileResult r =
      p.run(InputFile{"-", true, false, true, {}}, "resources: [a.yaml]\nnamespace: shop\n");
  EXPECT_EQ(r.documents, 1u);
  EXPECT_EQ(r.objects, 0u);
  ASSERT_EQ(r.infos.size(), 1u);
  EXPECT_EQ(r.infos[0].kind, "Kustomization");
  EXPECT_EQ(r.infos[0].api_version, "kustomize.config.k8s.io/v1beta1");
  EXPECT_TRUE(r.findings.empty());
}
