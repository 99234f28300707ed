// The knowledge table (assets/guidance/*.csv) loads, every row has a source and a grade, and a
// bad row is refused with its file, line and column.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "guidance/KnowledgeTable.hpp"

using namespace dermasim;

namespace {

void checkProvenance(const Provenance& p) {
  INFO(p.file << ":" << p.line);
  CHECK(!p.source.empty());
  CHECK((p.grade == "A" || p.grade == "B" || p.grade == "C" || p.grade == "expert"));
  CHECK(p.cite().find(p.file) != std::string::npos);
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The compiled-in files with one replaced, to break the table a row at a time.
KnowledgeTable parsedWith(const std::string& file, const std::string& text) {
  std::map<std::string, std::string_view> files = knowledgeTableFiles();
  files[file] = text;
  return parseKnowledgeTable(files);
}

// The compiled-in files with one more row in `file`.
KnowledgeTable withExtraRow(const std::string& file, const std::string& line) {
  return parsedWith(file, std::string(knowledgeTableFiles().at(file)) + line + "\n");
}

}  // namespace

TEST_CASE("knowledge table: loads, every row with a source and a grade", "[guidance]") {
  const KnowledgeTable& k = knowledgeTable();
  CHECK(!k.depth_ranges.empty());
  CHECK(!k.intervals.empty());
  CHECK(!k.courses.empty());
  CHECK(k.pigmentation.size() == 6);
  CHECK(!k.thresholds.empty());
  for (const auto& r : k.depth_ranges) checkProvenance(r.provenance);
  for (const auto& r : k.intervals) checkProvenance(r.provenance);
  for (const auto& r : k.courses) checkProvenance(r.provenance);
  for (const auto& r : k.contraindications) checkProvenance(r.provenance);
  for (const auto& r : k.pigmentation) checkProvenance(r.provenance);
  for (const auto& r : k.thresholds) checkProvenance(r.provenance);
  for (const auto& r : k.device_choices) checkProvenance(r.provenance);
  for (const auto& r : k.downtime) checkProvenance(r.provenance);
  for (const auto& r : k.treated_sites) checkProvenance(r.provenance);
}

TEST_CASE("knowledge table: what plans read (devices, treated sites, downtime, courses)",
          "[guidance]") {
  const KnowledgeTable& k = knowledgeTable();
  // The most specific device row wins; the any, any row is the default.
  CHECK(k.deviceChoice(Site::Scalp, Indication::HairLoss).device == DeviceType::Roller);
  CHECK(k.deviceChoice(Site::Thigh, Indication::StretchMarks).device == DeviceType::Roller);
  const DeviceChoice& fallback = k.deviceChoice(Site::Cheek, Indication::AcneScars);
  CHECK(fallback.device == DeviceType::Pen);
  CHECK_FALSE(fallback.site);
  CHECK_FALSE(fallback.indication);
  // Every indication has its sites; hair loss only the scalp.
  for (int i = 0; i <= static_cast<int>(Indication::HairLoss); ++i)
    CHECK(k.treatedSites(static_cast<Indication>(i)).indication == static_cast<Indication>(i));
  CHECK(k.treatedSites(Indication::HairLoss).covers(Site::Scalp));
  CHECK_FALSE(k.treatedSites(Indication::HairLoss).covers(Site::Cheek));
  CHECK(k.treatedSites(Indication::SurgicalScar).covers(Site::Hand));
  // Downtime rows cover every needle length, deeper needles never promising less redness.
  for (double mm = 0.1; mm <= 3.5; mm += 0.05) {
    const DowntimeRange& r = k.downtimeFor(mm);
    CHECK(r.from_mm <= mm);
    CHECK(mm < r.below_mm);
    CHECK(r.min_days <= r.max_days);
    CHECK(r.max_days >= k.downtimeFor(0.1).max_days);
  }
  // Courses read as counts: "3-6" and "12".
  REQUIRE(k.course(Indication::AcneScars));
  CHECK(k.course(Indication::AcneScars)->fewest_sessions == 3);
  CHECK(k.course(Indication::AcneScars)->most_sessions == 6);
  REQUIRE(k.course(Indication::HairLoss));
  CHECK(k.course(Indication::HairLoss)->fewest_sessions == 12);
  CHECK(k.course(Indication::HairLoss)->most_sessions == 12);
  for (const char* key : {"plan_depth_share", "plan_pen_passes", "plan_follow_up_days"})
    CHECK(k.threshold(key).provenance.file == "thresholds.csv");
}

TEST_CASE("knowledge table: every site, condition and needle length is covered", "[guidance]") {
  const KnowledgeTable& k = knowledgeTable();
  for (int s = 0; s <= static_cast<int>(Site::Back); ++s)
    for (int i = 0; i <= static_cast<int>(Indication::HairLoss); ++i) {
      const DepthRange& r = k.depthRange(static_cast<Site>(s), static_cast<Indication>(i));
      CHECK(r.site == static_cast<Site>(s));
      CHECK(r.min_mm <= r.max_mm);
    }
  for (int c = 0; c <= static_cast<int>(Condition::KeloidHistory); ++c)
    CHECK(k.contraindication(static_cast<Condition>(c)).condition == static_cast<Condition>(c));
  for (double mm = 0.1; mm <= 3.5; mm += 0.05) {
    const IntervalRule& r = k.interval(Indication::AcneScars, mm);
    CHECK(r.from_mm <= mm);
    CHECK(mm < r.below_mm);
  }
}

TEST_CASE("knowledge table: an indication's own row comes before the site's", "[guidance]") {
  const KnowledgeTable& k = knowledgeTable();
  const DepthRange& scars = k.depthRange(Site::Cheek, Indication::AcneScars);
  REQUIRE(scars.indication);
  CHECK(*scars.indication == Indication::AcneScars);
  CHECK_FALSE(k.depthRange(Site::Periorbital, Indication::AcneScars).indication);
}

TEST_CASE("knowledge table: the program's copy is the one in assets/guidance", "[guidance]") {
  const std::filesystem::path folder =
      std::filesystem::path(DERMASIM_SOURCE_DIR) / "assets" / "guidance";
  std::size_t onDisk = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".csv") continue;
    ++onDisk;
    INFO(entry.path().string() << ": rebuild to compile it in");
    const auto files = knowledgeTableFiles();
    REQUIRE(files.count(entry.path().filename().string()) == 1);
    CHECK(std::string(files.at(entry.path().filename().string())) == slurp(entry.path()));
  }
  CHECK(onDisk == knowledgeTableFiles().size());
}

TEST_CASE("knowledge table: a bad row is refused, naming file, line and column", "[guidance]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(withExtraRow("depth_ranges.csv", "cheek,any,0.5,2.0,some chart,Z"),
                    Contains("depth_ranges.csv, line") && Contains("grade"));
  CHECK_THROWS_WITH(withExtraRow("depth_ranges.csv", "cheek,any,0.5,2.0,,C"),
                    Contains("source: must not be empty"));
  CHECK_THROWS_WITH(withExtraRow("depth_ranges.csv", "elbow,any,0.5,2.0,a chart,C"),
                    Contains("site: expected"));
  CHECK_THROWS_WITH(withExtraRow("depth_ranges.csv", "cheek,any,deep,2.0,a chart,C"),
                    Contains("min_mm: expected a number"));
  CHECK_THROWS_WITH(withExtraRow("depth_ranges.csv", "cheek,any,2.0,1.0,a chart,C"),
                    Contains("max_mm: expected at least min_mm"));
  CHECK_THROWS_WITH(parsedWith("thresholds.csv", "key,value\nhome_use_max_mm,0.3\n"),
                    Contains("thresholds.csv, line 1: expected the header"));
  CHECK_THROWS_WITH(withExtraRow("contraindications.csv", "pregnancy,fatal,contraindication,x,y,C"),
                    Contains("level: expected error | warning | note"));
  CHECK_THROWS_WITH(parsedWith("intervals.csv",
                               "indication,from_mm,below_mm,min_interval_days,usual_interval,"
                               "source,grade\nany,0,1.0,7,weekly,a chart,C\n"),
                    Contains("without gaps"));
  CHECK_THROWS_WITH(
      parsedWith("contraindications.csv", "condition,level,code,advice,source,grade\n"),
      Contains("no row for condition"));
  CHECK_THROWS_WITH(withExtraRow("devices.csv", "cheek,any,laser,faster,a chart,C"),
                    Contains("devices.csv, line") && Contains("device: expected pen | roller"));
  CHECK_THROWS_WITH(parsedWith("devices.csv",
                               "site,indication,device,reason,source,grade\n"
                               "scalp,hair_loss,roller,studies,Dhurat,B\n"),
                    Contains("no row for site any with indication any"));
  CHECK_THROWS_WITH(parsedWith("downtime.csv",
                               "from_mm,below_mm,min_days,max_days,source,grade\n"
                               "0,1.0,0,2,a guide,C\n1.5,9.9,1,4,a guide,C\n"),
                    Contains("downtime.csv") && Contains("without gaps"));
  CHECK_THROWS_WITH(withExtraRow("downtime.csv", "0,0.5,3,1,a guide,C"),
                    Contains("max_days: expected at least min_days"));
  CHECK_THROWS_WITH(withExtraRow("treated_sites.csv", "acne_scars,cheek elbow,x,C"),
                    Contains("sites: expected any, or sites"));
  CHECK_THROWS_WITH(parsedWith("treated_sites.csv", "indication,sites,source,grade\n"),
                    Contains("no row for indication"));
  CHECK_THROWS_WITH(withExtraRow("courses.csv", "acne_scars,three,none,a review,B"),
                    Contains("sessions: expected a count or a range"));
  CHECK_THROWS_WITH(withExtraRow("courses.csv", "acne_scars,6-3,none,a review,B"),
                    Contains("sessions: expected a count or a range"));
  CHECK_THROWS_WITH(withExtraRow("thresholds.csv", "plan_depth_share,1.5,1,note,x,y,C"),
                    Contains("plan_depth_share is a share"));
}
