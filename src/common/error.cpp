// Location formatting, path interning and the Error type.
#include "common/error.h"

#include <deque>
#include <mutex>
#include <unordered_map>

namespace berth {

std::string Location::str() const {
  if (!file) return {};
  if (line == 0) return *file;
  return *file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

const std::string* intern(std::string_view text) {
  static std::mutex mu;
  static std::deque<std::string> store; // deque: element addresses never move
  static std::unordered_map<std::string_view, const std::string*> index;
  std::lock_guard lock(mu);
  auto it = index.find(text);
  if (it != index.end()) return it->second;
  const std::string* p = &store.emplace_back(text);
  index.emplace(std::string_view(*p), p);
  return p;
}

static std::string format(const Location& where, const std::string& message) {
  std::string loc = where.str();
  return loc.empty() ? message : loc + ": " + message;
}

Error::Error(Location where, std::string message)
    : std::runtime_error(format(where, message)), where_(where), message_(std::move(message)) {}

} // namespace berth
