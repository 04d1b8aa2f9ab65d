// Splitting a Compose command string ("npm run start") into argv like a POSIX shell would,
// without any expansion, and joining argv back into a printable command line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace berth::compose {

// Splits on unquoted blanks (space, tab, newline). Single quotes keep everything literally;
// double quotes keep everything except that a backslash escapes \" \\ \$ \` and a newline;
// an unquoted backslash escapes the next character (backslash-newline joins lines). `$`, `*`,
// `~`, `#` and backquotes are literal: compose passes them to the container unexpanded.
// Throws berth::Error at `where` for an unterminated quote or trailing backslash, and for an
// unquoted shell operator (; & | < > ( )): docker compose silently drops everything from such
// an operator on, so the command must be written as ["sh", "-c", "..."] instead.
std::vector<std::string> shell_split(std::string_view text, const Location& where);

// Joins arguments into one line that shell_split (and sh) read back unchanged: an argument is
// single-quoted only when it is empty or holds characters outside [A-Za-z0-9_@%+=:,./-].
std::string shell_join(const std::vector<std::string>& args);

} // namespace berth::compose
