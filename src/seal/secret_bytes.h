// Buffers for key material and plaintext that are wiped (OPENSSL_cleanse) before they are freed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/crypto.h>

namespace berth::seal {

// A std::vector always keeps its bytes on the heap, so wiping in deallocate() covers every copy
// the container ever held (growth included) — unlike std::string's small-string buffer.
template <class T>
struct CleansingAllocator {
  using value_type = T;
  CleansingAllocator() = default;
  template <class U>
  CleansingAllocator(const CleansingAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
  void deallocate(T* p, std::size_t n) noexcept {
    OPENSSL_cleanse(p, n * sizeof(T));
    std::allocator<T>{}.deallocate(p, n);
  }
  template <class U>
  bool operator==(const CleansingAllocator<U>&) const noexcept { return true; }
};

using SecretBytes = std::vector<unsigned char, CleansingAllocator<unsigned char>>;

inline SecretBytes secret_bytes(std::string_view text) {
  return SecretBytes(text.begin(), text.end());
}
inline std::string_view as_view(const SecretBytes& b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Wipes a string's bytes in place (callers then drop or reuse it).
inline void cleanse(std::string& s) {
  if (!s.empty()) OPENSSL_cleanse(s.data(), s.size());
  s.clear();
}

} // namespace berth::seal
