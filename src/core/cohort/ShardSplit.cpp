#include "core/cohort/ShardSplit.hpp"

namespace dermasim {

std::string toString(const ShardId& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::vector<std::size_t> shardPatients(const ShardId& shard, std::size_t patients) {
  std::vector<std::size_t> indices;
  if (shard.count == 0 || shard.index == 0) return indices;
  for (std::size_t i = shard.index - 1; i < patients; i += shard.count) indices.push_back(i);
  return indices;
}

}  // namespace dermasim
