// Names of report dispositions as they appear in MIGRATION.md and on stderr.
#include "generate/report.h"

namespace berth::generate {

const char* to_string(Disposition d) {
  switch (d) {
  case Disposition::Translated: return "translated";
  case Disposition::Inferred: return "inferred";
  case Disposition::Dropped: return "dropped";
  case Disposition::Manual: return "manual";
  }
  return "?";
}

} // namespace berth::generate
