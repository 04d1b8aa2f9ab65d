// Reading, validating and creating the seal key; POSIX calls where std::filesystem cannot set
// modes atomically or refuse to overwrite.
#include "seal/seal_key.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "common/error.h"

namespace berth::seal {

namespace {

namespace fs = std::filesystem;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 64 hex digits, surrounding whitespace allowed (files end with a newline, variables get pasted).
// The message never quotes the text: it may be a key with one typo.
std::optional<SealKey> parse_key(std::string_view text, std::string& why) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.size() != 2 * kSealKeyBytes) {
    why = "expected " + std::to_string(2 * kSealKeyBytes) + " hex characters (" +
          std::to_string(kSealKeyBytes) + " bytes), found " + std::to_string(text.size()) +
          " characters";
    return std::nullopt;
  }
  SealKey key{SecretBytes(kSealKeyBytes)};
  for (std::size_t i = 0; i < kSealKeyBytes; ++i) {
    int hi = hex_value(text[2 * i]), lo = hex_value(text[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      why = "expected only hex characters (0-9, a-f), found another at position " +
            std::to_string(hi < 0 ? 2 * i + 1 : 2 * i + 2);
      return std::nullopt;
    }
    key.bytes[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  return key;
}

std::string errno_text() {
  return std::strerror(errno);
}

// Reads the key file; a file that exists but is unreadable or malformed is an error, since
// replacing it silently would change every SealedSecret (and lose what the user put there).
SealKey read_key_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path.string() + ": cannot read the seal key: " + errno_text());
  std::string text(4 * kSealKeyBytes, '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string why = errno_text();
      ::close(fd);
      cleanse(text);
      throw Error(path.string() + ": cannot read the seal key: " + why);
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(got);
  std::string why;
  std::optional<SealKey> key = parse_key(text, why);
  cleanse(text);
  if (!key)
    throw Error(path.string() + ": not a berth seal key: " + why + "; restore it (or set " +
                kSealKeyVariable +
                "), or delete it to create a new one "
                "(every SealedSecret is then re-encrypted once)");
  return std::move(*key);
}

// mkdir with mode 0700 when missing; an existing directory keeps the mode its owner chose.
bool ensure_dir(const fs::path& dir, std::string& why) {
  if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return true;
  why = "cannot create " + dir.string() + ": " + errno_text();
  return false;
}

// Writes a fresh key to a private temporary file, then link()s it into place: link never
// replaces an existing file, so a concurrent first run keeps whichever key landed first.
std::optional<SealKey> create_key_file(const fs::path& path, std::string& why) {
  fs::path dir = path.parent_path();
  if (!ensure_dir(dir.parent_path(), why) || !ensure_dir(dir, why)) return std::nullopt;
  SealKey key{SecretBytes(kSealKeyBytes)};
  if (RAND_bytes(key.bytes.data(), static_cast<int>(key.bytes.size())) != 1) {
    why = "the random generator failed";
    return std::nullopt;
  }
  static const char* digits = "0123456789abcdef";
  std::string text;
  for (unsigned char b : key.bytes) {
    text += digits[b >> 4];
    text += digits[b & 15];
  }
  text += '\n';
  std::string tmp = (dir / ".seal-key.XXXXXX").string();
  int fd = ::mkstemp(tmp.data()); // mode 0600
  if (fd < 0) {
    why = "cannot create a file in " + dir.string() + ": " + errno_text();
    cleanse(text);
    return std::nullopt;
  }
  bool ok = ::fchmod(fd, 0600) == 0;
  for (std::size_t off = 0; ok && off < text.size();) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) off += static_cast<std::size_t>(n);
  }
  cleanse(text);
  ok = ok && ::fsync(fd) == 0;
  if (!ok) why = "cannot write " + tmp + ": " + errno_text();
  ::close(fd);
  if (ok && ::link(tmp.c_str(), path.c_str()) != 0) {
    if (errno == EEXIST) {
      ::unlink(tmp.c_str());
      return read_key_file(path); // another run created it first: use theirs
    }
    ok = false;
    why = "cannot create " + path.string() + ": " + errno_text();
  }
  ::unlink(tmp.c_str());
  if (!ok) return std::nullopt;
  return key;
}

std::string getenv_string(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

} // namespace

SealKeyEnv seal_key_env_from_process() {
  SealKeyEnv env;
  if (const char* k = std::getenv(kSealKeyVariable); k && *k) env.key_hex = std::string(k);
  env.xdg_config_home = getenv_string("XDG_CONFIG_HOME");
  env.home = getenv_string("HOME");
  return env;
}

fs::path seal_key_path(const SealKeyEnv& env) {
  fs::path base;
  if (!env.xdg_config_home.empty() && fs::path(env.xdg_config_home).is_absolute())
    base = env.xdg_config_home;
  else if (!env.home.empty())
    base = fs::path(env.home) / ".config";
  else
    return {};
  return base / "berth" / "seal-key";
}

SealKeyResult load_seal_key(const SealKeyEnv& env) {
  if (env.key_hex && !env.key_hex->empty()) {
    std::string why;
    std::optional<SealKey> key = parse_key(*env.key_hex, why);
    if (!key) throw Error(std::string(kSealKeyVariable) + ": not a seal key: " + why);
    return {std::move(key), {}};
  }
  fs::path path = seal_key_path(env);
  if (path.empty())
    return {std::nullopt, "SealedSecrets will differ on every run: no seal key (set " +
                              std::string(kSealKeyVariable) + " or HOME)"};
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return {read_key_file(path), {}};
  if (errno != ENOENT && errno != ENOTDIR)
    throw Error(path.string() + ": cannot read the seal key: " + errno_text());
  std::string why;
  std::optional<SealKey> key = create_key_file(path, why);
  if (!key)
    return {std::nullopt, "SealedSecrets will differ on every run: no seal key (" + why + "; set " +
                              std::string(kSealKeyVariable) + ")"};
  return {std::move(key), {}};
}

const SealKey* process_seal_key() {
  static std::mutex mutex;
  static std::optional<SealKeyResult> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  if (!loaded) {
    loaded = load_seal_key(seal_key_env_from_process()); // a throw leaves it unset for a retry
    if (!loaded->key) std::cerr << "berth: warning: " << loaded->warning << '\n';
  }
  return loaded->key ? &*loaded->key : nullptr;
}

} // namespace berth::seal
