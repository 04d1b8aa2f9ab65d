// Dropped-key helpers.
#include "model/origin.h"

namespace berth::model {

std::string Dropped::key() const {
  std::string out;
  for (const std::string& p : path) {
    if (!out.empty() && !(p.size() > 1 && p[0] == '[')) out += '.';
    out += p;
  }
  return out;
}

} // namespace berth::model
