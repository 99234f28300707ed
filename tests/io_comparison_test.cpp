// io/Comparison: the day axis, interpolation, the figures and their differences, and the
// comparison set's folder check.

#include "io/Comparison.hpp"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "io/InputError.hpp"

using namespace dermasim;

namespace {

namespace fs = std::filesystem;

SkinReading reading(double day, double collagen, double improvement) {
  SkinReading r;
  r.day = day;
  r.collagen_rel = collagen;
  r.improvement_pct = improvement;
  return r;
}

RunResult series(std::vector<SkinReading> readings) {
  RunResult r;
  r.timeseries = std::move(readings);
  return r;
}

// Every piece between separators, empty ones included (an empty last CSV field counts).
std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> pieces{""};
  for (char c : text) {
    if (c == separator)
      pieces.emplace_back();
    else
      pieces.back() += c;
  }
  return pieces;
}

}  // namespace

TEST_CASE("io comparison: a reading between two is linear, exact at one, none past the end",
          "[io][comparison]") {
  const std::vector<SkinReading> s{reading(0, 1.0, 0), reading(10, 1.2, 5), reading(40, 1.5, 20)};
  CHECK(readingAt(s, 10)->collagen_rel == 1.2);
  CHECK(readingAt(s, 10 + 1e-7)->collagen_rel == 1.2);  // prints as the same day
  CHECK(readingAt(s, 5)->collagen_rel == Approx(1.1));
  CHECK(readingAt(s, 30)->improvement_pct == Approx(15));
  CHECK(readingAt(s, 30)->day == 30);
  CHECK(readingAt(s, 40)->collagen_rel == 1.5);
  CHECK_FALSE(readingAt(s, 41));
  CHECK_FALSE(readingAt(s, -1));
  CHECK_FALSE(readingAt({}, 0));
}

TEST_CASE("io comparison: rows on both runs' days, each run empty past its end",
          "[io][comparison]") {
  const RunResult a = series({reading(0, 1, 0), reading(10, 1.2, 4), reading(30, 1.4, 8)});
  const RunResult b = series({reading(0, 1, 0), reading(5, 1.1, 2), reading(10 + 1e-8, 1.3, 6)});
  const std::vector<double> days = unionOfDays(a.timeseries, b.timeseries);
  REQUIRE(days == std::vector<double>{0, 5, 10, 30});

  std::vector<std::string> csv = split(comparisonCsv(a, b), '\n');
  REQUIRE(csv.size() == 6);
  CHECK(csv.back().empty());  // the last line ends with a newline too
  csv.pop_back();
  CHECK(csv[0].starts_with("day,redness_a_a,redness_a_b,erythema_a,erythema_b,"));
  const auto field = [&](std::size_t row, const std::string& column) {
    const std::vector<std::string> header = split(csv[0], ','), values = split(csv[row], ',');
    const auto at = std::find(header.begin(), header.end(), column);
    REQUIRE(at != header.end());
    return values.at(static_cast<std::size_t>(at - header.begin()));
  };
  CHECK(field(2, "collagen_rel_a") == "1.100000");  // day 5: A between days 0 and 10
  CHECK(field(2, "collagen_rel_b") == "1.100000");  // B's own reading
  CHECK(field(3, "collagen_rel_b") == "1.300000");
  CHECK(field(4, "day") == "30.000000");
  CHECK(field(4, "collagen_rel_a") == "1.400000");
  CHECK(field(4, "collagen_rel_b").empty());  // B ended on day 10
}

TEST_CASE("io comparison: figures for A and B, n/a past a scenario's end, differences B - A",
          "[io][comparison]") {
  Scenario scenarioA, scenarioB;
  RunResult a = series({reading(0, 1, 0), reading(30, 1.2, 10), reading(100, 1.3, 12)});
  RunResult b = series({reading(0, 1, 0), reading(60, 1.5, 16)});
  a.outcome.pih_risk = 0.1;
  b.outcome.pih_risk = 0.25;
  SessionResult pen;
  pen.device.type = DeviceType::Pen;
  pen.device.passes = 4;
  pen.device.cartridge_width_mm = 5;
  pen.device.glide_speed_mm_s = 20;
  pen.needling.stats.per_cm2 = 300;
  pen.downtime_days = 2;
  a.sessions = {pen};
  SessionResult roller = pen;
  roller.device.type = DeviceType::Roller;
  b.sessions = {roller, roller};

  std::map<std::string, ComparedFigure> figures;
  for (const ComparedFigure& f : comparedFigures({scenarioA, a}, {scenarioB, b}))
    figures.emplace(f.key, f);
  CHECK(figures.at("needling_time_s_per_cm2").a == Approx(4 * 100.0 / (5 * 20)));
  CHECK_FALSE(figures.at("needling_time_s_per_cm2").b);  // a roller: no speed known
  CHECK_FALSE(figures.at("needling_time_s_per_cm2").difference());
  CHECK(figures.at("punctures_per_cm2").difference() == Approx(0));
  CHECK(figures.at("collagen_gain_pct_day30").a == Approx(20));
  CHECK(figures.at("collagen_gain_pct_day30").b == Approx(25));  // half way to day 60
  CHECK(figures.at("collagen_gain_pct_day30").difference() == Approx(5));
  CHECK(figures.at("improvement_pct_day90").a == Approx(10 + 2 * 60.0 / 70));
  CHECK_FALSE(figures.at("improvement_pct_day90").b);  // B ended on day 60
  CHECK_FALSE(figures.at("improvement_pct_day180").a);
  CHECK(figures.at("pih_risk").difference() == Approx(0.15));
}

TEST_CASE("io comparison: the set replaces an earlier comparison, never someone else's files",
          "[io][comparison]") {
  const fs::path root = fs::temp_directory_path() / ("io_comparison_" + std::to_string(::getpid()));
  fs::remove_all(root);
  const fs::path dir = root / "cmp";
  for (int round = 0; round < 2; ++round) {
    StagedFolder staged(dir, "--out", comparisonOutputNames());
    for (const std::string& name : comparisonOutputNames()) staged.write(name, "x");
    staged.commit();
  }
  CHECK(fs::is_regular_file(dir / "a" / "summary.json"));
  CHECK(fs::is_regular_file(dir / "comparison.csv"));

  std::ofstream(dir / "b" / "notes.txt") << "mine";
  CHECK_THROWS_AS(StagedFolder(dir, "--out", comparisonOutputNames()), InputError);
  fs::remove(dir / "b" / "notes.txt");
  fs::create_directory(dir / "c");
  CHECK_THROWS_AS(StagedFolder(dir, "--out", comparisonOutputNames()), InputError);
  fs::remove_all(root);
}
