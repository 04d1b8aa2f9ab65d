// Byte scanning for the fast YAML reader: the classes of bytes that end a plain scalar, a quoted
// scalar or a comment, and scans over them 16 bytes at a time (SSE2) or one at a time.
#pragma once

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace berth::yaml::fast_scan {

// Byte classes for scanning plain scalars: 0 = ordinary content (spaces included).
enum : std::uint8_t { kContent = 0, kStop = 1 };

constexpr std::array<std::uint8_t, 256> make_plain_table(bool flow) {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c)
    t[c] = kStop; // line break, tab, CR, other controls
  t[0x7F] = kStop;
  for (int c = 0x80; c < 0x100; ++c)
    t[c] = kStop; // checked one sequence at a time
  t[static_cast<unsigned char>(':')] = kStop;
  t[static_cast<unsigned char>('#')] = kStop;
  if (flow)
    for (char c : {',', '[', ']', '{', '}'})
      t[static_cast<unsigned char>(c)] = kStop;
  return t;
}
inline constexpr std::array<std::uint8_t, 256> kBlockPlain = make_plain_table(false);
inline constexpr std::array<std::uint8_t, 256> kFlowPlain = make_plain_table(true);

// Bytes a quoted scalar or a comment cannot hold as-is: controls except tab, DEL, non-ASCII
// (checked per sequence), and the quote characters / escape introducer.
constexpr std::array<std::uint8_t, 256> make_quoted_table(char quote) {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c)
    t[c] = kStop;
  t[static_cast<unsigned char>('\t')] = kContent;
  t[0x7F] = kStop;
  for (int c = 0x80; c < 0x100; ++c)
    t[c] = kStop;
  if (quote) t[static_cast<unsigned char>(quote)] = kStop;
  if (quote == '"') t[static_cast<unsigned char>('\\')] = kStop;
  return t;
}
inline constexpr std::array<std::uint8_t, 256> kDoubleQuoted = make_quoted_table('"');
inline constexpr std::array<std::uint8_t, 256> kSingleQuoted = make_quoted_table('\'');
inline constexpr std::array<std::uint8_t, 256> kText =
    make_quoted_table(0); // comments, literal lines

// What a scan stops at, besides what its table marks: the SSE2 versions below must agree with
// the tables (they are the tail loop and the fallback).
enum class Scan { BlockPlain, FlowPlain, DoubleQuoted, SingleQuoted, Text };

#if defined(__SSE2__)
// Bit i set when byte i of `v` stops a scan of kind `S`.
template <Scan S> inline unsigned stop_mask(__m128i v) {
  // Signed compare: controls (< 0x20) and every byte >= 0x80 are "less than 0x20".
  __m128i stop =
      _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
  auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  if constexpr (S == Scan::BlockPlain || S == Scan::FlowPlain)
    stop = _mm_or_si128(stop, _mm_or_si128(eq(':'), eq('#')));
  if constexpr (S == Scan::FlowPlain)
    stop = _mm_or_si128(stop, _mm_or_si128(_mm_or_si128(eq(','), eq('[')),
                                           _mm_or_si128(_mm_or_si128(eq(']'), eq('{')), eq('}'))));
  if constexpr (S == Scan::DoubleQuoted) stop = _mm_or_si128(stop, _mm_or_si128(eq('"'), eq('\\')));
  if constexpr (S == Scan::SingleQuoted) stop = _mm_or_si128(stop, eq('\''));
  if constexpr (S != Scan::BlockPlain && S != Scan::FlowPlain)
    stop = _mm_andnot_si128(eq('\t'), stop);
  return static_cast<unsigned>(_mm_movemask_epi8(stop));
}
#endif

// First byte of [q, end) that stops a scan of kind `S` (end when none), 16 bytes at a time.
template <Scan S> inline const char* scan(const char* q, const char* end) {
  constexpr const std::array<std::uint8_t, 256>& table = S == Scan::BlockPlain     ? kBlockPlain
                                                         : S == Scan::FlowPlain    ? kFlowPlain
                                                         : S == Scan::DoubleQuoted ? kDoubleQuoted
                                                         : S == Scan::SingleQuoted ? kSingleQuoted
                                                                                   : kText;
#if defined(__SSE2__)
  while (end - q >= 16) {
    const unsigned m = stop_mask<S>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q)));
    if (m) return q + __builtin_ctz(m);
    q += 16;
  }
#endif
  while (q < end && table[static_cast<unsigned char>(*q)] == kContent)
    ++q;
  return q;
}

// First byte of [q, end) that is not a space.
inline const char* skip_spaces(const char* q, const char* end) {
#if defined(__SSE2__)
  while (end - q >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const unsigned m =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    if (m != 0xFFFF) return q + __builtin_ctz(~m);
    q += 16;
  }
#endif
  while (q < end && *q == ' ')
    ++q;
  return q;
}

} // namespace berth::yaml::fast_scan
