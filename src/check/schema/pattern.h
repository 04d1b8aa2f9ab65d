// CRD `pattern` matcher: the RE2 syntax subset real CRDs use, compiled once at load into a
// Thompson program and run as a Pike VM (linear time, no recursion, no std::regex).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berth::check::schema {

class Pattern {
public:
  // nullptr when the expression uses syntax this matcher does not support (\b, \p{…},
  // backreferences…) or is too large; `why` then says what.
  static std::unique_ptr<Pattern> compile(std::string_view expression, std::string* why = nullptr);

  // Search semantics, as Go's regexp.MatchString (JSON Schema `pattern`): true when the
  // expression matches somewhere in `text` (anchors decide whether the whole text must match).
  bool matches(std::string_view text) const;

  const std::string& source() const { return source_; }

  struct Range {
    char32_t lo, hi;
  };
  struct Inst {
    enum Op : std::uint8_t { Char, Class, NotClass, Any, Split, Jump, Begin, End, Match } op;
    std::uint32_t x = 0, y = 0; // Char: code point; Class: ranges [x, y); Split/Jump: targets
  };

private:
  Pattern() = default;
  std::string source_;
  std::vector<Inst> program_;
  std::vector<Range> ranges_;
  bool fold_case_ = false;
  friend class PatternCompiler;
};

} // namespace berth::check::schema
