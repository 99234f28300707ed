#include "io/ScenarioTextLimits.hpp"

#include <algorithm>
#include <vector>

#include "io/InputError.hpp"
#include "io/TextFile.hpp"

namespace dermasim {
namespace {

// ASCII letters, digits, '_' and '-', and the bytes of non-ASCII characters, which TOML 1.1
// allows in bare keys: either way such a key part counts once, and a TOML 1.0 parser rejects it.
bool isBareKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

// Walks the text once the way TOML lays it out (statements, keys, values, brackets, strings) and
// measures how deep each value sits: the parts of its table header and key, plus the arrays and
// inline tables around it. It keeps its own stack of open brackets and never recurses, so no
// input can exhaust the call stack here.
class NestingScan {
 public:
  // The first line where a value sits deeper than kMaxScenarioNesting, and the deepest level on
  // that line; line 0 when there is none.
  struct Excess {
    std::size_t line = 0;
    std::size_t depth = 0;
  };

  explicit NestingScan(std::string_view text) : text_(text) {}
  Excess run();

 private:
  enum class Expect { Statement, Key, Value, Separator };
  struct Bracket {
    char open;          // '[' an array, '{' an inline table
    std::size_t depth;  // of the array or table itself
  };

  bool atEnd() const { return at_ >= text_.size(); }
  char peek() const { return text_[at_]; }
  void skipSpaces() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t')) ++at_;
  }
  void skipToLineEnd() {
    while (!atEnd() && peek() != '\n') ++at_;
  }
  void skipString();
  std::size_t keyParts();
  void note(std::size_t depth);

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  Excess excess_;
};

// From an opening quote to past the closing one; a one-line string also stops before a newline,
// where the parser will report it unterminated.
void NestingScan::skipString() {
  const char quote = peek();
  const std::string closing(3, quote);
  const bool multiLine = text_.substr(at_, 3) == closing;
  at_ += multiLine ? 3 : 1;
  while (!atEnd()) {
    const char c = peek();
    if (c == '\n') {
      if (!multiLine) return;
      ++line_;
    } else if (c == '\\' && quote == '"') {
      ++at_;  // the escaped character, which may be a quote or (multi-line) a newline
      if (atEnd()) return;
      if (peek() == '\n') ++line_;
    } else if (c == quote && (!multiLine || text_.substr(at_, 3) == closing)) {
      at_ += multiLine ? 3 : 1;
      // Up to two more quotes belong to a multi-line string's content ("""a"""""").
      while (multiLine && !atEnd() && peek() == quote) ++at_;
      return;
    }
    ++at_;
  }
}

// The parts of a dotted key or table name ("a . 'b' . c" has 3); 0 when no key starts here.
std::size_t NestingScan::keyParts() {
  std::size_t parts = 0;
  while (true) {
    skipSpaces();
    if (atEnd()) break;
    if (peek() == '"' || peek() == '\'') {
      skipString();
    } else if (isBareKeyChar(peek())) {
      while (!atEnd() && isBareKeyChar(peek())) ++at_;
    } else {
      break;
    }
    ++parts;
    skipSpaces();
    if (atEnd() || peek() != '.') break;
    ++at_;
  }
  return parts;
}

void NestingScan::note(std::size_t depth) {
  if (depth <= static_cast<std::size_t>(kMaxScenarioNesting)) return;
  if (excess_.line == 0) excess_.line = line_;
  if (line_ == excess_.line) excess_.depth = std::max(excess_.depth, depth);
}

NestingScan::Excess NestingScan::run() {
  std::vector<Bracket> open;
  std::size_t tableDepth = 0;  // of the last [table] or [[array]] header
  std::size_t valueDepth = 0;  // of the value about to start
  Expect expect = Expect::Statement;
  // Past the first line too deep, the rest of the file cannot change the error.
  while (!atEnd() && (excess_.line == 0 || line_ == excess_.line)) {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\r') {
      ++at_;
      continue;
    }
    if (c == '\n') {
      ++at_;
      ++line_;
      if (open.empty()) expect = Expect::Statement;
      continue;
    }
    if (c == '#') {
      skipToLineEnd();
      continue;
    }
    switch (expect) {
      case Expect::Statement:
        if (c == '[') {
          ++at_;
          const bool arrayOfTables = !atEnd() && peek() == '[';
          if (arrayOfTables) ++at_;
          // An array of tables is one level more: the array, then the table in it.
          tableDepth = keyParts() + (arrayOfTables ? 1 : 0);
          note(tableDepth);
          skipToLineEnd();
        } else {
          expect = Expect::Key;
        }
        break;
      case Expect::Key: {
        if (c == ',' || c == '}') {  // between an inline table's entries, or its end
          expect = Expect::Separator;
          break;
        }
        const std::size_t parts = keyParts();
        if (parts == 0) {
          ++at_;  // not a key: the parser will say so
          break;
        }
        skipSpaces();
        if (atEnd() || peek() != '=') {
          expect = Expect::Separator;
          break;
        }
        ++at_;
        valueDepth = (open.empty() ? tableDepth : open.back().depth) + parts;
        expect = Expect::Value;
        break;
      }
      case Expect::Value:
        if (c == ']' || c == '}' || c == ',') {  // an empty array, or no value where one belongs
          expect = Expect::Separator;
          break;
        }
        note(valueDepth);
        if (c == '[' || c == '{') {
          ++at_;
          open.push_back({c, valueDepth});
          if (c == '[') ++valueDepth;  // its first element
          expect = c == '[' ? Expect::Value : Expect::Key;
          break;
        }
        if (c == '"' || c == '\'') {
          skipString();
        } else {
          // A number, boolean or date: up to whatever may follow a value.
          while (!atEnd() && std::string_view(" \t\r\n#,]}").find(peek()) == std::string_view::npos)
            ++at_;
        }
        expect = Expect::Separator;
        break;
      case Expect::Separator:
        ++at_;
        if (open.empty()) break;  // anything but a newline here is not TOML: the parser says so
        if (c == ',' && open.back().open == '[') {
          valueDepth = open.back().depth + 1;
          expect = Expect::Value;
        } else if (c == ',') {
          expect = Expect::Key;
        } else if ((c == ']' && open.back().open == '[') || (c == '}' && open.back().open == '{')) {
          open.pop_back();
        }
        break;
    }
  }
  return excess_;
}

}  // namespace

void failScenarioTooLarge(const std::string& source, const std::string& size) {
  failFileTooLarge(source, kMaxScenarioBytes, kScenarioFileKind, size);
}

void checkScenarioTextLimits(std::string_view text, const std::string& source) {
  if (text.size() > kMaxScenarioBytes) failScenarioTooLarge(source, std::to_string(text.size()));
  const NestingScan::Excess excess = NestingScan(text).run();
  if (excess.line != 0)
    throw InputError(source + ":" + std::to_string(excess.line) + ": nesting: at most " +
                     std::to_string(kMaxScenarioNesting) +
                     " tables, arrays and dotted key parts within one another (got " +
                     std::to_string(excess.depth) + ")");
}

}  // namespace dermasim
