// Port helpers.
#include "model/port.h"

#include <charconv>

namespace berth::model {

std::optional<int> Port::published_port() const {
  int v = 0;
  auto [p, ec] = std::from_chars(published.data(), published.data() + published.size(), v);
  if (ec != std::errc() || p != published.data() + published.size()) return std::nullopt;
  return v;
}

std::string ExposedPort::str() const {
  std::string s = std::to_string(first);
  if (last != first) s += "-" + std::to_string(last);
  if (protocol != "tcp") s += "/" + protocol;
  return s;
}

} // namespace berth::model
