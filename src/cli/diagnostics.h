// How commands print errors and warnings on stderr (compiler style, file:line:column first).
#pragma once

#include <ostream>
#include <string>

#include "common/error.h"

namespace berth::cli {

// "compose.yaml:12:7: error: message" when the error has a location, else "berth: error: ...".
void print_error(std::ostream& err, const Error& e);
void print_warning(std::ostream& err, const std::string& message);

} // namespace berth::cli
