#pragma once
// How a cohort is split into shards (`--shard I/N`) that separate processes or machines run and
// `dermasim merge` joins: shard I of N takes the patients i with i % N == I - 1. Dealt round
// robin rather than in blocks so every shard gets early and late patients alike and no shard
// is left empty while N <= the cohort's size. Patient i is the same in any shard
// (VirtualPatients.hpp), so the split changes where a patient runs, never what it is.
//
//   const ShardId shard{2, 4};                                  // "2/4"
//   for (std::size_t i : shardPatients(shard, 1000)) ...;       // 1, 5, 9, ..., 997

#include <cstddef>
#include <string>
#include <vector>

namespace dermasim {

struct ShardId {
  std::size_t index = 1;  // 1 .. count, as people and Slurm's array ids count
  std::size_t count = 1;
  bool operator==(const ShardId&) const = default;
};

// "2/4".
std::string toString(const ShardId& shard);

// The patients of `shard` in a cohort of `patients`, ascending.
std::vector<std::size_t> shardPatients(const ShardId& shard, std::size_t patients);

}  // namespace dermasim
