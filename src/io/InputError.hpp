#pragma once
// Bad input from the user (a scenario file, a built-in name): the program exits with code 2 and
// prints what() as is, so what() is one line: `<file>: <key>: <expectation> (got <value>)`.

#include <stdexcept>
#include <string>
#include <utility>

namespace dermasim {

class InputError : public std::runtime_error {
 public:
  // A complete one-line message, for errors that name no key (a file that cannot be read).
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  InputError(const std::string& source, std::string key, const std::string& message)
      : std::runtime_error(source + ": " + key + ": " + message), key_(std::move(key)) {}

  // The dotted key the error is about ("device.needles", "session[1].day"); empty if none.
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

}  // namespace dermasim
