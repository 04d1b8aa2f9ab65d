// RE2-subset regular expressions for CRD `pattern`: parse → Thompson program → Pike VM over
// UTF-8 code points. Unsupported syntax makes compile() fail (the pattern is then skipped).
#include "check/schema/pattern.h"

#include <algorithm>
#include <cctype>

namespace berth::check::schema {

namespace {

constexpr std::size_t kMaxProgram = 20000;
constexpr int kMaxRepeat = 1000;
constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Decodes one code point at `i` (advancing it); malformed bytes decode as U+FFFD, one byte.
char32_t decode(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  i += len;
  return c;
}

char32_t swap_case(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}

struct Node {
  enum Kind { Empty, Lit, Class, Any, Begin, End, Concat, Alt, Repeat } kind = Empty;
  char32_t c = 0;
  std::vector<Pattern::Range> ranges;
  bool negated = false;
  std::vector<Node> kids;
  int min = 0, max = 0; // max < 0: unbounded
};

struct Unsupported {
  std::string why;
};

} // namespace

// Recursive-descent parser and code generator (a friend of Pattern).
class PatternCompiler {
public:
  explicit PatternCompiler(std::string_view text) : text_(text) {}

  std::unique_ptr<Pattern> run() {
    std::unique_ptr<Pattern> p(new Pattern());
    p->source_ = std::string(text_);
    Node root = alternation(0);
    if (pos_ < text_.size()) throw Unsupported{"unbalanced ')'"};
    out_ = p.get();
    emit(root);
    add({Pattern::Inst::Match});
    p->fold_case_ = fold_case_;
    if (dot_all_)
      for (auto& inst : p->program_)
        if (inst.op == Pattern::Inst::Any) inst.x = 1;
    return p;
  }

private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool fold_case_ = false;
  bool dot_all_ = false;
  Pattern* out_ = nullptr;

  bool eof() const { return pos_ >= text_.size(); }
  char32_t peek() const {
    std::size_t i = pos_;
    return decode(text_, i);
  }
  char32_t next() { return decode(text_, pos_); }
  bool accept(char c) {
    if (!eof() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  Node alternation(int depth) {
    if (depth > 200) throw Unsupported{"nesting too deep"};
    Node alt;
    alt.kind = Node::Alt;
    alt.kids.push_back(concatenation(depth));
    while (accept('|'))
      alt.kids.push_back(concatenation(depth));
    return alt.kids.size() == 1 ? std::move(alt.kids[0]) : alt;
  }

  Node concatenation(int depth) {
    Node cat;
    cat.kind = Node::Concat;
    while (!eof() && text_[pos_] != '|' && text_[pos_] != ')') {
      Node atom_node = atom(depth);
      if (atom_node.kind == Node::Empty) continue; // a flag group such as (?i)
      cat.kids.push_back(repetitions(std::move(atom_node)));
    }
    if (cat.kids.empty()) return Node{};
    return cat.kids.size() == 1 ? std::move(cat.kids[0]) : cat;
  }

  int number() {
    int n = 0;
    bool any = false;
    while (!eof() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      n = n * 10 + (text_[pos_++] - '0');
      any = true;
      if (n > kMaxRepeat) throw Unsupported{"repetition count above 1000"};
    }
    return any ? n : -1;
  }

  Node repetitions(Node atom_node) {
    while (!eof()) {
      int min = 0, max = -1;
      char c = text_[pos_];
      if (c == '*') {
        ++pos_;
      } else if (c == '+') {
        ++pos_;
        min = 1;
      } else if (c == '?') {
        ++pos_;
        max = 1;
      } else if (c == '{') {
        std::size_t save = pos_++;
        min = number();
        if (min < 0) { // a literal '{' as RE2 treats it
          pos_ = save;
          return atom_node;
        }
        max = min;
        if (accept(',')) max = number(); // {n,} → unbounded (-1)
        if (!accept('}')) {
          pos_ = save;
          return atom_node;
        }
        if (max >= 0 && max < min) throw Unsupported{"bad repetition range"};
      } else {
        return atom_node;
      }
      accept('?'); // lazy: same language for a yes/no match
      if (atom_node.kind == Node::Begin || atom_node.kind == Node::End) continue;
      Node rep;
      rep.kind = Node::Repeat;
      rep.min = min;
      rep.max = max;
      rep.kids.push_back(std::move(atom_node));
      atom_node = std::move(rep);
    }
    return atom_node;
  }

  Node atom(int depth) {
    char32_t c = next();
    Node n;
    switch (c) {
    case '(': {
      if (accept('?')) {
        if (accept(':')) {
        } else if (accept('P') || (!eof() && text_[pos_] == '<')) {
          if (!accept('<')) throw Unsupported{"unsupported group syntax"};
          while (!eof() && text_[pos_] != '>')
            ++pos_;
          if (!accept('>')) throw Unsupported{"unterminated group name"};
        } else {
          // flags: (?i) (?s) or (?i:...)
          while (!eof() && text_[pos_] != ')' && text_[pos_] != ':') {
            char f = text_[pos_++];
            if (f == 'i')
              fold_case_ = true;
            else if (f == 's')
              dot_all_ = true;
            else
              throw Unsupported{std::string("unsupported flag ") + f};
          }
          if (accept(')')) return Node{};
          if (!accept(':')) throw Unsupported{"unterminated flag group"};
        }
      }
      n = alternation(depth + 1);
      if (!accept(')')) throw Unsupported{"missing ')'"};
      return n;
    }
    case '[':
      return char_class();
    case '.':
      n.kind = Node::Any;
      return n;
    case '^':
      n.kind = Node::Begin;
      return n;
    case '$':
      n.kind = Node::End;
      return n;
    case '\\':
      return escape(false);
    case '*':
    case '+':
    case '?':
      throw Unsupported{"repetition without an operand"};
    default:
      n.kind = Node::Lit;
      n.c = c;
      return n;
    }
  }

  // Escape after '\'; in a class only single code points and \d\w\s sets make sense.
  Node escape(bool in_class) {
    if (eof()) throw Unsupported{"trailing backslash"};
    char32_t c = next();
    Node n;
    n.kind = Node::Class;
    auto set = [&](std::initializer_list<Pattern::Range> r, bool negate) {
      n.ranges.assign(r);
      n.negated = negate;
      return n;
    };
    switch (c) {
    case 'd':
      return set({{'0', '9'}}, false);
    case 'D':
      return set({{'0', '9'}}, true);
    case 'w':
      return set({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}, false);
    case 'W':
      return set({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}, true);
    case 's':
      return set({{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}}, false);
    case 'S':
      return set({{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}}, true);
    default:
      break;
    }
    n = Node{};
    n.kind = Node::Lit;
    switch (c) {
    case 'n':
      n.c = '\n';
      return n;
    case 't':
      n.c = '\t';
      return n;
    case 'r':
      n.c = '\r';
      return n;
    case 'f':
      n.c = '\f';
      return n;
    case 'v':
      n.c = '\v';
      return n;
    case 'x': {
      char32_t v = 0;
      int count = 0;
      bool braces = accept('{');
      while (!eof() && std::isxdigit(static_cast<unsigned char>(text_[pos_])) &&
             (braces || count < 2)) {
        char h = text_[pos_++];
        v = v * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        if (++count > 8) throw Unsupported{"bad \\x escape"};
      }
      if ((braces && !accept('}')) || count == 0) throw Unsupported{"bad \\x escape"};
      n.c = v;
      return n;
    }
    case 'A':
    case 'z':
      if (in_class) throw Unsupported{"anchor in a class"};
      n.kind = c == 'A' ? Node::Begin : Node::End;
      return n;
    default:
      if (c < 0x80 && !std::isalnum(static_cast<int>(c))) { // escaped punctuation
        n.c = c;
        return n;
      }
      throw Unsupported{std::string("unsupported escape \\") + static_cast<char>(c)};
    }
  }

  Node char_class() {
    Node n;
    n.kind = Node::Class;
    if (accept('^')) n.negated = true;
    bool first = true;
    while (true) {
      if (eof()) throw Unsupported{"missing ']'"};
      if (text_[pos_] == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (text_.substr(pos_, 2) == "[:") {
        std::size_t end = text_.find(":]", pos_ + 2);
        if (end == std::string_view::npos) throw Unsupported{"bad POSIX class"};
        std::string_view name = text_.substr(pos_ + 2, end - pos_ - 2);
        pos_ = end + 2;
        posix(name, n.ranges);
        continue;
      }
      char32_t lo;
      if (accept('\\')) {
        Node e = escape(true);
        if (e.kind == Node::Class) {
          if (e.negated) {
            // complement within the class: the gaps between the (sorted) ranges
            char32_t start = 0;
            for (const auto& r : e.ranges) {
              if (r.lo > start) n.ranges.push_back({start, r.lo - 1});
              start = r.hi + 1;
            }
            n.ranges.push_back({start, kMaxCodePoint});
          } else {
            n.ranges.insert(n.ranges.end(), e.ranges.begin(), e.ranges.end());
          }
          continue;
        }
        lo = e.c;
      } else {
        lo = next();
      }
      char32_t hi = lo;
      if (!eof() && text_[pos_] == '-' && pos_ + 1 < text_.size() && text_[pos_ + 1] != ']') {
        ++pos_;
        if (accept('\\')) {
          Node e = escape(true);
          if (e.kind != Node::Lit) throw Unsupported{"bad class range"};
          hi = e.c;
        } else {
          hi = next();
        }
        if (hi < lo) throw Unsupported{"bad class range"};
      }
      n.ranges.push_back({lo, hi});
    }
    return n;
  }

  static void posix(std::string_view name, std::vector<Pattern::Range>& out) {
    if (name == "alnum")
      out.insert(out.end(), {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}});
    else if (name == "alpha")
      out.insert(out.end(), {{'A', 'Z'}, {'a', 'z'}});
    else if (name == "digit")
      out.push_back({'0', '9'});
    else if (name == "lower")
      out.push_back({'a', 'z'});
    else if (name == "upper")
      out.push_back({'A', 'Z'});
    else if (name == "space")
      out.insert(out.end(), {{'\t', '\r'}, {' ', ' '}});
    else if (name == "xdigit")
      out.insert(out.end(), {{'0', '9'}, {'A', 'F'}, {'a', 'f'}});
    else if (name == "word")
      out.insert(out.end(), {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
    else
      throw Unsupported{"unsupported POSIX class " + std::string(name)};
  }

  std::uint32_t add(Pattern::Inst inst) {
    if (out_->program_.size() >= kMaxProgram) throw Unsupported{"expression too large"};
    out_->program_.push_back(inst);
    return static_cast<std::uint32_t>(out_->program_.size() - 1);
  }
  std::uint32_t here() const { return static_cast<std::uint32_t>(out_->program_.size()); }

  void emit(const Node& n) {
    using I = Pattern::Inst;
    switch (n.kind) {
    case Node::Empty:
      return;
    case Node::Lit:
      add({I::Char, n.c});
      return;
    case Node::Any:
      add({I::Any, 0});
      return;
    case Node::Begin:
      add({I::Begin});
      return;
    case Node::End:
      add({I::End});
      return;
    case Node::Class: {
      std::vector<Pattern::Range> r = n.ranges;
      std::sort(r.begin(), r.end(), [](auto& a, auto& b) { return a.lo < b.lo; });
      auto first = static_cast<std::uint32_t>(out_->ranges_.size());
      out_->ranges_.insert(out_->ranges_.end(), r.begin(), r.end());
      add({n.negated ? I::NotClass : I::Class, first,
           static_cast<std::uint32_t>(out_->ranges_.size())});
      return;
    }
    case Node::Concat:
      for (const Node& k : n.kids)
        emit(k);
      return;
    case Node::Alt: {
      std::vector<std::uint32_t> jumps;
      for (std::size_t i = 0; i < n.kids.size(); ++i) {
        if (i + 1 < n.kids.size()) {
          std::uint32_t split = add({I::Split});
          out_->program_[split].x = here();
          emit(n.kids[i]);
          jumps.push_back(add({I::Jump}));
          out_->program_[split].y = here();
        } else {
          emit(n.kids[i]);
        }
      }
      for (std::uint32_t j : jumps)
        out_->program_[j].x = here();
      return;
    }
    case Node::Repeat: {
      const Node& body = n.kids[0];
      for (int i = 0; i < n.min; ++i)
        emit(body);
      if (n.max < 0) {
        std::uint32_t split = add({I::Split});
        out_->program_[split].x = here();
        emit(body);
        add({I::Jump, split});
        out_->program_[split].y = here();
      } else {
        std::vector<std::uint32_t> splits;
        for (int i = n.min; i < n.max; ++i) {
          std::uint32_t split = add({I::Split});
          out_->program_[split].x = here();
          splits.push_back(split);
          emit(body);
        }
        for (std::uint32_t s : splits)
          out_->program_[s].y = here();
      }
      return;
    }
    }
  }
};

std::unique_ptr<Pattern> Pattern::compile(std::string_view expression, std::string* why) {
  try {
    return PatternCompiler(expression).run();
  } catch (const Unsupported& u) {
    if (why) *why = u.why;
    return nullptr;
  }
}

namespace {

// Sparse set of program counters (Briggs–Torczon): O(1) insert/contains/clear.
struct ThreadList {
  std::vector<std::uint32_t> dense, sparse;
  std::uint32_t size = 0;
  void reset(std::size_t capacity) {
    if (sparse.size() < capacity) {
      sparse.resize(capacity);
      dense.resize(capacity);
    }
    size = 0;
  }
  bool contains(std::uint32_t pc) const { return sparse[pc] < size && dense[sparse[pc]] == pc; }
  void insert(std::uint32_t pc) {
    sparse[pc] = size;
    dense[size++] = pc;
  }
};

} // namespace

bool Pattern::matches(std::string_view text) const {
  thread_local ThreadList lists[2];
  thread_local std::vector<std::uint32_t> stack;
  ThreadList* cur = &lists[0];
  ThreadList* nxt = &lists[1];
  cur->reset(program_.size());
  nxt->reset(program_.size());

  auto in_class = [&](const Inst& inst, char32_t c) {
    for (std::uint32_t r = inst.x; r < inst.y; ++r)
      if (c >= ranges_[r].lo && c <= ranges_[r].hi) return true;
    return false;
  };
  bool matched = false;
  auto add_thread = [&](ThreadList& list, std::uint32_t start, bool at_begin, bool at_end) {
    stack.clear();
    stack.push_back(start);
    while (!stack.empty()) {
      std::uint32_t pc = stack.back();
      stack.pop_back();
      if (list.contains(pc)) continue;
      list.insert(pc);
      const Inst& inst = program_[pc];
      switch (inst.op) {
      case Inst::Jump:
        stack.push_back(inst.x);
        break;
      case Inst::Split:
        stack.push_back(inst.y);
        stack.push_back(inst.x);
        break;
      case Inst::Begin:
        if (at_begin) stack.push_back(pc + 1);
        break;
      case Inst::End:
        if (at_end) stack.push_back(pc + 1);
        break;
      case Inst::Match:
        matched = true;
        break;
      default:
        break;
      }
    }
  };

  std::size_t i = 0;
  while (true) {
    add_thread(*cur, 0, i == 0, i == text.size()); // unanchored: a new attempt at every position
    if (matched) return true;
    if (i >= text.size()) return false;
    char32_t c = decode(text, i);
    bool at_end = i == text.size();
    nxt->size = 0;
    for (std::uint32_t k = 0; k < cur->size; ++k) {
      std::uint32_t pc = cur->dense[k];
      const Inst& inst = program_[pc];
      bool ok = false;
      switch (inst.op) {
      case Inst::Char:
        ok = inst.x == c || (fold_case_ && inst.x == swap_case(c));
        break;
      case Inst::Class:
      case Inst::NotClass: {
        bool hit = in_class(inst, c) || (fold_case_ && in_class(inst, swap_case(c)));
        ok = inst.op == Inst::Class ? hit : !hit;
        break;
      }
      case Inst::Any:
        ok = c != '\n' || inst.x == 1;
        break;
      default:
        break;
      }
      if (ok) add_thread(*nxt, pc + 1, false, at_end);
      if (matched) return true;
    }
    std::swap(cur, nxt);
  }
}

} // namespace berth::check::schema
