// Volume rules: PVCs, claim templates, shared volumes, bind files, tmpfs, secrets, naming.
#include <gtest/gtest.h>

#include <filesystem>

#include "../support/test_support.h"
#include "fixture.h"
#include "generate/context.h"
#include "generate/naming.h"
#include "generate/workloads.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

std::string report_text(const Report& r, const std::string& service, const std::string& key) {
  std::string out;
  for (const auto& e : r.entries)
    if (e.service == service && e.key == key)
      out += std::string(to_string(e.disposition)) + ": " + e.detail + "\n";
  return out;
}

TEST(Naming, SharedNames) {
  ServicePlan sp;
  sp.name = "web";
  EXPECT_EQ(bind_configmap_name(sp, 2), "web-files-2");
  EXPECT_EQ(pvc_name(sp, "app_data"), "web-app-data");
  EXPECT_EQ(headless_service_name(sp), "web-headless");
  EXPECT_EQ(configmap_key("nginx.conf"), "nginx.conf");
  EXPECT_EQ(configmap_key("my file"), "my_file");
}

TEST(Naming, ClassifyBindMount) {
  auto dir = berth::test::temp_dir();
  berth::test::write_file(dir / "conf" / "a.conf", "x=1\n");
  berth::test::write_file(dir / "conf" / "b.conf", "y=2\n");
  berth::test::write_file(dir / "bin.dat", std::string("a\0b", 3));
  model::Mount m;
  m.type = model::MountType::Bind;
  m.source = (dir / "conf" / "a.conf").string();
  auto use = classify_bind_mount(m);
  EXPECT_TRUE(use.configmap);
  EXPECT_FALSE(use.directory);
  m.source = (dir / "conf").string();
  use = classify_bind_mount(m);
  EXPECT_TRUE(use.configmap && use.directory);
  EXPECT_EQ(use.files, (std::vector<std::string>{"a.conf", "b.conf"}));
  m.source = (dir / "bin.dat").string();
  EXPECT_FALSE(classify_bind_mount(m).configmap);
  m.source = "/var/run/docker.sock";
  use = classify_bind_mount(m);
  EXPECT_FALSE(use.configmap);
  EXPECT_NE(use.reason.find("hostPath"), std::string::npos);
  m.source = (dir / "missing").string();
  EXPECT_FALSE(classify_bind_mount(m).configmap);
  berth::test::write_file(dir / "big", std::string(kMaxConfigMapBytes + 1, 'a'));
  m.source = (dir / "big").string();
  EXPECT_FALSE(classify_bind_mount(m).configmap);
}

TEST(Volumes, TmpfsSize) {
  EXPECT_EQ(workloads::tmpfs_size("/run:size=64m,mode=1777"), 64 * 1024 * 1024);
  EXPECT_EQ(workloads::tmpfs_size("/run:mode=1777,size=1k"), 1024);
  EXPECT_FALSE(workloads::tmpfs_size("/run"));
}

TEST(Volumes, DeploymentNamedVolumeBecomesPvc) {
  auto f = test::load_fixture(R"(
services:
  app:
    image: example/app:1
    volumes:
      - uploads:/srv/uploads
    x-berth:
      storage: {uploads: 20Gi}
volumes:
  uploads:
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  auto st = workloads::pod_storage(ctx, f->service("app"), out);
  ASSERT_EQ(out.base.size(), 1u);
  EXPECT_EQ(out.base[0].path, "base/app/pvc-uploads.yaml");
  EXPECT_EQ(yaml::emit(out.base[0].object), R"(apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: app-uploads
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: app
    app.kubernetes.io/part-of: )" + f->plan.app + R"(
spec:
  accessModes:
    - ReadWriteOnce
  storageClassName: )" + f->profile.storage.class_name + R"(
  resources:
    requests:
      storage: 20Gi
)");
  EXPECT_EQ(yaml::emit(st.volumes), R"(- name: uploads
  persistentVolumeClaim:
    claimName: app-uploads
)");
  EXPECT_EQ(yaml::emit(st.mounts), "- name: uploads\n  mountPath: /srv/uploads\n");
  EXPECT_EQ(st.pvcs, std::vector<std::string>{"app-uploads"});
}

TEST(Volumes, SharedVolumeHasOnePvcOwnedByFirstService) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: example/web:1
    volumes: [shared:/data]
  worker:
    image: example/worker:1
    volumes: [shared:/data:ro]
volumes:
  shared:
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  workloads::pod_storage(ctx, f->service("web"), out);
  auto st = workloads::pod_storage(ctx, f->service("worker"), out);
  ASSERT_EQ(out.base.size(), 1u);
  EXPECT_EQ(out.base[0].path, "base/web/pvc-shared.yaml");
  EXPECT_EQ(st.volumes.items()[0].find("persistentVolumeClaim")->find("claimName")->value(),
            "web-shared");
  EXPECT_EQ(st.mounts.items()[0].find("readOnly")->value(), "true");
  EXPECT_NE(report_text(out.report, "worker", "volumes[0]").find("ReadWriteOnce"),
            std::string::npos);
}

TEST(Volumes, PostgresDataDirUsesSubPath) {
  auto f = test::load_fixture(R"(
services:
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
volumes:
  pgdata:
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  const ServicePlan& sp = f->service("db");
  auto st = workloads::pod_storage(ctx, sp, out);
  EXPECT_EQ(st.mounts.items()[0].find("subPath")->value(), "pgdata");
  if (sp.stateful()) {
    EXPECT_TRUE(out.base.empty());
    ASSERT_EQ(st.claim_templates.size(), 1u);
    EXPECT_EQ(st.claim_templates.items()[0].find("spec")->find("resources")->find("requests")
                  ->find("storage")->value(),
              f->profile.storage.database_size);
    EXPECT_EQ(st.volumes.size(), 0u);
  }
  EXPECT_NE(report_text(out.report, "db", "volumes[0]").find("lost+found"), std::string::npos);
}

TEST(Volumes, PgdataEnvMovesTheDataDir) {
  auto f = test::load_fixture(R"(
services:
  db:
    image: postgres:16
    environment:
      PGDATA: /var/lib/postgresql/data/pgdata
    volumes: [pgdata:/var/lib/postgresql/data]
volumes:
  pgdata:
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  auto st = workloads::pod_storage(ctx, f->service("db"), out);
  EXPECT_FALSE(st.mounts.items()[0].has("subPath"));
}

TEST(Volumes, BindFilesTmpfsAnonymousAndDropped) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: nginx:1.27
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
      - ./html:/usr/share/nginx/html
      - /var/run/docker.sock:/var/run/docker.sock
      - /var/cache/nginx
      - type: tmpfs
        target: /run
        tmpfs: {size: 1048576}
    tmpfs: ["/tmp:size=64m"]
    shm_size: 128m
)");
  berth::test::write_file(std::filesystem::path(f->dir) / "nginx.conf", "events {}\n");
  berth::test::write_file(std::filesystem::path(f->dir) / "html" / "index.html", "<p>hi</p>\n");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  auto st = workloads::pod_storage(ctx, f->service("web"), out);
  EXPECT_EQ(yaml::emit(st.volumes), R"(- name: files-0
  configMap:
    name: web-files-0
- name: files-1
  configMap:
    name: web-files-1
- name: anon-var-cache-nginx
  emptyDir: {}
- name: tmp-run
  emptyDir:
    medium: Memory
    sizeLimit: 1Mi
- name: tmp-tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
- name: dshm
  emptyDir:
    medium: Memory
    sizeLimit: 128Mi
)");
  EXPECT_EQ(yaml::emit(st.mounts), R"(- name: files-0
  mountPath: /etc/nginx/nginx.conf
  subPath: nginx.conf
  readOnly: true
- name: files-1
  mountPath: /usr/share/nginx/html
  readOnly: true
- name: anon-var-cache-nginx
  mountPath: /var/cache/nginx
- name: tmp-run
  mountPath: /run
- name: tmp-tmp
  mountPath: /tmp
- name: dshm
  mountPath: /dev/shm
)");
  // The refused socket mount gets no volume here; the config generator, which decides bind
  // mounts for both sides, reports it once (dropped, with the reason).
  EXPECT_EQ(report_text(out.report, "web", "volumes[2]"), "");
  generate_config(ctx, out);
  std::string sock = report_text(out.report, "web", "volumes[2]");
  EXPECT_NE(sock.find("dropped: "), std::string::npos) << sock;
}

TEST(Volumes, ComposeSecretsAreMountedFromTheSecret) {
  auto f = test::load_fixture(R"(
services:
  api:
    image: example/api:1
    secrets: [db_password]
secrets:
  db_password:
    file: ./db_password.txt
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  const ServicePlan& sp = f->service("api");
  auto st = workloads::pod_storage(ctx, sp, out);
  ASSERT_EQ(st.volumes.size(), 1u);
  EXPECT_EQ(st.volumes.items()[0].find("secret")->find("secretName")->value(), sp.secret_name);
  EXPECT_EQ(st.mounts.items()[0].find("mountPath")->value(), "/run/secrets/db_password");
}

} // namespace
} // namespace berth::generate
