#pragma once
// A cohort shard's folder, what `run --cohort N --shard I/N` and `compare --cohort N --shard
// I/N` write in place of their outputs and `dermasim merge` reads back: everything the merge
// needs to write exactly the files one process would have written for the whole cohort.
//
//   shard.json     program and version, shard I and N, the cohort's size, and each scenario as
//                  its source name, seed and file text (re-read at merge, so the merge needs
//                  none of the scenario files)
//   patients.csv   one row per patient of the shard: index, drawn values, main outcomes
//   readings.csv   one row per patient and output time: index, day, every timeseries column
//
// compare's shards hold a/patients.csv, a/readings.csv, b/patients.csv and b/readings.csv.
// Every number is written exactly (the shortest text that reads back to the same double): the
// merge takes percentiles over the patients themselves, never over the shards' percentiles.
//
//   StagedFolder staged(dir, "--out", shardOutputNames(shard.parts));
//   stageShardFiles(staged, shard);
//   staged.commit();
//   const CohortShard back = readShard(dir);  // InputError naming the folder if it is no shard

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/cohort/CohortResult.hpp"
#include "core/cohort/ShardSplit.hpp"
#include "core/scenario/Scenario.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {

// One scenario's patients within a shard.
struct ShardPart {
  std::string folder;  // "" for run --cohort; "a" and "b" for compare --cohort
  Scenario scenario;
  CohortResult cohort;  // the shard's patients only, ascending by index
};

struct CohortShard {
  ShardId shard;
  std::size_t cohort_size = 0;  // N of --cohort: all the shards' patients together
  std::vector<ShardPart> parts;
  std::string program_version;  // of the program that wrote it
};

// "", or "a" and "b": the parts a shard of `run` or of `compare` holds.
std::vector<std::string> shardFolders(bool comparison);

// The files of a shard with these parts' folders.
std::vector<std::string> shardOutputNames(const std::vector<std::string>& folders);

// Writes the shard's files into `staged`; the caller commits.
void stageShardFiles(StagedFolder& staged, const CohortShard& shard);

// Reads the shard in `dir`. A folder that is no shard, or a shard this program cannot read (a
// malformed file, another format), is an InputError naming the folder or file; the version is
// returned, not judged, for the merge to compare.
CohortShard readShard(const std::filesystem::path& dir);

}  // namespace dermasim
