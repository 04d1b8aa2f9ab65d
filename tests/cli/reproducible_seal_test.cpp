// Re-runs with a sealing certificate write byte-identical trees (issue 3): convert, import and
// seal, with the seal key from the environment; one changed value changes one sealed entry.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include <sys/stat.h>

#include "support/test_support.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return "'" + berth::test::berth_binary().string() + "'";
}
std::string q(const fs::path& p) {
  return "'" + p.string() + "'";
}

const char* kKeyA =
    "BERTH_SEAL_KEY=1111111111111111111111111111111111111111111111111111111111111111 ";
const char* kKeyB =
    "BERTH_SEAL_KEY=2222222222222222222222222222222222222222222222222222222222222222 ";

std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).string()] = berth::test::read_file(e.path());
  return files;
}

// inode and mtime: an atomic rewrite replaces the inode even when the bytes are the same. The
// tree writer rewrites its own manifest on every run, so that file is compared by content only.
std::map<std::string, std::pair<ino_t, long long>> stamps(const fs::path& dir) {
  std::map<std::string, std::pair<ino_t, long long>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == "manifest.json") continue;
    struct stat st {};
    ::stat(e.path().c_str(), &st);
    out[fs::relative(e.path(), dir).string()] = {
        st.st_ino, static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
  }
  return out;
}

std::string entry(const std::string& sealed_yaml, const std::string& key) {
  berth::yaml::Node doc = berth::yaml::parse_document(sealed_yaml, "sealed.yaml");
  const berth::yaml::Node* enc =
      doc.find("spec") ? doc.find("spec")->find("encryptedData") : nullptr;
  return enc ? enc->text(key) : std::string();
}

// The files that differ between two trees (present in one only counts).
std::vector<std::string> differing(const std::map<std::string, std::string>& a,
                                   const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  for (const auto& [path, text] : a) {
    auto it = b.find(path);
    if (it == b.end() || it->second != text) out.push_back(path);
  }
  for (const auto& [path, text] : b)
    if (!a.count(path)) out.push_back(path);
  return out;
}

struct Controller {
  fs::path dir;
  fs::path cert() const { return dir / "cert.pem"; }
};

std::optional<Controller> controller() {
  if (!berth::test::have_program("openssl")) return std::nullopt;
  fs::path dir = berth::test::temp_dir("berth-repro-seal");
  auto r = berth::test::run("cd " + q(dir) +
                            " && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem "
                            "-out cert.pem -days 30 -subj /CN=sealed-secret 2>&1");
  if (r.exit_code != 0) return std::nullopt;
  return Controller{dir};
}

const char* kCompose = R"(name: shop
services:
  api:
    image: ghcr.io/acme/api:1.0
    ports: ["8080:8080"]
    environment:
      DB_PASSWORD: ${DB_PASSWORD}
      API_TOKEN: ${API_TOKEN}
      LOG_LEVEL: info
)";

berth::test::RunResult convert(const std::string& env, const fs::path& app, const Controller& c,
                               const fs::path& out) {
  return berth::test::run(env + bin() + " convert -f " + q(app / "compose.yaml") + " --seal-cert " +
                          q(c.cert()) + " -o " + q(out));
}

} // namespace

TEST(ReproducibleSeal, ConvertTwiceGivesIdenticalTreesAndARerunRewritesNothing) {
  auto c = controller();
  if (!c) GTEST_SKIP() << "SKIPPED: openssl CLI not installed";
  fs::path app = c->dir / "app";
  berth::test::write_file(app / "compose.yaml", kCompose);
  berth::test::write_file(app / ".env", "DB_PASSWORD=s3cr3t-one\nAPI_TOKEN=tok-one\n");

  // The key file of the isolated XDG_CONFIG_HOME (isolated_config.cpp), created by the first run.
  auto a = convert("", app, *c, c->dir / "a");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.err.find("warning: SealedSecrets"), std::string::npos) << a.err;
  auto b = convert("", app, *c, c->dir / "b");
  ASSERT_EQ(b.exit_code, 0) << b.err;
  auto ta = tree(c->dir / "a");
  ASSERT_TRUE(ta.count("overlays/staging/sealedsecret-api.yaml"));
  EXPECT_EQ(ta, tree(c->dir / "b"));
  EXPECT_NE(ta["MIGRATION.md"].find("SealedSecrets are reproducible"), std::string::npos);

  auto before = stamps(c->dir / "a");
  auto again = convert("", app, *c, c->dir / "a");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(stamps(c->dir / "a"), before) << "a re-run rewrote files";
  EXPECT_EQ(tree(c->dir / "a"), ta);

  // One changed value: only that entry of each environment's SealedSecret changes.
  berth::test::write_file(app / ".env", "DB_PASSWORD=s3cr3t-two\nAPI_TOKEN=tok-one\n");
  auto changed = convert("", app, *c, c->dir / "a");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  auto tc = tree(c->dir / "a");
  for (const std::string& path : differing(ta, tc))
    EXPECT_TRUE(path.find("sealedsecret-api.yaml") != std::string::npos ||
                path.find("manifest") != std::string::npos)
        << path << " changed";
  for (const char* env : {"staging", "production"}) {
    std::string path = std::string("overlays/") + env + "/sealedsecret-api.yaml";
    EXPECT_NE(entry(ta[path], "DB_PASSWORD"), entry(tc[path], "DB_PASSWORD")) << path;
    EXPECT_EQ(entry(ta[path], "API_TOKEN"), entry(tc[path], "API_TOKEN")) << path;
    EXPECT_FALSE(entry(tc[path], "API_TOKEN").empty());
  }

  // Another machine's key: different ciphertexts, the same everything else.
  auto other = convert(kKeyB, app, *c, c->dir / "other");
  ASSERT_EQ(other.exit_code, 0) << other.err;
  auto to = tree(c->dir / "other");
  for (const std::string& path : differing(tc, to))
    EXPECT_TRUE(path.find("sealedsecret-api.yaml") != std::string::npos ||
                path.find("manifest") != std::string::npos)
        << path << " changed";
  EXPECT_NE(to["overlays/staging/sealedsecret-api.yaml"],
            tc["overlays/staging/sealedsecret-api.yaml"]);
}

TEST(ReproducibleSeal, ImportTwiceGivesIdenticalTrees) {
  auto c = controller();
  if (!c) GTEST_SKIP() << "SKIPPED: openssl CLI not installed";
  auto export_with = [&](const std::string& password_b64) {
    berth::test::write_file(c->dir / "export.yaml", R"(apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
          envFrom:
          - secretRef: {name: web-secret}
- apiVersion: v1
  kind: Secret
  metadata: {name: web-secret, namespace: shop}
  type: Opaque
  data:
    API_KEY: b25lLWtleQ==
    DB_PASSWORD: )" + password_b64 + "\n");
  };
  auto import = [&](const std::string& env, const std::string& out) {
    return berth::test::run(env + bin() + " import " + q(c->dir / "export.yaml") + " --seal-cert " +
                            q(c->cert()) + " -o " + q(c->dir / out));
  };
  export_with("dHdv"); // "two"
  auto a = import(kKeyA, "a");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto b = import(kKeyA, "b");
  ASSERT_EQ(b.exit_code, 0) << b.err;
  auto ta = tree(c->dir / "a");
  const std::string sealed = "overlays/production/sealedsecret-web-secret.yaml";
  ASSERT_TRUE(ta.count(sealed));
  EXPECT_EQ(ta, tree(c->dir / "b"));
  EXPECT_NE(ta["MIGRATION.md"].find("SealedSecrets are reproducible"), std::string::npos);

  auto before = stamps(c->dir / "a");
  ASSERT_EQ(import(kKeyA, "a").exit_code, 0);
  EXPECT_EQ(stamps(c->dir / "a"), before) << "a re-run rewrote files";
  EXPECT_EQ(tree(c->dir / "a"), ta);

  export_with("dGhyZWU="); // "three"
  ASSERT_EQ(import(kKeyA, "a").exit_code, 0);
  auto tc = tree(c->dir / "a");
  for (const std::string& path : differing(ta, tc))
    EXPECT_TRUE(path.find("sealedsecret-web-secret.yaml") != std::string::npos ||
                path.find("manifest") != std::string::npos)
        << path << " changed";
  EXPECT_NE(entry(ta[sealed], "DB_PASSWORD"), entry(tc[sealed], "DB_PASSWORD"));
  EXPECT_EQ(entry(ta[sealed], "API_KEY"), entry(tc[sealed], "API_KEY"));

  ASSERT_EQ(import(kKeyB, "other").exit_code, 0);
  EXPECT_NE(tree(c->dir / "other")[sealed], tc[sealed]);
}

TEST(ReproducibleSeal, SealIsStablePerKeyAndWarnsWithoutOne) {
  auto c = controller();
  if (!c) GTEST_SKIP() << "SKIPPED: openssl CLI not installed";
  const std::string secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: "
                             "prod\nstringData:\n  password: hunter2\n  user: admin\n";
  const std::string cmd = bin() + " seal --cert " + q(c->cert());
  auto a = berth::test::run(cmd, secret);
  auto b = berth::test::run(cmd, secret);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.err, "");
  EXPECT_EQ(a.out, b.out);
  // The key file the first run created is private and is what later runs use.
  fs::path key_file = fs::path(std::getenv("XDG_CONFIG_HOME")) / "berth" / "seal-key";
  ASSERT_TRUE(fs::exists(key_file));
  EXPECT_EQ(fs::status(key_file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  std::string key_hex = berth::test::read_file(key_file).substr(0, 64);
  auto via_env = berth::test::run(
      "XDG_CONFIG_HOME=/nonexistent BERTH_SEAL_KEY=" + key_hex + " " + cmd, secret);
  EXPECT_EQ(via_env.out, a.out) << "the key file's content works as BERTH_SEAL_KEY (CI)";

  auto k1 = berth::test::run(kKeyA + cmd, secret);
  auto k2 = berth::test::run(kKeyB + cmd, secret);
  EXPECT_NE(k1.out, k2.out);
  EXPECT_NE(entry(k1.out, "user"), entry(k2.out, "user"));

  // --merge-into reseals the same bytes for the same values.
  berth::test::write_file(c->dir / "sealed.yaml", k1.out);
  auto merged =
      berth::test::run(kKeyA + cmd + " --merge-into " + q(c->dir / "sealed.yaml"), secret);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(entry(merged.out, "password"), entry(k1.out, "password"));

  // No seal key anywhere: kubeseal's random sealing, said once on stderr.
  const std::string nokey = "env -u HOME -u XDG_CONFIG_HOME -u BERTH_SEAL_KEY " + cmd;
  auto r1 = berth::test::run(nokey, secret);
  auto r2 = berth::test::run(nokey, secret);
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  EXPECT_EQ(r1.err, "berth: warning: SealedSecrets will differ on every run: no seal key (set "
                    "BERTH_SEAL_KEY or HOME)\n");
  EXPECT_NE(r1.out, r2.out);

  auto bad = berth::test::run("BERTH_SEAL_KEY=xyz " + cmd, secret);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("BERTH_SEAL_KEY"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.out, "");
}
