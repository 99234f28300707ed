#pragma once
// The days `dermasim render` draws from one simulation, read from `--day 1,7,30,180` or
// `--days-every N`, and the file each day's image goes to. Bounded before anything is drawn: a
// command line cannot ask for more images than kMaxRenderDays.
//
//   std::vector<double> days = parseRenderDays("1,7,30", 180);   // {1, 7, 30}
//   std::vector<double> every = renderDaysEvery(30, 90);          // {0, 30, 60, 90}
//   renderDayPath("out/skin.png", 7, days);                       // "out/skin_day07.png"

#include <string>
#include <vector>

namespace dermasim {

inline constexpr int kMaxRenderDays = 400;

// Days from a comma-separated list, each 0..durationDays, sorted and without repeats. Throws
// InputError naming --day for an empty entry, a non-number, a day out of range or too many.
std::vector<double> parseRenderDays(const std::string& text, double durationDays);

// 0, step, 2 step, ... up to durationDays. Throws InputError naming --days-every for a step that
// is not positive or would give more than kMaxRenderDays images.
std::vector<double> renderDaysEvery(double step, double durationDays);

// Where the image of `day` goes when `days` are drawn: `out` itself for one day; otherwise
// `out` with "_dayD" before its extension, D padded with zeros to the widest day's width so the
// files sort by day (a fractional day keeps its decimals: "_day07.5").
std::string renderDayPath(const std::string& out, double day, const std::vector<double>& days);

}  // namespace dermasim
