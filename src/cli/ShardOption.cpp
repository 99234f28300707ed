#include "cli/ShardOption.hpp"

#include <charconv>

#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {
namespace {

// A whole number of digits only: from_chars alone would take "+3" or stop at "3x" unnoticed.
std::optional<std::size_t> digits(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<ShardId> shardOption(const std::optional<std::string>& given, std::size_t patients) {
  if (!given) return std::nullopt;
  const std::string& text = *given;
  const std::string got = " (got " + (text.empty() ? "nothing" : printable(text)) + ")";
  const std::size_t slash = text.find('/');
  const std::optional<std::size_t> index =
      slash == std::string::npos ? std::nullopt : digits(text.substr(0, slash));
  const std::optional<std::size_t> count =
      slash == std::string::npos ? std::nullopt : digits(text.substr(slash + 1));
  if (!index || !count) throw InputError("--shard: expected I/N, shard I of N, e.g. 2/4" + got);
  if (*count == 0) throw InputError("--shard: the shard count N must be at least 1" + got);
  if (*index == 0 || *index > *count)
    throw InputError("--shard: the shard I must be from 1 to " + std::to_string(*count) + got);
  if (*count > patients)
    throw InputError("--shard: " + std::to_string(*count) + " shards of a cohort of " +
                     std::to_string(patients) +
                     " would leave shards without patients; use at most " +
                     std::to_string(patients) + got);
  return ShardId{*index, *count};
}

}  // namespace dermasim
