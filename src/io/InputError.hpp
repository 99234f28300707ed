#pragma once
// Bad input from the user (a scenario file, a built-in name): the program exits with code 2 and
// prints what() as is, so what() is one line: `<file>: <key>: <expectation> (got <value>)`.
// Where a file has several problems found together, lines() holds each of them (what() is the
// first), for `dermasim validate`, which lists every one.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace dermasim {

class InputError : public std::runtime_error {
 public:
  // A complete one-line message, for errors that name no key (a file that cannot be read).
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  InputError(const std::string& source, std::string key, const std::string& message)
      : std::runtime_error(source + ": " + key + ": " + message), key_(std::move(key)) {}

  // Several problems: the first is what() and key(); `lines` holds every one, in full.
  InputError(const std::string& source, std::string key, const std::string& message,
             std::vector<std::string> lines)
      : InputError(source, std::move(key), message) {
    lines_ = std::move(lines);
  }

  // The dotted key the error is about ("device.needles", "session[1].day"); empty if none.
  const std::string& key() const { return key_; }
  // Every problem, one line each; at least what().
  std::vector<std::string> lines() const {
    return lines_.empty() ? std::vector<std::string>{what()} : lines_;
  }

 private:
  std::string key_;
  std::vector<std::string> lines_;
};

}  // namespace dermasim
