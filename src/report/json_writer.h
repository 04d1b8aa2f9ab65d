// A streaming JSON writer for the check renderers: keys in the order written, two-space
// indentation, strings as valid UTF-8 — without building a document tree first (SARIF for tens
// of thousands of findings would otherwise spend most of its time allocating nodes).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace berth::report {

class JsonWriter {
public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name); // inside an object, before its value

  JsonWriter& value(std::string_view s); // escaped; invalid UTF-8 becomes U+FFFD
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& value_one_decimal(double d); // 8.0, 7.3 (scores)

  // Shorthand for key(name).value(v).
  template <typename T> JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // Ends the document with a newline and writes what is buffered.
  void finish();

private:
  void before_value();
  void write_string(std::string_view s);
  void newline_indent();
  void flush();

  std::ostream& out_;
  std::string buf_;
  struct Level {
    bool array;
    bool empty = true;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

} // namespace berth::report
