// The seal key: variable over file, the file created once with private modes and then reused,
// malformed keys are errors naming where they came from, no home means the random fallback.
#include <gtest/gtest.h>

#include <filesystem>

#include <sys/stat.h>

#include "common/error.h"
#include "seal/seal_key.h"
#include "support/test_support.h"

using namespace berth::seal;
namespace fs = std::filesystem;

namespace {

const char* kHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

std::string str(const SealKey& k) {
  return std::string(as_view(k.bytes));
}

std::string error_of(const SealKeyEnv& env) {
  try {
    load_seal_key(env);
  } catch (const berth::Error& e) {
    return e.what();
  }
  return "<no error>";
}

} // namespace

TEST(SealKey, PathFollowsXdgThenHome) {
  EXPECT_EQ(seal_key_path({std::nullopt, "/x/cfg", "/home/u"}), fs::path("/x/cfg/berth/seal-key"));
  EXPECT_EQ(seal_key_path({std::nullopt, "", "/home/u"}),
            fs::path("/home/u/.config/berth/seal-key"));
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  EXPECT_EQ(seal_key_path({std::nullopt, "rel/cfg", "/home/u"}),
            fs::path("/home/u/.config/berth/seal-key"));
  EXPECT_TRUE(seal_key_path({std::nullopt, "", ""}).empty());
}

TEST(SealKey, CreatedPrivatelyOnFirstUseThenReused) {
  fs::path home = berth::test::temp_dir("berth-home");
  SealKeyEnv env{std::nullopt, "", home.string()};
  SealKeyResult first = load_seal_key(env);
  ASSERT_TRUE(first.key) << first.warning;
  EXPECT_EQ(first.key->bytes.size(), kSealKeyBytes);
  fs::path file = home / ".config/berth/seal-key";
  ASSERT_TRUE(fs::exists(file));
  EXPECT_EQ(mode_of(file), 0600u);
  EXPECT_EQ(mode_of(file.parent_path()), 0700u);
  std::string text = berth::test::read_file(file);
  EXPECT_EQ(text.size(), 65u); // 64 hex characters and a newline: pasteable into BERTH_SEAL_KEY
  EXPECT_EQ(text.find_first_not_of("0123456789abcdef"), 64u);

  SealKeyResult again = load_seal_key(env);
  ASSERT_TRUE(again.key);
  EXPECT_EQ(str(*again.key), str(*first.key));
  EXPECT_EQ(berth::test::read_file(file), text); // never rewritten
  for (const auto& e : fs::directory_iterator(file.parent_path()))
    EXPECT_EQ(e.path().filename(), "seal-key") << "temporary file left behind";

  // Another home, another key.
  SealKeyResult elsewhere =
      load_seal_key({std::nullopt, "", berth::test::temp_dir("berth-home").string()});
  ASSERT_TRUE(elsewhere.key);
  EXPECT_NE(str(*elsewhere.key), str(*first.key));
}

TEST(SealKey, ExistingFileIsReadAsIs) {
  fs::path cfg = berth::test::temp_dir("berth-xdg");
  berth::test::write_file(cfg / "berth/seal-key", std::string(kHex) + "\n");
  SealKeyResult r = load_seal_key({std::nullopt, cfg.string(), "/nonexistent-home"});
  ASSERT_TRUE(r.key);
  EXPECT_EQ(r.key->bytes[0], 0x00);
  EXPECT_EQ(r.key->bytes[31], 0x1f);
}

TEST(SealKey, VariableWinsOverTheFile) {
  fs::path home = berth::test::temp_dir("berth-home");
  SealKeyResult r = load_seal_key({std::string(kHex), "", home.string()});
  ASSERT_TRUE(r.key);
  EXPECT_EQ(r.key->bytes[1], 0x01);
  EXPECT_FALSE(fs::exists(home / ".config")) << "no key file is created when the variable is set";
  // Upper case and surrounding whitespace are accepted.
  std::string upper = "  " + std::string(kHex) + "\n";
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  SealKeyResult u = load_seal_key({upper, "", ""});
  ASSERT_TRUE(u.key);
  EXPECT_EQ(str(*u.key), str(*r.key));
}

TEST(SealKey, MalformedKeysAreErrorsNamingTheirSource) {
  std::string e = error_of({std::string("abc"), "", ""});
  EXPECT_NE(e.find("BERTH_SEAL_KEY"), std::string::npos) << e;
  EXPECT_NE(e.find("64 hex characters"), std::string::npos) << e;
  std::string bad(kHex);
  bad[10] = 'g';
  e = error_of({bad, "", ""});
  EXPECT_NE(e.find("BERTH_SEAL_KEY"), std::string::npos) << e;
  EXPECT_EQ(e.find(bad), std::string::npos) << "the message must not quote the key: " << e;

  fs::path cfg = berth::test::temp_dir("berth-xdg");
  fs::path file = cfg / "berth/seal-key";
  berth::test::write_file(file, "not a key\n");
  e = error_of({std::nullopt, cfg.string(), ""});
  EXPECT_NE(e.find(file.string()), std::string::npos) << e;
  EXPECT_NE(e.find("not a berth seal key"), std::string::npos) << e;
  EXPECT_EQ(berth::test::read_file(file), "not a key\n") << "a malformed key is never replaced";

  berth::test::write_file(file, std::string(kHex) + kHex); // 128 characters
  e = error_of({std::nullopt, cfg.string(), ""});
  EXPECT_NE(e.find(file.string()), std::string::npos) << e;
}

TEST(SealKey, NoHomeMeansRandomSealingWithAWarning) {
  SealKeyResult r = load_seal_key({std::nullopt, "", ""});
  EXPECT_FALSE(r.key);
  EXPECT_NE(r.warning.find("SealedSecrets will differ on every run: no seal key"),
            std::string::npos)
      << r.warning;
}

TEST(SealKey, UncreatableFileFallsBackWithAWarning) {
  fs::path home = berth::test::temp_dir("berth-home");
  berth::test::write_file(home / ".config", "a file where the directory should be");
  SealKeyResult r = load_seal_key({std::nullopt, "", home.string()});
  EXPECT_FALSE(r.key);
  EXPECT_NE(r.warning.find("SealedSecrets will differ on every run"), std::string::npos)
      << r.warning;
  EXPECT_NE(r.warning.find(".config"), std::string::npos) << r.warning;
}
