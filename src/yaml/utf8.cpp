// UTF-8 validation with an ASCII fast path; positions are computed only once an error is found.
#include "yaml/utf8.h"

#include <cstdint>
#include <cstring>

#include "common/error.h"

namespace berth::yaml {

std::string_view strip_bom(std::string_view text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  return text;
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(const unsigned char* s, std::size_t i, std::size_t n) {
  unsigned char c = s[i];
  auto cont = [&](std::size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0; // overlong
    if (c == 0xED && c1 > 0x9F) return 0; // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0; // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0; // above U+10FFFF
    return 4;
  }
  return 0;
}

[[noreturn]] void fail_at(std::string_view text, std::size_t pos, const std::string* file,
                          const std::string& what) {
  unsigned line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column; // count characters, not continuation bytes
    }
  }
  throw Error(Location{file, line, column}, what);
}

} // namespace

void check_utf8(std::string_view text, const std::string* file) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: 8 ASCII bytes without NUL at a time.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s + i, 8);
      const std::uint64_t has_high = w & 0x8080808080808080ULL;
      const std::uint64_t has_zero = (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
      if (!has_high && !has_zero) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c == 0) fail_at(text, i, file, "NUL byte in input (YAML text cannot contain U+0000)");
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = sequence_length(s, i, n);
    if (len == 0) {
      char hex[8];
      static const char digits[] = "0123456789ABCDEF";
      hex[0] = '0', hex[1] = 'x', hex[2] = digits[c >> 4], hex[3] = digits[c & 15], hex[4] = 0;
      fail_at(text, i, file,
              std::string("invalid UTF-8 byte ") + hex + " (YAML input must be UTF-8 encoded)");
    }
    i += len;
  }
}

} // namespace berth::yaml
