// How a cohort is dealt into shards: every patient in exactly one shard, round robin, ascending.

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "core/cohort/ShardSplit.hpp"

using namespace dermasim;

TEST_CASE("shards deal the patients round robin, each patient to exactly one shard", "[cohort]") {
  CHECK(shardPatients({2, 4}, 10) == std::vector<std::size_t>{1, 5, 9});
  CHECK(shardPatients({1, 1}, 3) == std::vector<std::size_t>{0, 1, 2});
  CHECK(toString(ShardId{3, 7}) == "3/7");
  for (std::size_t count = 1; count <= 6; ++count) {
    std::vector<int> seen(13, 0);
    for (std::size_t index = 1; index <= count; ++index) {
      const std::vector<std::size_t> patients = shardPatients({index, count}, 13);
      CHECK(!patients.empty());
      for (std::size_t i : patients) ++seen.at(i);
    }
    INFO(count << " shards");
    CHECK(std::count(seen.begin(), seen.end(), 1) == 13);
  }
}
