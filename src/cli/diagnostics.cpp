// Compiler-style error and warning lines, so editors and CI annotate the right place.
#include "cli/diagnostics.h"

namespace berth::cli {

void print_error(std::ostream& err, const Error& e) {
  std::string where = e.where().str();
  if (where.empty())
    err << "berth: error: " << e.message() << '\n';
  else
    err << where << ": error: " << e.message() << '\n';
}

void print_warning(std::ostream& err, const std::string& message) {
  err << "berth: warning: " << message << '\n';
}

} // namespace berth::cli
