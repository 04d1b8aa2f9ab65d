// Scalar quoting decisions for the emitter: plain-safety, double-quoted escaping, literal blocks.
#pragma once

#include <string>
#include <string_view>

namespace berth::yaml::quote {

// Decodes the UTF-8 code point at text[i] and advances i past it; returns -1 (and advances one
// byte) for an invalid, overlong or surrogate sequence.
long decode_utf8(std::string_view text, std::size_t& i);
// True when all of `text` decodes (decode_utf8 never fails on it).
bool is_utf8(std::string_view text);

// True when every code point may appear raw in a YAML scalar without escaping: printable,
// not a line break of either YAML version (CR, NEL, LS, PS), not a BOM, valid UTF-8.
// `allow_newline` / `allow_tab` admit LF / TAB (literal blocks keep them verbatim).
bool all_printable(std::string_view text, bool allow_newline, bool allow_tab);

// Appends `text` as a double-quoted scalar ("..." with YAML escapes, one line). Invalid UTF-8
// bytes cannot be represented, so they throw berth::Error (the caller adds no location).
void append_double_quoted(std::string& out, std::string_view text);

// True when `text` can be a literal block scalar (`|`) that reads back byte-identical:
// it spans lines, holds some non-blank text, and has no characters a block cannot carry.
bool literal_ok(std::string_view text);

// True when the first content line of a literal block starts with a space or tab, so the
// block header needs an explicit indentation indicator.
bool literal_needs_indicator(std::string_view text);

} // namespace berth::yaml::quote
