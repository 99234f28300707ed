// RenderDays: the days `dermasim render` draws and the file each goes to.
#include "io/RenderDays.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "io/InputError.hpp"

using namespace dermasim;

namespace {

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("RenderDays: a list is read, sorted and stripped of repeats", "[render_days]") {
  CHECK(parseRenderDays("7", 180) == std::vector<double>{7});
  CHECK(parseRenderDays("180, 1,7 ,30,7", 180) == std::vector<double>{1, 7, 30, 180});
  CHECK(parseRenderDays("0,0.5", 10) == std::vector<double>{0, 0.5});
}

TEST_CASE("RenderDays: a bad list names --day, what was expected and what came", "[render_days]") {
  CHECK_THAT(messageOf([] { parseRenderDays("1,,7", 180); }),
             Catch::Contains("--day") && Catch::Contains("empty entry"));
  CHECK_THAT(messageOf([] { parseRenderDays("1,seven", 180); }),
             Catch::Contains("--day") && Catch::Contains("(got seven)"));
  CHECK_THAT(messageOf([] { parseRenderDays("1,181", 180); }),
             Catch::Contains("between 0 and 180") && Catch::Contains("(got 181)"));
  CHECK_THAT(messageOf([] { parseRenderDays("-1", 180); }), Catch::Contains("(got -1)"));
  CHECK_THAT(messageOf([] { parseRenderDays("nan", 180); }), Catch::Contains("(got nan)"));
  std::string many = "0";
  for (int i = 1; i <= kMaxRenderDays; ++i) many += ",0";
  CHECK_THAT(messageOf([&] { parseRenderDays(many, 180); }), Catch::Contains("at most 400"));
}

TEST_CASE("RenderDays: every N days from day 0 to the end, bounded", "[render_days]") {
  CHECK(renderDaysEvery(30, 90) == std::vector<double>{0, 30, 60, 90});
  CHECK(renderDaysEvery(40, 90) == std::vector<double>{0, 40, 80});
  CHECK(renderDaysEvery(0.1, 0.3).size() == 4);
  CHECK_THAT(messageOf([] { renderDaysEvery(0, 90); }), Catch::Contains("--days-every"));
  CHECK_THAT(messageOf([] { renderDaysEvery(-3, 90); }), Catch::Contains("positive"));
  // Refused before a list is built: a tiny step cannot ask for millions of images.
  CHECK_THAT(messageOf([] { renderDaysEvery(1e-9, 180); }), Catch::Contains("at most 400"));
}

TEST_CASE("RenderDays: one day writes the file asked for, several one file each, sorting by day",
          "[render_days]") {
  CHECK(renderDayPath("out/skin.png", 7, {7}) == "out/skin.png");
  const std::vector<double> days{1, 7, 30, 180};
  CHECK(renderDayPath("out/skin.png", 1, days) == "out/skin_day001.png");
  CHECK(renderDayPath("out/skin.png", 180, days) == "out/skin_day180.png");
  CHECK(renderDayPath("skin.png", 7.5, {7.5, 30}) == "skin_day07.5.png");
  CHECK(renderDayPath("skin.png", 6.9999999999, {6.9999999999, 30}) == "skin_day07.png");
  CHECK(renderDayPath("skin.png", 0.25, {0, 0.25}) == "skin_day0.25.png");
}
