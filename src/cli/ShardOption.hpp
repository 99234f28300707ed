#pragma once
// The `--shard I/N` option of `run --cohort` and `compare --cohort`: its text read strictly, so
// "0/4", "5/4", "1/0", "a/b" or "3" is refused (exit 2) before anything runs, not guessed at.
// A shard count above the cohort's size is refused too: some shards would hold no patient.
//
//   const std::optional<ShardId> shard = shardOption(request.shard, patients);  // nullopt: all

#include <cstddef>
#include <optional>
#include <string>

#include "core/cohort/ShardSplit.hpp"

namespace dermasim {

// `text` as given after --shard (nullopt when the option was not given: the whole cohort), for
// a cohort of `patients`; an InputError naming --shard otherwise.
std::optional<ShardId> shardOption(const std::optional<std::string>& text, std::size_t patients);

}  // namespace dermasim
