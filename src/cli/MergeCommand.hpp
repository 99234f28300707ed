#pragma once
// `dermasim merge SHARD_DIR... --out DIR`: joins the shards of one cohort (`run --cohort N
// --shard I/N`, or `compare --cohort N --shard I/N`) into exactly the files one process would
// have written for `--cohort N`, byte for byte: the percentiles are taken over the patients the
// shards carry at full precision. Shards of another scenario, seed, cohort size, shard count or
// program version, a shard missing or given twice, or a folder that is no shard are refused
// (exit 2, one line naming the folder) before anything is written; the outputs go in place as
// one set (io/AtomicFile.hpp).
//
//   MergeRequest request;
//   addMergeCommand(app, request);  // then, once parsed:
//   return mergeCommand(request);

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace dermasim {

struct MergeRequest {
  std::vector<std::string> shards;
  std::string out;
  bool quiet = false;
};

CLI::App* addMergeCommand(CLI::App& app, MergeRequest& request);

int mergeCommand(const MergeRequest& request);

}  // namespace dermasim
