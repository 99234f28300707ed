// `dermasim validation`: runs the cases of a folder, prints the table, writes validation.csv and
// validation.png, and exits 0 when every target passes, 1 when any fails, 2 on a bad case.

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

const fs::path kShippedCase =
    fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / "validation" / "pen_channel_closure.toml";

// A folder holding the shipped channel-closure case (two days of one session on a small patch)
// with `from` replaced by `to`.
fs::path caseFolder(const std::string& name, const std::string& from = "",
                    const std::string& to = "") {
  const fs::path dir = scratch(name);
  std::string text = slurp(kShippedCase);
  if (!from.empty()) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  std::ofstream(dir / "case.toml") << text;
  return dir;
}

std::string validation(const fs::path& cases, const fs::path& out, int threads = 1) {
  return "--threads " + std::to_string(threads) + " validation -q --cases " + cases.string() +
         " --out " + out.string();
}

}  // namespace

TEST_CASE("validation passes a case the model meets and writes the table, CSV and chart",
          "[cli][validation]") {
  const fs::path cases = caseFolder("validation_pass");
  const fs::path out = scratch("validation_pass_out") / "report";
  const Outcome r = dermasim(validation(cases, out));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Matchers::Contains("pen_channel_closure") &&
                        Catch::Matchers::Contains("2 of 2 targets pass"));
  const std::string csv = slurp(out / "validation.csv");
  CHECK_THAT(csv, Catch::Matchers::StartsWith("case,measure,metric,when,model,published"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
  CHECK(fs::file_size(out / "validation.png") > 1000);

  // The thread count changes nothing.
  const fs::path again = scratch("validation_pass_again");
  REQUIRE(dermasim(validation(cases, again, 2)).exit_code == 0);
  CHECK(slurp(again / "validation.csv") == csv);
}

TEST_CASE("validation exits 1 when a target is out of the model's reach", "[cli][validation]") {
  const fs::path cases = caseFolder("validation_fail", "min = 12\nmax = 18", "min = 40\nmax = 48");
  const fs::path out = scratch("validation_fail_out");
  const Outcome r = dermasim(validation(cases, out));
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out,
             Catch::Matchers::Contains("FAIL") && Catch::Matchers::Contains("1 of 2 targets pass"));
  CHECK_THAT(slurp(out / "validation.csv"), Catch::Matchers::Contains(",40,48,fail,A,"));
  CHECK(fs::exists(out / "validation.png"));
}

TEST_CASE("validation exits 2 on a bad case, naming the file and the key", "[cli][validation]") {
  const fs::path cases =
      caseFolder("validation_bad", "quality = \"A\"\n", "quality = \"A\"\nweight = 2\n");
  const Outcome r = dermasim(validation(cases, scratch("validation_bad_out")));
  CHECK(r.exit_code == 2);
  CHECK(r.err == (cases / "case.toml").string() + ": target[0].weight: unknown key\n");

  const Outcome empty = dermasim(validation(scratch("validation_empty"), scratch("x")));
  CHECK(empty.exit_code == 2);
  CHECK_THAT(empty.err, Catch::Matchers::Contains("holds no validation case"));
}
