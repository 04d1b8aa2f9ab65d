// The schema walk. Success costs a hash lookup per key and a type test per node; messages,
// paths and suggestions are only built when something is wrong.
#include "check/schema/validator.h"

#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "check/schema/formats.h"
#include "check/schema/kinds.h"
#include "check/schema/pattern.h"
#include "check/schema/rule_ids.h"
#include "check/schema/spelling.h"

namespace berth::check::schema {

namespace {

struct Seg {
  std::string_view key;
  std::size_t index; // npos for a key segment
};

constexpr std::size_t kMaxAnnotationBytes = 256 * 1024;

std::string quoted(std::string_view s) {
  std::string out = "\"";
  std::size_t n = 0;
  for (char c : s) {
    if (++n > 60) {
      out += "…";
      break;
    }
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

std::string accept_text(std::uint8_t a, Format f) {
  if (f == Format::Quantity) return "a quantity (string such as \"500m\" or \"1Gi\", or a number)";
  if (a == (kString | kInteger)) return "an integer or a string";
  std::vector<std::string> parts;
  if (a & kObject) parts.push_back("an object (mapping)");
  if (a & kArray) parts.push_back("an array (sequence)");
  if (a & kString) parts.push_back("a string");
  if (a & kNumber)
    parts.push_back("a number");
  else if (a & kInteger)
    parts.push_back("an integer");
  if (a & kBoolean) parts.push_back("a boolean");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " or " : ", ") + parts[i];
  return out;
}

const char* kind_text(std::uint8_t bit) {
  switch (bit) {
  case kObject:
    return "an object";
  case kArray:
    return "an array";
  case kString:
    return "a string";
  case kInteger:
    return "an integer";
  case kNumber:
    return "a number";
  case kBoolean:
    return "a boolean";
  default:
    return "null";
  }
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class Walker {
public:
  Walker(const Graph& g, const Object& o, Context& ctx, const ValidateOptions& opt,
         std::vector<Seg>& segs)
      : g_(g), o_(o), ctx_(ctx), opt_(opt), segs_(segs) {}

  void value(const yaml::Node& n, std::uint32_t ti, Format fmt) {
    const Type& t = g_.type(ti);
    std::uint8_t bit = kind_of(n);
    if (bit == 0) { // null
      if (t.flags & kNullable) return;
      if (t.flags & kPruneNulls)
        report(rule::kNullPruned, n,
               path() + " is null; the schema does not allow null, so the API server drops it",
               "remove the field, or give it a value");
      return; // built-in types: null is "unset"
    }
    // kubectl turns YAML into JSON with a YAML 1.1 parser: `yes`/`on`/`y` are booleans there,
    // and an integral float (1.0) becomes the JSON number 1.
    if (bit == kString && yaml11_bool(n)) {
      if (t.accept & kBoolean) {
        bit = kBoolean;
      } else if (t.accept != 0) {
        report(rule::kType, n,
               path() + " is " + n.value() +
                   ", which kubectl's YAML 1.1 parser reads as a "
                   "boolean; the schema wants " +
                   accept_text(t.accept, t.format),
               "quote the value: \"" + n.value() + "\"");
        return;
      }
    }
    if (bit == kNumber && !(t.accept & kNumber) && (t.accept & kInteger) && integer_value(n))
      bit = kInteger;
    if (t.accept != 0 && !(t.accept & bit) && !(bit == kInteger && (t.accept & kNumber))) {
      type_error(n, t, bit);
      return;
    }
    if (fmt == Format::None) fmt = t.format;
    switch (bit) {
    case kObject:
      object(n, t, fmt);
      return;
    case kArray:
      array(n, t);
      return;
    default:
      scalar(n, t, bit, fmt);
      return;
    }
  }

  void root_name(const yaml::Node& root) {
    const yaml::Node* meta = root.find("metadata");
    const yaml::Node* name = meta && meta->is_mapping() ? meta->find("name") : nullptr;
    if (opt_.patch) return;
    if ((!name || name->is_null()) && !(meta && meta->is_mapping() && meta->find("generateName"))) {
      const yaml::Node& at = meta && meta->is_mapping() ? *meta : root;
      report(rule::kRequired, at, "missing required field metadata.name",
             "give the object a name under metadata.name");
    }
  }

private:
  const Graph& g_;
  const Object& o_;
  Context& ctx_;
  const ValidateOptions& opt_;
  std::vector<Seg>& segs_;

  // Plain scalars YAML 1.1 resolves as booleans (and YAML 1.2 as strings).
  static bool yaml11_bool(const yaml::Node& n) {
    if (n.style() != yaml::Style::Plain || !n.tag().empty()) return false;
    const std::string& v = n.value();
    switch (v.size()) {
    case 1:
      return v == "y" || v == "Y" || v == "n" || v == "N";
    case 2:
      return v == "on" || v == "On" || v == "ON" || v == "no" || v == "No" || v == "NO";
    case 3:
      return v == "yes" || v == "Yes" || v == "YES" || v == "off" || v == "Off" || v == "OFF";
    default:
      return false;
    }
  }

  // The integer a scalar denotes: an int, or a float with an integral value (1.0, 1e3).
  static std::optional<std::int64_t> integer_value(const yaml::Node& n) {
    if (std::optional<std::int64_t> i = n.as_int()) return i;
    std::optional<double> d = n.as_float();
    if (!d || !std::isfinite(*d) || *d != std::floor(*d) || std::fabs(*d) > 9.2e18)
      return std::nullopt;
    return static_cast<std::int64_t>(*d);
  }

  static std::uint8_t kind_of(const yaml::Node& n) {
    if (n.is_mapping()) return kObject;
    if (n.is_sequence()) return kArray;
    switch (n.type()) {
    case yaml::ScalarType::Null:
      return 0;
    case yaml::ScalarType::Bool:
      return kBoolean;
    case yaml::ScalarType::Int:
      return kInteger;
    case yaml::ScalarType::Float:
      return kNumber;
    case yaml::ScalarType::String:
      return kString;
    }
    return kString;
  }

  void report(std::string_view rule_id, const yaml::Node& at, std::string message,
              std::string fix = {}) {
    ctx_.report(rule_id, &o_.info, at.loc(), std::move(message), std::move(fix));
  }

  std::string path() const {
    std::string out;
    for (const Seg& s : segs_) {
      if (s.index != std::string_view::npos) {
        out += '[';
        out += std::to_string(s.index);
        out += ']';
        continue;
      }
      bool plain = !s.key.empty();
      for (char c : s.key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '$'))
          plain = false;
      if (plain) {
        if (!out.empty()) out += '.';
        out += s.key;
      } else {
        out += '[' + quoted(s.key) + ']';
      }
    }
    return out.empty() ? std::string("the object") : out;
  }

  std::string where(const Type& t) const {
    std::string p = segs_.empty() ? std::string("the object") : path();
    if (t.name) p += " (" + *t.name + ")";
    return p;
  }

  bool at_root_metadata() const {
    return segs_.size() == 2 && segs_[0].key == "metadata" &&
           segs_[0].index == std::string_view::npos;
  }

  void type_error(const yaml::Node& n, const Type& t, std::uint8_t bit) {
    std::string msg = path() + " is " + kind_text(bit);
    if (n.is_scalar()) msg += " (" + (bit == kString ? quoted(n.value()) : n.value()) + ")";
    msg += ", the schema wants " + accept_text(t.accept, t.format);
    std::string fix;
    if (bit == kString && (t.accept & (kInteger | kNumber | kBoolean)) &&
        yaml::resolve_plain(n.value()) != yaml::ScalarType::String)
      fix = "write " + n.value() + " without quotes";
    else if ((bit & (kInteger | kNumber | kBoolean)) && (t.accept & kString))
      fix = "quote the value: \"" + n.value() + "\" (YAML reads it as " + kind_text(bit) + ")";
    else if (bit == kString && (t.accept & kArray))
      fix = "write a list: - " + n.value();
    report(rule::kType, n, std::move(msg), std::move(fix));
  }

  void object(const yaml::Node& n, const Type& t, Format fmt) {
    if (fmt == Format::LabelMap || fmt == Format::AnnotationMap || fmt == Format::ConfigKeyMap)
      map_keys(n, fmt);
    if ((t.min_props != 0 || t.max_props != kUnbounded) &&
        (n.size() < t.min_props || n.size() > t.max_props))
      report(rule::kRange, n,
             path() + " has " + std::to_string(n.size()) + " fields, the schema allows " +
                 bounds(t.min_props, t.max_props));
    std::uint32_t found = 0;
    for (const yaml::Entry& e : n.entries()) {
      if (!e.key.is_scalar()) {
        report(rule::kType, e.key,
               "a key in " + path() + " is " + e.key.kind_name() + ", keys must be strings");
        continue;
      }
      std::string_view key = e.key.value();
      segs_.push_back({key, std::string_view::npos});
      if (const Prop* p = g_.find(t, key)) {
        if (p->required && !(e.value.is_null() && !(g_.type(p->type).flags & kNullable))) ++found;
        value(e.value, p->type, p->format);
      } else if (t.additional == Additional::Schema) {
        value(e.value, t.additional_type, Format::None);
      } else if (t.additional == Additional::Reject && !(opt_.patch && key.starts_with('$'))) {
        unknown_field(e.key, t);
      }
      segs_.pop_back();
    }
    if (found < t.required_count && !opt_.patch) missing(n, t);
  }

  void unknown_field(const yaml::Node& key, const Type& t) {
    std::string name = key.value();
    segs_.pop_back();
    std::string in = where(t);
    segs_.push_back({key.value(), std::string_view::npos});
    Closest closest(name);
    for (const Prop* p = g_.props_begin(t); p != g_.props_end(t); ++p)
      closest.offer(p->name);
    std::string_view best = closest.best();
    std::string msg = "unknown field " + quoted(name) + " in " + in;
    std::string fix = best.empty() ? std::string() : "did you mean \"" + std::string(best) + "\"? ";
    fix += opt_.crd ? "The API server prunes (silently drops) fields a custom resource's schema "
                      "does not declare; rename or remove it"
                    : "The API server rejects unknown fields under strict validation (and "
                      "kubectl drops them otherwise); rename or remove it";
    report(rule::kUnknownField, key, std::move(msg), std::move(fix));
  }

  void missing(const yaml::Node& n, const Type& t) {
    for (const Prop* p = g_.props_begin(t); p != g_.props_end(t); ++p) {
      if (!p->required) continue;
      const yaml::Node* v = n.find(p->name);
      if (v && !(v->is_null() && !(g_.type(p->type).flags & kNullable))) continue;
      std::string at = segs_.empty() ? std::string() : path() + ".";
      report(rule::kRequired, v ? *v : n,
             "missing required field " + quoted(p->name) + " in " + where(t),
             "add " + at + std::string(p->name));
    }
  }

  void array(const yaml::Node& n, const Type& t) {
    std::size_t size = n.items().size();
    if (size < t.min_items || size > t.max_items)
      report(rule::kRange, n,
             path() + " has " + std::to_string(size) + " items, the schema allows " +
                 bounds(t.min_items, t.max_items));
    if (t.items == kNoType) return;
    const auto& items = n.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
      segs_.push_back({{}, i});
      value(items[i], t.items, Format::None);
      segs_.pop_back();
    }
  }

  static std::string bounds(std::uint32_t lo, std::uint32_t hi) {
    if (hi == kUnbounded) return "at least " + std::to_string(lo);
    if (lo == 0) return "at most " + std::to_string(hi);
    return "between " + std::to_string(lo) + " and " + std::to_string(hi);
  }

  void map_keys(const yaml::Node& n, Format fmt) {
    std::size_t total = 0;
    for (const yaml::Entry& e : n.entries()) {
      if (!e.key.is_scalar()) continue;
      const std::string& key = e.key.value();
      if (fmt == Format::ConfigKeyMap) {
        if (const char* why = check_config_key(key))
          report(rule::kNameInvalid, e.key, "key " + quoted(key) + " of " + path() + " " + why);
        continue;
      }
      if (const char* why = check_qualified_name(key))
        report(rule::kLabelInvalid, e.key,
               (fmt == Format::LabelMap ? "label key " : "annotation key ") + quoted(key) + " in " +
                   path() + " " + why);
      if (fmt == Format::LabelMap && e.value.is_scalar() && e.value.is_string())
        if (const char* why = check_label_value(e.value.value()))
          report(rule::kLabelInvalid, e.value,
                 "label value " + quoted(e.value.value()) + " of " + quoted(key) + " in " + path() +
                     " " + why);
      if (fmt == Format::AnnotationMap)
        total += key.size() + (e.value.is_scalar() ? e.value.value().size() : 0);
    }
    if (total > kMaxAnnotationBytes)
      report(rule::kLabelInvalid, n,
             path() + " totals " + std::to_string(total) + " bytes; annotations may hold at most " +
                 std::to_string(kMaxAnnotationBytes));
  }

  void enum_check(const yaml::Node& n, const Type& t, std::uint8_t bit) {
    std::string_view text = n.value();
    std::string canonical;
    if (bit == kInteger) {
      if (auto v = integer_value(n)) canonical = std::to_string(*v), text = canonical;
    } else if (bit == kBoolean) {
      std::string_view v = n.value();
      bool truth = v.empty() ? false
                             : (v[0] == 't' || v[0] == 'T' || v[0] == 'y' || v[0] == 'Y' ||
                                v == "on" || v == "On" || v == "ON");
      text = truth ? "true" : "false";
    }
    for (const EnumValue* e = g_.enums_begin(t); e != g_.enums_end(t); ++e)
      if ((e->accept == bit || (e->accept == kNumber && bit == kInteger)) && e->text == text)
        return;
    std::string allowed;
    Closest closest(text);
    for (const EnumValue* e = g_.enums_begin(t); e != g_.enums_end(t); ++e) {
      if (e - g_.enums_begin(t) < 12) allowed += (allowed.empty() ? "" : ", ") + e->text;
      closest.offer(e->text);
    }
    std::string_view suggestion = closest.best();
    if (t.enum_count > 12) allowed += ", …";
    report(rule::kEnum, n, path() + " is " + quoted(n.value()) + ", not one of " + allowed,
           suggestion.empty() ? "use one of: " + allowed
                              : "did you mean \"" + std::string(suggestion) + "\"?");
  }

  void scalar(const yaml::Node& n, const Type& t, std::uint8_t bit, Format fmt) {
    if (t.enum_count > 0) enum_check(n, t, bit);
    const std::string& text = n.value();
    if (fmt != Format::None) format(n, bit, fmt);
    if ((t.flags & (kHasMinimum | kHasMaximum)) && (bit == kInteger || bit == kNumber)) {
      double v = n.as_float().value_or(0);
      bool low = (t.flags & kHasMinimum) &&
                 ((t.flags & kExclusiveMinimum) ? v <= t.minimum : v < t.minimum);
      bool high = (t.flags & kHasMaximum) &&
                  ((t.flags & kExclusiveMaximum) ? v >= t.maximum : v > t.maximum);
      if (low || high) {
        auto num = [](double d) {
          std::string s = std::to_string(d);
          s.erase(s.find_last_not_of('0') + 1);
          if (!s.empty() && s.back() == '.') s.pop_back();
          return s;
        };
        std::string range = (t.flags & kHasMinimum)
                                ? ((t.flags & kExclusiveMinimum) ? "> " : "≥ ") + num(t.minimum)
                                : "";
        if (t.flags & kHasMaximum)
          range += (range.empty() ? "" : " and ") +
                   std::string((t.flags & kExclusiveMaximum) ? "< " : "≤ ") + num(t.maximum);
        report(rule::kRange, n, path() + " is " + text + ", the schema wants " + range);
      }
    }
    if (bit != kString) return;
    if (t.min_length > 0 || t.max_length != kUnbounded) {
      std::size_t len = code_points(text);
      if (len < t.min_length || len > t.max_length)
        report(rule::kRange, n,
               path() + " has " + std::to_string(len) + " characters, the schema allows " +
                   bounds(t.min_length, t.max_length));
    }
    if (t.pattern != kNoType && !g_.pattern(t.pattern).matches(text))
      report(rule::kPattern, n,
             path() + " is " + quoted(text) + ", which does not match the pattern " +
                 g_.pattern(t.pattern).source());
  }

  void port(const yaml::Node& n, bool zero_ok) {
    std::optional<std::int64_t> v = integer_value(n);
    if (v && (*v >= 1 || (zero_ok && *v == 0)) && *v <= 65535) return;
    report(rule::kPortInvalid, n,
           path() + " is " + n.value() + ", ports must be between 1 and 65535");
  }

  void port_name_error(const yaml::Node& n, const char* why) {
    report(rule::kPortInvalid, n,
           path() + " " + quoted(n.value()) + " is not a valid port name: it " + why);
  }

  void name_error(const yaml::Node& n, const char* why, std::string_view what = "") {
    report(rule::kNameInvalid, n,
           path() + " " + quoted(n.value()) + " " + (what.empty() ? "" : std::string(what) + " ") +
               why);
  }

  void object_name(const yaml::Node& n) {
    const std::string& s = n.value();
    if (!at_root_metadata()) {
      if (const char* why = check_dns1123_subdomain(s)) name_error(n, why);
      return;
    }
    NameRule r = name_rule(o_.info.group(), o_.info.kind);
    const char* why = nullptr;
    switch (r.grammar) {
    case NameGrammar::Subdomain:
      why = check_dns1123_subdomain(s);
      break;
    case NameGrammar::Label:
      why = check_dns1123_label(s);
      break;
    case NameGrammar::Dns1035Label:
      why = check_dns1035_label(s);
      break;
    case NameGrammar::PathSegment:
      why = check_path_segment(s);
      break;
    }
    std::string_view kind = o_.info.kind; // never empty here: the kind was looked up
    if (why) {
      name_error(n, why, "(" + std::string(kind) + " name)");
      return;
    }
    if (r.grammar == NameGrammar::Subdomain && r.max < 253 && s.size() > r.max)
      report(rule::kNameInvalid, n,
             path() + " " + quoted(s) + " is " + std::to_string(s.size()) + " characters; a " +
                 std::string(kind) + " name must be " + r.why);
    if (o_.info.kind == "PriorityClass" && s.starts_with("system-") &&
        s != "system-node-critical" && s != "system-cluster-critical")
      report(rule::kNameInvalid, n,
             path() + " " + quoted(s) +
                 ": the \"system-\" prefix is reserved for Kubernetes' own "
                 "priority classes");
  }

  void format(const yaml::Node& n, std::uint8_t bit, Format fmt) {
    const std::string& s = n.value();
    switch (fmt) {
    case Format::Int32:
    case Format::Int64: {
      if (bit != kInteger) return;
      std::optional<std::int64_t> v = integer_value(n);
      bool ok = v && (fmt == Format::Int64 || (*v >= INT32_MIN && *v <= INT32_MAX));
      if (!ok)
        report(rule::kFormat, n,
               path() + " is " + s + ", outside the " + (fmt == Format::Int32 ? "int32" : "int64") +
                   " range");
      return;
    }
    case Format::Byte:
      if (bit == kString && !is_base64(s))
        report(rule::kFormat, n, path() + " is not valid base64",
               "encode the value with base64 (or move it to stringData, which takes plain text)");
      return;
    case Format::DateTime:
      if (bit == kString && !is_date_time(s))
        report(rule::kFormat, n,
               path() + " is " + quoted(s) + ", not an RFC 3339 date-time (2024-05-01T10:00:00Z)");
      return;
    case Format::Date:
      if (bit == kString && !is_full_date(s))
        report(rule::kFormat, n,
               path() + " is " + quoted(s) + ", not an RFC 3339 date (2024-05-01)");
      return;
    case Format::Quantity:
      if (bit == kString ? !is_quantity(s) : !std::isfinite(n.as_float().value_or(NAN)))
        report(rule::kFormat, n, path() + " is " + quoted(s) + ", not a Kubernetes quantity",
               "write a number with an optional suffix: 500m, 0.5, 128Mi, 1Gi, 10G");
      return;
    case Format::Port:
      port(n, false);
      return;
    case Format::PortOrZero:
      port(n, true);
      return;
    case Format::PortOrName:
      if (bit == kInteger) {
        port(n, false);
      } else if (bit == kString) {
        if (const char* why = check_iana_svc_name(s)) port_name_error(n, why);
      }
      return;
    case Format::IanaSvcName:
      if (bit == kString)
        if (const char* why = check_iana_svc_name(s)) port_name_error(n, why);
      return;
    case Format::Dns1123Label:
      if (bit == kString)
        if (const char* why = check_dns1123_label(s)) name_error(n, why);
      return;
    case Format::Dns1123Subdomain:
      if (bit == kString)
        if (const char* why = check_dns1123_subdomain(s)) name_error(n, why);
      return;
    case Format::ObjectName:
      if (bit == kString) object_name(n);
      return;
    case Format::LabelKey:
      if (bit == kString)
        if (const char* why = check_qualified_name(s))
          report(rule::kLabelInvalid, n,
                 path() + " " + quoted(s) + " is not a valid label key: " + why);
      return;
    default:
      return;
    }
  }
};

} // namespace

void validate(const Graph& graph, std::uint32_t root_type, const Object& object, Context& ctx,
              const ValidateOptions& options) {
  thread_local std::vector<Seg> segs;
  segs.clear();
  Walker w(graph, object, ctx, options, segs);
  w.value(object.root, root_type, Format::None);
  if (object.root.is_mapping()) w.root_name(object.root);
}

} // namespace berth::check::schema
