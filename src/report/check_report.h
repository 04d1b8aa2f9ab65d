// Renderers of a `berth check` result: text (grouped by object, colour on a TTY), JSON (stable,
// documented schema), SARIF 2.1.0 and JUnit XML.
#pragma once

#include <ostream>

#include "check/engine/engine.h"

namespace berth::report {

void render_text(const check::Result& result, const check::Catalog& catalog, std::ostream& out,
                 bool color);
void render_json(const check::Result& result, const check::Catalog& catalog, std::ostream& out);
void render_sarif(const check::Result& result, const check::Catalog& catalog, std::ostream& out);
void render_junit(const check::Result& result, const check::Catalog& catalog, std::ostream& out);

} // namespace berth::report
