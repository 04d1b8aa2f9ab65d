// The local seal key K that makes sealing reproducible: it never enters the tree.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "seal/secret_bytes.h"

namespace berth::seal {

inline constexpr std::size_t kSealKeyBytes = 32;
inline constexpr const char* kSealKeyVariable = "BERTH_SEAL_KEY";

struct SealKey {
  SecretBytes bytes; // kSealKeyBytes
};

// Where K may come from; empty strings count as unset.
struct SealKeyEnv {
  std::optional<std::string> key_hex; // BERTH_SEAL_KEY (wins when set)
  std::string xdg_config_home;        // used only when absolute, as the XDG spec says
  std::string home;
};

SealKeyEnv seal_key_env_from_process();

// ${XDG_CONFIG_HOME:-$HOME/.config}/berth/seal-key; empty when neither is usable.
std::filesystem::path seal_key_path(const SealKeyEnv& env);

struct SealKeyResult {
  std::optional<SealKey> key;
  std::string warning; // set when there is no key: sealing falls back to fresh randomness
};

// BERTH_SEAL_KEY if set, else the key file, created on first use (32 random bytes as 64 hex
// characters, mode 0600, in a 0700 directory; published with link() so an existing file is never
// overwritten and no reader sees half a key). Throws berth::Error naming the variable or file
// when the key there is malformed or the file cannot be read.
SealKeyResult load_seal_key(const SealKeyEnv& env);

// The process's key: load_seal_key(seal_key_env_from_process()) on first use, then cached. Prints
// the fallback warning once on stderr and returns nullptr when there is no key.
const SealKey* process_seal_key();

} // namespace berth::seal
