// Standard base64 (RFC 4648 §4, padded), as Kubernetes uses for Secret data and sealed values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "seal/secret_bytes.h"

namespace berth::seal {

std::string base64_encode(std::string_view bytes);

// Strict decode: standard alphabet, required padding; CR/LF are skipped as Go's decoder does
// (Kubernetes' JSON decoding of []byte). Returns nullopt on anything else.
std::optional<SecretBytes> base64_decode(std::string_view text);

} // namespace berth::seal
