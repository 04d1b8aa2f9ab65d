// Error type shared by every stage: a message anchored at file:line:column of the input.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace berth {

// Position in a source file; line and column are 1-based, 0 means "unknown".
struct Location {
  const std::string* file = nullptr; // interned (see intern); never null when line > 0
  unsigned line = 0;
  unsigned column = 0;

  std::string str() const; // "file:line:col", "file" or "" when unknown
};

// Returns a pointer to a process-lifetime copy of `text` (file paths, YAML tags), so nodes and
// locations stay small and valid after the parsed text is gone. Thread-safe.
const std::string* intern(std::string_view text);

// Input that berth cannot use (exit code 2 at the CLI). what() is "file:line:col: message".
class Error : public std::runtime_error {
public:
  Error(Location where, std::string message);
  explicit Error(std::string message) : Error(Location{}, std::move(message)) {}

  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }

private:
  Location where_;
  std::string message_;
};

} // namespace berth
