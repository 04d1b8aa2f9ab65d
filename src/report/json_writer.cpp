// Streaming JSON output with nlohmann-compatible pretty printing (two spaces, ": ", empty
// containers as [] and {}), so readers and tests see ordinary JSON.
#include "report/json_writer.h"

#include <fmt/format.h>

#include "report/check_common.h"

namespace berth::report {

void JsonWriter::newline_indent() {
  buf_ += '\n';
  buf_.append(2 * stack_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& level = stack_.back();
  if (!level.empty) buf_ += ',';
  level.empty = false;
  newline_indent();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  buf_ += '{';
  stack_.push_back({false});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  buf_ += '[';
  stack_.push_back({true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline_indent();
  buf_ += '}';
  if (buf_.size() > (1u << 20)) flush();
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline_indent();
  buf_ += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  Level& level = stack_.back();
  if (!level.empty) buf_ += ',';
  level.empty = false;
  newline_indent();
  write_string(name);
  buf_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  write_string(s);
  return *this;
}

void JsonWriter::write_string(std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  buf_ += '"';
  auto escape = [&](std::string_view text) {
    for (char ch : text) {
      auto c = static_cast<unsigned char>(ch);
      switch (ch) {
      case '"':
        buf_ += "\\\"";
        break;
      case '\\':
        buf_ += "\\\\";
        break;
      case '\b':
        buf_ += "\\b";
        break;
      case '\f':
        buf_ += "\\f";
        break;
      case '\n':
        buf_ += "\\n";
        break;
      case '\r':
        buf_ += "\\r";
        break;
      case '\t':
        buf_ += "\\t";
        break;
      default:
        if (c < 0x20) {
          buf_ += "\\u00";
          buf_ += hex[c >> 4];
          buf_ += hex[c & 0xF];
        } else {
          buf_ += ch;
        }
      }
    }
  };
  // Plain ASCII (the common case) needs no UTF-8 repair.
  bool ascii = true;
  for (char ch : s)
    ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (ascii)
    escape(s);
  else
    escape(valid_utf8(s));
  buf_ += '"';
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  buf_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  buf_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value_one_decimal(double d) {
  before_value();
  buf_ += fmt::format("{:.1f}", d);
  return *this;
}

void JsonWriter::finish() {
  buf_ += '\n';
  flush();
}

void JsonWriter::flush() {
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

} // namespace berth::report
